package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.web.Csrf;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** For someone signed in, the form token comes from her session: another session's token, or the visitor cookie's, opens nothing. */
class StaffCsrfTest {

    @Test
    void aTokenFromAnotherSessionIsRefused() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser lina = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            StaffBrowser mallory = StaffBrowser.newAccount(server, "mallory@example.org", Role.ADVISOR);
            String mallorysToken = mallory.csrf("/account");
            assertThat(mallorysToken).isNotEqualTo(lina.csrf("/account"));

            HttpResponse<String> forged = lina.post("/account/sign-out-everywhere", Map.of(Csrf.FIELD, mallorysToken));

            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(lina.isSignedIn()).isTrue();
            assertThat(mallory.isSignedIn()).isTrue();
        }
    }

    @Test
    void theVisitorCookiesTokenIsWorthNothingOnceSignedIn() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser lina = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            // A sibling site that can set cookies could know this one: it was issued before she signed in.
            String cookieToken = lina.cookie(Csrf.COOKIE);

            HttpResponse<String> planted = lina.post("/account/sign-out-everywhere", Map.of(Csrf.FIELD, cookieToken));

            assertThat(planted.statusCode()).isEqualTo(403);
            assertThat(lina.isSignedIn()).isTrue();
        }
    }

    @Test
    void hisOwnSessionsTokenWorksAndChangesWhenHeSignsInAgain() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser lina = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            String first = lina.csrf("/account");
            assertThat(lina.csrf("/logout")).as("the same on every page of one session").isEqualTo(first);
            assertThat(lina.post("/logout", Map.of(Csrf.FIELD, first)).statusCode()).isEqualTo(303);
            assertThat(lina.isSignedIn()).isFalse();

            StaffBrowser again = StaffBrowser.signedIn(server, "lina@example.org", dearly.SignedIn.PASSWORD);
            String second = again.csrf("/account");
            assertThat(second).isNotEqualTo(first);
            assertThat(again.post("/account/sign-out-everywhere", Map.of(Csrf.FIELD, first)).statusCode())
                    .as("the last session's token").isEqualTo(403);
            assertThat(again.post("/account/sign-out-everywhere", Map.of(Csrf.FIELD, second)).statusCode()).isEqualTo(303);
        }
    }
}

package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Dearly itself, as {@code serve} starts it, signs its people in and out. */
class SignInToDearlyTest {
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void anEditorSignsInToTheDeskAndOutAgain() {
        try (TestServer server = TestServer.start()) {
            new UserRepository(server.server().database())
                    .add("marta@example.org", "Marta R.", Role.EDITOR, PASSWORD.toCharArray(), Instant.now());

            Document form = server.page("/login");
            HttpResponse<String> signedIn = server.postForm(form.selectFirst("main form").attr("action"), Map.of(
                    "_csrf", form.selectFirst("input[name=_csrf]").val(),
                    "next", form.selectFirst("input[name=next]").val(),
                    "email", "marta@example.org",
                    "password", PASSWORD));
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).contains("/desk");
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith(Sessions.COOKIE + "="));

            Document confirm = server.page("/logout");
            assertThat(confirm.selectFirst("h1").text()).isEqualTo("Sign out?");
            HttpResponse<String> signedOut = server.postForm("/logout", Map.of("_csrf", confirm.selectFirst("input[name=_csrf]").val()));
            assertThat(signedOut.headers().firstValue("Location")).contains("/");
            assertThat(server.get("/logout").statusCode()).as("nobody left to sign out").isEqualTo(303);
        }
    }

    @Test
    void aWrongPasswordIsAnsweredCalmly() {
        try (TestServer server = TestServer.start()) {
            Document form = server.page("/login");
            HttpResponse<String> response = server.postForm("/login", Map.of(
                    "_csrf", form.selectFirst("input[name=_csrf]").val(), "email", "nobody@example.org", "password", PASSWORD));
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(response.body()).selectFirst(".notice").text()).isEqualTo("That e-mail and password don't match.");
        }
    }
}

package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.web.RateLimitSettings;
import dearly.web.RateLimitSettings.Limit;
import dearly.web.RateLimits.Group;
import dearly.web.TrustedProxies;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-ins are counted per account as well as per client: after many attempts at one address a
 * clear message, the same for addresses with and without an account, and one mail to the holder.
 */
class SignInLockoutTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = StaffInbox.smtp();

    private static final int ATTEMPTS = 4;

    @Test
    void manyFailedSignInsPauseTheAccountAndTellItsHolderOnce() throws Exception {
        try (TestServer server = lockingAfter(ATTEMPTS)) {
            StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            for (int i = 0; i < ATTEMPTS - 1; i++) {
                assertThat(signIn(server, "lina@example.org", "guess " + i).statusCode()).isEqualTo(422);
            }
            HttpResponse<String> paused = signIn(server, "lina@example.org", "guess again");
            assertThat(paused.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(paused.body()).select("#login-message").text())
                    .startsWith("There have been many attempts to sign in with this e-mail address");
            assertThat(signIn(server, "lina@example.org", SignedIn.PASSWORD).statusCode())
                    .as("even the right password waits").isEqualTo(429);

            MimeMessage mail = StaffInbox.next(SMTP, "lina@example.org", 0);
            assertThat(mail.getSubject()).isEqualTo("Sign-ins to your Dearly account are paused");
            assertThat(StaffInbox.plainText(mail)).contains("many attempts").contains(server.url("/reset"));
            for (int i = 0; i < 3; i++) signIn(server, "lina@example.org", "more " + i);
            assertThat(StaffInbox.queuedTo(server, "lina@example.org")).as("one mail per lockout").isEqualTo(1);
        }
    }

    @Test
    void anAddressWithoutAnAccountIsPausedWithTheSameWordsAndNoMail() {
        try (TestServer server = lockingAfter(ATTEMPTS)) {
            StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            HttpResponse<String> known = null;
            HttpResponse<String> unknown = null;
            for (int i = 0; i <= ATTEMPTS; i++) {
                known = signIn(server, "lina@example.org", "guess " + i);
                unknown = signIn(server, "nobody@example.org", "guess " + i);
            }
            assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(unknown.body()).select("#login-message").text())
                    .isEqualTo(Jsoup.parse(known.body()).select("#login-message").text());
            StaffInbox.next(SMTP, "lina@example.org", 0);
            assertThat(StaffInbox.queuedTo(server, "nobody@example.org")).isZero();
        }
    }

    @Test
    void theHolderIsToldAgainAtTheNextLockoutAfterAnHour() {
        try (TestServer server = lockingAfter(ATTEMPTS)) {
            StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            for (int i = 0; i <= ATTEMPTS; i++) signIn(server, "lina@example.org", "guess " + i);
            StaffInbox.next(SMTP, "lina@example.org", 0);
            server.clock().advance(Duration.ofMinutes(61));
            for (int i = 0; i < 2; i++) signIn(server, "lina@example.org", "later " + i);
            // The allowance refills with the system's time, not Dearly's: still paused, and now a second lockout to tell.
            assertThat(StaffInbox.queuedTo(server, "lina@example.org")).isEqualTo(2);
        }
    }

    private static TestServer lockingAfter(int attempts) {
        return StaffInbox.withSmtp(SMTP, config -> config.withRateLimits(new RateLimitSettings(
                Map.of(Group.SIGN_IN_ACCOUNT, new Limit(attempts, Duration.ofHours(1))), TrustedProxies.NONE,
                RateLimitSettings.DEFAULT_MAX_CLIENTS_PER_GROUP)));
    }

    private static HttpResponse<String> signIn(TestServer server, String email, String password) {
        return new StaffBrowser(server).submit("/login", "form.login", Map.of("email", email, "password", password));
    }
}

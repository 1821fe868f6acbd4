package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dearly.SignedIn;
import dearly.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A forgotten password: a link by mail that sets a new one once, within the hour, telling nobody which addresses have accounts. */
class PasswordResetTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = StaffInbox.smtp();

    private static final String NEW_PASSWORD = "a brand new passphrase for lina";

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser laptop = StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            String link = requestReset(server, "Lina@Example.org");

            StaffBrowser phone = new StaffBrowser(server);
            assertThat(phone.page(link).select("h1").text()).isEqualTo("Choose a new password");
            HttpResponse<String> reset = phone.submit(link, "form.account", Map.of("password", NEW_PASSWORD));

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(reset.body()).select("h1").text()).isEqualTo("Your password is changed");
            assertThat(laptop.isSignedIn()).as("the session open before the reset").isFalse();
            assertThat(new StaffBrowser(server).submit("/login", "form.login",
                    Map.of("email", "lina@example.org", "password", SignedIn.PASSWORD)).statusCode()).isEqualTo(422);
            assertThat(StaffBrowser.signedIn(server, "lina@example.org", NEW_PASSWORD).isSignedIn()).isTrue();

            HttpResponse<String> again = phone.post(link, Map.of("_csrf", phone.csrf("/login"), "password", "yet another passphrase!"));
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(StaffBrowser.signedIn(server, "lina@example.org", NEW_PASSWORD).isSignedIn()).isTrue();
        }
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            HttpResponse<String> known = new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", "lina@example.org"));
            HttpResponse<String> unknown = new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", "nobody@example.org"));

            assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(known.body()).select("main").text()).isEqualTo(Jsoup.parse(unknown.body()).select("main").text())
                    .contains("If there is an account for that address");
            StaffInbox.next(SMTP, "lina@example.org", 0);
            assertThat(StaffInbox.to(SMTP, "nobody@example.org")).isEmpty();
            assertThat(StaffInbox.queuedTo(server, "nobody@example.org")).isZero();
        }
    }

    @Test
    void aResetLinkExpiresAfterAnHourAndANewerOneReplacesIt() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            String first = requestReset(server, "lina@example.org");
            String second = requestReset(server, "lina@example.org");
            StaffBrowser visitor = new StaffBrowser(server);
            assertThat(visitor.get(first).statusCode()).as("the older link").isEqualTo(410);
            assertThat(visitor.get(second).statusCode()).isEqualTo(200);

            server.clock().advance(Duration.ofMinutes(61));
            assertThat(visitor.get(second).statusCode()).isEqualTo(410);
            assertThat(Jsoup.parse(visitor.get(second).body()).select("a[href=/reset]").text()).isEqualTo("Ask for a new password link");
        }
    }

    @Test
    void aStrangerAskingAgainAndAgainSendsHerThreeLinksAnHourNotMore() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            int before = StaffInbox.queuedTo(server, "lina@example.org");
            for (int i = 0; i < 3; i++) requestReset(server, "lina@example.org");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> held = new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", "lina@example.org"));
                assertThat(held.statusCode()).isEqualTo(200);
                assertThat(Jsoup.parse(held.body()).select("main").text()).contains("If there is an account for that address");
            }
            assertThat(StaffInbox.queuedTo(server, "lina@example.org") - before).as("reset mails queued for her").isEqualTo(3);

            server.clock().advance(Duration.ofMinutes(61));
            String link = requestReset(server, "lina@example.org");
            assertThat(new StaffBrowser(server).get(link).statusCode()).as("a link asked for an hour later").isEqualTo(200);
        }
    }

    @Test
    void aDeactivatedAccountGetsNoResetLink() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            StaffBrowser.newAccount(server, "gone@example.org", Role.ADVISOR);
            long gone = new UserRepository(server.server().database()).byEmail("gone@example.org").orElseThrow().id();
            assertThat(admin.submit("/admin/accounts", "form[action^=/admin/accounts/" + gone + "/deactivate]", Map.of()).statusCode())
                    .isEqualTo(303);

            assertThat(new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", "gone@example.org")).statusCode())
                    .isEqualTo(200);
            assertThat(StaffInbox.queuedTo(server, "gone@example.org")).isZero();
        }
    }

    /** Asks for a reset from the public form and returns the link path from the mail. */
    private static String requestReset(TestServer server, String email) {
        String address = email.toLowerCase(java.util.Locale.ROOT);
        int before = StaffInbox.to(SMTP, address).size();
        assertThat(new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", email)).statusCode()).isEqualTo(200);
        MimeMessage mail = StaffInbox.next(SMTP, address, before);
        return StaffInbox.linkIn(mail);
    }
}

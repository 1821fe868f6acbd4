package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dearly.SignedIn;
import dearly.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /account: a new password with the current one, a new address confirmed from its mailbox, and signing out everywhere. */
class OwnAccountTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = StaffInbox.smtp();

    private static final String NEW_PASSWORD = "lina's second long passphrase";
    private static final String PASSWORD_FORM = "form[action^=/account/password]";
    private static final String EMAIL_FORM = "form[action^=/account/email]";

    @Test
    void aNewPasswordNeedsTheCurrentOneAndEndsHerOtherSessions() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser laptop = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            StaffBrowser phone = StaffBrowser.signedIn(server, "lina@example.org", SignedIn.PASSWORD);

            HttpResponse<String> wrong = laptop.submit("/account", PASSWORD_FORM, Map.of("current", "not my password", "password", NEW_PASSWORD));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(wrong.body()).select("#f-current-error").text()).isEqualTo("That is not your current password.");
            assertThat(Jsoup.parse(wrong.body()).select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);

            HttpResponse<String> shortOne = laptop.submit("/account", PASSWORD_FORM, Map.of("current", SignedIn.PASSWORD, "password", "short"));
            assertThat(Jsoup.parse(shortOne.body()).select("#f-password-error").text()).contains("at least 12 characters");

            HttpResponse<String> changed = laptop.submit("/account", PASSWORD_FORM, Map.of("current", SignedIn.PASSWORD, "password", NEW_PASSWORD));
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(laptop.page("/account?notice=password").select("p.notice").text()).contains("Your password is changed");
            assertThat(laptop.isSignedIn()).as("this device stays signed in").isTrue();
            assertThat(phone.isSignedIn()).as("her other device is signed out").isFalse();
            assertThat(StaffBrowser.signedIn(server, "lina@example.org", NEW_PASSWORD).isSignedIn()).isTrue();
        }
    }

    @Test
    void aNewAddressChangesOnlyWhenTheLinkSentToItIsConfirmed() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser lina = StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            HttpResponse<String> wrong = lina.submit("/account", EMAIL_FORM, Map.of("new_email", "lina.p@example.org", "password_check", "wrong"));
            assertThat(Jsoup.parse(wrong.body()).select("#f-password-check-error").text()).isEqualTo("That is not your current password.");
            assertThat(Jsoup.parse(wrong.body()).select("#f-new-email").val()).isEqualTo("lina.p@example.org");

            HttpResponse<String> sent = lina.submit("/account", EMAIL_FORM, Map.of("new_email", "Lina.P@example.org", "password_check", SignedIn.PASSWORD));
            assertThat(sent.statusCode()).isEqualTo(303);
            MimeMessage mail = StaffInbox.next(SMTP, "lina.p@example.org", 0);
            String link = StaffInbox.linkIn(mail);

            Document confirm = lina.page(link);
            assertThat(confirm.text()).contains("lina.p@example.org");
            assertThat(new UserRepository(server.server().database()).byEmail("lina@example.org")).as("opening the link changes nothing").isPresent();
            HttpResponse<String> done = lina.submit(link, "main form", Map.of());
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(done.body()).text()).contains("From now on you sign in with lina.p@example.org");
            assertThat(StaffBrowser.signedIn(server, "lina.p@example.org", SignedIn.PASSWORD).isSignedIn()).isTrue();
            assertThat(new UserRepository(server.server().database()).byEmail("lina@example.org")).isEmpty();
            assertThat(lina.get(link).statusCode()).as("used once").isEqualTo(410);
        }
    }

    @Test
    void anAddressAnotherAccountHasIsRefused() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser.newAccount(server, "marta@example.org", Role.EDITOR);
            StaffBrowser lina = StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            HttpResponse<String> taken = lina.submit("/account", EMAIL_FORM, Map.of("new_email", "MARTA@example.org", "password_check", SignedIn.PASSWORD));
            assertThat(taken.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(taken.body()).select("#f-new-email-error").text()).isEqualTo("There is already an account with this e-mail address.");
        }
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfHersAndNoOneElses() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser laptop = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
            StaffBrowser phone = StaffBrowser.signedIn(server, "lina@example.org", SignedIn.PASSWORD);
            StaffBrowser marta = StaffBrowser.newAccount(server, "marta@example.org", Role.ADVISOR);

            HttpResponse<String> out = phone.submit("/account", "form[action=/account/sign-out-everywhere]", Map.of());

            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location")).hasValue("/login?everywhere");
            assertThat(phone.page("/login?everywhere").select("p.notice").text()).isEqualTo("You are signed out on every device.");
            assertThat(phone.isSignedIn()).isFalse();
            assertThat(laptop.isSignedIn()).isFalse();
            assertThat(laptop.get("/account").headers().firstValue("Location")).hasValue("/login?next=%2Faccount");
            assertThat(marta.isSignedIn()).isTrue();
        }
    }

    @Test
    void theAccountPageSpeaksSpanish() {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser lina = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR, Role.EDITOR);
            Document page = lina.page("/es/account");
            assertThat(page.select("h1").text()).isEqualTo("Tu cuenta");
            assertThat(page.select("dl.account dd").eachText()).contains("consejera, editora");
            assertThat(page.select("button").eachText()).contains("Cerrar sesión en todas partes");
        }
    }
}

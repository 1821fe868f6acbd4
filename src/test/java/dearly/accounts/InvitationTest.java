package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dearly.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An admin invites someone by mail; the link in it makes her account once, within a week, and is worth nothing altered. */
class InvitationTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = StaffInbox.smtp();

    private static final String PASSWORD = "marta's own long passphrase";

    @Test
    void anInvitationReachesHerInboxAndMakesHerAccountWithTheRolesChosenOnce() throws Exception {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            String link = invite(admin, "marta@example.org", "editor", "advisor");
            MimeMessage mail = StaffInbox.next(SMTP, "marta@example.org", 0);
            assertThat(mail.getSubject()).isEqualTo("You are invited to Dearly");
            assertThat(StaffInbox.plainText(mail)).contains("Ana a. invites you to work on Dearly as advisor, editor").contains("The link works once, for 7 days.");

            StaffBrowser marta = new StaffBrowser(server);
            Document page = marta.page(link);
            assertThat(page.select("p.lead").text()).contains("marta@example.org");
            HttpResponse<String> accepted = marta.submit(link, "form.account", Map.of("name", "Marta R.", "password", PASSWORD));

            assertThat(accepted.statusCode()).isEqualTo(303);
            Document account = marta.page("/account?notice=welcome");
            assertThat(account.select("p.notice").text()).contains("Welcome");
            assertThat(account.select("dl.account dd").eachText()).contains("Marta R.", "marta@example.org", "advisor, editor");
            assertThat(marta.get("/desk").statusCode()).as("an editor opens the desk").isEqualTo(200);
            assertThat(marta.get("/admin").statusCode()).as("but not the admin pages").isEqualTo(403);

            StaffBrowser again = new StaffBrowser(server);
            HttpResponse<String> second = again.post(link, Map.of("_csrf", again.csrf("/login"), "name", "Someone Else",
                    "password", PASSWORD));
            assertThat(second.statusCode()).isEqualTo(410);
            assertThat(Jsoup.parse(second.body()).select("h1").text()).isEqualTo("This link does not open anything");
            assertThat(new UserRepository(server.server().database()).byEmail("marta@example.org").orElseThrow().displayName())
                    .isEqualTo("Marta R.");
        }
    }

    @Test
    void anInvitationExpiresAfterAWeek() throws Exception {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            String link = invite(admin, "late@example.org", "advisor");
            server.clock().advance(Duration.ofDays(7).plusMinutes(1));

            StaffBrowser late = new StaffBrowser(server);
            assertThat(late.get(link).statusCode()).isEqualTo(410);
            assertThat(late.post(link, Map.of("_csrf", late.csrf("/login"), "name", "Late", "password", PASSWORD)).statusCode())
                    .isEqualTo(410);
            assertThat(new UserRepository(server.server().database()).byEmail("late@example.org")).isEmpty();
        }
    }

    @Test
    void aTamperedInvitationOpensNothingAndTheRealOneStillWorks() throws Exception {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            String link = invite(admin, "tamper@example.org", "advisor");
            String tampered = link.substring(0, link.length() - 2) + (link.endsWith("xx") ? "yy" : "xx");

            StaffBrowser visitor = new StaffBrowser(server);
            assertThat(visitor.get(tampered).statusCode()).isEqualTo(410);
            assertThat(visitor.post(tampered, Map.of("_csrf", visitor.csrf("/login"), "name", "T", "password", PASSWORD)).statusCode())
                    .isEqualTo(410);
            assertThat(visitor.get("/setup/" + link.substring("/invitation/".length())).statusCode())
                    .as("an invitation is no setup link").isEqualTo(410);
            assertThat(visitor.get(link).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAddressWithAnAccountIsNotInvitedAgainAndNoRoleIsNoInvitation() throws Exception {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            HttpResponse<String> taken = admin.submit("/admin/accounts", "form[action$=/admin/accounts/invite]",
                    Map.of("email", "ALMA@example.org", "roles", "editor"));
            assertThat(taken.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(taken.body());
            assertThat(page.select("#f-email-error").text()).isEqualTo("There is already an account with this e-mail address.");
            assertThat(page.select("#f-email").val()).isEqualTo("ALMA@example.org");

            HttpResponse<String> noRole = admin.submit("/admin/accounts", "form[action$=/admin/accounts/invite]",
                    Map.of("email", "new@example.org"));
            assertThat(noRole.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(noRole.body()).select("#f-roles-error").text()).isEqualTo("Please tick at least one role.");
            assertThat(StaffInbox.to(SMTP, "new@example.org")).isEmpty();
        }
    }

    @Test
    void theInvitationSpeaksSpanishFromTheSpanishPage() throws Exception {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            HttpResponse<String> sent = admin.submit("/es/admin/accounts", "form[action$=/admin/accounts/invite]",
                    Map.of("email", "lucia@example.org", "roles", "advisor"));
            assertThat(sent.statusCode()).isEqualTo(303);
            MimeMessage mail = StaffInbox.next(SMTP, "lucia@example.org", 0);
            assertThat(mail.getSubject()).isEqualTo("Te invitan a Dearly");
            assertThat(StaffInbox.plainText(mail)).contains("como consejera");
            assertThat(new StaffBrowser(server).page(StaffInbox.linkIn(mail)).select("h1").text()).isEqualTo("Únete a Dearly");
        }
    }

    /** Sends an invitation from the admin's page and returns the link path from the mail she gets. */
    static String invite(StaffBrowser admin, String email, String... roles) {
        int before = StaffInbox.to(SMTP, email).size();
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("email", email));
        // A form sends a ticked box per role; the test client sends one field per name, so roles go in the body by hand.
        String extra = String.join("&", java.util.Arrays.stream(roles).map(role -> "roles=" + role).toList());
        Document page = admin.page("/admin/accounts");
        String token = page.selectFirst("form[action$=/admin/accounts/invite] input[name=_csrf]").val();
        fields.put("_csrf", token);
        HttpResponse<String> sent = admin.postRaw("/admin/accounts/invite", TestServer.formBody(fields) + "&" + extra);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        return StaffInbox.linkIn(StaffInbox.next(SMTP, email, before));
    }
}

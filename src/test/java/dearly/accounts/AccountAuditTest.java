package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dearly.TestServer;
import dearly.web.RateLimitSettings;
import dearly.web.RateLimitSettings.Limit;
import dearly.web.RateLimits.Group;
import dearly.web.TrustedProxies;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every account action leaves an entry an admin reads at /admin/audit: who, what, on which account;
 * never a password, a link's token or someone else's whole address.
 */
class AccountAuditTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = StaffInbox.smtp();

    private static final String ALMA_PASSWORD = "the first admin's own passphrase";
    private static final String MARTA_PASSWORD = "marta's own long passphrase";
    private static final String MARTA_NEW_PASSWORD = "marta's second long passphrase";
    private static final String MARTA_RESET_PASSWORD = "marta's third, after a reset";

    @Test
    void eachAccountActionIsInTheAuditLogWithoutSecrets() throws Exception {
        try (TestServer server = StaffInbox.withSmtp(SMTP)) {
            String setup = server.server().setupLink().orElseThrow().toString().substring(server.url("").length());
            StaffBrowser alma = new StaffBrowser(server);
            assertThat(alma.submit(setup, "form.account", Map.of("email", "alma@example.org", "name", "Alma A.",
                    "password", ALMA_PASSWORD)).statusCode()).isEqualTo(303);

            assertThat(alma.postRaw("/admin/accounts/invite", "_csrf=" + encode(alma.csrf("/admin/accounts"))
                    + "&email=marta%40example.org&roles=editor").statusCode()).isEqualTo(303);
            String invitation = StaffInbox.linkIn(StaffInbox.next(SMTP, "marta@example.org", 0));
            StaffBrowser marta = new StaffBrowser(server);
            assertThat(marta.submit(invitation, "form.account", Map.of("name", "Marta R.", "password", MARTA_PASSWORD)).statusCode())
                    .isEqualTo(303);
            long martaId = new UserRepository(server.server().database()).byEmail("marta@example.org").orElseThrow().id();

            assertThat(marta.submit("/account", "form[action^=/account/password]", Map.of("current", MARTA_PASSWORD,
                    "password", MARTA_NEW_PASSWORD)).statusCode()).isEqualTo(303);
            int before = StaffInbox.to(SMTP, "marta.r@example.net").size();
            assertThat(marta.submit("/account", "form[action^=/account/email]", Map.of("new_email", "marta.r@example.net",
                    "password_check", MARTA_NEW_PASSWORD)).statusCode()).isEqualTo(303);
            String confirm = StaffInbox.linkIn(StaffInbox.next(SMTP, "marta.r@example.net", before));
            assertThat(marta.submit(confirm, "main form", Map.of()).statusCode()).isEqualTo(200);

            assertThat(alma.postRaw("/admin/accounts/" + martaId + "/roles", "_csrf=" + encode(alma.csrf("/admin/accounts"))
                    + "&roles=editor&roles=advisor").statusCode()).isEqualTo(303);
            assertThat(alma.submit("/admin/accounts", "form[action^=/admin/accounts/" + martaId + "/deactivate]", Map.of()).statusCode())
                    .isEqualTo(303);
            assertThat(alma.submit("/admin/accounts", "form[action^=/admin/accounts/" + martaId + "/reactivate]", Map.of()).statusCode())
                    .isEqualTo(303);

            before = StaffInbox.to(SMTP, "marta.r@example.net").size();
            assertThat(new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", "marta.r@example.net")).statusCode())
                    .isEqualTo(200);
            String reset = StaffInbox.linkIn(StaffInbox.next(SMTP, "marta.r@example.net", before));
            assertThat(new StaffBrowser(server).submit(reset, "form.account", Map.of("password", MARTA_RESET_PASSWORD)).statusCode())
                    .isEqualTo(200);
            StaffBrowser martaAgain = StaffBrowser.signedIn(server, "marta.r@example.net", MARTA_RESET_PASSWORD);
            assertThat(martaAgain.submit("/account", "form[action^=/account/sign-out-everywhere]", Map.of()).statusCode()).isEqualTo(303);

            String onMarta = "staff-account " + martaId;
            assertThat(entries(alma, "")).contains(
                    "Alma A. | staff-account.first-admin-created | staff-account " + adminId(server) + " | with the setup link",
                    "Alma A. | staff-account.invited | invitation | m***@example.org as editor",
                    "Marta R. | staff-account.invitation-accepted | " + onMarta + " | as editor",
                    "Marta R. | staff-account.password-changed | " + onMarta + " | her other sessions ended",
                    "Marta R. | staff-account.email-change-asked | " + onMarta + " | to m***@example.net",
                    "Marta R. | staff-account.email-changed | " + onMarta + " | m***@example.org → m***@example.net",
                    "Alma A. | staff-account.roles-changed | " + onMarta + " | editor → advisor, editor",
                    "Alma A. | staff-account.deactivated | " + onMarta + " | her sessions ended",
                    "Alma A. | staff-account.reactivated | " + onMarta + " |",
                    "Dearly | staff-account.reset-requested | " + onMarta + " | a link mailed to the account's address",
                    "Marta R. | staff-account.password-reset | " + onMarta + " | with a reset link; every session ended",
                    "Marta R. | staff-account.signed-out-everywhere | " + onMarta + " |");
            assertThat(entries(alma, "?action=staff-account.deactivated")).hasSize(1);

            String log = alma.get("/admin/audit").body();
            for (String secret : List.of("marta@example.org", "marta.r@example.net", "alma@example.org", MARTA_PASSWORD,
                    MARTA_NEW_PASSWORD, MARTA_RESET_PASSWORD, ALMA_PASSWORD, token(setup), token(invitation), token(confirm), token(reset))) {
                assertThat(log).as("the audit page quotes no address, password or token").doesNotContain(secret);
            }
        }
    }

    @Test
    void aLockoutIsInTheAuditLogOncePerLockout() {
        try (TestServer server = StaffInbox.withSmtp(SMTP, config -> config.withRateLimits(new RateLimitSettings(
                Map.of(Group.SIGN_IN_ACCOUNT, new Limit(3, Duration.ofHours(1))), TrustedProxies.NONE,
                RateLimitSettings.DEFAULT_MAX_CLIENTS_PER_GROUP)))) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            StaffBrowser.newAccount(server, "lina@example.org", Role.EDITOR);
            long lina = new UserRepository(server.server().database()).byEmail("lina@example.org").orElseThrow().id();
            for (int i = 0; i < 6; i++) {
                new StaffBrowser(server).submit("/login", "form.login", Map.of("email", "lina@example.org", "password", "guess " + i));
            }

            assertThat(entries(admin, "?action=staff-account.locked-out")).containsExactly(
                    "Dearly | staff-account.locked-out | staff-account " + lina + " | sign-ins stopped after repeated failures; the holder was mailed");
        }
    }

    private static long adminId(TestServer server) {
        return new UserRepository(server.server().database()).byEmail("alma@example.org").orElseThrow().id();
    }

    /** The entries the audit page shows, each as "who | action | on | detail". */
    private static List<String> entries(StaffBrowser admin, String query) {
        HttpResponse<String> page = admin.get("/admin/audit" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        Document document = Jsoup.parse(page.body());
        return document.select("tr.audit-entry").stream()
                .map(row -> (row.selectFirst(".who").text() + " | " + row.selectFirst(".action").text() + " | "
                        + row.selectFirst(".on").text() + " | " + row.selectFirst(".detail").text()).strip())
                .toList();
    }

    private static String token(String linkPath) {
        return linkPath.substring(linkPath.lastIndexOf('/') + 1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** /admin/accounts: admins see every account, change roles, deactivate (signed out at once) and reactivate. */
class AccountAdminTest {

    @Test
    void deactivatingAnAccountEndsItsSessionsAtOnceAndReactivatingLetsHerBackIn() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            StaffBrowser marta = StaffBrowser.newAccount(server, "marta@example.org", Role.EDITOR);
            assertThat(marta.get("/desk").statusCode()).isEqualTo(200);
            long id = idOf(server, "marta@example.org");

            HttpResponse<String> off = admin.submit("/admin/accounts", "form[action^=/admin/accounts/" + id + "/deactivate]", Map.of());
            assertThat(off.statusCode()).isEqualTo(303);
            assertThat(marta.get("/desk").statusCode()).as("her open session, at once").isEqualTo(303);
            assertThat(new StaffBrowser(server).submit("/login", "form.login",
                    Map.of("email", "marta@example.org", "password", SignedIn.PASSWORD)).statusCode()).isEqualTo(422);
            Document list = admin.page("/admin/accounts?notice=deactivated");
            assertThat(list.select("#notice").text()).contains("deactivated and signed out everywhere");
            assertThat(list.select("#account-" + id).text()).contains("Deactivated");

            assertThat(admin.submit("/admin/accounts", "form[action^=/admin/accounts/" + id + "/reactivate]", Map.of()).statusCode())
                    .isEqualTo(303);
            assertThat(StaffBrowser.signedIn(server, "marta@example.org", SignedIn.PASSWORD).get("/desk").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void changedRolesApplyToHerOpenSessionAtOnce() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            StaffBrowser marta = StaffBrowser.newAccount(server, "marta@example.org", Role.EDITOR);
            long id = idOf(server, "marta@example.org");

            Document page = admin.page("/admin/accounts");
            String token = page.selectFirst("form[action^=/admin/accounts/" + id + "/roles] input[name=_csrf]").val();
            HttpResponse<String> saved = admin.postRaw("/admin/accounts/" + id + "/roles", "_csrf=" + token + "&roles=advisor");

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(marta.get("/desk").statusCode()).as("no longer an editor").isEqualTo(403);
            assertThat(marta.page("/account").select("dl.account dd").eachText()).contains("advisor");
            assertThat(admin.page("/admin/accounts").select("#account-" + id + " input[name=roles][checked]").eachAttr("value"))
                    .containsExactly("advisor");
        }
    }

    @Test
    void theLastActiveAdminCannotBeRemovedNorDeactivateHerself() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            long id = idOf(server, "alma@example.org");
            String token = admin.csrf("/admin/accounts");

            HttpResponse<String> demoted = admin.postRaw("/admin/accounts/" + id + "/roles", "_csrf=" + token + "&roles=editor");
            assertThat(demoted.headers().firstValue("Location").orElseThrow()).contains("notice=last-admin");
            assertThat(admin.get("/admin/accounts").statusCode()).isEqualTo(200);
            assertThat(admin.page("/admin/accounts?notice=last-admin").select("#notice").text()).contains("at least one active admin");

            assertThat(admin.page("/admin/accounts").select("form[action^=/admin/accounts/" + id + "/deactivate]")).isEmpty();
            HttpResponse<String> self = admin.post("/admin/accounts/" + id + "/deactivate", Map.of("_csrf", token));
            assertThat(self.headers().firstValue("Location").orElseThrow()).contains("notice=self");
            assertThat(admin.isSignedIn()).isTrue();
        }
    }

    @Test
    void anUnknownAccountIsNotFoundAndTheListSpeaksSpanish() {
        try (TestServer server = TestServer.start()) {
            StaffBrowser admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
            String token = admin.csrf("/admin/accounts");
            for (String id : new String[] {"999999", "abc", "-1", "1%27%20OR%201%3D1"}) {
                assertThat(admin.post("/admin/accounts/" + id + "/deactivate", Map.of("_csrf", token)).statusCode()).as(id).isEqualTo(404);
            }
            Document spanish = admin.page("/es/admin/accounts");
            assertThat(spanish.select("h1").text()).isEqualTo("Cuentas");
            assertThat(spanish.select("h2#invite").text()).isEqualTo("Invitar a alguien");
            assertThat(Jsoup.parse(admin.get("/es/admin").body()).select("a[href=/es/admin/accounts]").text()).isEqualTo("Cuentas");
        }
    }

    private static long idOf(TestServer server, String email) {
        return new UserRepository(server.server().database()).byEmail(email).orElseThrow().id();
    }
}

package dearly.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.crisis.CrisisDirectory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only admins reach the admin pages: an editor is refused, a signed-out visitor is asked to sign in. */
class AdminAccessTest {
    private static final List<String> PAGES = List.of("/admin", "/admin/crisis", "/admin/crisis/1", "/admin/outbox");
    /** A line for a country the bundle lists nothing for (see no_emergency_number in crisis-resources.json). */
    private static final Map<String, String> PERU = Map.of("country", "GQ", "name", "Línea 113", "phone", "113",
            "kind", "crisis", "languages", "es", "source", "https://www.gob.pe/minsa");

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void anAdminSeesTheWayToBothPages() {
        SignedIn.as(server, Role.ADMIN);
        HttpResponse<String> response = server.get("/admin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        Document page = server.page("/admin");
        assertThat(page.select("main a").eachAttr("href")).contains("/admin/crisis", "/admin/outbox");
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndChangesNothing() {
        for (String path : PAGES) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/login");
        }
        String token = server.page("/ask").selectFirst("input[name=_csrf]").val();
        Map<String, String> form = new java.util.HashMap<>(PERU);
        form.put("_csrf", token);
        assertThat(server.postForm("/admin/crisis", form).statusCode()).isEqualTo(303);
        assertThat(server.postForm("/admin/crisis/1/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(peru()).isEmpty();
        assertThat(new CrisisDirectory(server.server().database()).forCountry("CO")).hasSize(4);
        assertThat(new CrisisDirectory(server.server().database()).forCountry("ZZ")).as("resource 1, the first seeded").hasSize(1);
    }

    @Test
    void anEditorIsRefusedEveryAdminPageAndChangesNothing() {
        SignedIn.as(server, Role.EDITOR);
        for (String path : PAGES) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain("Crisis resources").doesNotContain("Mail outbox");
        }
        String token = server.page("/ask").selectFirst("input[name=_csrf]").val();
        Map<String, String> form = new java.util.HashMap<>(PERU);
        form.put("_csrf", token);
        assertThat(server.postForm("/admin/crisis", form).statusCode()).isEqualTo(403);
        assertThat(server.postForm("/admin/crisis/fallback/es", Map.of("_csrf", token, "message", "Nada.")).statusCode()).isEqualTo(403);
        assertThat(server.postForm("/admin/crisis/1/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
        assertThat(peru()).isEmpty();
        assertThat(new CrisisDirectory(server.server().database()).forCountry("CO")).hasSize(4);
        assertThat(new CrisisDirectory(server.server().database()).forCountry("ZZ")).as("resource 1, the first seeded").hasSize(1);
    }

    private List<?> peru() {
        return new CrisisDirectory(server.server().database()).forCountry("GQ");
    }
}

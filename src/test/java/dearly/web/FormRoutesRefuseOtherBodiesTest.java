package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.crisis.CrisisDirectoryEditor;
import dearly.asking.AskFlow;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A form route takes forms only: a POST typed as JSON (or plain text, what a cross-site form can
 * send) carries no form token and is refused with 403, changing nothing, even for a signed-in admin.
 * Only the JSON API skips the token, and there a staff cookie opens nothing.
 */
class FormRoutesRefuseOtherBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyFormRouteRefusesAJsonPostWithoutATokenAndChangesNothing(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            String statusUrl = JSON.readTree(server.postJson("/api/v1/questions", AskFlow.question().toString()).body()).get("status_url").asText();
            String status = statusUrl.substring(statusUrl.indexOf("/status/"));
            SignedIn.as(server, Role.ADMIN);
            String question = Jsoup.parse(server.get("/desk").body()).selectFirst("a[href^=/desk/questions/]").attr("href");
            long resource = new CrisisDirectoryEditor(server.server().database(), new dearly.audit.AuditLog(server.server().database(), java.time.Instant::now)).all().getFirst().id();

            List<String> formRoutes = List.of("/ask", "/es/ask", status + "/edit", status + "/withdraw", status + "/delete",
                    "/login", "/logout", question + "/decline", "/admin/crisis", "/admin/crisis/" + resource,
                    "/admin/crisis/" + resource + "/delete", "/admin/crisis/" + resource + "/move", "/admin/crisis/fallback/en");
            String before = state(server.server().database());
            for (String route : formRoutes) {
                for (String type : List.of("application/json", "application/json; charset=utf-8", "text/plain")) {
                    HttpResponse<String> response = server.send(server.request(route).header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofString(withDeltaAndReply().toString())));
                    assertThat(response.statusCode()).as(type + " to " + route).isEqualTo(403);
                    assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isIn(
                            "We couldn't confirm this form", "No pudimos confirmar este formulario");
                    assertThat(state(server.server().database())).as("after " + type + " to " + route).isEqualTo(before);
                }
            }
            assertThat(server.get("/admin").statusCode()).as("still signed in after the refused sign-out").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAdminsJsonPostCannotDeleteACrisisResource(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            SignedIn.as(server, Role.ADMIN);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(server.server().database(), new dearly.audit.AuditLog(server.server().database(), java.time.Instant::now));
            long resource = editor.all().getFirst().id();

            HttpResponse<String> json = server.postJson("/admin/crisis/" + resource + "/delete", "{}");
            HttpResponse<String> form = server.postForm("/admin/crisis/" + resource + "/delete", Map.of());

            assertThat(json.statusCode()).isEqualTo(403);
            assertThat(form.statusCode()).isEqualTo(403);
            assertThat(editor.find(resource)).isPresent();
        }
    }

    /** The question, and its child, with fields a hostile page might add to change a record. */
    private static ObjectNode withDeltaAndReply() {
        ObjectNode question = AskFlow.question().put("delta", 1).put("reply", "a kind reply");
        ((ObjectNode) question.get("children").get(0)).put("delta", 1).put("reply", "a kind reply");
        return question;
    }

    /** What a refused post must leave alone: questions, the crisis directory, sessions. */
    private static String state(Database database) {
        return database.read(handle -> String.join("\n",
                handle.createQuery("SELECT id, status, title, decline_reply FROM question ORDER BY id").mapToMap().list().toString(),
                handle.createQuery("SELECT id, country, name, phone, position FROM crisis_resource ORDER BY id").mapToMap().list().toString(),
                handle.createQuery("SELECT language, message FROM crisis_fallback ORDER BY language").mapToMap().list().toString(),
                handle.createQuery("SELECT id, user_id FROM session ORDER BY id").mapToMap().list().toString()));
    }
}

package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.storage.TestDatabase;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Assigning, saving, a stale save kept aside, taking it back and erasing her question work the same
 * on SQLite and on PostgreSQL (when {@code DEARLY_TEST_POSTGRES_URL} names one).
 */
class DraftStorageTest {

    @ParameterizedTest
    @MethodSource("dearly.storage.TestDatabase#kinds")
    void draftsAndTheirRevisionsKeepEveryWordOnEachDatabase(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            User lina = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "papa");
            Map<String, String> first = DraftFlow.form(server, asked.id());
            first.put("body", "Querido papá: 👶 \u202Eשלום");
            assertThat(DraftFlow.autosave(server, asked.id(), first).statusCode()).isEqualTo(200);
            Map<String, String> second = DraftFlow.form(server, asked.id());
            second.put("body", "La segunda versión.");
            assertThat(DraftFlow.autosave(server, asked.id(), second).statusCode()).isEqualTo(200);
            first.put("body", "Escrita en la pestaña vieja.");
            assertThat(DraftFlow.autosave(server, asked.id(), first).statusCode()).isEqualTo(409);

            Document page = server.page("/desk/drafts/" + asked.id());
            assertThat(page.selectFirst("textarea[name=body]").val()).isEqualTo("La segunda versión.");
            String csrf = page.selectFirst("section.kept form input[name=_csrf]").val();
            server.postForm("/desk/drafts/" + asked.id() + "/revisions/3/restore", Map.of("_csrf", csrf, "version", "2"));
            page = server.page("/desk/drafts/" + asked.id());
            assertThat(page.selectFirst("textarea[name=body]").val()).isEqualTo("Escrita en la pestaña vieja.");
            assertThat(page.select("section.kept")).isEmpty();
            assertThat(server.page("/desk/drafts/" + asked.id() + "/revisions?from=1&to=4").select("del").eachText())
                    .anyMatch(removed -> removed.contains("👶"));

            // She erases everything: the draft and its revisions, which answer her words, go with her question.
            Document status = server.page(asked.status() + "/delete");
            String token = status.selectFirst("form input[name=_csrf]").val();
            server.postForm(asked.status() + "/delete", Map.of("_csrf", token));
            long left = server.server().database().read(handle -> handle.createQuery(
                    "SELECT (SELECT COUNT(*) FROM draft) + (SELECT COUNT(*) FROM draft_revision)").mapTo(Long.class).one());
            assertThat(left).isZero();
        }
    }
}

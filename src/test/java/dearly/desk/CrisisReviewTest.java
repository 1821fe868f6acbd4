package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.asking.AskFlow;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk explains an urgent question (which sentence raised which kind, and how it was found);
 * an editor clears a false alarm or raises a sign the check missed, and those decisions are kept
 * as labelled examples an admin exports, with private details masked.
 */
class CrisisReviewTest {
    private static final String HARM = "A veces pienso en hacerle daño a mi bebé, escríbanme a vale.r@example.com por favor.";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    private String ask(String title, String body) {
        ObjectNode question = AskFlow.question().put("title", title).put("body", body).put("first_name", "Valentina")
                .put("surname", "Restrepo").put("country", "CO").put("language", "es").put("email", "valentina@example.com");
        return AskFlow.ask(server, question).get("status_url").asText().replace(server.url(""), "");
    }

    private String deskLinkOf(String title) {
        return server.page("/desk").select(".queue li a").stream().filter(a -> a.text().equals(title))
                .findFirst().orElseThrow().attr("href");
    }

    private List<JsonNode> exported() {
        HttpResponse<String> export = server.get("/desk/crisis-examples.jsonl");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        return export.body().lines().map(AskFlow::json).toList();
    }

    @Test
    void theDeskShowsWhichSentenceRaisedWhichKind() {
        ask("Estoy agotada", "Mi bebé tiene dos meses y casi no duermo. " + HARM + " No sé qué hacer.");
        SignedIn.as(server, Role.EDITOR);
        Document page = server.page(deskLinkOf("Estoy agotada"));
        var sign = page.selectFirst(".crisis .signs li");
        assertThat(sign.selectFirst("strong").text()).isEqualTo("thoughts of harming the baby");
        assertThat(sign.select("blockquote.sign").eachText()).containsExactly(HARM);
        assertThat(sign.selectFirst("p.hint").text()).startsWith("found by");
    }

    @Test
    void anEditorClearsAFalseAlarmAndItIsKeptAsABenignExampleWithoutHerAddress() {
        ask("Estoy agotada", HARM);
        AskFlow.ask(server, AskFlow.question());
        SignedIn.as(server, Role.EDITOR);
        String link = deskLinkOf("Estoy agotada");
        Document page = server.page(link);
        String csrf = page.selectFirst("form[action$=/clear] input[name=_csrf]").val();

        HttpResponse<String> forged = server.postForm(link + "/clear", Map.of("_csrf", csrf, "kind", "<script>"));
        assertThat(forged.statusCode()).isEqualTo(422);
        List<String> kinds = page.select(".crisis .signs form input[name=kind]").eachAttr("value");
        assertThat(kinds).contains("HARMING_THE_BABY");
        for (String kind : kinds) {
            assertThat(server.postForm(link + "/clear", Map.of("_csrf", csrf, "kind", kind)).statusCode()).isEqualTo(303);
        }

        Document queue = server.page("/desk");
        assertThat(queue.select(".queue li.urgent")).isEmpty();
        assertThat(server.page(link).select(".crisis")).isEmpty();

        server.forgetCookies();
        SignedIn.as(server, Role.ADMIN);
        List<JsonNode> examples = exported();
        assertThat(examples).isNotEmpty().allSatisfy(example -> {
            assertThat(example.get("kind").asText()).isEqualTo("BENIGN");
            assertThat(example.get("decision").asText()).isEqualTo("CLEARED");
            assertThat(example.get("language").asText()).isEqualTo("es");
            assertThat(example.get("text").asText()).doesNotContain("vale.r@example.com");
        });
        assertThat(examples).extracting(example -> example.get("text").asText())
                .contains("A veces pienso en hacerle daño a mi bebé, escríbanme a [EMAIL] por favor.");
    }

    @Test
    void anEditorRaisesASignTheCheckMissedAndTheQuestionBecomesUrgent() {
        // An ordinary question that no check flags; the editor knows more about her than its words say.
        AskFlow.ask(server, AskFlow.question().put("title", "Una duda sobre la siesta"));
        AskFlow.ask(server, AskFlow.question());
        SignedIn.as(server, Role.EDITOR);
        String link = deskLinkOf("Una duda sobre la siesta");
        String csrf = server.page(link).selectFirst("form[action$=/raise] input[name=_csrf]").val();
        String words = "I am so tired.";

        for (Map<String, String> wrong : List.of(
                Map.of("_csrf", csrf, "kind", "", "words", words),
                Map.of("_csrf", csrf, "kind", "VIOLENCE_AT_HOME", "words", "   "),
                Map.of("_csrf", csrf, "kind", "VIOLENCE_AT_HOME", "words", "x".repeat(DeskPages.WORDS_MAX + 1)),
                Map.of("_csrf", csrf, "kind", "DROP TABLE question", "words", words))) {
            HttpResponse<String> refused = server.postForm(link + "/raise", wrong);
            assertThat(refused.statusCode()).as(wrong.toString()).isEqualTo(422);
            Document form = Jsoup.parse(refused.body());
            assertThat(form.select("details.raise[open] .field.invalid")).as(wrong.toString()).isNotEmpty();
            assertThat(form.selectFirst("textarea[name=words]").text()).isEqualTo(wrong.get("words").strip());
        }
        assertThat(server.page("/desk").select(".queue li.urgent")).isEmpty();

        assertThat(server.postForm(link + "/raise", Map.of("_csrf", csrf, "kind", "SEVERE_DEPRESSION", "words", words))
                .statusCode()).isEqualTo(303);
        Document queue = server.page("/desk");
        assertThat(queue.selectFirst(".queue li").hasClass("urgent")).isTrue();
        assertThat(queue.selectFirst(".queue li a").text()).isEqualTo("Una duda sobre la siesta");
        var sign = server.page(link).selectFirst(".crisis .signs li");
        assertThat(sign.selectFirst("strong").text()).isEqualTo("signs of severe depression");
        assertThat(sign.selectFirst("p.hint").text()).isEqualTo("raised by an editor");

        server.forgetCookies();
        SignedIn.as(server, Role.ADMIN);
        JsonNode example = exported().getFirst();
        assertThat(example.get("kind").asText()).isEqualTo("SEVERE_DEPRESSION");
        assertThat(example.get("text").asText()).isEqualTo(words);
    }

    @Test
    void onlyAdminsExportAndHerErasedQuestionTakesItsExamplesWithIt() {
        String status = ask("Estoy agotada", HARM);
        SignedIn.as(server, Role.EDITOR);
        String link = deskLinkOf("Estoy agotada");
        String csrf = server.page(link).selectFirst("form[action$=/clear] input[name=_csrf]").val();
        server.postForm(link + "/clear", Map.of("_csrf", csrf, "kind", "HARMING_THE_BABY"));
        assertThat(server.get("/desk/crisis-examples.jsonl").statusCode()).isEqualTo(403);

        server.forgetCookies();
        Document confirm = server.page(status + "/delete");
        server.postForm(status + "/delete", Map.of("_csrf", confirm.selectFirst("form input[name=_csrf]").val()));
        SignedIn.as(server, Role.ADMIN);
        assertThat(exported()).isEmpty();
    }
}

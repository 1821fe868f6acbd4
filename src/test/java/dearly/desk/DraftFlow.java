package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.User;
import dearly.asking.AskFlow;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Steps the drafting tests share: a question asked, given to an advisor by an editor, the draft's form. */
final class DraftFlow {
    private DraftFlow() {}

    /** Valentina, in Spanish, a mama, asks through the API; returns the question's id and her status path. */
    record Asked(long id, String status) {}

    static Asked ask(TestServer server, String language, String role) {
        ObjectNode question = AskFlow.question().put("title", "¿Es normal que llore tanto por las noches?")
                .put("body", "Mi bebé llora cada noche de siete a diez y ya no sé qué hacer. Escríbanme a vale.r@example.com.")
                .put("first_name", "Valentina").put("surname", "Restrepo").put("age", 31).put("city", "Medellín")
                .put("country", "CO").put("role", role).put("language", language).put("email", "valentina@example.com")
                .put("consent", true).put("pseudonym", "Marisol");
        question.putArray("children").addObject().put("name", "Tomás").put("age_months", 3).put("sex", "boy");
        String status = AskFlow.ask(server, question).get("status_url").asText().replace(server.url(""), "");
        long id = server.server().database().read(handle -> handle.createQuery("SELECT MAX(id) FROM question")
                .mapTo(Long.class).one());
        return new Asked(id, status);
    }

    /** The editor (signed in on the server's client) gives the question to this advisor with a note. */
    static HttpResponse<String> assign(TestServer server, long question, User advisor, String note) {
        Document page = server.page("/desk/questions/" + question);
        String csrf = page.selectFirst("form[action$=/assign] input[name=_csrf]").val();
        return server.postForm("/desk/questions/" + question + "/assign",
                Map.of("_csrf", csrf, "advisor", Long.toString(advisor.id()), "assign_note", note));
    }

    /** Asked, then given by a new editor to this advisor, who is signed in again at the end. */
    static Asked assignedTo(TestServer server, User advisor, String language, String role) {
        Asked asked = ask(server, language, role);
        SignedIn.as(server, dearly.accounts.Role.EDITOR);
        assertThat(assign(server, asked.id(), advisor, "Ella pidió que no usemos su nombre.").statusCode()).isEqualTo(303);
        SignedIn.again(server, advisor);
        return asked;
    }

    /** The draft form's fields as the page gives them, to change and send back. */
    static Map<String, String> form(TestServer server, long question) {
        Document page = server.page("/desk/drafts/" + question);
        Map<String, String> fields = new HashMap<>();
        page.select("form[data-draft-editor] input[type=hidden], form[data-draft-editor] input[type=text]")
                .forEach(input -> fields.put(input.attr("name"), input.val()));
        page.select("form[data-draft-editor] textarea").forEach(area -> fields.put(area.attr("name"), area.val()));
        return fields;
    }

    /** A save as the page's script sends it: answered with JSON. */
    static HttpResponse<String> autosave(TestServer server, long question, Map<String, String> fields) {
        return server.postForm("/desk/drafts/" + question, fields, "Accept", "application/json");
    }

    static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }
}

package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Editors give a question to an advisor with a note, or to another one; the advisor is told by mail
 * and finds it on her own page, which her role alone opens; nobody else's draft opens for her.
 */
class AssigningTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void anAssignedQuestionReachesTheAdvisorsPageAndHerMailButNotHerQuestionsWords() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.ask(server, "es", "mama");
        SignedIn.as(server, Role.EDITOR);
        HttpResponse<String> assigned = DraftFlow.assign(server, asked.id(), lina, "Cuidado: <b>ella</b> pidió \"Marisol\".");
        assertThat(assigned.statusCode()).isEqualTo(303);
        Document question = server.page(assigned.headers().firstValue("Location").orElseThrow());
        assertThat(question.selectFirst(".notice").text()).isEqualTo("The question is with her now, and she has been told by mail.");
        assertThat(question.selectFirst(".assigned-to").text()).startsWith("With " + lina.displayName());
        assertThat(server.page("/desk").selectFirst(".queue li .hint").text()).contains("with an advisor");

        Map<String, String> mail = server.server().database().read(handle -> handle.createQuery(
                        "SELECT subject, text_body, html_body FROM mail_outbox WHERE recipient = :to")
                .bind("to", lina.email())
                .map((rs, ctx) -> Map.of("subject", rs.getString("subject"), "text", rs.getString("text_body"),
                        "html", rs.getString("html_body")))
                .one());
        // She signed in in English (SignedIn): the mail speaks it alone.
        assertThat(mail.get("subject")).isEqualTo("A question for you to answer");
        assertThat(mail.get("text")).contains("Cuidado: <b>ella</b> pidió \"Marisol\".")
                .contains(server.url("/desk/drafts/" + asked.id()))
                .doesNotContain("llora").doesNotContain("Restrepo").doesNotContain("valentina@example.com");
        assertThat(mail.get("html")).contains("Cuidado: &lt;b&gt;ella&lt;/b&gt;").doesNotContain("<b>ella");

        SignedIn.again(server, lina);
        Document mine = server.page("/desk/mine");
        assertThat(mine.select(".queue li a").eachText()).containsExactly("¿Es normal que llore tanto por las noches?");
        assertThat(mine.select("header nav a").eachAttr("href")).contains("/desk/mine").doesNotContain("/desk");
        assertThat(server.get("/desk").statusCode()).isEqualTo(403);
        assertThat(server.get("/desk/drafts/" + asked.id()).statusCode()).isEqualTo(200);

        Document herPage = server.page(asked.status());
        assertThat(herPage.selectFirst("h1").text()).isEqualTo("Alguien te está escribiendo");
    }

    @Test
    void reassigningMovesTheQuestionAndItsDraftToTheOtherAdvisor() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        User rosa = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "mama");
        Map<String, String> fields = DraftFlow.form(server, asked.id());
        fields.put("body", "Querida, lo que cuentas es muy común.");
        assertThat(DraftFlow.autosave(server, asked.id(), fields).statusCode()).isEqualTo(200);

        User editor = SignedIn.as(server, Role.EDITOR);
        assertThat(server.page("/desk/questions/" + asked.id()).selectFirst("#assign-title").text())
                .isEqualTo("Give it to another advisor");
        assertThat(DraftFlow.assign(server, asked.id(), rosa, "").statusCode()).isEqualTo(303);
        assertThat(server.page("/desk").selectFirst(".queue li .hint").text()).contains("being written");
        assertThat(server.get("/desk/drafts/" + asked.id()).statusCode()).as("an editor opens any draft").isEqualTo(200);

        SignedIn.again(server, lina);
        assertThat(server.page("/desk/mine").select(".queue li")).isEmpty();
        assertThat(server.get("/desk/drafts/" + asked.id()).statusCode()).isEqualTo(404);

        SignedIn.again(server, rosa);
        assertThat(server.page("/desk/mine").select(".queue li a").eachText()).hasSize(1);
        Document draft = server.page("/desk/drafts/" + asked.id());
        assertThat(draft.selectFirst("textarea[name=body]").val()).isEqualTo("Querida, lo que cuentas es muy común.");
        assertThat(draft.selectFirst(".signature").text()).isEqualTo(rosa.displayName());
        assertThat(editor.roles()).containsExactly(Role.EDITOR);
    }

    @Test
    void anotherAdvisorFindsNoDraftThatIsNotHersAndAVisitorIsSentToSignIn() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        User rosa = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "en", "papa");
        SignedIn.again(server, rosa);
        String draft = "/desk/drafts/" + asked.id();
        for (String path : List.of(draft, draft + "/revisions")) {
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(404);
        }
        server.page("/login");
        String csrf = server.cookie("dearly_csrf").orElseThrow().substring("dearly_csrf=".length());
        for (String path : List.of(draft, draft + "/preview", draft + "/revisions/1/restore")) {
            HttpResponse<String> refused = server.postForm(path, Map.of("_csrf", csrf, "body", "mine now", "version", "0"));
            assertThat(refused.statusCode()).as(path).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("llore");
        }
        server.forgetCookies();
        HttpResponse<String> visitor = server.get(draft);
        assertThat(visitor.statusCode()).isEqualTo(303);
        assertThat(visitor.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        assertThat(server.get("/desk/mine").statusCode()).isEqualTo(303);
    }

    @Test
    void assigningWithoutChoosingAnAdvisorSaysSoAndKeepsTheNote() {
        DraftFlow.Asked asked = DraftFlow.ask(server, "en", "mama");
        SignedIn.as(server, Role.EDITOR);
        Document page = server.page("/desk/questions/" + asked.id());
        String csrf = page.selectFirst("form[action$=/assign] input[name=_csrf]").val();
        String note = "مرحبا 👶 <script>alert(1)</script> '; DROP TABLE question; --";
        for (String advisor : List.of("", "abc", "999999", "-1", "1 OR 1=1")) {
            HttpResponse<String> refused = server.postForm("/desk/questions/" + asked.id() + "/assign",
                    Map.of("_csrf", csrf, "advisor", advisor, "assign_note", note));
            assertThat(refused.statusCode()).as(advisor).isEqualTo(422);
            Document again = DraftFlow.page(refused);
            assertThat(again.selectFirst("#f-advisor-error").text()).isEqualTo("Please choose an advisor from the list.");
            assertThat(again.selectFirst("textarea[name=assign_note]").val()).isEqualTo(note);
            assertThat(refused.body()).doesNotContain("<script>alert(1)</script>");
        }
        User lina = SignedIn.as(server, Role.ADVISOR);
        SignedIn.as(server, Role.EDITOR);
        HttpResponse<String> tooLong = server.postForm("/desk/questions/" + asked.id() + "/assign",
                Map.of("_csrf", server.page("/desk/questions/" + asked.id()).selectFirst("form[action$=/assign] input[name=_csrf]").val(),
                        "advisor", Long.toString(lina.id()), "assign_note", "x".repeat(2_001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(DraftFlow.page(tooLong).selectFirst("#f-assign-note-error").text()).isEqualTo("Please keep the note under 2,000 characters.");
        HttpResponse<String> noToken = server.postForm("/desk/questions/" + asked.id() + "/assign",
                Map.of("advisor", Long.toString(lina.id()), "assign_note", "hola"));
        assertThat(noToken.statusCode()).isEqualTo(422);
        assertThat(server.page(asked.status()).selectFirst("h1").text()).isEqualTo("We received your question");
    }
}

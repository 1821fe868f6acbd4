package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.asking.AskFlow;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Editors triage what comes in: urgent first, private details marked, a kind decline that reaches her. */
class DeskPagesTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    /** Valentina, in Spanish, asks through the API; returns her status link. */
    private String ask(String title, String body) {
        ObjectNode question = AskFlow.question().put("title", title).put("body", body).put("first_name", "Valentina")
                .put("surname", "Restrepo").put("age", 31).put("city", "Medellín").put("country", "CO").put("role", "mama")
                .put("language", "es").put("email", "valentina@example.com").put("consent", true).put("pseudonym", "Marisol");
        question.putArray("children").addObject().put("name", "Tomás").put("age_months", 3).put("sex", "boy");
        return AskFlow.ask(server, question).get("status_url").asText();
    }

    @Test
    void theQueueShowsUrgentQuestionsFirst() {
        ask("¿Cuándo dormirá toda la noche?", "Mi bebé se despierta cada dos horas y estoy agotada, ¿es normal a los tres meses?");
        ask("Ya no puedo más con todo esto", "Desde que nació mi bebé pienso que sería mejor no despertar nunca más, no sé qué hacer.");
        SignedIn.as(server, Role.EDITOR);
        Document queue = server.page("/es/desk");
        assertThat(queue.select(".queue li a").eachText())
                .containsExactly("Ya no puedo más con todo esto", "¿Cuándo dormirá toda la noche?");
        assertThat(queue.selectFirst(".queue li").hasClass("urgent")).isTrue();
        assertThat(queue.selectFirst(".queue li .badge").text()).isEqualTo("Urgente");
    }

    @Test
    void aQuestionShowsHerBylineAndMarksPrivateDetailsButNeverHerSurnameOrEmail() {
        ask("¿Es normal que llore tanto?", "Escríbanme a vale.r@example.com o al +57 300 123 4567, vivo en la Calle 10 # 43-12 de Medellín.");
        SignedIn.as(server, Role.EDITOR);
        String link = server.page("/desk").selectFirst(".queue li a").attr("href");
        HttpResponse<String> response = server.get(link);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".byline").text())
                .isEqualTo("Pregunta de Valentina R., 31 años, Medellín, Colombia. Mamá de Tomás, un bebé de 3 meses.");
        assertThat(page.select(".question-body mark").eachText()).contains("vale.r@example.com", "+57 300 123 4567");
        assertThat(page.text()).contains("Marisol");
        assertThat(response.body()).doesNotContain("Restrepo").doesNotContain("valentina@example.com");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aKindDeclineReachesHerStatusPageAndHerMail() {
        String status = ask("¿Puedo darle miel a mi bebé?", "Mi suegra dice que un poquito de miel en el chupete lo calma. Tiene tres meses.");
        SignedIn.as(server, Role.EDITOR);
        String link = server.page("/desk").selectFirst(".queue li a").attr("href");
        Document question = server.page(link);
        String csrf = question.selectFirst("form input[name=_csrf]").val();

        HttpResponse<String> tooShort = server.postForm(link + "/decline", Map.of("_csrf", csrf, "reply", "No."));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooShort.body()).selectFirst("textarea[name=reply]").text()).isEqualTo("No.");

        String reply = "Gracias por escribirnos. Ya respondimos algo muy parecido: la miel no es segura antes del año.";
        HttpResponse<String> declined = server.postForm(link + "/decline", Map.of("_csrf", csrf, "reply", reply));
        assertThat(declined.statusCode()).isEqualTo(303);
        assertThat(server.page("/desk").select(".queue li")).isEmpty();

        Document herPage = server.page(status.replace(server.url(""), ""));
        assertThat(herPage.selectFirst("h1").text()).isEqualTo("No pudimos responder esta pregunta");
        assertThat(herPage.selectFirst(".decline").text()).isEqualTo(reply);
        String mail = server.server().database().read(handle -> handle.createQuery("""
                SELECT text_body FROM mail_outbox WHERE recipient = 'valentina@example.com' ORDER BY id DESC""")
                .mapTo(String.class).first());
        assertThat(mail).contains(reply).contains("Hola, Valentina");
    }

    @Test
    void onlyEditorsMayEnter() {
        assertThat(server.get("/desk").statusCode()).isEqualTo(303);
        assertThat(server.get("/desk").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/login"));
        SignedIn.as(server, Role.ADVISOR);
        assertThat(server.get("/desk").statusCode()).isEqualTo(403);
    }
}

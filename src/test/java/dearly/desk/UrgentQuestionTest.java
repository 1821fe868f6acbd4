package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.asking.AskFlow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The desk can act on an urgent question: write to her at once (her status page and her mail, the
 * question still open), mark it handled with a note, see how long it has waited, and every editor
 * is told once when one waits longer than the admins allow.
 */
class UrgentQuestionTest {
    private static final String URGENT_TITLE = "Ya no puedo más con todo esto";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    private String askUrgent() {
        ObjectNode question = AskFlow.question().put("title", URGENT_TITLE)
                .put("body", "Desde que nació mi bebé pienso que sería mejor no despertar nunca más, no sé qué hacer.")
                .put("first_name", "Valentina").put("surname", "Restrepo").put("country", "CO").put("language", "es")
                .put("email", "valentina@example.com");
        return AskFlow.ask(server, question).get("status_url").asText().replace(server.url(""), "");
    }

    private String askOrdinary() {
        return AskFlow.ask(server, AskFlow.question()).get("status_url").asText().replace(server.url(""), "");
    }

    private String deskLinkOf(String title) {
        return server.page("/desk").select(".queue li a").stream().filter(a -> a.text().equals(title))
                .findFirst().orElseThrow().attr("href");
    }

    private List<String> mailsTo(String recipient) {
        return server.server().database().read(handle -> handle.createQuery(
                        "SELECT subject || '\n' || text_body FROM mail_outbox WHERE recipient = :to ORDER BY id")
                .bind("to", recipient).mapTo(String.class).list());
    }

    @Test
    void anEditorWritesToHerAtOnceAndTheQuestionStaysOpen() {
        String status = askUrgent();
        SignedIn.as(server, Role.EDITOR);
        String link = deskLinkOf(URGENT_TITLE);
        Document page = server.page("/es" + link);
        String csrf = page.selectFirst("form[action$=/message] input[name=_csrf]").val();

        String message = "Valentina, te leímos y no estás sola. Si sientes que puedes hacerte daño, llama ya al 123;"
                + " la Línea 106 te escucha a cualquier hora.\n\nMañana te escribimos de nuevo.";
        HttpResponse<String> sent = server.postForm(link + "/message", Map.of("_csrf", csrf, "message", message));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(server.page("/es" + link + "?messaged").selectFirst(".notice").text()).isEqualTo("Enviado. Ya se le avisó.");

        Document herPage = server.page(status);
        assertThat(herPage.selectFirst(".editor-messages h2").text()).isEqualTo("Un mensaje de nuestro equipo editorial");
        assertThat(herPage.selectFirst(".editor-message blockquote").wholeText()).isEqualTo(message);
        assertThat(herPage.selectFirst("h1").text()).isEqualTo("Recibimos tu pregunta");
        assertThat(mailsTo("valentina@example.com")).last().asString()
                .startsWith("Un mensaje de Dearly sobre tu pregunta").contains("Mañana te escribimos de nuevo.").contains(URGENT_TITLE);
        assertThat(server.page("/desk").select(".queue li a").eachText()).contains(URGENT_TITLE);
    }

    static Stream<String> unsendableMessages() {
        return Stream.of("", "   ", "Ánimo.", "x".repeat(DeskPages.REPLY_MAX + 1));
    }

    @ParameterizedTest
    @MethodSource("unsendableMessages")
    void aMessageTooShortOrTooLongIsKeptWithTheReasonBesideIt(String typed) {
        askUrgent();
        SignedIn.as(server, Role.EDITOR);
        String link = deskLinkOf(URGENT_TITLE);
        String csrf = server.page(link).selectFirst("form[action$=/message] input[name=_csrf]").val();

        HttpResponse<String> refused = server.postForm(link + "/message", Map.of("_csrf", csrf, "message", typed));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#f-message-error")).isNotNull();
        assertThat(page.selectFirst("textarea[name=message]").text()).isEqualTo(typed.strip());
        assertThat(mailsTo("valentina@example.com")).hasSize(1); // her receipt only
    }

    @Test
    void hostileWordsReachHerExactlyAsTypedAndNeverAsMarkup() {
        String status = askUrgent();
        SignedIn.as(server, Role.EDITOR);
        String link = deskLinkOf(URGENT_TITLE);
        String csrf = server.page(link).selectFirst("form[action$=/message] input[name=_csrf]").val();
        String hostile = "<script>alert('x')</script> '; DROP TABLE question; -- \u202Eمرحبا\u202C 👶🏽 estamos contigo";

        assertThat(server.postForm(link + "/message", Map.of("_csrf", csrf, "message", hostile)).statusCode()).isEqualTo(303);
        HttpResponse<String> herPage = server.get(status);
        assertThat(herPage.body()).doesNotContain("<script>alert");
        assertThat(Jsoup.parse(herPage.body()).selectFirst(".editor-message blockquote").text()).isEqualTo(hostile);
    }

    @Test
    void aHandledUrgentQuestionSaysWhoDidWhatAndNoLongerLeadsTheQueue() {
        askOrdinary();
        askUrgent();
        User editor = SignedIn.as(server, Role.EDITOR);
        assertThat(server.page("/desk").select(".queue li a").eachText()).containsExactly(URGENT_TITLE, "How do I get my baby to nap?");
        String link = deskLinkOf(URGENT_TITLE);
        String csrf = server.page(link).selectFirst("form[action$=/handled] input[name=_csrf]").val();

        HttpResponse<String> empty = server.postForm(link + "/handled", Map.of("_csrf", csrf, "note", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.body()).selectFirst("#f-note-error").text()).isEqualTo("Please say what was done, so the other editors know.");

        String note = "Called her back through the Línea 106 team; she is with her sister tonight.";
        assertThat(server.postForm(link + "/handled", Map.of("_csrf", csrf, "note", note)).statusCode()).isEqualTo(303);
        Document page = server.page(link + "?handled");
        assertThat(page.selectFirst(".handled").text()).startsWith("Handled by " + editor.displayName() + " on ");
        assertThat(page.selectFirst(".handled + blockquote").text()).isEqualTo(note);
        assertThat(page.select("form[action$=/handled]")).isEmpty();

        Document queue = server.page("/desk");
        assertThat(queue.select(".queue li a").eachText()).containsExactly("How do I get my baby to nap?", URGENT_TITLE);
        assertThat(queue.select(".queue li .badge.handled").eachText()).containsExactly("Urgent, handled");
    }

    @Test
    void theDeskShowsHowLongEachQuestionHasWaited() {
        askOrdinary();
        server.clock().advance(Duration.ofHours(3).plusMinutes(10));
        SignedIn.as(server, Role.EDITOR);
        assertThat(server.page("/desk").selectFirst(".queue li .hint").text()).contains("waiting 3 hours");
        assertThat(server.page("/es/desk").selectFirst(".queue li .hint").text()).contains("esperando desde hace 3 horas");
    }

    @Test
    void everyEditorIsToldOnceWhenAnUrgentQuestionWaitsLongerThanTheAdminsAllow() {
        User admin = SignedIn.as(server, Role.ADMIN);
        Document settings = server.page(server.page("/admin").selectFirst("a[href=/desk/settings]").attr("href"));
        String csrf = settings.selectFirst("input[name=_csrf]").val();
        assertThat(settings.selectFirst("input[name=urgent_wait_minutes]").val()).isEqualTo("120");
        for (String typed : List.of("", "abc", "4", "99999999", "<script>", "٣٠", "30 minutes")) {
            HttpResponse<String> refused = server.postForm("/desk/settings", Map.of("_csrf", csrf, "urgent_wait_minutes", typed));
            assertThat(refused.statusCode()).as(typed).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst("#f-urgent-wait-minutes-error")).as(typed).isNotNull();
            assertThat(page.selectFirst("input[name=urgent_wait_minutes]").val()).isEqualTo(typed);
        }
        assertThat(server.postForm("/desk/settings", Map.of("_csrf", csrf, "urgent_wait_minutes", "30")).statusCode()).isEqualTo(303);
        assertThat(server.page("/desk/settings").selectFirst("input[name=urgent_wait_minutes]").val()).isEqualTo("30");

        askUrgent();
        askOrdinary();
        new dearly.accounts.UserRepository(server.server().database())
                .add("second-editor@example.org", "Lu M.", Role.EDITOR, SignedIn.PASSWORD.toCharArray(), java.time.Instant.now());
        assertThat(server.server().urgentWatch().look()).isZero();

        server.clock().advance(Duration.ofMinutes(31));
        assertThat(server.server().urgentWatch().look()).isEqualTo(1);
        assertThat(server.server().urgentWatch().look()).isZero();
        for (String editor : List.of(admin.email(), "second-editor@example.org")) {
            List<String> mails = mailsTo(editor);
            assertThat(mails).hasSize(1);
            // The admin signed in in English; the second editor never has, so hers speaks both languages.
            assertThat(mails.getFirst()).startsWith(editor.equals(admin.email()) ? "An urgent question is waiting\n"
                            : "An urgent question is waiting · Una pregunta urgente está esperando")
                    .contains("31 minutes").contains("/desk/questions/")
                    .doesNotContain("Restrepo").doesNotContain("valentina@example.com").doesNotContain(URGENT_TITLE);
        }
        Document desk = server.page("/desk");
        assertThat(desk.selectFirst(".overdue h2").text())
                .isEqualTo("One urgent question has waited more than 30 minutes with no editor marking it handled.");
        assertThat(desk.select(".overdue li a").eachText()).containsExactly(URGENT_TITLE);
    }

    @Test
    void aHandledUrgentQuestionRaisesNoNotice() {
        SignedIn.as(server, Role.EDITOR);
        askUrgent();
        String link = deskLinkOf(URGENT_TITLE);
        String csrf = server.page(link).selectFirst("form[action$=/handled] input[name=_csrf]").val();
        server.postForm(link + "/handled", Map.of("_csrf", csrf, "note", "Wrote to her; she has help."));

        server.clock().advance(Duration.ofDays(1));
        assertThat(server.server().urgentWatch().look()).isZero();
        assertThat(server.page("/desk").select(".overdue")).isEmpty();
    }

    @Test
    void onlyAdminsChangeTheDesksSettings() {
        SignedIn.as(server, Role.EDITOR);
        assertThat(server.get("/desk/settings").statusCode()).isEqualTo(403);
    }
}

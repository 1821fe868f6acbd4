package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Steps the review tests share: a draft written, the review's forms sent as the page gives them. */
final class ReviewFlow {
    static final String STANDFIRST = "Marisol lleva tres meses durmiendo a ratos.";
    static final String BODY = "Lo que sientes tiene nombre: cansancio.\n\nNo estás sola, y no lo estás haciendo mal.";

    private ReviewFlow() {}

    /** The signed-in colleague saves the draft with these words, through the page's form (no script). */
    static void write(TestServer server, long question, String standfirst, String body) {
        Map<String, String> fields = DraftFlow.form(server, question);
        fields.put("standfirst", standfirst);
        fields.put("body", body);
        fields.put("action", "save");
        HttpResponse<String> saved = server.postForm("/desk/drafts/" + question, fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    }

    /** Sends one of the review's forms with these fields, its CSRF token taken from the draft's page. */
    static HttpResponse<String> send(TestServer server, long question, String action, Map<String, String> fields) {
        Document page = server.page("/desk/drafts/" + question);
        Element form = page.selectFirst("main form[action$=/" + action + "]");
        assertThat(form).as("the draft page offers " + action + ":\n" + page.select("section.review").outerHtml()).isNotNull();
        Map<String, String> sent = new HashMap<>(fields);
        sent.put("_csrf", form.selectFirst("input[name=_csrf]").val());
        return server.postForm("/desk/drafts/" + question + "/" + action, sent);
    }

    static HttpResponse<String> send(TestServer server, long question, String action) {
        return send(server, question, action, Map.of());
    }

    /** The mail in the outbox to this address, newest first: subject, then text. */
    static List<String> mailTo(TestServer server, String address) {
        return server.server().database().read(handle -> handle.createQuery(
                        "SELECT subject || '\n' || text_body FROM mail_outbox WHERE recipient = :to ORDER BY id DESC")
                .bind("to", address).mapTo(String.class).list());
    }

    /** The audit log's actions on this question's draft and letter, oldest first. */
    static List<String> actions(TestServer server) {
        return server.server().database().read(handle -> handle.createQuery("SELECT action FROM audit_entry ORDER BY id")
                .mapTo(String.class).list());
    }

    /** The letter's address once published, read from her status page's link. */
    static String letterPath(TestServer server, String status) {
        Element link = server.page(status).selectFirst("a.button[href*=/letters/]");
        assertThat(link).as("her status page links to her letter").isNotNull();
        return link.attr("href").replaceFirst("^/es/", "/");
    }

    /** Polls until the condition holds, or fails after a deadline (no sleeps that guess how long). */
    static void eventually(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("never happened: " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

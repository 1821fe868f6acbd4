package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A retry key names one submission: the same key with the same question is a retry, the same key
 * with another question is refused and told nothing of the first (issue 6, item 1).
 */
class RetryKeyScopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    /** Someone else entirely: another name, city, child and address. */
    static ObjectNode stranger() {
        ObjectNode question = AskFlow.question()
                .put("title", "Is it normal to feel nothing?")
                .put("body", "Since my son was born I do not feel much at all, and I wonder if that is how it is for others too.")
                .put("first_name", "Jane").put("surname", "Stranger").put("city", "Leeds").put("country", "GB")
                .put("email", "jane@example.net");
        question.putArray("children").addObject().put("name", "Tom").put("age_months", 2);
        return question;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameKeyWithAnotherQuestionIsRefusedAndRevealsNothingOfTheFirstMother(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            HttpResponse<String> mother = server.postJson("/api/v1/questions", AskFlow.question().toString(),
                    "Idempotency-Key", "1");
            assertThat(mother.statusCode()).isEqualTo(201);
            String link = JSON.readTree(mother.body()).get("status_url").asText();

            HttpResponse<String> other = server.postJson("/api/v1/questions", stranger().toString(), "Idempotency-Key", "1");

            assertThat(other.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(other.body()).at("/errors/Idempotency-Key").asText())
                    .isEqualTo("This Idempotency-Key was already used for a different question. Nothing was stored. "
                            + "To send this question, use a new key; a retry must send the same question again.");
            assertThat(other.body()).doesNotContain(link.replaceAll(".*/", "")).doesNotContain("Lopez")
                    .doesNotContain("maria@example.com").doesNotContain("Austin").doesNotContain("Sofia")
                    .doesNotContain("status_url");
            assertThat(questions(server)).isEqualTo(1);

            // Her question is not lost: with a key of its own it is received.
            HttpResponse<String> again = server.postJson("/api/v1/questions", stranger().toString(), "Idempotency-Key", "2");
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(again.body()).get("status_url").asText()).isNotEqualTo(link);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameQuestionRetriedWithItsKeyGetsTheSameLinkAndOneReceiptMail(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            String key = "0b6f3f55-6d3a-4b0e-9a57-1f0c6a2d9e10";
            HttpResponse<String> first = server.postJson("/api/v1/questions", AskFlow.question().toString(), "Idempotency-Key", key);
            // The same question with other spacing and field order is the same submission.
            ObjectNode reordered = JSON.createObjectNode();
            reordered.setAll(AskFlow.question().put("title", "  How do I get my baby to nap?  ").put("role", "Mama"));
            HttpResponse<String> retry = server.postJson("/api/v1/questions", reordered.toString(), "Idempotency-Key", key);

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(retry.body()).get("status_url")).isEqualTo(JSON.readTree(first.body()).get("status_url"));
            assertThat(questions(server)).isEqualTo(1);
            long mails = server.server().database().read(handle ->
                    handle.createQuery("SELECT COUNT(*) FROM mail_outbox").mapTo(Long.class).one());
            assertThat(mails).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sendsRacingWithOneKeyStoreOneQuestionAndNeverCrossOver(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            String key = "race-" + kind;
            List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = (i % 2 == 0 ? AskFlow.question() : stranger()).toString();
                sends.add(() -> server.postJson("/api/v1/questions", body, "Idempotency-Key", key));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                for (Future<HttpResponse<String>> answer : pool.invokeAll(sends)) answers.add(answer.get());
            }
            List<String> links = answers.stream().filter(answer -> answer.statusCode() == 201)
                    .map(answer -> AskFlow.json(answer.body()).get("status_url").asText()).distinct().toList();
            assertThat(links).hasSize(1);
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 422);
            // Whichever question won, every 201 came from a sender of that same question.
            String winner = server.server().database().read(handle ->
                    handle.createQuery("SELECT title FROM question WHERE status = 'RECEIVED'").mapTo(String.class).one());
            for (int i = 0; i < answers.size(); i++) {
                String sent = i % 2 == 0 ? AskFlow.question().get("title").asText() : stranger().get("title").asText();
                assertThat(answers.get(i).statusCode()).isEqualTo(sent.equals(winner) ? 201 : 422);
            }
            assertThat(questions(server)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFormKeyReusedWithOtherWordsGivesHerFormBackWithAFreshKeyAndNothingOfTheFirst(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            Document form = server.page("/es/ask");
            Map<String, String> paula = AskFlow.spanishMother(form);
            String first = AskFlow.askAndFollow(server, paula);

            // Back in the browser after sending, or someone who copied the hidden field: same key, other words.
            Map<String, String> other = AskFlow.fieldsOf(form);
            other.putAll(AskFlow.spanishMother(form));
            other.put("title", "¿Es normal no sentir nada por mi bebé?");
            other.put("surname", "Desconocida");
            other.put("email", "otra@example.net");
            other.put("children[0].name", "Lucía");
            HttpResponse<String> refused = server.postForm("/es/ask", other);

            assertThat(refused.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst(".notice").text()).startsWith("Desde esta página ya se envió una pregunta, con otras palabras.");
            assertThat(page.selectFirst("input[name=title]").val()).isEqualTo("¿Es normal no sentir nada por mi bebé?");
            assertThat(page.selectFirst("input[name=surname]").val()).isEqualTo("Desconocida");
            assertThat(page.selectFirst("input[name=children[0].name]").val()).isEqualTo("Lucía");
            assertThat(refused.body()).doesNotContain("Gómez").doesNotContain("paula.gomez@example.com")
                    .doesNotContain("Andrés").doesNotContain(first.replaceAll(".*/", ""));
            String freshKey = page.selectFirst("input[name=retry_key]").val();
            assertThat(freshKey).isNotEqualTo(paula.get("retry_key")).hasSizeGreaterThanOrEqualTo(43);
            assertThat(questions(server)).isEqualTo(1);

            // Pressing send again asks it as a new question.
            String second = AskFlow.askAndFollow(server, AskFlow.fieldsOf(page));
            assertThat(second).isNotEqualTo(first);
            assertThat(questions(server)).isEqualTo(2);
            assertThat(server.get(second).body()).contains("¿Es normal no sentir nada por mi bebé?");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameFormSentTwiceIsOneQuestionWithOneLink(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            Map<String, String> paula = AskFlow.spanishMother(server.page("/es/ask"));
            String first = AskFlow.askAndFollow(server, paula);
            String again = AskFlow.askAndFollow(server, paula);
            assertThat(again).isEqualTo(first);
            assertThat(questions(server)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIdempotencyKeyLongerThanDearlyKeepsIsRefusedNotIgnored(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            HttpResponse<String> response = server.postJson("/api/v1/questions", AskFlow.question().toString(),
                    "Idempotency-Key", "k".repeat(201));
            assertThat(response.statusCode()).isEqualTo(422);
            JsonNode errors = JSON.readTree(response.body()).get("errors");
            assertThat(errors.get("Idempotency-Key").asText()).isEqualTo("Idempotency-Key must be at most 200 characters long; a random UUID is best.");
            assertThat(questions(server)).isZero();
        }
    }

    /** Questions parents sent (the embedded demo letter's question has no status link). */
    private static long questions(TestServer server) {
        return server.server().database().read(handle ->
                handle.createQuery("SELECT COUNT(*) FROM question WHERE status_token_hash IS NOT NULL").mapTo(Long.class).one());
    }
}

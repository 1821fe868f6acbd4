package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The asking API follows the form's rules and answers as the issue describes. */
class QuestionApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void aValidQuestionIsCreatedWithAPrivateStatusUrl() throws Exception {
        HttpResponse<String> response = server.postJson("/api/v1/questions", AskFlow.question().toString());
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("status").asText()).isEqualTo("received");
        assertThat(receipt.get("status_url").asText()).startsWith(server.url("/status/"));
        assertThat(receipt.has("crisis_resources")).isFalse();

        String token = receipt.get("status_url").asText().replaceAll(".*/", "");
        JsonNode status = JSON.readTree(server.get("/api/v1/status/" + token).body());
        assertThat(status.get("status").asText()).isEqualTo("received");
        assertThat(status.get("title").asText()).isEqualTo("How do I get my baby to nap?");
        assertThat(status.toString()).doesNotContain("Lopez").doesNotContain("maria@example.com");
    }

    @Test
    void mistakesAre422WithAMessagePerFieldNamingWhatItAcceptsInHerLanguage() throws Exception {
        ObjectNode question = AskFlow.question().put("language", "es").put("age", 9).put("title", "Ayuda").put("country", "XX");
        question.putArray("children").addObject().put("birth_date", "2999-01-01");
        HttpResponse<String> response = server.postJson("/api/v1/questions", question.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.get("age").asText()).isEqualTo("age debe ser un número entero de 13 a 80, o no enviarse.");
        assertThat(errors.get("title").asText()).isEqualTo("title debe tener de 10 a 200 caracteres.");
        assertThat(errors.get("country").asText())
                .isEqualTo("country debe ser un código ISO 3166-1 alfa-2 como \"US\" o \"CO\", o el nombre del país en inglés o en español.");
        assertThat(errors.get("children[0].birth_date").asText()).isEqualTo("children[0].birth_date no puede ser una fecha futura.");
    }

    @Test
    void aOneMegabyteBodyIsAFieldErrorNotACrash() throws Exception {
        HttpResponse<String> response = server.postJson("/api/v1/questions", AskFlow.question().put("body", "x".repeat(1_000_000)).toString());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).at("/errors/body").asText()).isEqualTo("body must be 50 to 10,000 characters long.");
    }

    @Test
    void wrongTypesAndEmptyBodiesAreExplainedNotCrashed() throws Exception {
        assertThat(server.postJson("/api/v1/questions", "").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/api/v1/questions", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/api/v1/questions", "{\"title\":").statusCode()).isEqualTo(400);
        HttpResponse<String> empty = server.postJson("/api/v1/questions", "{}");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(empty.body()).get("errors").fieldNames()).toIterable()
                .contains("title", "body", "first_name", "surname", "country", "role", "language", "consent");
        ObjectNode odd = AskFlow.question().put("consent", "yes");
        odd.putObject("age").put("nested", 1);
        JsonNode errors = JSON.readTree(server.postJson("/api/v1/questions", odd.toString()).body()).get("errors");
        assertThat(errors.has("consent")).isTrue();
    }

    @Test
    void onlyJsonIsAcceptedSoNoOtherSiteCanPostForHer() {
        HttpResponse<String> plain = server.postJson("/api/v1/questions", AskFlow.question().toString(), "Content-Type", "text/plain");
        assertThat(plain.statusCode()).isEqualTo(415);
    }

    @Test
    void theSameIdempotencyKeyStoresOneQuestion() throws Exception {
        String key = "b9b0c7a2-5b7e-4d59-9f0e-7d1e2b1a3c44";
        HttpResponse<String> first = server.postJson("/api/v1/questions", AskFlow.question().toString(), "Idempotency-Key", key);
        HttpResponse<String> retry = server.postJson("/api/v1/questions", AskFlow.question().toString(), "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body()).get("status_url")).isEqualTo(JSON.readTree(first.body()).get("status_url"));
        HttpResponse<String> other = server.postJson("/api/v1/questions", AskFlow.question().toString(), "Idempotency-Key", key + "-2");
        assertThat(JSON.readTree(other.body()).get("status_url")).isNotEqualTo(JSON.readTree(first.body()).get("status_url"));
        long stored = server.server().database().read(handle ->
                handle.createQuery("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void aQuestionShowingCrisisSignsGetsTheResourcesForHerCountryAtOnce() throws Exception {
        ObjectNode question = AskFlow.question().put("language", "es").put("country", "CO")
                .put("title", "Ya no puedo más con esto")
                .put("body", "Desde que nació mi bebé lloro todo el día y a veces pienso que sería mejor quitarme la vida.");
        HttpResponse<String> response = server.postJson("/api/v1/questions", question.toString());
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(CrisisHelpJson.phones(receipt)).containsExactly("123", "106", "(604) 444 4448");
        assertThat(receipt.get("crisis_resources").findValuesAsText("kind")).containsExactly("emergency", "crisis", "crisis", "directory");
        assertThat(receipt.get("crisis_resources").findValuesAsText("country")).containsOnly("CO");
        assertThat(receipt.get("crisis_message").asText()).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
        boolean urgent = server.server().database().read(handle ->
                handle.createQuery("SELECT urgent FROM question WHERE status = 'RECEIVED'").mapTo(Boolean.class).one());
        assertThat(urgent).isTrue();
    }
}

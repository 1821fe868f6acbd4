package dearly.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.storage.TestDatabase;
import dearly.web.RateLimitSettings;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document tells the truth about the running server: real requests and real answers
 * conform to its schemas, and each of its limits is where the code draws the line (issue 6, item 10).
 */
class ApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    /** Every field the document describes, so that each is held to its schema. */
    private static ObjectNode question() {
        return AskFlow.questionWithEveryField();
    }

    private static TestServer start(TestDatabase.Kind kind) {
        return TestServer.start(kind, true, config -> config.withRateLimits(RateLimitSettings.off()));
    }

    private static void conforms(String schema, HttpResponse<String> response) {
        assertThat(ApiDocument.problems(schema, response.body())).as(response.uri() + " " + response.statusCode() + " as " + schema)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theDocumentIsServedAsBundledAndTheReferencePageIsMadeFromIt(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = start(kind)) {
            HttpResponse<String> document = server.get("/api/v1/openapi.json");
            assertThat(document.statusCode()).isEqualTo(200);
            assertThat(document.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode served = JSON.readTree(document.body());
            assertThat(served).isEqualTo(ApiDocument.tree());
            assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");

            for (String language : List.of("en", "es")) {
                var page = server.page(dearly.language.Language.fromCode(language).orElseThrow().address("/api"));
                assertThat(page.selectFirst("html").attr("lang")).isEqualTo(language);
                assertThat(page.select("section.operation h2").eachText())
                        .contains("POST /api/v1/questions", "GET /api/v1/status/{token}", "GET /api/v1/letters");
                assertThat(page.select("#schema-Question dt code").eachText()).containsExactlyElementsOf(ApiDocument.properties("Question"));
                assertThat(page.selectFirst("#schema-Question").text()).contains("one of \"mama\", \"papa\", \"parent\"")
                        .contains("10 to 200 characters").contains("at most 8 items");
                assertThat(page.text()).contains("Idempotency-Key").contains("Retry-After").doesNotContain("`");
                assertThat(page.select(".reference p code").eachText()).contains("Content-Type: application/json", "errors");
            }
            assertThat(server.page("/es/api").selectFirst("h1").text()).isEqualTo("Referencia de la API");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void realRequestsAndAnswersConformToTheDocument(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = start(kind)) {
            assertThat(ApiDocument.problems("Question", question().toString())).isEmpty();
            HttpResponse<String> created = server.postJson("/api/v1/questions", question().toString(), "Idempotency-Key", "contract-1");
            assertThat(created.statusCode()).isEqualTo(201);
            conforms("Receipt", created);
            conforms("Receipt", server.postJson("/api/v1/questions", question().toString(), "Idempotency-Key", "contract-1"));

            ObjectNode crisis = question().put("language", "es").put("country", "CO").put("title", "Ya no puedo más con esto")
                    .put("body", "Desde que nació mi bebé lloro todo el día y a veces pienso que sería mejor quitarme la vida.");
            assertThat(ApiDocument.problems("Question", crisis.toString())).isEmpty();
            HttpResponse<String> urgent = server.postJson("/api/v1/questions", crisis.toString());
            assertThat(JSON.readTree(urgent.body()).has("crisis_resources")).isTrue();
            conforms("Receipt", urgent);

            String token = JSON.readTree(urgent.body()).get("status_url").asText().replaceAll(".*/", "");
            HttpResponse<String> status = server.get("/api/v1/status/" + token);
            assertThat(JSON.readTree(status.body()).has("crisis_resources")).isTrue();
            conforms("Status", status);
            conforms("Status", server.get("/api/v1/status/" + JSON.readTree(created.body()).get("status_url").asText().replaceAll(".*/", "")));

            ObjectNode wrong = question().put("role", "aunt").put("title", "Hi");
            assertThat(ApiDocument.problems("Question", wrong.toString())).isNotEmpty();
            HttpResponse<String> refused = server.postJson("/api/v1/questions", wrong.toString());
            assertThat(refused.statusCode()).isEqualTo(422);
            conforms("FieldErrors", refused);
            HttpResponse<String> taken = server.postJson("/api/v1/questions", question().put("city", "Boston").toString(),
                    "Idempotency-Key", "contract-1");
            assertThat(taken.statusCode()).isEqualTo(422);
            conforms("FieldErrors", taken);

            HttpResponse<String> malformed = server.postJson("/api/v1/questions", "[1]");
            assertThat(malformed.statusCode()).isEqualTo(400);
            conforms("Error", malformed);
            HttpResponse<String> plain = server.postJson("/api/v1/questions", question().toString(), "Content-Type", "text/plain");
            assertThat(plain.statusCode()).isEqualTo(415);
            conforms("Error", plain);
            HttpResponse<String> unknown = server.get("/api/v1/status/" + "A".repeat(43));
            assertThat(unknown.statusCode()).isEqualTo(404);
            conforms("Error", unknown);

            HttpResponse<String> letters = server.get("/api/v1/letters?limit=5");
            assertThat(JSON.readTree(letters.body()).get("letters").size()).isPositive();
            conforms("LetterPage", letters);
            String slug = JSON.readTree(letters.body()).at("/letters/0/slug").asText();
            conforms("Letter", server.get("/api/v1/letters/" + slug));
            conforms("Error", server.get("/api/v1/letters/no-such-letter"));

            HttpResponse<String> found = server.get("/api/v1/search?q=partner");
            assertThat(JSON.readTree(found.body()).get("results").size()).isPositive();
            conforms("SearchPage", found);
            HttpResponse<String> typo = server.get("/api/v1/search?q=partnr&lang=en&page=2");
            assertThat(JSON.readTree(typo.body()).get("did_you_mean").asText()).isEqualTo("partner");
            conforms("SearchPage", typo);
            conforms("SearchPage", server.get("/api/v1/search?q="));
            HttpResponse<String> similar = server.get("/api/v1/similar?q=" + java.net.URLEncoder.encode(
                    "I miss my partner, we never talk since the baby came", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(JSON.readTree(similar.body()).get("results").size()).isPositive();
            conforms("SimilarPage", similar);
            conforms("SimilarPage", server.get("/api/v1/similar?q=&limit=0"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClientOverItsAllowanceGets429WithRetryAfterAsDocumented(TestDatabase.Kind kind) throws Exception {
        // The shipped defaults, whatever they are: the test only needs some allowance to run out.
        try (TestServer server = TestServer.start(kind, false, config -> config.withRateLimits(RateLimitSettings.defaults()))) {
            HttpResponse<String> response = null;
            for (int i = 0; i < 2_000; i++) {
                response = server.postJson("/api/v1/questions", "[]");
                if (response.statusCode() == 429) break;
            }
            assertThat(response.statusCode()).isEqualTo(429);
            conforms("TooMany", response);
            assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(ApiDocument.tree().at("/components/responses/TooMany/headers/Retry-After").isMissingNode()).isFalse();
        }
    }
}

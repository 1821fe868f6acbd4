package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.RunningDearly;
import dearly.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read API gives a program the same letter a reader sees. */
class LetterApiTest {
    private static final String SLUG = "why-do-i-miss-my-partner-even-when-were-in-the-same-room";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server; // started and stopped by DEARLY
    private static List<String> seed;

    @BeforeAll
    static void readTheSeed() throws Exception {
        seed = FirstLetterPageTest.seedLines();
    }

    @Test
    void oneLetterHasEveryFieldOfThePage() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/letters/" + SLUG);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode letter = JSON.readTree(response.body());
        assertThat(letter.get("slug").asText()).isEqualTo(SLUG);
        assertThat(letter.get("url").asText()).isEqualTo(server.url("/letters/" + SLUG));
        assertThat(letter.get("headline").asText()).isEqualTo(seed.get(0));
        assertThat(letter.get("byline").asText()).isEqualTo(seed.get(2));
        assertThat(letter.get("standfirst").asText()).isEqualTo(seed.get(3));
        assertThat(letter.get("salutation").asText()).isEqualTo(seed.get(4));
        assertThat(letter.get("body_html").asText()).startsWith("<p>I remember this ache.</p>").contains("<br />");
        assertThat(letter.get("sign_off").asText()).isEqualTo(seed.get(seed.size() - 2));
        assertThat(letter.at("/advisor/name").asText()).isEqualTo("Lina P.");
        assertThat(letter.at("/advisor/url").asText()).isEqualTo(server.url("/advisors/lina-p"));
        assertThat(letter.get("topics").findValuesAsText("name")).containsExactly("Postpartum life", "Relationships");
        assertThat(letter.get("language").asText()).isEqualTo("en");
        assertThat(java.time.Instant.parse(letter.get("published_at").asText())).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void listGivesTheLatestLettersWithPaging() throws Exception {
        JsonNode page = JSON.readTree(server.get("/api/v1/letters").body());
        assertThat(page.get("letters")).hasSize(1);
        assertThat(page.at("/letters/0/slug").asText()).isEqualTo(SLUG);
        assertThat(page.at("/letters/0/byline").asText()).isEqualTo(seed.get(2));
        JsonNode beyond = JSON.readTree(server.get("/api/v1/letters?offset=1&limit=5").body());
        assertThat(beyond.get("letters")).isEmpty();
        assertThat(beyond.get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void malformedPagingFallsBackToTheDefaults() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/letters?limit=%27%3B%20DROP%20TABLE%20letter%3B--&offset=-3");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.get("limit").asInt()).isEqualTo(20);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("letters")).hasSize(1);
    }

    @Test
    void unknownLetterIsAJson404() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/letters/no-such-letter");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("Nothing is at this address.");
    }
}

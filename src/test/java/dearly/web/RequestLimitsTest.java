package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A body over 2 MB gets a kind 413, as a page or as JSON, never a failure or a dropped connection. */
class RequestLimitsTest {
    private static final String THREE_MEGABYTES = "x".repeat(3 * 1024 * 1024);

    private static WebTestApp app() {
        return WebTestApp.start((routes, parts) -> {
            new RequestLimits(WebTestApp.MAX_REQUEST_BYTES, parts.refusals()).routes(routes);
            routes.post("/ask", ctx -> ctx.html("<p>received " + ctx.formParam("body").length() + "</p>"));
            routes.post("/api/v1/questions", ctx -> ctx.status(201).json(Map.of("length", ctx.bodyAsClass(Map.class).get("body").toString().length())));
        });
    }

    @Test
    void aThreeMegabyteFormGetsAKindPage() {
        try (WebTestApp app = app()) {
            HttpResponse<String> response = app.postForm("/ask", "body=" + THREE_MEGABYTES);
            assertThat(response.statusCode()).isEqualTo(413);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("That was more than we can receive at once");
            assertThat(page.text())
                    .contains("Dearly can receive up to 2 MB at a time")
                    .contains("What you wrote is not lost: go back in your browser");
        }
    }

    @Test
    void theKindPageSpeaksSpanishToASpanishBrowser() {
        try (WebTestApp app = app()) {
            HttpResponse<String> response = app.postForm("/ask", "body=" + THREE_MEGABYTES, "Accept-Language", "es");
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Eso es más de lo que podemos recibir de una vez");
        }
    }

    @Test
    void aThreeMegabyteJsonPostGetsJson() {
        try (WebTestApp app = app()) {
            HttpResponse<String> response = app.postJson("/api/v1/questions", "{\"body\":\"" + THREE_MEGABYTES + "\"}");
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(response.body()).isEqualTo("{\"error\":\"The request body is larger than 2 MB, the most Dearly accepts.\"}");
        }
    }

    @Test
    void aBodyThatDoesNotAnnounceItsLengthIsStoppedAtTheLimitToo() {
        try (WebTestApp app = app()) {
            byte[] body = ("body=" + THREE_MEGABYTES).getBytes(StandardCharsets.UTF_8);
            // From an input stream the client sends the body in chunks, with no Content-Length.
            HttpResponse<String> response = app.send(app.request("/ask")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("That was more than we can receive at once");
        }
    }

    @Test
    void aBodyTenTimesTheLimitStillGetsItsAnswerRatherThanABrokenConnection() {
        try (WebTestApp app = app()) {
            String twentyMegabytes = "body=" + "x".repeat(20 * 1024 * 1024);
            for (int i = 0; i < 5; i++) {
                assertThat(app.postForm("/ask", twentyMegabytes).statusCode()).isEqualTo(413);
                assertThat(app.postForm("/ask", "body=short").statusCode()).as("the next request").isEqualTo(200);
            }
        }
    }

    @Test
    void aLongQuestionUnderTheLimitIsReceived() {
        try (WebTestApp app = app()) {
            String oneMegabyte = "x".repeat(1024 * 1024);
            assertThat(app.postForm("/ask", "body=" + oneMegabyte).body()).contains("received " + oneMegabyte.length());
            assertThat(app.postJson("/api/v1/questions", "{\"body\":\"" + oneMegabyte + "\"}").statusCode()).isEqualTo(201);
        }
    }
}

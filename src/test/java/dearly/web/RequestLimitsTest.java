package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import dearly.asking.AskFlow;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body over 2 MB gets a kind 413, as a page or as JSON, never a failure or a dropped connection. */
class RequestLimitsTest {
    private static final String THREE_MEGABYTES = "x".repeat(3 * 1024 * 1024);

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server; // filled in by DEARLY

    /** The ask form filled in as a browser sends it, with her question's body replaced by this text. */
    private static Map<String, String> askingWith(String body) {
        Map<String, String> fields = new HashMap<>(AskFlow.spanishMother(server.page("/ask")));
        fields.put("body", body);
        return fields;
    }

    private static HttpResponse<String> postFormBody(String body, String... headers) {
        HttpRequest.Builder request = server.request("/ask").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        return server.send(request);
    }

    @Test
    void aThreeMegabyteFormGetsAKindPage() {
        HttpResponse<String> response = server.postForm("/ask", askingWith(THREE_MEGABYTES));
        assertThat(response.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("That was more than we can receive at once");
        assertThat(page.text())
                .contains("Dearly can receive up to 2 MB at a time")
                .contains("What you wrote is not lost: go back in your browser");
    }

    @Test
    void theKindPageSpeaksSpanishToASpanishBrowser() {
        HttpResponse<String> response = postFormBody("body=" + THREE_MEGABYTES, "Accept-Language", "es");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Eso es más de lo que podemos recibir de una vez");
    }

    @Test
    void aThreeMegabyteJsonPostGetsJson() {
        HttpResponse<String> response = server.postJson("/api/v1/questions", AskFlow.question().put("body", THREE_MEGABYTES).toString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"The request body is larger than 2 MB, the most Dearly accepts.\"}");
    }

    @Test
    void aBodyThatDoesNotAnnounceItsLengthIsStoppedAtTheLimitToo() {
        byte[] body = TestServer.formBody(askingWith(THREE_MEGABYTES)).getBytes(StandardCharsets.UTF_8);
        // From an input stream the client sends the body in chunks, with no Content-Length.
        HttpResponse<String> response = server.send(server.request("/ask")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("That was more than we can receive at once");
    }

    @Test
    void aBodyTenTimesTheLimitStillGetsItsAnswerRatherThanABrokenConnection() {
        String twentyMegabytes = "body=" + "x".repeat(20 * 1024 * 1024);
        Map<String, String> question = AskFlow.spanishMother(server.page("/ask"));
        for (int i = 0; i < 5; i++) {
            assertThat(postFormBody(twentyMegabytes).statusCode()).isEqualTo(413);
            assertThat(server.postForm("/ask", question).statusCode()).as("the next request, her question").isEqualTo(303);
        }
    }

    @Test
    void aLongQuestionUnderTheLimitIsReadWhole() {
        // A megabyte is far past what a question may hold, so the form comes back to be shortened, with every character kept.
        String oneMegabyte = "x".repeat(1024 * 1024);
        HttpResponse<String> form = server.postForm("/ask", askingWith(oneMegabyte));
        assertThat(form.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(form.body());
        String shown = page.selectFirst("textarea[name=body]").wholeText().replaceFirst("^\n", "");
        assertThat(shown.equals(oneMegabyte)).as("every character she typed is shown again").isTrue();
        assertThat(page.text()).contains("Tiene más de 10.000 caracteres. Acórtalo, por favor; todo lo que escribiste sigue aquí.");

        HttpResponse<String> api = server.postJson("/api/v1/questions", AskFlow.question().put("body", oneMegabyte).toString());
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(AskFlow.json(api.body()).at("/errors/body").asText()).isEqualTo("body must be 50 to 10,000 characters long.");
    }
}

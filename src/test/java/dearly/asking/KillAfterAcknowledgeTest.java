package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.ChildDearly;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The question is committed before she is told it was received: Dearly is killed (SIGKILL, no
 * shutdown hook) the moment it answers 201, and after a restart her question is there.
 */
class KillAfterAcknowledgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aQuestionAcknowledgedJustBeforeACrashIsThereAfterRestart() throws Exception {
        Path data = Files.createTempDirectory("dearly-kill-");
        int port = ChildDearly.freePort();

        Process first = ChildDearly.serve(data, port);
        String statusApi;
        try {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/questions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(AskFlow.question().toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            first.destroyForcibly();
            assertThat(created.statusCode()).isEqualTo(201);
            statusApi = JSON.readTree(created.body()).get("status_api_url").asText();
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = ChildDearly.serve(data, port);
        try {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(statusApi)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            JsonNode question = JSON.readTree(status.body());
            assertThat(question.get("title").asText()).isEqualTo("How do I get my baby to nap?");
            assertThat(question.get("status").asText()).isEqualTo("received");
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

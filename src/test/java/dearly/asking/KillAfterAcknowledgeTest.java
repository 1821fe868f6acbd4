package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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
        int port = freePort();

        Process first = serve(data, port);
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

        Process second = serve(data, port);
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

    /** Starts `dearly serve` in its own JVM and waits, with a deadline, until it says where it runs. */
    private static Process serve(Path data, int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dearly.Dearly", "serve");
        builder.environment().put("DEARLY_PORT", Integer.toString(port));
        builder.environment().put("DEARLY_DATA_DIR", data.toString());
        builder.environment().put("DEARLY_RATE_LIMITS", "off");
        builder.environment().remove("DEARLY_DATABASE_URL");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    if (line.startsWith("Dearly is running at")) return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!started.isDone() && Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                started.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException waiting) {
                // keep waiting until the deadline
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        if (!started.getNow(false)) {
            process.destroyForcibly();
            throw new AssertionError("dearly serve did not start within 60 s");
        }
        // Keep draining its output so it never blocks on a full pipe.
        CompletableFuture.runAsync(() -> output.lines().forEach(line -> { }));
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

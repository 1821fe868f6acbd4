package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.ChildDearly;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The question is committed before she is told it was received. Several parents ask at once while
 * Dearly is killed (SIGKILL, no shutdown hook) again and again and restarted on the same data; each
 * retries with her Idempotency-Key until she gets a 201, as a phone on a bad network would. After
 * that, every acknowledged question is there as she wrote it, none twice, and each receipt reached
 * the mail server (maybe more than once, always with one Message-ID).
 */
class KillAfterAcknowledgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARENTS = 4;
    private static final int QUESTIONS_EACH = 15;
    private static final int KILLS = 3;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What one parent was told for one question. */
    private record Acknowledged(ObjectNode question, String statusApi, String statusPage) {}

    @Test
    void everyQuestionAcknowledgedAcrossRepeatedKillsIsStoredOnceIntactAndMailedOnce() throws Exception {
        Path data = Files.createTempDirectory("dearly-kill-");
        int port = freePort();
        Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20)); // generous: five starts on a loaded machine

        Process server = serve(data, port);
        ExecutorService parents = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> asking = new ArrayList<>();
            for (int parent = 0; parent < PARENTS; parent++) {
                int p = parent;
                asking.add(parents.submit(() -> {
                    for (int n = 0; n < QUESTIONS_EACH; n++) {
                        String key = "kill-test-" + p + "-" + n;
                        acknowledged.put(key, askUntilAcknowledged(port, question(p, n), key, deadline));
                    }
                    return null;
                }));
            }
            int total = PARENTS * QUESTIONS_EACH;
            for (int kill = 1; kill <= KILLS; kill++) {
                int before = kill * total / (KILLS + 1);
                while (acknowledged.size() < before && Instant.now().isBefore(deadline)) Thread.sleep(5);
                server.destroyForcibly(); // SIGKILL: mid-burst, with asks in flight
                server.waitFor(30, TimeUnit.SECONDS);
                server = serve(data, port);
            }
            for (Future<?> parent : asking) parent.get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(acknowledged).hasSize(total);

            for (Acknowledged ack : acknowledged.values()) {
                JsonNode status = JSON.readTree(get(ack.statusApi()).body());
                assertThat(status.get("title").asText()).isEqualTo(ack.question().get("title").asText());
                Map<String, String> stored = AskFlow.fieldsOf(Jsoup.parse(get(ack.statusPage() + "/edit").body(), ack.statusPage()));
                for (String field : List.of("title", "body", "first_name", "surname", "city", "email")) {
                    assertThat(stored.get(field)).as(field).isEqualTo(ack.question().get(field).asText());
                }
                assertThat(stored.get("children[0].name")).isEqualTo(ack.question().get("children").get(0).get("name").asText());
            }

            // Each stored question queues one receipt to its own address: a question stored twice would show as a second Message-ID.
            Map<String, Set<String>> messageIds = new HashMap<>();
            while (Instant.now().isBefore(deadline)) {
                messageIds = messageIdsByRecipient();
                if (messageIds.values().stream().mapToInt(Set::size).sum() >= total) break;
                Thread.sleep(200);
            }
            Set<String> addresses = new HashSet<>();
            acknowledged.values().forEach(ack -> addresses.add(ack.question().get("email").asText()));
            assertThat(messageIds.keySet()).isEqualTo(addresses);
            assertThat(messageIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        } finally {
            parents.shutdownNow();
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Her question number n, told apart from every other by its words and her address. */
    private static ObjectNode question(int parent, int n) {
        String who = parent + "-" + n;
        ObjectNode question = AskFlow.question()
                .put("title", "How do I get my baby to nap? (" + who + ")")
                .put("body", "My daughter is four months old and only naps in my arms, question " + who + ". I am so tired.")
                .put("surname", "Lopez " + who)
                .put("city", "Austin " + who)
                .put("email", "maria." + who + "@example.com");
        ((ObjectNode) question.get("children").get(0)).put("name", "Sofia " + who);
        return question;
    }

    /** Sends until Dearly answers 201, with the same key each time: refused connections and errors are retried. */
    private Acknowledged askUntilAcknowledged(int port, ObjectNode question, String key, Instant deadline) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/questions"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(question.toString()))
                .build();
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode receipt = JSON.readTree(response.body());
                    return new Acknowledged(question, receipt.get("status_api_url").asText(), receipt.get("status_url").asText());
                }
                assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
            } catch (IOException killed) {
                // the server is down: try again, as her phone would
            }
            Thread.sleep(50);
        }
        throw new AssertionError("question " + key + " was never acknowledged");
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response;
    }

    private static Map<String, Set<String>> messageIdsByRecipient() throws Exception {
        Map<String, Set<String>> ids = new HashMap<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            ids.computeIfAbsent(mail.getAllRecipients()[0].toString(), recipient -> new HashSet<>()).add(mail.getMessageID());
        }
        return ids;
    }

    /** Starts `dearly serve` in its own JVM, mailing through the test's SMTP server, and waits until it says where it runs. */
    private static Process serve(Path data, int port) throws IOException {
        return ChildDearly.serve(data, port, Map.of("DEARLY_SMTP_HOST", "127.0.0.1",
                "DEARLY_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()), "DEARLY_SMTP_TLS", "none"), line -> { });
    }

    private static int freePort() throws IOException {
        return ChildDearly.freePort();
    }
}

package dearly.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A load balancer asks whether a node is alive and whether to send it readers; the answer says what is wrong. */
class HealthTest {

    @Test
    void aStartedNodeIsAliveAndReady() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> health = server.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            HttpResponse<String> ready = server.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
        }
    }

    @Test
    void withoutItsDatabaseANodeIsAliveButNotReady() {
        try (TestServer server = TestServer.start()) {
            server.server().database().close(); // the database goes away under a running server
            assertThat(server.get("/health").statusCode()).as("alive: nothing to restart").isEqualTo(200);
            HttpResponse<String> ready = server.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"not ready\"", "\"not_ready\":[\"database unreachable\"]");
        }
    }
}

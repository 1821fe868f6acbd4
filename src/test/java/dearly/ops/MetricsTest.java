package dearly.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.asking.AskFlow;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus reads a node's figures at /metrics, with the token it was given; no one else finds the address. */
class MetricsTest {
    private static final String TOKEN = "a-long-metrics-token-for-tests";

    @Test
    void withoutTheTokenMetricsIsAnAddressLikeAnyMissingOne() {
        try (TestServer server = TestServer.start(Map.of("DEARLY_METRICS_TOKEN", TOKEN))) {
            assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(server.get("/metrics", "Authorization", "Bearer not-the-token-at-all-no").statusCode()).isEqualTo(404);
        }
        try (TestServer server = TestServer.start()) {
            assertThat(server.get("/metrics", "Authorization", "Bearer " + TOKEN).statusCode()).as("closed unless configured").isEqualTo(404);
        }
    }

    @Test
    void requestsAreCountedByRouteTemplateNeverByTheAddressAsked() {
        try (TestServer server = TestServer.start(Map.of("DEARLY_METRICS_TOKEN", TOKEN))) {
            String letter = server.page("/").select("a[href^=/letters/]").first().attr("href");
            assertThat(server.get(letter).statusCode()).isEqualTo(200);
            String status = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            assertThat(server.get(status).statusCode()).isEqualTo(200);
            server.get("/made-up-address-" + "x".repeat(20));

            HttpResponse<String> metrics = server.get("/metrics", "Authorization", "Bearer " + TOKEN);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            String figures = metrics.body();
            assertThat(figures).contains("http_server_requests_seconds_bucket{")
                    .contains("route=\"/letters/{slug}\"", "route=\"/status/{token}\"", "route=\"unmatched\"")
                    .contains("status=\"2xx\"", "status=\"4xx\"", "method=\"GET\"");
            assertThat(figures).as("no letter's slug, no status token, no made-up address")
                    .doesNotContain(letter).doesNotContain(status.substring(status.lastIndexOf('/') + 1)).doesNotContain("made-up");
            // her receipt waits in the outbox (no SMTP here)
            assertThat(figures).containsPattern("dearly_outbox_unsent [1-9]")
                    .contains("dearly_outbox_oldest_age_seconds ", "dearly_search_index_lag ")
                    .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_");
        }
    }

    @Test
    void aConfiguredAddressNeedsNoToken() {
        try (TestServer server = TestServer.start(Map.of("DEARLY_METRICS_FROM", "127.0.0.1, ::1"))) {
            HttpResponse<String> metrics = server.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jetty_threads_");
        }
    }
}

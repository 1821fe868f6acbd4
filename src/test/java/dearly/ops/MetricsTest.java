package dearly.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dearly.TestServer;
import dearly.asking.AskFlow;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
    void aPageServedFromThePageCacheIsLoggedAndCountedAsAHitAndAHeadByItsRoute() {
        Logger log = (Logger) LoggerFactory.getLogger("dearly.requests");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (TestServer server = TestServer.start(Map.of("DEARLY_METRICS_TOKEN", TOKEN))) {
            String letter = server.page("/").select("a[href^=/letters/]").first().attr("href");
            HttpResponse<String> rendered = server.sendWithoutCookies(server.request(letter).GET());
            HttpResponse<String> kept = server.sendWithoutCookies(server.request(letter).GET());
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).isEqualTo(rendered.body());
            String id = kept.headers().firstValue(RequestRecords.HEADER).orElseThrow();
            assertThat(id).as("a hit has an id of its own").isNotEqualTo(rendered.headers().firstValue(RequestRecords.HEADER).orElseThrow());
            HttpResponse<String> head = server.sendWithoutCookies(server.request(letter).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            // /ask carries a form token: never kept, so its HEAD reaches the routes.
            server.sendWithoutCookies(server.request("/ask").method("HEAD", HttpRequest.BodyPublishers.noBody()));

            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).anySatisfy(line -> assertThat(line)
                    .contains("id=" + id, "method=GET", "route=/letters/{slug}", "status=200", "cache=hit")
                    .containsPattern("ms=[0-9.]+ bytes=[1-9][0-9]*"));
            assertThat(logged).anySatisfy(line -> assertThat(line).contains("method=HEAD", "route=/letters/{slug}", "cache=hit"));
            assertThat(logged).anySatisfy(line -> assertThat(line).contains("method=HEAD", "route=/ask", "cache=miss"));

            String figures = server.get("/metrics", "Authorization", "Bearer " + TOKEN).body();
            assertThat(figures).contains("cache=\"hit\",method=\"GET\",route=\"/letters/{slug}\",status=\"2xx\"")
                    .contains("cache=\"miss\",method=\"GET\",route=\"/letters/{slug}\",status=\"2xx\"")
                    .contains("cache=\"hit\",method=\"HEAD\",route=\"/letters/{slug}\"")
                    .contains("method=\"HEAD\",route=\"/ask\"");
            assertThat(figures).doesNotContain("method=\"HEAD\",route=\"unmatched\"").doesNotContain(letter);
        } finally {
            log.detachAppender(lines);
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

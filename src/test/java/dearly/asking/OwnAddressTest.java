package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.Server;
import dearly.TestServer;
import dearly.mail.Outbox;
import dearly.mail.OutboxMail;
import dearly.storage.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Links that leave the request (her mailed status link, canonical tags, the API's status_url) point
 * at Dearly's own address: DEARLY_BASE_URL, or the address printed at start. Whoever sends a request
 * writes its Host header, so it never reaches a link.
 */
class OwnAddressTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] EVIL = {"Host", "evil.example"};

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHostileHostHeaderNeverReachesTheMailedStatusLink(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask", EVIL));
            HttpResponse<String> received = server.postForm("/es/ask", fields, EVIL);
            assertThat(received.statusCode()).isEqualTo(303);
            String status = received.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");

            OutboxMail mail = onlyMail(server);
            assertThat(mail.text().orElseThrow()).contains(server.url(status)).doesNotContain("evil.example");
            assertThat(mail.html().orElseThrow()).contains(server.url(status)).doesNotContain("evil.example");
            Document page = server.page(status, EVIL);
            assertThat(page.selectFirst(".link-text").text()).isEqualTo(server.url(status));
            assertThat(page.html()).doesNotContain("evil.example");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theApisStatusUrlIgnoresTheHostHeader(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            HttpResponse<String> response = server.postJson("/api/v1/questions", AskFlow.question().toString(), EVIL);
            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode receipt = JSON.readTree(response.body());
            assertThat(receipt.get("status_url").asText()).startsWith(server.url("/status/"));
            assertThat(receipt.get("status_api_url").asText()).startsWith(server.url("/api/v1/status/"));
            assertThat(response.body()).doesNotContain("evil.example");
            assertThat(onlyMail(server).text().orElseThrow()).contains(receipt.get("status_url").asText())
                    .doesNotContain("evil.example");
        }
    }

    @Test
    void canonicalAndShareLinksIgnoreTheHostHeader() {
        try (TestServer server = TestServer.start()) {
            String letter = server.page("/").selectFirst("main a[href^=/letters/]").attr("href");
            for (String path : List.of("/", letter, "/topics", "/ask", "/login", "/no-such-page")) {
                HttpResponse<String> response = server.get(path, EVIL);
                Document page = Jsoup.parse(response.body());
                assertThat(page.selectFirst("link[rel=canonical]").attr("href")).as(path).startsWith(server.url("/"));
                assertThat(response.body()).as(path).doesNotContain("evil.example");
            }
            assertThat(server.get("/api/v1/letters", EVIL).body()).doesNotContain("evil.example").contains(server.url("/letters/"));
        }
    }

    @Test
    void withABaseUrlEveryLinkUsesIt() throws Exception {
        UnaryOperator<dearly.Config> base = config -> config.withBaseUrl(URI.create("https://letters.example.org"));
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, true, base)) {
            JsonNode receipt = JSON.readTree(server.postJson("/api/v1/questions", AskFlow.question().toString(), EVIL).body());
            assertThat(receipt.get("status_url").asText()).startsWith("https://letters.example.org/status/");
            assertThat(onlyMail(server).text().orElseThrow()).contains(receipt.get("status_url").asText());
            assertThat(server.page("/ask", EVIL).selectFirst("link[rel=canonical]").attr("href"))
                    .isEqualTo("https://letters.example.org/ask");
            assertThat(server.server().address()).isEqualTo(URI.create("https://letters.example.org"));
        }
    }

    @Test
    void withoutABaseUrlTheStartWarnsWhereMailLinksWillPoint() {
        Logger log = (Logger) LoggerFactory.getLogger(Server.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (TestServer server = TestServer.start()) {
            assertThat(server.server().address()).isEqualTo(URI.create(server.url("")));
            assertThat(lines.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                    .contains("DEARLY_BASE_URL is not set", "mail", server.url("/")));
        } finally {
            log.detachAppender(lines);
        }
    }

    private static OutboxMail onlyMail(TestServer server) {
        List<OutboxMail> mails = new Outbox(server.server().database()).recent(10);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }
}

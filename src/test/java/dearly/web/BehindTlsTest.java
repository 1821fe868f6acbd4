package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.Config;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.accounts.UserRepository;
import dearly.asking.AskFlow;
import dearly.mail.Outbox;
import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behind a load balancer that ends TLS and says so in X-Forwarded-Proto, Dearly acts as an https
 * site: HSTS, Secure cookies, https links. Only a trusted proxy (DEARLY_TRUSTED_PROXIES) is believed.
 */
class BehindTlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HTTPS = {"X-Forwarded-Proto", "https"};
    /** The test client reaches the server from loopback, over IPv4 or IPv6. */
    private static final UnaryOperator<Config> BEHIND_OUR_PROXY = config -> config.withRateLimits(RateLimitSettings.fromEnvironment(
            Map.of(RateLimitSettings.VARIABLE, "off", TrustedProxies.VARIABLE, "127.0.0.1, ::1")));

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @Test
    void aTrustedProxySayingHttpsGetsHstsASecureFormCookieAndHttpsLinks() {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, true, BEHIND_OUR_PROXY)) {
            HttpResponse<String> ask = server.get("/ask", HTTPS);
            assertThat(ask.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
            assertThat(ask.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(Csrf.COOKIE + "=").contains("Secure"));
            String https = server.url("/").replaceFirst("^http:", "https:");
            Document page = Jsoup.parse(ask.body());
            assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(https + "ask");
            assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(https + "ask");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void herStatusLinkIsHttpsWhenSheAskedOverHttps(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false, BEHIND_OUR_PROXY)) {
            HttpResponse<String> response = server.postJson("/api/v1/questions", AskFlow.question().toString(), HTTPS);
            assertThat(response.statusCode()).isEqualTo(201);
            String statusUrl = JSON.readTree(response.body()).get("status_url").asText();
            assertThat(statusUrl).startsWith(server.url("/status/").replaceFirst("^http:", "https:"));
            assertThat(new Outbox(server.server().database()).recent(1).getFirst().text().orElseThrow()).contains(statusUrl);
        }
    }

    @Test
    void signingInThroughATrustedHttpsProxyGivesASecureSessionCookie() {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false, BEHIND_OUR_PROXY)) {
            new UserRepository(server.server().database())
                    .add("marta@example.org", "Marta R.", Role.EDITOR, "a long passphrase".toCharArray(), Instant.now());
            // The form is fetched over plain http, so this client (which keeps Secure cookies for https) sends its token back.
            String token = server.page("/login").selectFirst("input[name=_csrf]").val();
            HttpResponse<String> signedIn = server.postForm("/login",
                    Map.of("_csrf", token, "email", "marta@example.org", "password", "a long passphrase", "next", "/desk"), HTTPS);
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(Sessions.COOKIE + "=").contains("Secure", "HttpOnly"));
            assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        }
    }

    @Test
    void fromAnUntrustedAddressXForwardedProtoChangesNothing() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> ask = server.get("/ask", HTTPS);
            assertThat(ask.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(ask.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
            assertThat(Jsoup.parse(ask.body()).selectFirst("link[rel=canonical]").attr("href")).isEqualTo(server.url("/ask"));
        }
    }

    @Test
    void overPlainHttpThereIsNoHsts() {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, true, BEHIND_OUR_PROXY)) {
            HttpResponse<String> home = server.get("/", "X-Forwarded-Proto", "http");
            assertThat(home.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(Jsoup.parse(home.body()).selectFirst("link[rel=canonical]").attr("href")).isEqualTo(server.url("/"));
        }
    }

    @Test
    void onlyTheLastHopOfXForwardedProtoCountsAndOnlyFromATrustedProxy() {
        TrustedProxies ours = TrustedProxies.parse("10.0.0.0/8");
        assertThat(ours.scheme(false, "10.0.0.5", List.of("https"))).isEqualTo("https");
        assertThat(ours.scheme(false, "10.0.0.5", List.of("HTTPS"))).isEqualTo("https");
        assertThat(ours.scheme(false, "10.0.0.5", List.of("http, https"))).isEqualTo("https");
        assertThat(ours.scheme(false, "10.0.0.5", List.of("https, http"))).as("the client wrote the first").isEqualTo("http");
        assertThat(ours.scheme(false, "10.0.0.5", List.of("https", "http"))).isEqualTo("http");
        assertThat(ours.scheme(false, "10.0.0.5", List.of())).isEqualTo("http");
        assertThat(ours.scheme(false, "203.0.113.9", List.of("https"))).as("not our proxy").isEqualTo("http");
        assertThat(ours.scheme(false, "not an address", List.of("https"))).isEqualTo("http");
        assertThat(ours.scheme(true, "203.0.113.9", List.of())).as("TLS to Dearly itself").isEqualTo("https");
        assertThat(TrustedProxies.NONE.scheme(false, "10.0.0.5", List.of("https"))).isEqualTo("http");
    }
}

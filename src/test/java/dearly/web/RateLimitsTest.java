package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.web.RateLimitSettings.Limit;
import dearly.web.RateLimits.Group;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A flood from one client is slowed kindly; everyone else, and every honest parent, goes ahead.
 * Dearly runs as configured by {@code DEARLY_RATE_LIMITS} and {@code DEARLY_TRUSTED_PROXIES}, and
 * the client sends what a parent sends: the ask form filled in (a send, or "add a child"), her
 * question to the API, a read of the letters.
 */
class RateLimitsTest {

    private static TestServer start(Map<String, String> environment) {
        return TestServer.start(environment);
    }

    /** Maria's question, filled into the ask form the server gave; each send of it is the same question, stored once. */
    private static Map<String, String> filledIn(TestServer server) {
        return AskFlow.spanishMother(server.page("/es/ask"));
    }

    private static HttpResponse<String> ask(TestServer server, Map<String, String> form, String... headers) {
        return server.postForm("/es/ask", form, headers);
    }

    /** "Add a child", or a send when rows is empty. */
    private static HttpResponse<String> rows(TestServer server, Map<String, String> form, String rows) {
        Map<String, String> pressed = new HashMap<>(form);
        pressed.put("rows", rows);
        return ask(server, pressed);
    }

    private static HttpResponse<String> askThroughTheApi(TestServer server) {
        return server.postJson("/api/v1/questions", AskFlow.question().toString());
    }

    @Test
    void theThirtyFirstQuestionSentWithinAnHourIsAskedKindlyToWaitInHerLanguage() {
        try (TestServer server = start(Map.of())) {
            Map<String, String> form = filledIn(server);
            for (int i = 1; i <= 30; i++) assertThat(ask(server, form, "Accept-Language", "es").statusCode()).as("post %d", i).isEqualTo(303);
            HttpResponse<String> thirtyFirst = ask(server, form, "Accept-Language", "es-CO,es;q=0.9");
            assertThat(thirtyFirst.statusCode()).isEqualTo(429);
            // 30 an hour refills one send every two minutes.
            assertThat(Long.parseLong(thirtyFirst.headers().firstValue("Retry-After").orElseThrow())).isBetween(61L, 120L);
            Document page = Jsoup.parse(thirtyFirst.body());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(page.selectFirst("h1").text()).isEqualTo("Hagamos una pausa corta");
            assertThat(page.text())
                    .contains("Lo que escribiste no se ha perdido: vuelve atrás en tu navegador y ahí seguirá.")
                    .contains("Envíalo de nuevo en unos 2 minutos.")
                    .contains("llama al número de emergencias")
                    .doesNotContain("Recibimos");
        }
    }

    @Test
    void theApiIsToldInJsonHowLongToWait() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "api-write=2/1m"))) {
            assertThat(askThroughTheApi(server).statusCode()).isEqualTo(201);
            assertThat(askThroughTheApi(server).statusCode()).isEqualTo(201);
            HttpResponse<String> third = askThroughTheApi(server);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            String retryAfter = third.headers().firstValue("Retry-After").orElseThrow();
            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 30L);
            JsonNode answer = AskFlow.json(third.body());
            assertThat(answer.get("retry_after_seconds").asText()).isEqualTo(retryAfter);
            assertThat(answer.get("error").asText())
                    .isEqualTo("Too many requests from your connection in a short time. Please try again in " + retryAfter + " seconds.");
        }
    }

    @Test
    void addingAChildIsNotASendButTheCeilingCountsEveryPost() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "ask=1/10m,forms=12/10m"))) {
            Map<String, String> form = filledIn(server);
            for (int i = 0; i < 10; i++) assertThat(rows(server, form, "add").statusCode()).isEqualTo(200);
            assertThat(ask(server, form).statusCode()).isEqualTo(303);
            // A send dressed up with an empty rows field is still a send.
            assertThat(rows(server, form, "").statusCode()).isEqualTo(429);
            // Twelve posts in all: the ceiling now refuses even a round trip.
            assertThat(rows(server, form, "add").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void readingTheFormIsNotCountedAgainstSendingIt() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "forms=1/10m"))) {
            for (int i = 0; i < 20; i++) assertThat(server.get("/ask").statusCode()).isEqualTo(200);
            Map<String, String> form = filledIn(server);
            assertThat(ask(server, form).statusCode()).isEqualTo(303);
            assertThat(ask(server, form).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void eachGroupIsItsOwnAllowance() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "forms=1/10m"))) {
            Map<String, String> form = filledIn(server);
            assertThat(ask(server, form).statusCode()).isEqualTo(303);
            assertThat(ask(server, form).statusCode()).isEqualTo(429);
            assertThat(askThroughTheApi(server).statusCode()).isEqualTo(201);
            assertThat(server.get("/api/v1/letters").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachReadOfTheLettersIsCountedOnce() {
        // With a trailing slash the address is the same list, under the same allowance.
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "api-read=2/1m"))) {
            assertThat(server.get("/api/v1/letters/").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/letters").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/letters/").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void everyReadOfTheApiDrawsOnTheReadAllowance() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "api-read=3/1m"))) {
            String token = AskFlow.json(askThroughTheApi(server).body()).get("status_url").asText().replaceAll(".*/", "");
            assertThat(server.get("/api/v1/status/" + token).statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/letters/first-letter-that-is-not-there").statusCode()).isEqualTo(404);
            assertThat(server.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/status/" + token).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void offTurnsEveryLimitOff() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "off"))) {
            Map<String, String> form = filledIn(server);
            for (int i = 0; i < 40; i++) {
                assertThat(ask(server, form).statusCode()).isEqualTo(303);
                assertThat(askThroughTheApi(server).statusCode()).isEqualTo(201);
            }
        }
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotBuyAFreshAllowance() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "forms=3/10m"))) {
            Map<String, String> form = filledIn(server);
            for (int i = 1; i <= 3; i++) assertThat(ask(server, form, "X-Forwarded-For", "198.51.100." + i).statusCode()).isEqualTo(303);
            assertThat(ask(server, form, "X-Forwarded-For", "198.51.100.99").statusCode()).isEqualTo(429);
            assertThat(ask(server, form).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() {
        try (TestServer server = start(Map.of("DEARLY_RATE_LIMITS", "forms=3/10m", "DEARLY_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
            Map<String, String> form = filledIn(server);
            for (int i = 1; i <= 3; i++) assertThat(ask(server, form, "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(303);
            assertThat(ask(server, form, "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
            // What the client wrote itself sits to the left of what our proxy appended.
            assertThat(ask(server, form, "X-Forwarded-For", "192.0.2.1, 203.0.113.7").statusCode()).isEqualTo(429);
            assertThat(ask(server, form, "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void limitsAreOnUnlessTurnedOff() {
        RateLimitSettings settings = RateLimitSettings.fromEnvironment(Map.of());
        assertThat(settings.on()).isTrue();
        assertThat(settings.limits()).isEqualTo(Map.of(
                Group.FORMS, new Limit(300, Duration.ofMinutes(10)),
                Group.ASK, new Limit(30, Duration.ofHours(1)),
                Group.EDIT, new Limit(30, Duration.ofHours(1)),
                Group.SIGN_IN, new Limit(30, Duration.ofMinutes(10)),
                Group.SIGN_IN_ACCOUNT, new Limit(10, Duration.ofHours(1)),
                Group.REACT, new Limit(60, Duration.ofHours(1)),
                Group.API_WRITE, new Limit(30, Duration.ofMinutes(10)),
                Group.API_READ, new Limit(300, Duration.ofMinutes(1))));
        assertThat(RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", " OFF ")).on()).isFalse();
    }

    @Test
    void theOldFormsSettingStillReadsAsTheCeilingOnEveryFormPost() {
        RateLimitSettings settings = RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", "forms=10/10m"));
        assertThat(settings.limit(Group.FORMS)).contains(new Limit(10, Duration.ofMinutes(10)));
        assertThat(settings.limit(Group.ASK)).contains(new Limit(30, Duration.ofHours(1)));
    }

    @Test
    void settingsChangeTheGroupsTheyNameAndKeepTheOthers() {
        RateLimitSettings settings = RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", "forms=5/1h, api-read=off,api-write = 100/m"));
        assertThat(settings.limit(Group.FORMS)).contains(new Limit(5, Duration.ofHours(1)));
        assertThat(settings.limit(Group.API_WRITE)).contains(new Limit(100, Duration.ofMinutes(1)));
        assertThat(settings.limit(Group.API_READ)).isEmpty();
    }

    @Test
    void malformedSettingsAreExplainedByVariableName() {
        for (String malformed : new String[] {"forms=ten/10m", "forms=10", "form=10/10m", "forms=0/1m", "forms=10/0m",
                "forms=10/10m,forms=5/1m", "forms=10/10x", "no", ","}) {
            assertThatThrownBy(() -> RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", malformed)))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("DEARLY_RATE_LIMITS: ")
                    .hasMessageContaining("ask=30/1h,sign-in=30/10m,api-read=300/1m");
        }
        assertThatThrownBy(() -> RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", "form=10/10m")))
                .hasMessageContaining("there is no group 'form'").hasMessageContaining("groups: forms, ask, edit, sign-in, sign-in-account, react, api-write, api-read");
        for (String malformed : new String[] {"load-balancer.internal", "10.0.0.0/33", "300.1.1.1", "10.0.0.1/8/8", "::1/129"}) {
            assertThatThrownBy(() -> RateLimitSettings.fromEnvironment(Map.of("DEARLY_TRUSTED_PROXIES", malformed)))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("DEARLY_TRUSTED_PROXIES: '" + malformed + "' is not an IP address or range");
        }
    }
}

package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dearly.web.RateLimitSettings.Limit;
import dearly.web.RateLimits.Group;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A flood from one client is slowed kindly; everyone else, and every honest parent, goes ahead. */
class RateLimitsTest {

    private static WebTestApp app(Map<String, String> env) {
        RateLimitSettings settings = RateLimitSettings.fromEnvironment(env);
        return WebTestApp.start((routes, parts) -> {
            RateLimits limits = new RateLimits(settings, parts.refusals());
            limits.checkBeforeTheBody(routes);
            limits.checkSends(routes);
            limits.limit("/ask", HandlerType.POST, Group.FORMS);
            limits.limitSends("/ask", HandlerType.POST, Group.ASK);
            limits.limit("/api/v1/questions", HandlerType.POST, Group.API_WRITE);
            limits.limit("/api/*", HandlerType.GET, Group.API_READ);
            limits.limit("/api/v1/letters", HandlerType.GET, Group.API_READ);
            routes.get("/ask", ctx -> ctx.html("<form method=post></form>"));
            routes.post("/ask", ctx -> ctx.html(RateLimits.sendsTheForm(ctx) ? "<p>received " + ctx.formParam("title") + "</p>" : "<p>a row more</p>"));
            routes.post("/api/v1/questions", ctx -> ctx.status(HttpStatus.CREATED).json(Map.of("received", ctx.body())));
            routes.get("/api/v1/letters", ctx -> ctx.json(Map.of("letters", List.of())));
        });
    }

    private static HttpResponse<String> ask(WebTestApp app, String... headers) {
        return app.postForm("/ask", "title=Why+do+I+miss+my+partner", headers);
    }

    @Test
    void theThirtyFirstQuestionSentWithinAnHourIsAskedKindlyToWaitInHerLanguage() {
        try (WebTestApp app = app(Map.of())) {
            for (int i = 1; i <= 30; i++) assertThat(ask(app, "Accept-Language", "es").statusCode()).as("post %d", i).isEqualTo(200);
            HttpResponse<String> eleventh = ask(app, "Accept-Language", "es-CO,es;q=0.9");
            assertThat(eleventh.statusCode()).isEqualTo(429);
            // 30 an hour refills one send every two minutes.
            assertThat(Long.parseLong(eleventh.headers().firstValue("Retry-After").orElseThrow())).isBetween(61L, 120L);
            Document page = Jsoup.parse(eleventh.body());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(page.selectFirst("h1").text()).isEqualTo("Hagamos una pausa corta");
            assertThat(page.text())
                    .contains("Lo que escribiste no se ha perdido: vuelve atrás en tu navegador y ahí seguirá.")
                    .contains("Envíalo de nuevo en unos 2 minutos.")
                    .contains("llama al número de emergencias")
                    .doesNotContain("received");
        }
    }

    @Test
    void theApiIsToldInJsonHowLongToWait() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "api-write=2/1m"))) {
            assertThat(app.postJson("/api/v1/questions", "{}").statusCode()).isEqualTo(201);
            assertThat(app.postJson("/api/v1/questions", "{}").statusCode()).isEqualTo(201);
            HttpResponse<String> third = app.postJson("/api/v1/questions", "{}");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            String retryAfter = third.headers().firstValue("Retry-After").orElseThrow();
            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 30L);
            assertThat(third.body())
                    .contains("\"retry_after_seconds\":" + retryAfter)
                    .contains("\"error\":\"Too many requests from your connection in a short time. Please try again in " + retryAfter + " seconds.\"");
        }
    }

    @Test
    void addingAChildIsNotASendButTheCeilingCountsEveryPost() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "ask=1/10m,forms=12/10m"))) {
            for (int i = 0; i < 10; i++) assertThat(app.postForm("/ask", "title=Why&rows=add").statusCode()).isEqualTo(200);
            assertThat(ask(app).statusCode()).isEqualTo(200);
            // A send dressed up with an empty rows field is still a send.
            assertThat(app.postForm("/ask", "title=Why&rows=").statusCode()).isEqualTo(429);
            // Twelve posts in all: the ceiling now refuses even a round trip.
            assertThat(app.postForm("/ask", "title=Why&rows=add").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void readingTheFormIsNotCountedAgainstSendingIt() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "forms=1/10m"))) {
            for (int i = 0; i < 20; i++) assertThat(app.get("/ask").statusCode()).isEqualTo(200);
            assertThat(ask(app).statusCode()).isEqualTo(200);
            assertThat(ask(app).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void eachGroupIsItsOwnAllowance() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "forms=1/10m"))) {
            ask(app);
            assertThat(ask(app).statusCode()).isEqualTo(429);
            assertThat(app.postJson("/api/v1/questions", "{}").statusCode()).isEqualTo(201);
            assertThat(app.get("/api/v1/letters").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestMatchedByTwoLimitsOfOneGroupIsCountedOnce() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "api-read=2/1m"))) {
            assertThat(app.get("/api/v1/letters").statusCode()).isEqualTo(200);
            assertThat(app.get("/api/v1/letters").statusCode()).isEqualTo(200);
            assertThat(app.get("/api/v1/letters").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void offTurnsEveryLimitOff() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "off"))) {
            for (int i = 0; i < 40; i++) {
                assertThat(ask(app).statusCode()).isEqualTo(200);
                assertThat(app.postJson("/api/v1/questions", "{}").statusCode()).isEqualTo(201);
            }
        }
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotBuyAFreshAllowance() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "forms=3/10m"))) {
            for (int i = 1; i <= 3; i++) assertThat(ask(app, "X-Forwarded-For", "198.51.100." + i).statusCode()).isEqualTo(200);
            assertThat(ask(app, "X-Forwarded-For", "198.51.100.99").statusCode()).isEqualTo(429);
            assertThat(ask(app).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() {
        try (WebTestApp app = app(Map.of("DEARLY_RATE_LIMITS", "forms=3/10m", "DEARLY_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
            for (int i = 1; i <= 3; i++) assertThat(ask(app, "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
            assertThat(ask(app, "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
            // What the client wrote itself sits to the left of what our proxy appended.
            assertThat(ask(app, "X-Forwarded-For", "192.0.2.1, 203.0.113.7").statusCode()).isEqualTo(429);
            assertThat(ask(app, "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
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
                .hasMessageContaining("there is no group 'form'").hasMessageContaining("groups: forms, ask, edit, sign-in, sign-in-account, api-write, api-read");
        for (String malformed : new String[] {"load-balancer.internal", "10.0.0.0/33", "300.1.1.1", "10.0.0.1/8/8", "::1/129"}) {
            assertThatThrownBy(() -> RateLimitSettings.fromEnvironment(Map.of("DEARLY_TRUSTED_PROXIES", malformed)))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("DEARLY_TRUSTED_PROXIES: '" + malformed + "' is not an IP address or range");
        }
    }
}

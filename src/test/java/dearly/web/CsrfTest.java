package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/** Another site cannot post Dearly's forms in a parent's name; Dearly's own pages always can. */
class CsrfTest {

    /** A form page and its two kinds of handler: one that checks the token itself, one guarded as a whole. */
    private static WebTestApp app(Links links) {
        return WebTestApp.start(links, (routes, parts) -> {
            Csrf csrf = new Csrf(parts.refusals(), parts.links());
            routes.get("/ask", ctx -> ctx.html(form(csrf.token(ctx), "")));
            routes.post("/ask", ctx -> {
                if (!csrf.isValid(ctx)) {
                    ctx.status(HttpStatus.FORBIDDEN).html(form(csrf.token(ctx), ctx.formParam("body")));
                    return;
                }
                ctx.html("<p class=received>received</p>");
            });
            routes.before("/status/*", csrf::requireOnForms);
            routes.get("/status/abc", ctx -> ctx.html("<p>status</p>"));
            routes.post("/status/abc/withdraw", ctx -> ctx.html("<p>withdrawn</p>"));
            routes.before("/api/*", csrf::requireOnForms);
            routes.post("/api/v1/questions", ctx -> ctx.status(HttpStatus.CREATED).json(Map.of("received", ctx.body())));
        });
    }

    private static WebTestApp app() {
        return app(new Links(Optional.empty(), 0));
    }

    private static String form(String token, String body) {
        return "<form method=post><input type=hidden name=_csrf value=\"" + token + "\"><textarea name=body>"
                + Entities.escape(body == null ? "" : body) + "</textarea></form>";
    }

    private record Visit(String cookie, String field) {}

    private static Visit visit(WebTestApp app) {
        HttpResponse<String> page = app.get("/ask");
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new Visit(cookie, Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").val());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aFormPostWithoutATokenIsRefusedWithAKindPage() {
        try (WebTestApp app = app()) {
            HttpResponse<String> response = app.postForm("/status/abc/withdraw", "reason=none");
            assertThat(response.statusCode()).isEqualTo(403);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("We couldn't confirm this form");
            assertThat(page.text()).contains("Please go back, reload the page and try again.").doesNotContain("withdrawn");
        }
    }

    @Test
    void theRefusalSpeaksSpanishToASpanishBrowser() {
        try (WebTestApp app = app()) {
            HttpResponse<String> response = app.postForm("/status/abc/withdraw", "", "Accept-Language", "es-CO,es;q=0.9");
            assertThat(response.statusCode()).isEqualTo(403);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(page.selectFirst("h1").text()).isEqualTo("No pudimos confirmar este formulario");
        }
    }

    @Test
    void aFormPostWithTheCookieAndTheSameFieldIsAccepted() {
        try (WebTestApp app = app()) {
            Visit visit = visit(app);
            HttpResponse<String> withdrawn = app.postForm("/status/abc/withdraw", "_csrf=" + encoded(visit.field()), "Cookie", visit.cookie());
            assertThat(withdrawn.statusCode()).isEqualTo(200);
            assertThat(withdrawn.body()).contains("withdrawn");
            HttpResponse<String> asked = app.postForm("/ask", "_csrf=" + encoded(visit.field()) + "&body=hello", "Cookie", visit.cookie());
            assertThat(asked.body()).contains("received");
        }
    }

    @Test
    void aTokenFromAnotherCookieIsRefused() {
        try (WebTestApp app = app()) {
            Visit mine = visit(app);
            Visit someoneElses = visit(app);
            assertThat(mine.field()).isNotEqualTo(someoneElses.field());
            HttpResponse<String> response = app.postForm("/status/abc/withdraw", "_csrf=" + encoded(someoneElses.field()), "Cookie", mine.cookie());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(app.postForm("/status/abc/withdraw", "_csrf=", "Cookie", mine.cookie()).statusCode()).isEqualTo(403);
            assertThat(app.postForm("/status/abc/withdraw", "_csrf=x", "Cookie", "dearly_csrf=x").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void jsonRequestsAreExemptButOtherBodiesToTheApiAreNot() {
        try (WebTestApp app = app()) {
            HttpResponse<String> json = app.postJson("/api/v1/questions", "{\"title\":\"t\"}");
            assertThat(json.statusCode()).isEqualTo(201);
            // What a cross-site <form enctype="text/plain"> can send:
            HttpResponse<String> plain = app.send(app.request("/api/v1/questions").header("Content-Type", "text/plain")
                    .header("Accept-Language", "es").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));
            assertThat(plain.statusCode()).isEqualTo(403);
            assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(plain.body()).contains("\"error\":\"No pudimos confirmar");
        }
    }

    @Test
    void readingIsNeverRefused() {
        try (WebTestApp app = app()) {
            assertThat(app.get("/status/abc").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theCookieIsRandomHttpOnlyLaxAndSiteWide() {
        try (WebTestApp app = app()) {
            HttpResponse<String> page = app.get("/ask");
            String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("dearly_csrf=").contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
            String token = Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").val();
            assertThat(token).hasSize(43).isEqualTo(setCookie.substring("dearly_csrf=".length(), setCookie.indexOf(';')));
        }
    }

    @Test
    void theCookieIsSecureWhenDearlyIsServedOverHttps() {
        try (WebTestApp app = app(new Links(Optional.of(URI.create("https://letters.example.org")), 0))) {
            assertThat(app.get("/ask").headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
        }
    }

    @Test
    void aVisitorWhoHasATokenKeepsIt() {
        try (WebTestApp app = app()) {
            Visit visit = visit(app);
            HttpResponse<String> again = app.get("/ask", "Cookie", visit.cookie());
            assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(Jsoup.parse(again.body()).selectFirst("input[name=_csrf]").val()).isEqualTo(visit.field());
        }
    }

    @Test
    void aFormThatChecksItselfCanShowWhatWasTypedWithAFreshToken() {
        try (WebTestApp app = app()) {
            // Her cookie is gone (the browser was closed overnight); her text must not be.
            HttpResponse<String> refused = app.postForm("/ask", "_csrf=stale&body=" + encoded("I feel alone at night"));
            Document form = Jsoup.parse(refused.body());
            assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo("I feel alone at night");
            String setCookie = refused.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String token = form.selectFirst("input[name=_csrf]").val();
            HttpResponse<String> resent = app.postForm("/ask", "_csrf=" + encoded(token) + "&body=again", "Cookie", cookie);
            assertThat(resent.body()).contains("received");
        }
    }
}

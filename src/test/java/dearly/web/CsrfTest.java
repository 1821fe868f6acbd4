package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.asking.AskFlow;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another site cannot post Dearly's forms in a parent's name; Dearly's own pages always can. Tried
 * on Dearly's own forms, each from a new browser that keeps no cookies of its own (the test says
 * which it sends): the ask form, which checks its token itself and gives back what was typed; the
 * buttons of her status page; an admin's delete button, guarded as a whole with a kind page.
 */
class CsrfTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server; // filled in by DEARLY

    /** A browser that opened the ask form: the cookie it was given, the form's hidden field, the form. */
    private record Visit(String cookie, String field, Document form) {}

    private static Visit visit() {
        HttpResponse<String> page = server.sendWithoutCookies(server.request("/ask").GET());
        String setCookie = csrfCookie(page);
        Document form = Jsoup.parse(page.body(), server.url("/ask"));
        return new Visit(setCookie.substring(0, setCookie.indexOf(';')), form.selectFirst("form.ask input[name=_csrf]").val(), form);
    }

    private static String csrfCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(Csrf.COOKIE + "=")).findFirst().orElseThrow();
    }

    /** Posts a form from a browser that sends only these headers (name, value, ...): a Cookie header, or none. */
    private static HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        HttpRequest.Builder request = server.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.formBody(fields)));
        if (headers.length > 0) request.headers(headers);
        return server.sendWithoutCookies(request);
    }

    /** Her status page, for a question just asked. */
    private static String askedQuestion() {
        return URI.create(AskFlow.ask(server, AskFlow.question()).get("status_url").asText()).getPath();
    }

    /** Where her question stands, as the API tells it. */
    private static String standing(String statusPath) {
        return AskFlow.json(server.get(statusPath.replaceFirst("^/status/", "/api/v1/status/")).body()).get("status").asText();
    }

    /** An admin, signed in afresh, at a delete button of the crisis directory: where it posts, without the page's language. */
    private static String deleteButton() {
        server.forgetCookies();
        SignedIn.as(server, Role.ADMIN);
        String edit = server.page("/admin/crisis").selectFirst("a[href^=/admin/crisis/]").attr("href");
        return URI.create(edit).getPath() + "/delete";
    }

    private static int questions() {
        return server.server().database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM question").mapTo(Integer.class).one());
    }

    @Test
    void aFormPostWithoutATokenIsRefusedWithAKindPage() {
        String delete = deleteButton();
        HttpResponse<String> response = server.postForm(delete, Map.of("reason", "none"));
        assertThat(response.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("We couldn't confirm this form");
        assertThat(page.text()).contains("Please go back, reload the page and try again.");
        assertThat(server.get(delete.replaceFirst("/delete$", "")).statusCode()).as("the resource is still there").isEqualTo(200);

        // Her own buttons send her back to press again, and nothing happens to her question.
        String status = askedQuestion();
        HttpResponse<String> withdraw = post(status + "/withdraw", Map.of("reason", "none"));
        assertThat(withdraw.statusCode()).isEqualTo(303);
        assertThat(withdraw.headers().firstValue("Location")).contains(status + "/withdraw?expired");
        assertThat(standing(status)).isEqualTo("received");
    }

    @Test
    void theRefusalSpeaksSpanishToASpanishBrowser() {
        HttpResponse<String> response = server.postForm(deleteButton(), Map.of(), "Accept-Language", "es-CO,es;q=0.9");
        assertThat(response.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("h1").text()).isEqualTo("No pudimos confirmar este formulario");
    }

    @Test
    void aFormPostWithTheCookieAndTheSameFieldIsAccepted() {
        Visit visit = visit();
        String status = askedQuestion();
        HttpResponse<String> withdrawn = post(status + "/withdraw", Map.of("_csrf", visit.field()), "Cookie", visit.cookie());
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.headers().firstValue("Location")).contains(status + "?withdrawn");
        assertThat(standing(status)).isEqualTo("withdrawn");

        HttpResponse<String> asked = post("/ask", AskFlow.spanishMother(visit.form()), "Cookie", visit.cookie());
        assertThat(asked.statusCode()).isEqualTo(303);
        // She asked in Spanish: her status page is at its Spanish address.
        assertThat(asked.headers().firstValue("Location").orElseThrow()).startsWith("/es/status/").endsWith("?received");
    }

    @Test
    void aTokenFromAnotherCookieIsRefused() {
        Visit mine = visit();
        Visit someoneElses = visit();
        assertThat(mine.field()).isNotEqualTo(someoneElses.field());
        String status = askedQuestion();
        for (HttpResponse<String> refused : List.of(
            post(status + "/withdraw", Map.of("_csrf", someoneElses.field()), "Cookie", mine.cookie()),
            post(status + "/withdraw", Map.of("_csrf", ""), "Cookie", mine.cookie()),
            post(status + "/withdraw", Map.of("_csrf", "x"), "Cookie", Csrf.COOKIE + "=x"))) {
            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location")).contains(status + "/withdraw?expired");
        }
        assertThat(standing(status)).isEqualTo("received");
    }

    @Test
    void jsonRequestsAreExemptButOtherBodiesToTheApiAreNot() {
        HttpResponse<String> json = server.sendWithoutCookies(server.request("/api/v1/questions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AskFlow.question().toString())));
        assertThat(json.statusCode()).isEqualTo(201);
        int asked = questions();
        // What a cross-site <form enctype="text/plain"> can send:
        HttpResponse<String> plain = server.sendWithoutCookies(server.request("/api/v1/questions").header("Content-Type", "text/plain")
                .header("Accept-Language", "es").POST(HttpRequest.BodyPublishers.ofString(AskFlow.question().toString())));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(AskFlow.json(plain.body()).get("error").asText()).isEqualTo("Envía la pregunta como application/json.");
        assertThat(questions()).as("nothing stored").isEqualTo(asked);
    }

    @Test
    void readingIsNeverRefused() {
        String status = askedQuestion();
        assertThat(server.sendWithoutCookies(server.request(status).GET()).statusCode()).isEqualTo(200);
        assertThat(server.sendWithoutCookies(server.request(status + "/withdraw").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theCookieIsRandomHttpOnlyLaxAndSiteWide() {
        HttpResponse<String> page = server.sendWithoutCookies(server.request("/ask").GET());
        String setCookie = csrfCookie(page);
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        String token = Jsoup.parse(page.body()).selectFirst("form.ask input[name=_csrf]").val();
        assertThat(token).hasSize(43).isEqualTo(setCookie.substring((Csrf.COOKIE + "=").length(), setCookie.indexOf(';')));
    }

    @Test
    void theCookieIsSecureWhenDearlyIsServedOverHttps() {
        try (TestServer https = TestServer.start(Map.of("DEARLY_BASE_URL", "https://letters.example.org"))) {
            assertThat(csrfCookie(https.sendWithoutCookies(https.request("/ask").GET()))).contains("Secure");
        }
    }

    @Test
    void aVisitorWhoHasATokenKeepsIt() {
        Visit visit = visit();
        HttpResponse<String> again = server.sendWithoutCookies(server.request("/ask").header("Cookie", visit.cookie()).GET());
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith(Csrf.COOKIE + "="));
        assertThat(Jsoup.parse(again.body()).selectFirst("form.ask input[name=_csrf]").val()).isEqualTo(visit.field());
    }

    @Test
    void aFormThatChecksItselfCanShowWhatWasTypedWithAFreshToken() {
        // Her cookie is gone (the browser was closed overnight); her text must not be.
        String typed = "I feel alone at night, even with my partner asleep beside me and the baby in my arms.";
        Map<String, String> fields = new HashMap<>(AskFlow.spanishMother(visit().form()));
        fields.put("_csrf", "stale");
        fields.put("body", typed);
        HttpResponse<String> refused = post("/ask", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document form = Jsoup.parse(refused.body());
        assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo(typed);
        String setCookie = csrfCookie(refused);
        fields.put("_csrf", form.selectFirst("form.ask input[name=_csrf]").val());
        HttpResponse<String> resent = post("/ask", fields, "Cookie", setCookie.substring(0, setCookie.indexOf(';')));
        assertThat(resent.statusCode()).isEqualTo(303);
        assertThat(resent.headers().firstValue("Location").orElseThrow()).endsWith("?received");
    }
}

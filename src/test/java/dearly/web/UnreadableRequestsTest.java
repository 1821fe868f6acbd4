package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.crisis.CrisisDirectoryEditor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A request Dearly cannot read (a charset it does not know, a broken form body, a broken chunked
 * encoding) gets 400 and a calm page in her language, or JSON on the API; never a 500, and never a
 * log line with what was sent.
 */
class UnreadableRequestsTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String TYPED = "title=Mi+beb%C3%A9+no+duerme&email=paula.gomez%40example.com&surname=G%C3%B3mez";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly
    private Logger log;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listenToTheErrorLog() {
        log = (Logger) LoggerFactory.getLogger(ErrorPages.class);
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(lines);
    }

    @Test
    void aFormInACharsetNoOneKnowsGetsACalmPageNotAFailure() {
        for (String path : List.of("/ask", "/login", "/logout", "/status/" + "A".repeat(43) + "/withdraw")) {
            for (String type : List.of(FORM + "; charset=bogus", FORM + "; charset=", FORM + "; charset", FORM + "; charset=\"utf-8")) {
                HttpResponse<String> response = post(path, type, TYPED);
                assertThat(response.statusCode()).as(type + " to " + path).isEqualTo(400);
                Document page = Jsoup.parse(response.body());
                assertThat(page.selectFirst("h1").text()).isEqualTo("We couldn't read what was sent");
                assertThat(page.text()).contains("nothing was saved or changed", "what you wrote is not lost");
            }
        }
        assertNothingPersonalLoggedAndNoFailure();
    }

    @Test
    void theRefusalSpeaksHerLanguageEvenWhenTheCharsetIsBroken() {
        Document fromTheSpanishForm = Jsoup.parse(post("/es/ask", FORM + "; charset", TYPED).body());
        assertThat(fromTheSpanishForm.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(fromTheSpanishForm.selectFirst("h1").text()).isEqualTo("No pudimos leer lo que se envió");

        HttpResponse<String> fromASpanishBrowser = server.send(server.request("/ask").header("Content-Type", FORM + "; charset=bogus")
                .header("Accept-Language", "es-CO,es;q=0.9").POST(HttpRequest.BodyPublishers.ofString(TYPED)));
        assertThat(Jsoup.parse(fromASpanishBrowser.body()).selectFirst("h1").text()).isEqualTo("No pudimos leer lo que se envió");
    }

    @Test
    void aBareCharsetParameterBreaksNoPage() {
        // Javalin reads the charset for query parameters too, so even a GET used to fail.
        HttpResponse<String> response = server.send(server.request("/es/ask").header("Content-Type", "text/plain; charset").GET());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("No pudimos leer lo que se envió");
    }

    @Test
    void aBrokenMultipartBodyGetsACalmPage() {
        String boundary = "----dearly";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\npaula.gomez@example.com";
        List<String[]> broken = List.of(
                new String[] {"multipart/form-data; boundary=" + boundary, part}, // truncated: no closing boundary
                new String[] {"multipart/form-data", part + "\r\n--" + boundary + "--\r\n"}, // no boundary named
                new String[] {"multipart/form-data; boundary=" + boundary, "not multipart at all"},
                new String[] {"multipart/form-data; boundary=" + boundary + "; charset=bogus", part + "\r\n--" + boundary + "--\r\n"});
        for (String[] request : broken) {
            for (String path : List.of("/ask", "/login")) {
                HttpResponse<String> response = post(path, request[0], request[1]);
                assertThat(response.statusCode()).as(request[0] + " " + request[1] + " to " + path).isEqualTo(400);
                assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("We couldn't read what was sent");
            }
        }
        assertNothingPersonalLoggedAndNoFailure();
    }

    @Test
    void aWellFormedMultipartFormStillWorks() {
        String boundary = "----dearly";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMi bebé no duerme\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = post("/es/ask", "multipart/form-data; boundary=" + boundary, body);
        assertThat(response.statusCode()).isEqualTo(422); // the form again: the token and the other fields are missing
        assertThat(Jsoup.parse(response.body()).selectFirst("input[name=title]").val()).isEqualTo("Mi bebé no duerme");
    }

    @Test
    void aBrokenChunkedBodyGetsACalmPage() throws IOException {
        String request = "POST /ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + FORM + "\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n5\r\nemail\r\nzz\r\n=paula.gomez@example.com\r\n0\r\n\r\n";
        assertThat(raw(request)).startsWith("HTTP/1.1 400");
        assertNothingPersonalLoggedAndNoFailure();
    }

    @Test
    void badPercentEncodingIsNeverAFailure() throws IOException {
        HttpResponse<String> form = post("/ask", FORM, "title=%zz%E0%A4%A&body=%&email=paula.gomez%40example.com%");
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(form.body()).selectFirst("form.ask")).isNotNull();
        assertThat(raw("GET /ask?lang=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 301");
        assertNothingPersonalLoggedAndNoFailure();
    }

    @Test
    void anAddressJettyRefusesGetsTheSameCalmPage() throws IOException {
        // Broken UTF-8 in the path is refused by Jetty before Dearly sees the request.
        String response = raw("GET /status/%FF%FE HTTP/1.1\r\nHost: localhost\r\nAccept-Language: es\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'none'");
        Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n")));
        assertThat(page.selectFirst("h1").text()).isEqualTo("No pudimos leer lo que se envió");
        assertThat(response).doesNotContain("Jetty").doesNotContain("%FF");
    }

    @Test
    void anAddressJettyCannotReadAtAllStillSpeaksHerLanguage() throws IOException {
        // These are refused on the request line itself, before Jetty has read a single header.
        for (String address : List.of("/%2e%2e/ask", "/%00", "/status/%2e%2e/%2e%2e")) {
            String response = raw("GET " + address + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: es-CO,es;q=0.9\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(response).as(address).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'none'");
            Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n")));
            assertThat(page.selectFirst("html").attr("lang")).as(address).isEqualTo("es");
            assertThat(page.selectFirst("h1").text()).as(address).isEqualTo("No pudimos leer lo que se envió");
            assertThat(response).as(address).doesNotContainIgnoringCase("%2e").doesNotContain("%00").doesNotContain("Jetty");
        }
        String addressed = raw("GET /es/%2e%2e/%2e%2e/preguntar HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(Jsoup.parse(addressed.substring(addressed.indexOf("\r\n\r\n"))).selectFirst("h1").text())
                .as("an /es/ address, without Accept-Language").isEqualTo("No pudimos leer lo que se envió");
        String saved = raw("GET /status/%FF%FE HTTP/1.1\r\nHost: localhost\r\nCookie: " + LanguageChoice.COOKIE + "=es\r\n"
                + "Accept-Language: en\r\nConnection: close\r\n\r\n");
        assertThat(Jsoup.parse(saved.substring(saved.indexOf("\r\n\r\n"))).selectFirst("h1").text())
                .as("her saved choice, before her browser's, as on every page").isEqualTo("No pudimos leer lo que se envió");
        String english = raw("GET /%2e%2e/ask HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(Jsoup.parse(english.substring(english.indexOf("\r\n\r\n"))).selectFirst("h1").text())
                .isEqualTo("We couldn't read what was sent");
    }

    @Test
    void anUnreadableAddressIsRefusedEvenWhenItAsksForHttp2() throws IOException {
        String response = raw("GET /%2e%2e/ask HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("101 Switching Protocols");
    }

    @Test
    void aRefusedRequestLeavesOneLineInTheRequestLogWithoutItsAddress() throws IOException {
        Logger requests = (Logger) LoggerFactory.getLogger("dearly.requests");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        requests.addAppender(logged);
        try {
            for (String address : List.of("/%2e%2e/ask", "/status/%FF%FE")) {
                String response = raw("GET " + address + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                String id = response.lines().filter(line -> line.startsWith("X-Request-Id: ")).findFirst().orElseThrow().substring(14);
                assertThat(logged.list).map(ILoggingEvent::getFormattedMessage).as(address)
                        .filteredOn(line -> line.contains("id=" + id)).singleElement().asString()
                        .contains("method=GET", "route=refused", "status=400", "cache=miss")
                        .doesNotContain("%").doesNotContain("status/");
            }
            raw("GARBAGE\r\n\r\n");
            assertThat(logged.list).map(ILoggingEvent::getFormattedMessage).as("a request line that is no request")
                    .anySatisfy(line -> assertThat(line).contains("method=-", "route=refused", "status=400"));
        } finally {
            requests.detachAppender(logged);
        }
    }

    @Test
    void theApiAnswersUnreadableRequestsWithJson() {
        for (String type : List.of("application/json; charset=bogus", "application/json; charset")) {
            HttpResponse<String> response = post("/api/v1/questions", type, "{\"email\": \"paula.gomez@example.com\"}");
            assertThat(response.statusCode()).as(type).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(response.body()).contains("\"error\":\"The request could not be read");
        }
        assertThat(post("/api/v1/questions", "application/json", "{\"title\": ").statusCode()).isEqualTo(400);
        assertNothingPersonalLoggedAndNoFailure();
    }

    @Test
    void aButtonWithAValueNoFormSendsGetsACalmPage() {
        SignedIn.as(server, Role.ADMIN);
        long resource = new CrisisDirectoryEditor(server.server().database(), new dearly.audit.AuditLog(server.server().database(), java.time.Instant::now)).all().getFirst().id();
        String token = server.page("/admin/crisis").selectFirst("input[name=_csrf]").val();
        HttpResponse<String> response = post("/admin/crisis/" + resource + "/move", FORM, "_csrf=" + token + "&delta=sideways");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("We couldn't read what was sent");
    }

    private HttpResponse<String> post(String path, String type, String body) {
        return server.send(server.request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String raw(String request) throws IOException {
        URI address = URI.create(server.url("/"));
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertNothingPersonalLoggedAndNoFailure() {
        assertThat(lines.list).noneSatisfy(line -> assertThat(line.getLevel()).isEqualTo(Level.ERROR));
        assertThat(lines.list).allSatisfy(line -> assertThat(line.getFormattedMessage())
                .doesNotContain("paula").doesNotContain("Gómez").doesNotContain("bogus"));
    }
}

package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dearly.TestServer;
import dearly.asking.AskFlow;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Slow, oversized and broken requests are refused calmly and cheaply, every failure (Errors too)
 * ends in the calm page with nothing private logged, and Dearly's security headers are on every
 * answer, whoever writes it.
 */
class HardeningTest {
    private static final List<String> ALWAYS = List.of("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
            "X-Frame-Options", "Permissions-Policy");

    private static void assertSecurityHeaders(String what, HttpResponse<?> response) {
        for (String header : ALWAYS) assertThat(response.headers().firstValue(header)).as(what + ": " + header).isPresent();
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what + ": no HSTS over plain http").isEmpty();
    }

    @Test
    void headersTrickledAByteASecondLoseTheirConnectionAtTheHeaderDeadline() throws Exception {
        try (TestServer server = TestServer.start(Map.of("DEARLY_HEADER_TIMEOUT", "2"));
                Socket socket = new Socket("localhost", server.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            CompletableFuture<Integer> closed = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.read();
                } catch (IOException reset) {
                    return -1;
                }
            });
            // A byte a second, never silent: the idle timeout (30 s) never fires; the header deadline (2 s) does.
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(25));
            while (!closed.isDone() && Instant.now().isBefore(giveUp)) {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException broken) {
                    break;
                }
                try {
                    closed.get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillOpen) {
                    // keep trickling
                }
            }
            assertThat(closed.get(5, TimeUnit.SECONDS)).as("the server closed the connection, answering nothing").isEqualTo(-1);
        }
    }

    @Test
    void headersLargerThanTheLimitGet431AndTheCalmPage() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> response = server.get("/", "X-Padding", "x".repeat(ConnectionLimits.MAX_HEADER_BYTES + 1));
            assertThat(response.statusCode()).isEqualTo(431);
            assertThat(Jsoup.parse(response.body()).select("h1").text()).as(response.body()).isEqualTo("We couldn't read what was sent");
            assertSecurityHeaders("431", response);
        }
    }

    @Test
    void aChunkedJsonBodyPastTheLimitGets413NotA400() {
        try (TestServer server = TestServer.start()) {
            byte[] body = AskFlow.question().put("body", "x".repeat(3 * 1024 * 1024)).toString().getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = server.send(server.request("/api/v1/questions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"error\":\"The request body is larger than 2 MB, the most Dearly accepts.\"}");
            assertSecurityHeaders("413", response);
        }
    }

    @Test
    void aChunkedMultipartFormPastTheLimitGets413NotA400() {
        try (TestServer server = TestServer.start()) {
            String boundary = "dearly-boundary";
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + "x".repeat(3 * 1024 * 1024)
                    + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = server.send(server.request("/ask")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("That was more than we can receive at once");
        }
    }

    @Test
    void anErrorThrownInAHandlerEndsInTheCalmPageWithNothingPrivateLogged() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(ErrorPages.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (TestServer server = TestServer.start()) {
            // Dearly's own app, with a handler that fails the way a bug would: before the routes of three addresses.
            Links links = new Links(Optional.empty(), 0);
            Javalin app = server.appLikeThisOne(links);
            Map<String, Supplier<Error>> failures = Map.of(
                    "/topics", () -> new StackOverflowError("maria@example.com"),
                    "/advisors", () -> new AssertionError("surname=Lopez"),
                    "/search", () -> new Error("maria@example.com"));
            failures.forEach((path, error) -> app.unsafe.internalRouter.addHttpEndpoint(
                    new Endpoint(HandlerType.BEFORE, path, ctx -> {
                        throw error.get();
                    })));
            app.start(0);
            links.listeningOn(app.port());
            try {
                HttpClient client = HttpClient.newHttpClient();
                for (String path : failures.keySet()) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path).isEqualTo(500);
                    assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Something went wrong on our side");
                    assertSecurityHeaders(path, response);
                }
            } finally {
                app.stop();
            }
            String logged = String.join("\n", lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            assertThat(logged).contains("java.lang.StackOverflowError", "java.lang.AssertionError", "java.lang.Error")
                    .doesNotContain("maria@example.com").doesNotContain("Lopez");
        } finally {
            log.detachAppender(lines);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertSecurityHeaders("a page", server.get("/"));
            assertSecurityHeaders("404", server.get("/nowhere"));
            assertSecurityHeaders("static file", server.get("/static/dearly.css"));
            assertSecurityHeaders("Jetty's refusal of a broken address", server.get("/status/%FF"));
            HttpResponse<String> redirect = server.send(server.request("/desk"));
            assertThat(redirect.statusCode()).isBetween(300, 399);
            assertSecurityHeaders("redirect", redirect);
            assertSecurityHeaders("HEAD", server.send(server.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody())));
            assertSecurityHeaders("HEAD of a static file",
                    server.send(server.request("/static/dearly.css").method("HEAD", HttpRequest.BodyPublishers.noBody())));
            // a failure: the database goes away under a running server (a page not yet kept in the page cache)
            server.server().database().close();
            HttpResponse<String> failure = server.get("/advisors");
            assertThat(failure.statusCode()).isEqualTo(500);
            assertSecurityHeaders("500", failure);
        }
    }
}

package dearly.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.ChildDearly;
import dearly.asking.AskFlow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping Dearly (SIGTERM, as systemd, Docker or Kubernetes do) lets the request in flight finish:
 * a parent whose question was half sent when the stop came still gets her receipt.
 */
class GracefulShutdownTest {

    @Test
    void aQuestionStillArrivingWhenSigtermComesIsReceivedAndAnswered() throws Exception {
        Path data = Files.createTempDirectory("dearly-stop-");
        int port = ChildDearly.freePort();
        Process dearly = ChildDearly.serve(data, port);
        try (Socket socket = new Socket("localhost", port)) {
            byte[] body = AskFlow.question().toString().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Expect: 100-continue: Jetty says "100 Continue" when the handler starts reading the body,
            // so the test knows her request is in Dearly's hands before the signal comes.
            out.write(("POST /api/v1/questions HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readInterimAnswer(in)).startsWith("HTTP/1.1 100");

            dearly.destroy(); // SIGTERM
            awaitRefusingNewConnections(port);

            out.write(body);
            out.flush();
            String answer = new String(readAll(in), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201").contains("\"status_api_url\"");
            assertThat(dearly.waitFor(60, TimeUnit.SECONDS)).as("Dearly stopped once the request was answered").isTrue();
        } finally {
            dearly.destroyForcibly();
            dearly.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Polls, with a deadline, until the stopping server takes no new connection: the stop has begun. */
    private static void awaitRefusingNewConnections(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            try (Socket probe = new Socket("localhost", port)) {
                Thread.sleep(100);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("Dearly still took new connections 15 s after SIGTERM");
    }

    /** Reads the interim answer, up to its blank line. */
    private static String readInterimAnswer(InputStream in) throws IOException {
        StringBuilder read = new StringBuilder();
        for (int c; !read.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1; ) read.append((char) c);
        return read.toString();
    }

    /** Reads until the answer's body is whole (Content-Length) or the server closes. */
    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            read.write(buffer, 0, n);
            String text = read.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
            if (headersEnd >= 0 && length.find() && read.size() >= headersEnd + 4 + Integer.parseInt(length.group(1))) break;
        }
        return read.toByteArray();
    }
}

package dearly.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dearly.TestServer;
import dearly.asking.AskFlow;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line per request, which an operator can search, and which says nothing about the parent who asked. */
class RequestLogTest {

    @Test
    void aQuestionAskedAndFollowedLeavesNeitherHerNameNorHerAddressNorHerTokenInTheLog() {
        Logger log = (Logger) LoggerFactory.getLogger("dearly.requests");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (TestServer server = TestServer.start()) {
            Map<String, String> paula = AskFlow.spanishMother(server.page("/es/ask"));
            String status = AskFlow.askAndFollow(server, paula);
            String token = status.substring(status.lastIndexOf('/') + 1);
            HttpResponse<String> page = server.get(status + "?from=mail");
            assertThat(page.statusCode()).isEqualTo(200);
            server.get("/search?q=" + "Gómez");

            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).anySatisfy(line -> assertThat(line)
                    .contains("method=GET", "route=/status/{token}", "status=200", "id=" + page.headers().firstValue(RequestRecords.HEADER).orElseThrow())
                    .containsPattern("ms=[0-9.]+ bytes=[1-9][0-9]*"));
            assertThat(logged).anySatisfy(line -> assertThat(line).contains("method=POST", "route=/ask", "status=303"));
            String all = String.join("\n", logged);
            assertThat(all).doesNotContain(token).doesNotContain("Paula").doesNotContain("Gómez").doesNotContain("G%C3%B3mez")
                    .doesNotContain("paula.gomez@example.com").doesNotContain("from=mail").doesNotContain("127.0.0.1");
        } finally {
            log.detachAppender(lines);
        }
    }
}

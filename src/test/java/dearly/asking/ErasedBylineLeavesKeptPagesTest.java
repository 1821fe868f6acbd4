package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Delete everything" takes her byline off the letter that answered her, and off every kept copy of
 * its page at that moment: the next reader, on this node, already reads it without her name.
 */
class ErasedBylineLeavesKeptPagesTest {
    private static final HttpClient READER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String LETTER = "/letters/respuesta-a-valentina";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void herBylineLeavesTheKeptLetterPageTheMomentSheErasesEverything(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            fields.put("first_name", "Valentina");
            String status = AskFlow.askAndFollow(server, fields);
            DeleteEverythingTest.publishAnAnswer(server);
            for (String page : List.of(LETTER, "/es" + LETTER)) {
                assertThat(Jsoup.parse(read(server, page).body()).selectFirst(".byline").text()).contains("Valentina G.");
                assertThat(read(server, page).headers().firstValue("ETag")).as(page + " is kept").isPresent();
            }

            Document confirm = server.page(status + "/delete");
            String csrf = confirm.selectFirst("form input[name=_csrf]").val();
            assertThat(server.postForm(status + "/delete", Map.of("_csrf", csrf)).statusCode()).isLessThan(400);

            for (String page : List.of(LETTER, "/es" + LETTER)) {
                HttpResponse<String> after = read(server, page);
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(Jsoup.parse(after.body()).select(".byline")).as(page).isEmpty();
                assertThat(after.body()).doesNotContain("Valentina G.");
            }
        }
    }

    private static HttpResponse<String> read(TestServer server, String path) {
        return TestServer.exchange(READER, HttpRequest.newBuilder(URI.create(server.url(path))).build());
    }
}

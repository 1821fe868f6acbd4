package dearly.desk;

import static dearly.desk.ReviewFlow.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.storage.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A kept page never outlives the change that makes it wrong: a correction and a letter taken down
 * reach readers on the node that made them at once (no waiting), and on another node of the same
 * database as soon as it has followed the change log.
 */
class PageCacheInvalidationTest {
    private static final HttpClient READER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCorrectionAndATakedownReachReadersOfTheKeptPageOnEveryNode(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true); TestServer other = server.anotherNode()) {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            SignedIn.as(server, Role.EDITOR);
            assertThat(ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now")).statusCode()).isEqualTo(303);
            String letter = ReviewFlow.letterPath(server, asked.status());
            assertThat(read(server, "/").body()).as("the home page, kept before, lists the new letter at once").contains(letter);

            for (TestServer node : List.of(server, other)) {
                eventually("the letter is on " + node.url("/"), () -> read(node, letter).statusCode() == 200);
                read(node, letter); // kept now
                assertThat(read(node, letter).headers().firstValue("ETag")).isPresent();
            }

            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY + "\n\nDuerme cuando él duerma.");
            assertThat(ReviewFlow.send(server, asked.id(), "correct", Map.of("correction", "Añadimos un consejo.")).statusCode())
                    .isEqualTo(303);
            assertThat(read(server, letter).body()).as("on the node that corrected it, at once").contains("Duerme cuando él duerma.");
            eventually("the correction on the other node", () -> read(other, letter).body().contains("Duerme cuando él duerma."));

            assertThat(ReviewFlow.send(server, asked.id(), "unpublish").statusCode()).isEqualTo(303);
            assertThat(read(server, letter).statusCode()).isEqualTo(410);
            assertThat(read(server, "/").body()).doesNotContain(letter);
            eventually("the takedown on the other node", () -> read(other, letter).statusCode() == 410
                    && !read(other, "/").body().contains(letter));
            assertThat(Jsoup.parse(read(other, "/es" + letter).body()).selectFirst("h1").text())
                    .isEqualTo("Esta carta ya no está publicada");
        }
    }

    /** A reader with no cookies, as anyone opening a shared link. */
    static HttpResponse<String> read(TestServer server, String path) {
        return TestServer.exchange(READER, HttpRequest.newBuilder(URI.create(server.url(path))).build());
    }
}

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
            DraftFlow.Asked asked = published(server);
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

    /**
     * The page cache hears of a change from the node's change follower, not from its search index: a
     * node whose index can no longer write (its directory gone, as on a failed disk) still drops a
     * kept page when another node corrects the letter. Left to expire, the page would stay a minute.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aNodeWhoseSearchIndexCannotWriteStillDropsAKeptPageThatChanged(TestDatabase.Kind kind) throws Exception {
        Path index = Files.createTempDirectory("dearly-node-");
        try (TestServer server = TestServer.start(kind, true); TestServer other = server.anotherNode(index)) {
            DraftFlow.Asked asked = published(server);
            String letter = ReviewFlow.letterPath(server, asked.status());
            eventually("the letter is on the other node", () -> read(other, letter).statusCode() == 200);
            read(other, letter); // kept now
            Files.move(index, index.resolveSibling(index.getFileName() + "-lost"));

            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY + "\n\nDuerme cuando él duerma.");
            assertThat(ReviewFlow.send(server, asked.id(), "correct", Map.of("correction", "Añadimos un consejo.")).statusCode())
                    .isEqualTo(303);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20)); // well under the minute a kept page lives
            while (!read(other, letter).body().contains("Duerme cuando él duerma.") && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(read(other, letter).body()).as("the correction on the node whose index cannot write")
                    .contains("Duerme cuando él duerma.");
        }
    }

    /** A letter an advisor wrote and an editor approved to publish now, on that node (the editor stays signed in). */
    private static DraftFlow.Asked published(TestServer server) {
        User advisor = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
        ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
        SignedIn.as(server, Role.EDITOR);
        assertThat(ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now")).statusCode()).isEqualTo(303);
        return asked;
    }

    /** A reader with no cookies, as anyone opening a shared link. */
    static HttpResponse<String> read(TestServer server, String path) {
        return TestServer.exchange(READER, HttpRequest.newBuilder(URI.create(server.url(path))).build());
    }
}

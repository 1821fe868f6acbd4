package dearly.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The first letter appears on a new embedded instance, and on PostgreSQL only when asked. */
class DemoContentTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFirstLetterIsPublishedWhenAskedOnEveryDatabase(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            Document home = server.page("/");
            assertThat(home.select("ol.letters h2").eachText()).containsExactly(DemoContent.seedLines().get(0));
            Document letter = server.page(home.selectFirst("ol.letters h2 a").attr("href"));
            assertThat(letter.selectFirst(".byline").text()).isEqualTo(DemoContent.seedLines().get(2));
        }
    }

    @Test
    void postgresqlStartsEmptyWithoutDemo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.POSTGRESQL),
                "needs DEARLY_TEST_POSTGRES_URL");
        try (TestServer server = TestServer.start(TestDatabase.Kind.POSTGRESQL, false)) {
            assertThat(server.page("/").select("ol.letters li")).isEmpty();
            assertThat(server.page("/").text()).contains("No letters have been published yet.");
        }
    }

    @Test
    void theFirstLetterIsPublishedOnceNotOnEveryStart() {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
            var config = dearly.Config.embedded(database.dataDir());
            dearly.Server.start(config, false, java.time.Instant::now).close();
            try (dearly.Server again = dearly.Server.start(config, false, java.time.Instant::now)) {
                var letters = new dearly.letters.LetterRepository(again.database(), java.time.Instant::now);
                assertThat(letters.latest(10, 0)).hasSize(1);
            }
        }
    }
}

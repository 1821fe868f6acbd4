package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Config;
import dearly.Server;
import dearly.TestServer;
import dearly.demo.DemoContent;
import dearly.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A letter published before letters kept their byline (the column was added empty) gets it back at
 * the next start, the same byline readers saw before; a letter whose asker erased everything stays
 * without one.
 */
class BylineSnapshotsTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLetterFromBeforeBylinesWereKeptShowsItsBylineAfterTheNextStart(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            Config config = TestServer.configFor(database);
            String path;
            try (Server first = Server.start(config, true, Instant::now)) {
                path = Jsoup.connect(first.address().resolve("/").toString()).get().selectFirst("ol.letters h2 a").attr("href");
                // As a database migrated from before V9 holds it: the letter, and no byline kept.
                first.database().write(handle -> handle.createUpdate("UPDATE letter SET byline = NULL").execute());
                assertThat(Jsoup.connect(first.address().resolve(path).toString()).get().select(".byline")).isEmpty();
            }
            try (Server again = Server.start(config, true, Instant::now)) {
                Document letter = Jsoup.connect(again.address().resolve(path).toString()).get();
                assertThat(letter.selectFirst(".byline").text()).isEqualTo(DemoContent.seedLines().get(2));
            }
        }
    }
}

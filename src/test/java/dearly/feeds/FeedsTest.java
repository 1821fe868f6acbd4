package dearly.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reader subscribes to the column in a feed reader: Atom and RSS for the whole column, each
 * language, topic and advisor, read back with ROME as a reader's parser reads them (issue 11, item 4).
 */
class FeedsTest {
    /** The first letter, which Dearly publishes on a new embedded instance (not on PostgreSQL): left out of what is compared. */
    private static final String FIRST = "Why do I miss my partner even when we’re in the same room?";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyFeedCarriesThePublishedLettersInFullWithStableIdsAndNothingPrivate(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            Column column = Column.publishedOn(server);

            SyndFeed atom = feed(server, "/feeds/atom", "application/atom+xml");
            assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
            assertThat(atom.getUri()).isEqualTo("tag:localhost,2026:letters");
            assertThat(titles(atom)).containsExactly(Column.HOSTILE, "¿Por qué mi niño no duerme? Mañana será otro día",
                    "Naps in my arms", "A letter whose asker erased everything");
            SyndEntry naps = entry(atom, "Naps in my arms");
            assertThat(naps.getLink()).isEqualTo(server.url("/letters/naps-in-arms"));
            assertThat(naps.getUri()).isEqualTo("tag:localhost," + column.now.minus(java.time.Duration.ofDays(3))
                    .atZone(java.time.ZoneOffset.UTC).toLocalDate() + ":letter-" + column.englishLetter);
            assertThat(naps.getAuthor()).isEqualTo("Rosa M.");
            assertThat(naps.getUpdatedDate()).isNotNull();
            assertThat(naps.getCategories()).extracting(category -> category.getName()).containsExactly("Sleep");
            String fullText = naps.getContents().getFirst().getValue();
            assertThat(fullText).contains("Dear Maria,", "<p>You are doing well.</p>", "<p>She will learn.</p>", "With love,",
                    "Maria L., mother of Sofia (4 months)", "Rosa M.");

            SyndFeed rss = feed(server, "/feeds/rss", "application/rss+xml");
            assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
            assertThat(titles(rss)).isEqualTo(titles(atom));
            SyndEntry napsInRss = entry(rss, "Naps in my arms");
            assertThat(napsInRss.getUri()).as("the same id in both formats").isEqualTo(naps.getUri());
            assertThat(napsInRss.getContents().getFirst().getValue()).contains("<p>You are doing well.</p>");

            SyndFeed spanish = feed(server, "/feeds/es/atom", "application/atom+xml");
            assertThat(spanish.getLanguage()).isEqualTo("es");
            assertThat(spanish.getTitle()).isEqualTo("Dearly: cartas en español");
            assertThat(titles(spanish)).containsExactly("¿Por qué mi niño no duerme? Mañana será otro día");
            assertThat(titles(feed(server, "/feeds/en/rss", "application/rss+xml")))
                    .containsExactly(Column.HOSTILE, "Naps in my arms", "A letter whose asker erased everything");

            assertThat(titles(feed(server, "/feeds/topics/sleep/atom", "application/atom+xml")))
                    .containsExactly("¿Por qué mi niño no duerme? Mañana será otro día", "Naps in my arms");
            assertThat(titles(feed(server, "/feeds/advisors/ana-p/rss", "application/rss+xml")))
                    .containsExactly("¿Por qué mi niño no duerme? Mañana será otro día", "A letter whose asker erased everything");

            for (String path : List.of("/feeds/atom", "/feeds/rss", "/feeds/en/atom", "/feeds/topics/sleep/rss", "/feeds/advisors/ana-p/atom")) {
                String xml = server.get(path).body();
                assertThat(xml).as(path).doesNotContain("Not yet public", "Taken down letter", Column.PRIVATE_SURNAME,
                        Column.PRIVATE_EMAIL, "<script");
            }
            SyndEntry erased = entry(atom, "A letter whose asker erased everything");
            assertThat(erased.getContents().getFirst().getValue()).doesNotContain("Maria L.");

            for (String path : List.of("/feeds/fr/atom", "/feeds/atom.xml", "/feeds/topics/nothing/atom", "/feeds/advisors/nobody/rss",
                    "/feeds/es/json")) {
                assertThat(server.get(path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHostileHeadlineAndBodyComeBackAsTextNeverAsMarkup(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            Column.publishedOn(server);
            for (String path : List.of("/feeds/atom", "/feeds/rss")) {
                SyndEntry hostile = entry(feed(server, path, null), Column.HOSTILE);
                assertThat(hostile.getTitle()).isEqualTo(Column.HOSTILE);
                String html = hostile.getContents().getFirst().getValue();
                assertThat(html).doesNotContain("<script", "<!--").contains("&lt;script&gt;", "<strong>fine</strong>");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pagesTellFeedReadersWhereTheirFeedsAre(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            Column.publishedOn(server);
            assertThat(alternates(server.page("/"))).containsExactly(server.url("/feeds/atom"));
            assertThat(alternates(server.page("/letters/naps-in-arms"))).containsExactly(server.url("/feeds/atom"));
            assertThat(alternates(server.page("/topics/sleep"))).containsExactly(server.url("/feeds/topics/sleep/atom"),
                    server.url("/feeds/topics/sleep/rss"), server.url("/feeds/atom"));
            Document advisor = server.page("/advisors/rosa-m");
            assertThat(alternates(advisor)).startsWith(server.url("/feeds/advisors/rosa-m/atom"), server.url("/feeds/advisors/rosa-m/rss"));
            assertThat(advisor.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("title"))
                    .isEqualTo("Dearly: letters from Rosa M. (Atom)");
            // Every feed a page offers answers.
            for (String url : alternates(server.page("/topics/sleep"))) {
                assertThat(server.get(url.substring(server.url("").length())).statusCode()).as(url).isEqualTo(200);
            }
        }
    }

    private static List<String> alternates(Document page) {
        return page.select("head link[rel=alternate][type~=application/(atom|rss)\\+xml]").eachAttr("href");
    }

    static SyndFeed feed(TestServer server, String path, String mediaType) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        if (mediaType != null) assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).filter(title -> !title.equals(FIRST)).toList();
    }

    private static SyndEntry entry(SyndFeed feed, String title) {
        return feed.getEntries().stream().filter(entry -> entry.getTitle().equals(title)).findFirst().orElseThrow();
    }
}

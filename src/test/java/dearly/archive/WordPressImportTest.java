package dearly.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WordPress's own theme-test export, every odd case in it, imported as a column moving house would
 * (issue 10, item 4): every published post becomes a letter, nothing else does, and the old
 * permalinks lead to the letters.
 */
class WordPressImportTest {
    /** WordPress's own theme test export, a copy of ../shared/data/wordpress/ kept in the tests so a lone clone runs them. */
    static final Path THEME_TEST = Path.of("src", "test", "resources", "dearly", "archive", "themeunittestdata.wordpress.xml");
    /** Published posts with no password, counted by XPath over the file, not by the importer. */
    private static int publishedPosts;

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @BeforeAll
    static void countThePublishedPostsInTheFile() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        org.w3c.dom.Document file = factory.newDocumentBuilder().parse(THEME_TEST.toFile());
        publishedPosts = ((Double) XPathFactory.newInstance().newXPath().evaluate(
                "count(//item[*[local-name()='post_type']='post' and *[local-name()='status']='publish'"
                        + " and normalize-space(*[local-name()='post_password'])=''])",
                file, XPathConstants.NUMBER)).intValue();
        assertThat(publishedPosts).isEqualTo(55);
    }

    static ImportReport importThemeTest(TestServer server) throws Exception {
        try (InputStream in = Files.newInputStream(THEME_TEST)) {
            return new ArchiveImport(server.server().database(), server.clock()).wordpress(in, report -> { });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyPublishedPostOfTheThemeTestBecomesALetterAndNothingElseDoes(TestDatabase.Kind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, false)) {
            ImportReport report = importThemeTest(server);

            assertThat(report.problems()).isEmpty();
            assertThat(report.created()).isEqualTo(publishedPosts);
            assertThat(JsonlArchiveTest.imported(server)).hasSize(publishedPosts);
            assertThat(report.skips()).extracting(Object::toString).containsExactlyInAnyOrder(
                    "post 1153 (https://wpthemetestdata.wordpress.com/2020/01/01/scheduled/): scheduled on WordPress, not yet published",
                    "post 1164 (https://wpthemetestdata.wordpress.com/?p=1164): a draft",
                    "post 1168 (https://wpthemetestdata.wordpress.com/2012/01/04/template-password-protected/): password-protected");

            ImportReport again = importThemeTest(server);
            assertThat(again.created()).as("the same export again updates, never doubles").isZero();
            assertThat(again.updated()).isEqualTo(publishedPosts);
            assertThat(JsonlArchiveTest.imported(server)).hasSize(publishedPosts);
        }
    }

    @Test
    void theOddCasesReadAsLettersAndTheOldPermalinksLeadToThem() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            importThemeTest(server);

            Document markup = server.page("/letters/markup-title-with-markup");
            assertThat(markup.selectFirst("h1").text()).isEqualTo("Markup: Title With Markup");
            assertThat(markup.selectFirst("h1").children()).as("HTML in a title is read as text").isEmpty();
            assertThat(markup.selectFirst("h1").ownText()).doesNotContain("<");
            assertThat(markup.select(".letter-body li")).hasSize(2);
            assertThat(markup.select(".letter-body em").eachText()).contains("italics");
            assertThat(markup.selectFirst("a.signature, p.signature a").text()).isEqualTo("Theme Buster");
            assertThat(markup.select(".letter footer .topics a").eachText()).contains("Markup", "html");

            Document noTitle = server.page("/letters/edge-case-no-title");
            assertThat(noTitle.selectFirst("h1").text()).startsWith("This post has no title, but it still must link");

            assertThat(server.page("/letters/title-should-not-overflow-the-content-area").selectFirst("h1").text())
                    .isEqualTo("Taumatawhakatangihangakoauauotamateaturipukakapikimaungahoronukupokaiwhenuakitanatahu");
            assertThat(server.get("/letters/template-sticky").statusCode()).as("a sticky post is a post").isEqualTo(200);
            assertThat(server.get("/letters/template-password-protected").statusCode()).isEqualTo(404);
            assertThat(server.get("/letters/scheduled").statusCode()).isEqualTo(404);
            assertThat(server.get("/2012/01/04/template-password-protected/").statusCode()).isEqualTo(404);

            Document comments = server.page("/letters/template-comments");
            assertThat(comments.text()).doesNotContain("This test post needs a comment.").doesNotContain("Anonymous comment.");
            Document edgeDate = server.page("/letters/markup-html-tags-and-formatting");
            assertThat(edgeDate.selectFirst(".letter footer time").attr("datetime")).isEqualTo("2013-01-12T03:22:19Z");

            for (String old : List.of("/2013/01/05/markup-title-with-markup/", "/2013/01/05/markup-title-with-markup",
                    "/wp-6-1-font-size-scale/")) {
                HttpResponse<String> moved = server.get(old);
                assertThat(moved.statusCode()).as(old).isEqualTo(301);
                assertThat(moved.headers().firstValue("Location").orElseThrow())
                        .isIn("/letters/markup-title-with-markup", "/letters/wp-6-1-font-size-scale");
            }
            assertThat(server.get("/2099/01/01/never-was/").statusCode()).isEqualTo(404);
            assertThat(server.get("/?p=1173").headers().firstValue("Location")).as("a post's plain permalink, on a site with pretty ones")
                    .contains("/letters/markup-title-with-markup");
            assertThat(server.get("/?p=1164").statusCode()).as("a draft's: the home page").isEqualTo(200);
            // WPML's language parameter: straight to the letter's Spanish address, in one redirect.
            for (String old : List.of("/?p=1173&lang=es", "/?lang=es&p=1173", "/2013/01/05/markup-title-with-markup/?lang=es")) {
                HttpResponse<String> moved = server.get(old);
                assertThat(moved.statusCode()).as(old).isEqualTo(301);
                assertThat(moved.headers().firstValue("Location")).as(old).hasValue("/es/letters/markup-title-with-markup");
            }

            Element caption = server.page("/letters/post-format-image-caption").selectFirst(".letter-body");
            assertThat(caption.select("img")).isEmpty();
            assertThat(caption.select("a").eachText()).as("an image is a link to it, with its words").contains("Image: Bell on Wharf");
        }
    }
}

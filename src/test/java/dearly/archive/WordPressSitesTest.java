package dearly.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What WordPress sites hold beyond one language and pretty permalinks (issue 10, item 4): WPML's and
 * Polylang's languages, query-string permalinks, and images, which a letter links to and never shows.
 */
class WordPressSitesTest {

    /** A WXR 1.2 export of a site in this language around these items. */
    static String export(String siteLanguage, String items) {
        return wxr("1.2", "Night Feed", "https://nightfeed.example.org", siteLanguage, "ana", "Ana Ruiz", items);
    }

    /** A WordPress export (WXR 1.1 or 1.2) of one site with one author, around these items. */
    static String wxr(String version, String title, String link, String language, String login, String author, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/%1$s/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/%1$s/">
                <channel>
                <title>%2$s</title>
                <link>%3$s</link>
                <language>%4$s</language>
                <wp:wxr_version>%1$s</wp:wxr_version>
                <wp:author><wp:author_login>%5$s</wp:author_login><wp:author_display_name><![CDATA[%6$s]]></wp:author_display_name></wp:author>
                %7$s</channel></rss>
                """.formatted(version, title, link, language, login, author, items);
    }

    /** A published post; {@code extra} is more of the item's elements (post meta, categories). */
    static String post(int id, String slug, String link, String content, String extra) {
        return """
                <item>
                <title>%s</title>
                <link>%s</link>
                <dc:creator>ana</dc:creator>
                <guid isPermaLink="false">https://nightfeed.example.org/?p=%d</guid>
                <content:encoded><![CDATA[%s]]></content:encoded>
                <wp:post_id>%d</wp:post_id>
                <wp:post_date_gmt>2024-05-01 08:00:00</wp:post_date_gmt>
                <wp:post_name>%s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_type>post</wp:post_type>
                <wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
                %s
                </item>
                """.formatted(slug.replace('-', ' '), link, id, content, id, slug, extra);
    }

    static String meta(String key, String value) {
        return "<wp:postmeta><wp:meta_key><![CDATA[" + key + "]]></wp:meta_key><wp:meta_value><![CDATA[" + value
                + "]]></wp:meta_value></wp:postmeta>";
    }

    static ImportReport importText(TestServer server, String xml) throws Exception {
        return new ArchiveImport(server.server().database(), server.clock())
                .wordpress(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), report -> { });
    }

    static String languageOf(TestServer server, String slug) {
        return server.page("/letters/" + slug).selectFirst("article.letter").attr("lang");
    }

    @Test
    void aPostIsInWpmlsOrPolylangsLanguageElseTheSites() throws Exception {
        String items = post(1, "wpml-icl", "https://nightfeed.example.org/wpml-icl/", "<p>Hola.</p>", meta("_icl_lang", "es"))
                + post(2, "wpml-language", "https://nightfeed.example.org/wpml-language/", "<p>Hola.</p>", meta("wpml_language", "es-ES"))
                + post(3, "polylang", "https://nightfeed.example.org/polylang/", "<p>Hola.</p>",
                        "<category domain=\"language\" nicename=\"es\"><![CDATA[Español]]></category>")
                + post(4, "the-sites", "https://nightfeed.example.org/the-sites/", "<p>Hello.</p>", "")
                + post(5, "french", "https://nightfeed.example.org/french/", "<p>Bonjour.</p>", meta("_icl_lang", "fr"));
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            ImportReport report = importText(server, export("en-US", items));

            assertThat(report.created()).isEqualTo(4);
            assertThat(languageOf(server, "wpml-icl")).isEqualTo("es");
            assertThat(languageOf(server, "wpml-language")).isEqualTo("es");
            assertThat(languageOf(server, "polylang")).isEqualTo("es");
            assertThat(languageOf(server, "the-sites")).isEqualTo("en");
            assertThat(report.problems()).extracting(Object::toString).containsExactly(
                    "post 5 (https://nightfeed.example.org/french/): its language (fr) is not one Dearly publishes in (en, es)");
            assertThat(server.get("/letters/french").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void queryStringPermalinksLeadToTheLetterWhateverTheSitesPermalinkSetting() throws Exception {
        String items = post(77, "plain", "https://nightfeed.example.org/?p=77", "<p>Plain.</p>", "")
                + post(78, "pretty", "https://nightfeed.example.org/2024/05/pretty/", "<p>Pretty.</p>", "");
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            assertThat(importText(server, export("en", items)).created()).isEqualTo(2);

            for (String old : new String[] {"/?p=77", "/?page_id=77", "/index.php?p=77", "/?p=77&lang=en", "/?utm_source=x&p=077"}) {
                HttpResponse<String> moved = server.get(old);
                assertThat(moved.statusCode()).as(old).isEqualTo(301);
                String location = moved.headers().firstValue("Location").orElseThrow();
                // WPML's &lang= is an old language link too: it goes to the letter in one redirect.
                assertThat(location).as(old).contains("/letters/plain");
            }
            // A site on pretty permalinks answered its posts' /?p=ID too (its guid, its shortlink).
            for (String old : new String[] {"/?p=78", "/2024/05/pretty/", "/index.php?page_id=78"}) {
                assertThat(server.get(old).headers().firstValue("Location")).as(old).contains("/letters/pretty");
            }
            assertThat(server.get("/?p=79").statusCode()).as("an unknown post: the home page").isEqualTo(200);
            assertThat(server.get("/?page_id=x%27%3Cscript%3E").statusCode()).isEqualTo(200);
            assertThat(server.get("/?p=" + "9".repeat(5_000)).statusCode()).isEqualTo(200);
            assertThat(server.get("/index.php?p=79").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anArchivesOldQueryStringPathIsKeptAsWordPressAnswersIt() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            var line = JsonlArchiveTest.ccByLetter("old-page-5");
            line.putArray("old_paths").add("/?page_id=5");
            assertThat(JsonlArchiveTest.importLines(server, line.toString()).created()).isEqualTo(1);
            assertThat(server.get("/?p=5").headers().firstValue("Location")).contains("/letters/colic-at-night-the-witching-hour");
            assertThat(server.get("/?page_id=5").statusCode()).isEqualTo(301);
        }
    }

    @Test
    void anImageBecomesALinkToItWithItsWordsAndItsCaptionNeverAnImageFromAnotherSite() throws Exception {
        String content = """
                <!-- wp:image {"id":755} -->
                <figure class="wp-block-image"><img src="https://nightfeed.example.org/wp-content/uploads/2024/05/asleep.jpg" alt="A baby asleep on her father's chest" class="wp-image-755"/><figcaption>Contact naps count as naps.</figcaption></figure>
                <!-- /wp:image -->

                [caption id="attachment_9" align="alignright" width="300"]<a href="https://nightfeed.example.org/wp-content/uploads/full.jpg"><img src="https://nightfeed.example.org/wp-content/uploads/small.jpg" alt="A swaddle" width="300" /></a> The swaddle, step by step[/caption]

                <p>Before <img src="data:image/png;base64,AAAA" alt="a dot"> and <img src="https://cdn.example.net/x.gif"> after.</p>
                """;
        String items = post(10, "contact-naps", "https://nightfeed.example.org/contact-naps/", content, "")
                + post(11, "siestas", "https://nightfeed.example.org/siestas/",
                        "<p><img src=\"https://nightfeed.example.org/bebe.jpg\" alt=\"Bebé dormido\"></p>", meta("_icl_lang", "es"));
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            assertThat(importText(server, export("en", items)).problems()).isEmpty();

            HttpResponse<String> raw = server.get("/letters/contact-naps");
            Element body = server.page("/letters/contact-naps").selectFirst(".letter-body");
            assertThat(body.select("img, picture, source, figure")).isEmpty();
            assertThat(raw.body()).as("nothing on the page is fetched from the old site").doesNotContain("src=\"https://nightfeed");
            assertThat(body.select("p").eachText()).containsExactly(
                    "Image: A baby asleep on her father's chest",
                    "Contact naps count as naps.",
                    "Image: A swaddle The swaddle, step by step",
                    "Before a dot and Image after.");
            assertThat(body.select("a").eachAttr("href")).containsExactly(
                    "https://nightfeed.example.org/wp-content/uploads/2024/05/asleep.jpg",
                    "https://nightfeed.example.org/wp-content/uploads/full.jpg",
                    "https://cdn.example.net/x.gif");
            assertThat(body.selectFirst("a").text()).isEqualTo("Image: A baby asleep on her father's chest");

            Document spanish = server.page("/letters/siestas");
            assertThat(spanish.selectFirst(".letter-body a").text()).isEqualTo("Imagen: Bebé dormido");
        }
    }
}

package dearly.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.letters.LetterRepository;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** A search engine finds every public page from sitemap.xml and robots.txt, and no private one (issue 11, item 4). */
class SitemapAndRobotsTest {

    @Test
    void theSitemapListsEveryPublicPageWithWhenItLastChanged() {
        try (TestServer server = TestServer.start()) {
            Column column = Column.publishedOn(server);
            HttpResponse<String> response = server.get("/sitemap.xml");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
            Document sitemap = xml(response.body());
            assertThat(sitemap.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
            Map<String, String> urls = new java.util.LinkedHashMap<>();
            for (Element url : sitemap.select("url")) {
                Element lastmod = url.selectFirst("lastmod");
                urls.put(url.selectFirst("loc").text(), lastmod == null ? "" : lastmod.text());
            }
            assertThat(urls).containsKeys(server.url("/"), server.url("/topics"), server.url("/ask"), server.url("/topics/sleep"),
                    server.url("/topics/family"), server.url("/advisors/rosa-m"), server.url("/advisors/ana-p"),
                    server.url("/letters/naps-in-arms"), server.url("/es/letters/el-nino-no-duerme"), server.url("/letters/hostile"),
                    server.url("/letters/she-erased-everything"));
            assertThat(urls.keySet()).noneMatch(url -> url.contains("not-yet") || url.contains("taken-down") || url.contains("/status")
                    || url.contains("/desk") || url.contains("/admin"));
            for (String letter : List.of("/letters/naps-in-arms", "/es/letters/el-nino-no-duerme", "/topics/sleep", "/advisors/rosa-m", "/")) {
                assertThat(Instant.parse(urls.get(server.url(letter)))).as(letter).isBefore(Instant.now().plusSeconds(1));
            }
            // A topic's page changed when its newest letter did: in "sleep", the Spanish one, two days ago.
            assertThat(urls.get(server.url("/topics/sleep"))).isEqualTo(urls.get(server.url("/es/letters/el-nino-no-duerme")));
            assertThat(server.get("/sitemaps/1.xml").statusCode()).as("no numbered files while one holds it all").isEqualTo(404);
            assertThat(column).isNotNull();
        }
    }

    @Test
    void pastItsSizeTheSitemapBecomesAnIndexOfFilesThatTogetherHoldEveryAddress() {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            // The same sitemap with files of two addresses, as past 50,000 (the split size is the constructor's).
            Sitemaps sitemaps = new Sitemaps(new LetterRepository(server.server().database(), Instant::now), Instant::now, 2);
            UnaryOperator<String> absolute = path -> "https://letters.example.org" + path;
            int total = sitemaps.urls().size();
            Document index = xml(sitemaps.root(absolute));
            List<String> files = index.select("sitemapindex > sitemap > loc").eachText();
            assertThat(files).hasSize((total + 1) / 2).first().isEqualTo("https://letters.example.org/sitemaps/1.xml");
            List<String> all = new ArrayList<>();
            for (int file = 1; file <= files.size(); file++) {
                List<String> locs = xml(sitemaps.file(file, absolute).orElseThrow()).select("urlset > url > loc").eachText();
                assertThat(locs).hasSizeBetween(1, 2);
                all.addAll(locs);
            }
            assertThat(all).hasSize(total).doesNotHaveDuplicates().contains("https://letters.example.org/letters/naps-in-arms");
            assertThat(sitemaps.file(files.size() + 1, absolute)).isEmpty();
            assertThat(sitemaps.file(0, absolute)).isEmpty();
        }
    }

    @Test
    void robotsLetCrawlersReadTheColumnButNoStaffOrPrivatePageAndPointAtTheSitemap() {
        try (TestServer server = TestServer.start(Map.of("DEARLY_BASE_URL", "https://letters.example.org", "DEARLY_RATE_LIMITS", "off"))) {
            HttpResponse<String> response = server.get("/robots.txt");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            List<String> lines = response.body().lines().toList();
            assertThat(lines).contains("User-agent: *", "Allow: /", "Disallow: /desk", "Disallow: /admin", "Disallow: /account",
                    "Disallow: /status/", "Disallow: /erase/", "Disallow: /login", "Disallow: /health",
                    "Sitemap: https://letters.example.org/sitemap.xml");
            assertThat(lines).noneMatch(line -> line.matches("Disallow: /(letters|topics|advisors|ask|feeds|share)?"));
            Document sitemap = xml(server.get("/sitemap.xml").body());
            assertThat(sitemap.select("loc").eachText()).allMatch(url -> url.startsWith("https://letters.example.org/"));
        }
    }

    private static Document xml(String text) {
        return Jsoup.parse(text, "", Parser.xmlParser());
    }
}

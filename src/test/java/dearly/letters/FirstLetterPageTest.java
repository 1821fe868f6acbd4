package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A new reader opens Dearly for the first time and reads the first letter, exactly as it was published. */
class FirstLetterPageTest {
    private static final String SLUG = "why-do-i-miss-my-partner-even-when-were-in-the-same-room";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server; // started and stopped by DEARLY
    private static List<String> seed;

    @BeforeAll
    static void readTheSeed() throws Exception {
        seed = seedLines();
    }

    /** The seed as the project received it; the copy inside the program must be the same text. */
    static List<String> seedLines() throws Exception {
        Path shared = Path.of("..", "shared", "seed", "first-letter.txt");
        String text = Files.exists(shared)
                ? Files.readString(shared, StandardCharsets.UTF_8)
                : String.join("\n", dearly.demo.DemoContent.seedLines());
        return text.lines().toList();
    }

    @Test
    void theProgramShipsTheSeedWordForWord() {
        assertThat(dearly.demo.DemoContent.seedLines()).isEqualTo(seed);
    }

    @Test
    void homeLinksToTheFirstLetter() {
        Document home = server.page("/");
        Element link = home.selectFirst("ol.letters a[href=/letters/" + SLUG + "]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo(seed.get(0));
        assertThat(home.selectFirst("ol.letters li p").text()).isEqualTo("Sofia and her partner have been together for 6 years.");
    }

    @Test
    void letterPageShowsHeadlineShareBylineAndStandfirstAsSeeded() {
        Document page = server.page("/letters/" + SLUG);
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo(seed.get(0));
        assertThat(page.selectFirst(".share summary").text()).isEqualTo(seed.get(1));
        assertThat(page.selectFirst(".byline").text()).isEqualTo(seed.get(2));
        assertThat(page.selectFirst(".standfirst").text()).isEqualTo(seed.get(3));
        assertThat(page.title()).startsWith(seed.get(0));
    }

    @Test
    void letterKeepsSalutationEveryLineInOrderSignOffAndSignature() {
        Document page = server.page("/letters/" + SLUG);
        assertThat(page.selectFirst(".salutation").text()).isEqualTo(seed.get(4));
        assertThat(linesOf(page.selectFirst(".letter-body"))).isEqualTo(seed.subList(5, seed.size() - 2));
        assertThat(page.selectFirst(".sign-off").text()).isEqualTo(seed.get(seed.size() - 2));
        Element signature = page.selectFirst(".signature a");
        assertThat(signature.text()).isEqualTo(seed.get(seed.size() - 1));
        assertThat(signature.attr("href")).isEqualTo("/advisors/lina-p");
    }

    @Test
    void letterReadsInTheSeedOrderFromHeadlineToSignature() {
        Document page = server.page("/letters/" + SLUG);
        List<String> read = new ArrayList<>();
        read.add(page.selectFirst("h1").text());
        read.add(page.selectFirst(".share summary").text());
        read.add(page.selectFirst(".byline").text());
        read.add(page.selectFirst(".standfirst").text());
        read.addAll(linesOf(page.selectFirst(".letter-text")));
        assertThat(read).isEqualTo(seed);
    }

    @Test
    void shortLinesAndParagraphsAreKeptAsWritten() {
        Element body = server.page("/letters/" + SLUG).selectFirst(".letter-body");
        assertThat(body.select("p")).hasSize(12);
        assertThat(body.select("p").get(1).select("br")).hasSize(2);
    }

    @Test
    void letterShowsItsTopicsAndDate() {
        Document page = server.page("/letters/" + SLUG);
        assertThat(page.select(".topics a").eachText()).containsExactly("Postpartum life", "Relationships");
        assertThat(page.selectFirst("time[datetime]").text()).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4}");
    }

    @Test
    void shareControlWorksWithoutJavaScript() {
        Element share = server.page("/letters/" + SLUG).selectFirst("details.share");
        String url = server.url("/letters/" + SLUG);
        assertThat(share.selectFirst("a[href^=https://wa.me/]").attr("href")).contains("localhost%3A");
        assertThat(share.selectFirst("a[href^=mailto:]").attr("href")).contains("subject=Why%20do%20I%20miss");
        assertThat(share.selectFirst("input[readonly]").val()).isEqualTo(url);
    }

    @Test
    void advisorPageListsHerLetters() {
        Document page = server.page("/advisors/lina-p");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Lina P.");
        assertThat(page.select("ol.letters a").eachText()).containsExactly(seed.get(0));
    }

    @Test
    void topicPagesListTheLetter() {
        Document topics = server.page("/topics");
        assertThat(topics.select(".topic-list a").eachAttr("href")).contains("/topics/relationships", "/topics/postpartum-life");
        Document topic = server.page("/topics/relationships");
        assertThat(topic.select("ol.letters a").eachText()).containsExactly(seed.get(0));
    }

    @Test
    void letterPageWeighsUnder30KilobytesWithItsCssAndScript() throws Exception {
        // What a phone downloads: the bytes on the wire, compressed as a browser asks them to be.
        long html = transferred("/letters/" + SLUG);
        long css = transferred("/static/dearly.css");
        long js = transferred("/static/dearly.js");
        assertThat(css).isPositive();
        assertThat(js).isPositive();
        assertThat(html + css + js).isLessThan(30 * 1024);
    }

    @Test
    void pagesLoadNothingFromOtherSites() {
        Document page = server.page("/letters/" + SLUG);
        assertThat(page.select("script[src], link[href], img[src]").eachAttr("abs:src"))
                .allMatch(src -> src.isEmpty() || src.startsWith(server.url("/")));
        assertThat(page.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href")).allMatch(href -> href.startsWith("/"));
        assertThat(server.get("/letters/" + SLUG).headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void pagesSayTheyAreUtf8() {
        assertThat(server.get("/letters/" + SLUG).headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(server.get("/nowhere").headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
    }

    @Test
    void theAskersSurnameIsNeverOnThePage() {
        String html = server.get("/letters/" + SLUG).body() + server.get("/api/v1/letters").body() + server.get("/").body();
        assertThat(html).doesNotContain("Gómez");
    }

    private long transferred(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .header("Accept-Encoding", "gzip").build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().length;
    }

    /** The text of an element as a reader sees it, one entry per visual line. */
    static List<String> linesOf(Element element) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        collect(element, line, lines);
        flush(line, lines);
        return lines;
    }

    private static void collect(Node node, StringBuilder line, List<String> lines) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                line.append(text.text());
            } else if (child instanceof Element element) {
                if (element.normalName().equals("br")) {
                    flush(line, lines);
                } else if (element.isBlock()) {
                    flush(line, lines);
                    collect(element, line, lines);
                    flush(line, lines);
                } else {
                    collect(element, line, lines);
                }
            }
        }
    }

    private static void flush(StringBuilder line, List<String> lines) {
        String text = line.toString().strip();
        if (!text.isEmpty()) lines.add(text);
        line.setLength(0);
    }
}

package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever is typed into the search box, the answer is a calm page (or JSON), never an error. */
class HostileQueriesTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    @ParameterizedTest
    @ValueSource(strings = {
        "AND OR (", "partner AND", "NOT", "*", "?", "partner~", "\"", "\"miss my", "title:partner", "[1 TO 5]",
        "+-&&||!(){}[]^\"~*?:\\/", "\\", "/regex.*/", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "%",
        "😭😭 partner 👶🏽", "👨‍👩‍👧", "أفتقد شريكي", "אני מתגעגע", "\u202Epartner\u202C", "\u0000partner\u0007\u001B[31m",
        " ", "a", "the and of", "ñ", "ß", "İstanbul", "ｐａｒｔｎｅｒ",
    })
    void anyQueryAnswersWithACalmPage(String words) {
        HttpResponse<String> page = server.get("/search?q=" + SearchFlow.query(words));
        assertThat(page.statusCode()).isEqualTo(200);
        Document document = SearchFlow.parse(page.body());
        assertThat(document.selectFirst("h1").text()).isEqualTo("Search letters");
        assertThat(document.select("script:not([src])")).isEmpty();
        assertThat(page.body()).doesNotContain("<script>alert");

        HttpResponse<String> json = server.get("/api/v1/search?q=" + SearchFlow.query(words));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void aHugeQueryIsShortenedAndStillFindsTheLetter() {
        // Browsers and Jetty keep an address under 8 KB, so this is about the most a query can be.
        String huge = "partner " + "word ".repeat(1000) + "x".repeat(2000);
        HttpResponse<String> page = server.get("/search?q=" + SearchFlow.query(huge));
        assertThat(page.statusCode()).isEqualTo(200);
        Document document = SearchFlow.parse(page.body());
        assertThat(document.selectFirst("#search-q").val().length()).isLessThanOrEqualTo(LetterSearch.MAX_QUERY_CHARS);
        assertThat(server.get("/api/v1/search?q=" + SearchFlow.query(huge)).statusCode()).isEqualTo(200);
        assertThat(document.select("ol.results h2").eachText()).hasSize(1);
        assertThat(server.get("/search?q=partner&topic=" + "t".repeat(5000)).statusCode()).isEqualTo(200);
    }

    @Test
    void aLetterIsFoundWithItsTextEscapedAndOnlyTheWordsFoundMarked() {
        Document page = SearchFlow.page(server, "<b>partner</b> <script>", "");
        assertThat(page.select("ol.results h2 mark").eachText()).contains("partner");
        assertThat(page.select("ol.results b, ol.results script")).isEmpty();
        assertThat(page.selectFirst("#search-q").val()).isEqualTo("<b>partner</b> <script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "page=abc", "page=99999999999999", "page=", "topic=%00", "topic=nope",
            "language=xx", "lang=zz", "language=es&topic=%E2%80%AEx", "page=2&page=3"})
    void oddFiltersAndPagesAnswerKindly(String parameters) {
        var page = server.get("/search?q=partner&" + parameters);
        if (parameters.startsWith("lang=")) {
            // An old ?lang= link is sent on to the page's address without it, which answers.
            assertThat(page.statusCode()).isEqualTo(301);
            page = server.get(page.headers().firstValue("Location").orElseThrow().replace(server.url(""), ""));
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/search?q=partner&" + parameters.replace("language=", "lang=")).statusCode()).isEqualTo(200);
    }
}

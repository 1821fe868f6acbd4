package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import dearly.demo.DemoContent;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reader finds the first letter by the words she would use, accents and typos included. */
class SearchPageTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    private static final String FIRST = DemoContent.seedLines().get(0);

    @Test
    void theFirstLetterIsFoundByTheCityInItsBylineTypedWithoutTheAccent() {
        Document page = SearchFlow.page(server, "medellin", "");
        assertThat(page.select("ol.results h2").eachText()).containsExactly(FIRST);
        assertThat(page.select("ol.results .byline mark").eachText()).containsExactly("Medellín");
    }

    @Test
    void theFirstLetterIsFoundByTheWordsAParentWouldUseWithThemMarked() {
        Document page = SearchFlow.page(server, "miss my partner", "");
        assertThat(page.select("ol.results h2").eachText()).containsExactly(FIRST);
        assertThat(page.select("ol.results h2 mark").text()).contains("miss").contains("partner");
        assertThat(page.selectFirst("p.found").text()).isEqualTo("One letter found for “miss my partner”");
        assertThat(page.selectFirst("ol.results h2 a").attr("href")).startsWith("/letters/");
    }

    @Test
    void herWordsAreMarkedInTheLettersOwnPassageToo() {
        Document page = SearchFlow.page(server, "miss my partner", "");
        assertThat(page.select("ol.results .snippet mark").eachText()).contains("Missing", "partner");
    }

    @Test
    void aTypoStillFindsTheLetterAndOffersTheWordSpelledRight() {
        Document page = SearchFlow.page(server, "partnr", "");
        assertThat(page.select("ol.results h2").eachText()).containsExactly(FIRST);
        assertThat(page.selectFirst(".did-you-mean a").text()).isEqualTo("partner");
        Document corrected = server.page(page.selectFirst(".did-you-mean a").attr("href"));
        assertThat(corrected.select("ol.results h2").eachText()).containsExactly(FIRST);
        assertThat(corrected.select(".did-you-mean")).isEmpty();
    }

    @Test
    void nothingFoundStillOffersTopicsAndAnInvitationToAsk() {
        Document page = SearchFlow.page(server, "quintuplets astronaut", "");
        assertThat(page.select("ol.results li")).isEmpty();
        assertThat(page.selectFirst(".no-results").text()).contains("No letter matches “quintuplets astronaut” yet.");
        assertThat(page.select(".no-results .topic-list a").eachText()).contains("Relationships", "Postpartum life");
        assertThat(page.selectFirst(".no-results a[href=/ask]").text()).isEqualTo("Ask a question");
    }

    @Test
    void theSearchPageSpeaksSpanish() {
        Document page = server.page("/es/search?q=" + SearchFlow.query("partner"));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Buscar cartas");
        assertThat(page.select("ol.results h2").eachText()).containsExactly(FIRST);
        assertThat(page.selectFirst("p.found").text()).isEqualTo("Una carta encontrada para «partner»");
        assertThat(page.selectFirst("form.search-page").attr("action")).isEqualTo("/es/search");
    }

    @Test
    void everyPageHasASearchBoxInItsHeader() {
        for (String path : new String[] {"/", "/topics", "/ask", "/search"}) {
            Document page = server.page(path);
            var form = page.selectFirst("header.site form[role=search]");
            assertThat(form).as(path).isNotNull();
            assertThat(form.attr("action")).isEqualTo("/search");
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.selectFirst("input[name=q]")).isNotNull();
            assertThat(page.selectFirst("label[for=site-search]").text()).isEqualTo("Search the letters");
        }
    }
}

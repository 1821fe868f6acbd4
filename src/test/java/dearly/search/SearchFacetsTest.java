package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many letters found: counted by topic and language, each count as the other filter leaves it,
 * and shown ten to a page, every letter on exactly one page.
 */
class SearchFacetsTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;
    private static final List<String> PUBLISHED = new ArrayList<>();

    @BeforeAll
    static void publish() {
        for (int i = 1; i <= 15; i++) {
            String headline = "Evenings in Bogotá, letter " + i;
            SearchFlow.publish(server, Language.EN, headline, "A mother in Bogotá writes about evening " + i + ".",
                    "The evenings are long.", i <= 10 ? "sleep" : "crying");
            PUBLISHED.add(headline);
        }
        for (int i = 1; i <= 10; i++) {
            String headline = "Las tardes en Bogotá, carta " + i;
            SearchFlow.publish(server, Language.ES, headline, "Una mamá de Bogotá escribe sobre la tarde " + i + ".",
                    "Las tardes son largas.", "sleep");
            PUBLISHED.add(headline);
        }
        SearchFlow.until(server, "bogota", page -> page.select("p.found").text().startsWith("25 letters"));
    }

    @Test
    void topicsAndLanguagesAreCountedOverEveryLetterFound() {
        Document page = SearchFlow.page(server, "bogota", "");
        assertThat(page.selectFirst("p.found").text()).isEqualTo("25 letters found for “bogota”");
        assertThat(page.select("nav.facets ul").get(0).select("a").eachText())
                .containsExactly("Any topic", "Sleep (20)", "Crying (5)");
        assertThat(page.select("nav.facets ul").get(1).select("a").eachText())
                .containsExactly("Any language", "English (15)", "Spanish (10)");
        assertThat(page.select("nav.facets a[aria-current]").eachText()).containsExactly("Any topic", "Any language");
    }

    @Test
    void choosingALanguageKeepsTheOtherLanguageOnOfferWithItsCount() {
        Document page = server.page(SearchFlow.page(server, "bogota", "").select("nav.facets a:contains(Spanish)").attr("href"));
        assertThat(page.selectFirst("p.found").text()).isEqualTo("10 letters found for “bogota”");
        assertThat(page.select("ol.results li")).hasSize(10).allSatisfy(item -> assertThat(item.attr("lang")).isEqualTo("es"));
        assertThat(page.select("nav.facets ul").get(0).select("a").eachText()).containsExactly("Any topic", "Sleep (10)");
        assertThat(page.select("nav.facets ul").get(1).select("a").eachText())
                .containsExactly("Any language", "English (15)", "Spanish (10)");
        assertThat(page.select("nav.facets a[aria-current]").eachText()).containsExactly("Any topic", "Spanish (10)");
    }

    @Test
    void choosingATopicKeepsOnlyItsLetters() {
        Document page = SearchFlow.page(server, "bogota", "&topic=crying");
        assertThat(page.select("ol.results h2").eachText()).hasSize(5).allSatisfy(headline ->
                assertThat(headline).startsWith("Evenings in Bogotá"));
        assertThat(page.select("nav.facets ul").get(1).select("a").eachText()).containsExactly("Any language", "English (5)");
    }

    @Test
    void everyLetterFoundIsOnExactlyOnePageOfTen() {
        List<String> seen = new ArrayList<>();
        Document page = SearchFlow.page(server, "bogota", "");
        assertThat(page.selectFirst("nav.pages span").text()).isEqualTo("Page 1 of 3");
        assertThat(page.select("nav.pages a[rel=prev]")).isEmpty();
        while (true) {
            seen.addAll(page.select("ol.results h2").eachText());
            var next = page.selectFirst("nav.pages a[rel=next]");
            if (next == null) break;
            page = server.page(next.attr("href"));
        }
        assertThat(page.selectFirst("nav.pages span").text()).isEqualTo("Page 3 of 3");
        assertThat(page.select("nav.pages a[rel=prev]").attr("href")).contains("page=2");
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(Set.copyOf(PUBLISHED));
    }

    @Test
    void aPageBeyondTheLastShowsNoLettersAndNoError() {
        var response = server.get("/search?q=bogota&page=40");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SearchFlow.parse(response.body()).select("ol.results li")).isEmpty();
    }

    @Test
    void theApiAnswersTheSameInJson() {
        JsonNode found = SearchFlow.api(server, "q=bogota&lang=es&page=1");
        assertThat(found.get("total").asInt()).isEqualTo(10);
        assertThat(found.get("pages").asInt()).isEqualTo(1);
        assertThat(found.get("results")).hasSize(10);
        JsonNode first = found.get("results").get(0);
        assertThat(first.get("language").asText()).isEqualTo("es");
        assertThat(first.get("url").asText()).startsWith("http://localhost:").contains("/letters/");
        assertThat(first.get("headline").asText()).startsWith("Las tardes en Bogotá");
        assertThat(first.get("headline_html").asText()).contains("<mark>Bogotá</mark>");
        assertThat(first.get("topics").get(0).asText()).isEqualTo("sleep");
        assertThat(found.get("facets").get("languages").toString()).contains("\"code\":\"en\",\"count\":15");
        assertThat(found.get("facets").get("topics").get(0).get("slug").asText()).isEqualTo("sleep");

        JsonNode second = SearchFlow.api(server, "q=bogota&page=2");
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("pages").asInt()).isEqualTo(3);
        assertThat(second.get("results")).hasSize(10);
    }
}

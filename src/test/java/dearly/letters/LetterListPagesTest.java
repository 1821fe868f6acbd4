package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.language.Language;
import dearly.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The home, topic and advisor pages show a page of letters with a link to older ones, never the whole
 * archive (issue 6, item 2), each page at its own address (issue 11, item 6).
 */
class LetterListPagesTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @org.junit.jupiter.api.Test
    void theHomePageIsPagedToo() {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            Instant now = Instant.now();
            server.server().database().write(handle -> {
                Publishing publishing = new Publishing();
                long advisor = publishing.addAdvisor(handle, "rosa-m", "Rosa M.", "", now);
                for (int i = 1; i <= 21; i++) {
                    publishing.publish(handle, new Publishing.Draft(null, "home-" + i,
                            new Words("Home letter " + i, "", "Mama,", "Rest.", "Love,"), "", advisor, List.of(), Language.EN,
                            now.minusSeconds(1000 - i)), now);
                }
                return null;
            });
            Document first = server.page("/");
            assertThat(first.select("ol.letters > li")).hasSize(20);
            assertThat(first.selectFirst("nav.pages a[rel=next]").attr("href")).isEqualTo("/?page=2");
            Document second = server.page("/es/?page=2");
            assertThat(second.select("ol.letters a").last().text()).isEqualTo("Home letter 1");
            assertThat(second.selectFirst("nav.pages a[rel=prev]").attr("href")).isEqualTo("/es/");
            assertThat(server.get("/?page=3").statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void topicAndAdvisorPagesShowThirtyLettersAndLinkToOlderOnes(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            Instant now = Instant.now();
            server.server().database().write(handle -> {
                Publishing publishing = new Publishing();
                long advisor = publishing.addAdvisor(handle, "rosa-m", "Rosa M.", "", now);
                long topic = publishing.addTopic(handle, "naps", "Naps", "Siestas");
                for (int i = 1; i <= LetterPages.PAGE_LETTERS + 1; i++) {
                    publishing.publish(handle, new Publishing.Draft(null, "nap-" + i,
                            new Words("Nap letter " + i, "", "Mama,", "Rest.", "Love,"), "", advisor, List.of(topic), Language.EN, now.minusSeconds(1000 - i)), now);
                }
                return null;
            });

            for (String path : List.of("/topics/naps", "/advisors/rosa-m")) {
                Document first = server.page(path);
                assertThat(first.select("ol.letters > li")).hasSize(LetterPages.PAGE_LETTERS);
                assertThat(first.select("ol.letters a").first().text()).isEqualTo("Nap letter 31");
                assertThat(first.selectFirst("nav.pages a[rel=next]").attr("href")).isEqualTo(path + "?page=2");
                assertThat(first.selectFirst("nav.pages a[rel=prev]")).isNull();

                Document second = server.page(path + "?page=2");
                assertThat(second.select("ol.letters > li")).hasSize(1);
                assertThat(second.select("ol.letters a").first().text()).isEqualTo("Nap letter 1");
                assertThat(second.selectFirst("nav.pages a[rel=prev]").attr("href")).isEqualTo(path);
                assertThat(second.selectFirst("nav.pages a[rel=next]")).isNull();

                for (String outOfRange : List.of("?page=3", "?page=999", "?page=0", "?page=-1", "?page=two", "?page=99999999999")) {
                    assertThat(server.get(path + outOfRange).statusCode()).as(path + outOfRange).isEqualTo(404);
                }

                // The Spanish pages link to Spanish pages, and each page names its neighbours in its head.
                Document spanish = server.page("/es" + path + "?page=2");
                assertThat(spanish.selectFirst("nav.pages a[rel=prev]").attr("href")).isEqualTo("/es" + path);
                assertThat(spanish.selectFirst("link[rel=prev]").attr("href")).isEqualTo(server.url("/es" + path));
                assertThat(spanish.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(server.url("/es" + path + "?page=2"));
                assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo(server.url(path + "?page=2"));
                assertThat(first.selectFirst("link[rel=prev]")).isNull();
            }
        }
    }
}

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

/** Topic and advisor pages show a page of letters with a link to older ones, never the whole archive (issue 6, item 2). */
class LetterListPagesTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
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

                assertThat(server.page(path + "?page=999").select("ol.letters > li")).isEmpty();
                assertThat(server.get(path + "?page=-1").statusCode()).isEqualTo(200);
            }
        }
    }
}

package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Words;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An editor links a letter to its translation; the two pages point at each other (issue 11, item 5). */
class TranslationLinkTest {

    @Test
    void anEditorLinksALetterToItsTranslationAndEachPagePointsAtTheOther() {
        try (TestServer server = TestServer.start()) {
            Instant now = Instant.now();
            server.server().database().write(handle -> {
                Publishing publishing = new Publishing();
                long advisor = publishing.addAdvisor(handle, "ana-t", "Ana T.", "", now);
                return publishing.publish(handle, new Publishing.Draft(null, "short-naps",
                        new Words("Short naps", "Why they are short.", "Dear tired,", "Naps grow longer.", "Love,"), "", advisor,
                        List.of(), Language.EN, now.minusSeconds(60)), now);
            });
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            SignedIn.as(server, Role.EDITOR);
            ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now"));
            String spanish = ReviewFlow.letterPath(server, asked.status());

            for (String wrong : List.of("/letters/no-such-letter", spanish, "<script>alert(1)</script>", "x".repeat(5000))) {
                HttpResponse<String> refused = ReviewFlow.send(server, asked.id(), "translation", Map.of("translation", wrong));
                assertThat(refused.statusCode()).as(wrong.substring(0, Math.min(40, wrong.length()))).isEqualTo(422);
                assertThat(Jsoup.parse(refused.body()).selectFirst("#f-translation-error")).isNotNull();
            }
            assertThat(ReviewFlow.send(server, asked.id(), "translation", Map.of("translation", server.url("/es/letters/short-naps")))
                    .statusCode()).isEqualTo(303);
            assertThat(ReviewFlow.actions(server)).contains("column-letter.translation-linked");

            Document english = server.page("/letters/short-naps");
            assertThat(english.selectFirst("link[rel=alternate][hreflang=es]").attr("href")).isEqualTo(server.url("/es" + spanish));
            assertThat(english.selectFirst("link[rel=alternate][hreflang=en]").attr("href")).isEqualTo(server.url("/letters/short-naps"));
            assertThat(english.selectFirst("p.translation a[hreflang=es]").attr("href")).isEqualTo("/es" + spanish);
            assertThat(english.selectFirst("p.translation a").text()).isEqualTo("Read this letter in Spanish (en español)");

            Document inSpanish = server.page("/es" + spanish);
            assertThat(inSpanish.selectFirst("link[rel=alternate][hreflang=en]").attr("href")).isEqualTo(server.url("/letters/short-naps"));
            assertThat(inSpanish.selectFirst("p.translation a[hreflang=en]").attr("href")).isEqualTo("/letters/short-naps");
            assertThat(inSpanish.selectFirst("p.translation a").text()).isEqualTo("Lee esta carta en inglés (in English)");

            assertThat(ReviewFlow.send(server, asked.id(), "translation", Map.of("translation", "")).statusCode()).isEqualTo(303);
            assertThat(ReviewFlow.actions(server)).contains("column-letter.translation-unlinked");
            assertThat(server.page("/letters/short-naps").selectFirst("p.translation")).isNull();
        }
    }
}

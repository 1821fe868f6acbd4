package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A letter published through the desk travels (feeds, sitemap, link previews, structured data)
 * with its public byline only ("Valentina R., 31 años, ..."), and without it once she erases
 * everything: never her surname or an address of hers (issue 11, items 2 to 4).
 */
class PublishedLetterTravelsTest {
    private static final List<String> PRIVATE = List.of("Restrepo", "valentina@example.com", "vale.r@example.com");

    @Test
    void whatLeavesThePageCarriesNothingOfHersAndForgetsHerBylineWhenSheErases() {
        try (TestServer server = TestServer.start()) {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            SignedIn.as(server, Role.EDITOR);
            assertThat(ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now")).statusCode()).isEqualTo(303);
            String letter = ReviewFlow.letterPath(server, asked.status());
            server.forgetCookies();

            Document page = server.page(letter);
            String byline = page.selectFirst(".byline").text();
            assertThat(byline).isNotBlank();
            List<String> travelling = travelling(server, page);
            for (String text : travelling) assertThat(text).doesNotContain(PRIVATE);
            assertThat(String.join("\n", travelling)).contains(letter, byline);

            Document confirm = server.page(asked.status() + "/delete");
            String csrf = confirm.selectFirst("form[action$=/delete] input[name=_csrf]").val();
            assertThat(server.postForm(asked.status() + "/delete", Map.of("_csrf", csrf)).statusCode()).isLessThan(400);
            Document after = server.page(letter);
            assertThat(after.selectFirst(".byline")).isNull();
            assertThat(String.join("\n", travelling(server, after))).contains(letter).doesNotContain(byline, "Valentina")
                    .doesNotContain(PRIVATE);
        }
    }

    /** What a letter sends beyond its page: its preview tags and data, the feeds, the sitemap. */
    private static List<String> travelling(TestServer server, Document page) {
        String head = page.head().select("meta[property^=og:], meta[name^=twitter:], script[type=application/ld+json]").outerHtml();
        String image = page.selectFirst("meta[property=og:image]").attr("content").replace(server.url(""), "");
        assertThat(server.get(image).statusCode()).isEqualTo(200);
        return List.of(head, server.get("/feeds/atom").body(), server.get("/feeds/es/rss").body(), server.get("/sitemap.xml").body());
    }
}

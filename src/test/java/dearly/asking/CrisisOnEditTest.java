package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crisis check runs on every edit from her status page: words of danger added later show her
 * the help at once and move her question to the top of the desk; taking them out again does not
 * take the flag away, since she may remove them from shame or fear, not because the danger passed.
 */
class CrisisOnEditTest {
    private static final String DANGER = "No duermo desde hace semanas y a veces pienso en hacerle daño a mi bebé. Tengo miedo de mí misma.";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    private String ask(String title, String body) {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("title", title);
        fields.put("body", body);
        return AskFlow.askAndFollow(server, fields);
    }

    private Document edit(String status, String body) {
        Map<String, String> fields = AskFlow.fieldsOf(server.page(status + "/edit"));
        fields.put("body", body);
        assertThat(server.postForm(status + "/edit", fields).statusCode()).isEqualTo(303);
        return server.page(status + "?edited");
    }

    @Test
    void wordsOfDangerAddedInAnEditShowHerHelpAndPutHerFirstOnTheDesk() {
        AskFlow.ask(server, AskFlow.question());
        String status = ask("Una duda sobre la siesta", "My daughter is four months old and only naps in my arms for twenty minutes at a time.");
        assertThat(server.page(status).select(".crisis")).isEmpty();

        Document edited = edit(status, DANGER);
        assertThat(edited.selectFirst("main").child(0).hasClass("crisis")).isTrue();
        assertThat(edited.select(".crisis a.phone").eachAttr("href")).contains("tel:123");

        server.forgetCookies();
        SignedIn.as(server, Role.EDITOR);
        Document desk = server.page("/es/desk");
        assertThat(desk.select(".queue li a").eachText()).containsExactly("Una duda sobre la siesta", "How do I get my baby to nap?");
        assertThat(desk.selectFirst(".queue li .badge").text()).isEqualTo("Urgente");
    }

    @Test
    void takingTheWordsOutAgainLeavesTheQuestionUrgent() {
        String status = ask("Tengo miedo", DANGER);
        Document edited = edit(status, "Mi bebé tiene dos meses y estoy muy cansada, nada más. Perdón por lo de antes.");
        assertThat(edited.select(".crisis")).isNotEmpty();

        server.forgetCookies();
        SignedIn.as(server, Role.EDITOR);
        Document desk = server.page("/desk");
        assertThat(desk.selectFirst(".queue li").hasClass("urgent")).isTrue();
        Document question = server.page(desk.selectFirst(".queue li a").attr("href"));
        assertThat(question.select(".crisis .signs li strong").eachText()).contains("thoughts of harming the baby");
        assertThat(question.select(".crisis .signs blockquote").eachText()).as("the words she took out, as she first wrote them")
                .contains("No duermo desde hace semanas y a veces pienso en hacerle daño a mi bebé.");
    }
}

package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dearly.RunningDearly;
import dearly.TestServer;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The help a mother is shown answers the danger in her words and the country she lives in, through
 * the real ask form and the API: violence at home brings domestic-violence lines, and a country with
 * no line of its own still gets its emergency number and a directory of helplines.
 */
class CrisisHelpByDangerTest {
    private static final String FIND_A_HELPLINE = "https://findahelpline.com/";
    private static final String VIOLENCE = "My husband hits me when the baby cries and says he will take her away if I tell anyone.";
    private static final String SELF_HARM = "Some nights I think about ending my life. I cannot cope with the baby and nobody helps me at home.";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void aQuestionAboutViolenceAtHomeShowsDomesticViolenceLinesNotOnlyMentalHealthLines() {
        Element help = statusPageHelp(englishMother("United States", VIOLENCE));
        assertThat(help.select(".resources li strong").eachText()).containsExactly(
                "Emergency", "National Domestic Violence Hotline (24/7)",
                "Find A Helpline: free, confidential helplines in your country, by topic");
        assertThat(help.select(".resources li").eachAttr("class")).containsExactly("emergency", "violence", "directory");
        assertThat(help.select("a.phone").eachAttr("href")).containsExactly("tel:911", "tel:18007997233");
        assertThat(help.text()).doesNotContain("988");

        JsonNode receipt = AskFlow.ask(server, AskFlow.question().put("body", VIOLENCE));
        assertThat(CrisisHelpJson.phones(receipt)).containsExactly("911", "1-800-799-7233");
        assertThat(CrisisHelpJson.kinds(receipt)).containsExactly("emergency", "violence", "directory");
        assertThat(CrisisHelpJson.urls(receipt)).containsExactly(FIND_A_HELPLINE);
    }

    @Test
    void aQuestionAboutSelfHarmShowsTheCrisisLineAndNoDomesticViolenceLine() {
        Element help = statusPageHelp(englishMother("United States", SELF_HARM));
        assertThat(help.select("a.phone").eachAttr("href")).startsWith("tel:911", "tel:988");
        assertThat(help.text()).doesNotContain("1-800-799-7233");

        JsonNode receipt = AskFlow.ask(server, AskFlow.question().put("body", SELF_HARM));
        assertThat(CrisisHelpJson.phones(receipt)).startsWith("911", "988").doesNotContain("1-800-799-7233");
    }

    @Test
    void aSpanishQuestionAboutViolenceInSpainShows016() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("country", "España");
        fields.put("body", "Mi marido me pega cuando el bebé llora y me dice que me quitará a la niña si se lo cuento a alguien.");
        Element help = server.page(AskFlow.askAndFollow(server, fields)).selectFirst(".crisis");
        // The emergency number first, then the domestic-violence line (other lines may follow when her words show more).
        assertThat(help.select("a.phone").eachAttr("href")).startsWith("tel:112").contains("tel:016");
        assertThat(help.selectFirst(".danger").text()).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
    }

    @Test
    void aKenyanQuestionShowsKenyasEmergencyNumbersTheLineForHerDangerAndTheInternationalDirectory() {
        Element help = statusPageHelp(englishMother("Kenya", SELF_HARM));
        assertThat(help.select("a.phone").eachAttr("href")).containsExactly("tel:999", "tel:112", "tel:1199");
        assertThat(help.select(".resources li.directory a").eachAttr("href")).containsExactly(FIND_A_HELPLINE);
        assertThat(help.selectFirst(".danger").text()).isEqualTo("If you are in danger now, call your local emergency number.");

        for (String country : new String[] {"KE", "Kenya"}) {
            JsonNode receipt = AskFlow.ask(server, AskFlow.question().put("country", country).put("body", VIOLENCE));
            assertThat(CrisisHelpJson.phones(receipt)).as(country).containsExactly("999", "112", "1195");
            assertThat(CrisisHelpJson.urls(receipt)).as(country).containsExactly(FIND_A_HELPLINE);
            assertThat(receipt.get("crisis_resources").findValuesAsText("country")).as(country).containsOnly("KE");
        }
    }

    /** Maria's question from the ask form, in English, living in that country, with these words. */
    private Map<String, String> englishMother(String country, String body) {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/ask"));
        fields.put("language", "en");
        fields.put("country", country);
        fields.put("title", "I do not know what to do");
        fields.put("body", body);
        return fields;
    }

    private Element statusPageHelp(Map<String, String> fields) {
        Document status = server.page(AskFlow.askAndFollow(server, fields) + "?received");
        Element help = status.selectFirst("main > .crisis");
        assertThat(help).as("crisis help on her status page").isNotNull();
        return help;
    }
}

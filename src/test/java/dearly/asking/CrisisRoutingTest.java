package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A mother in danger is shown help for her country at once, and her question is still received. */
class CrisisRoutingTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void aSpanishQuestionWithCrisisSignsShowsColombiasResourcesFirst() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("body", "No duermo desde hace semanas y a veces pienso en hacerle daño a mi bebé. Tengo miedo de mí misma.");
        Document status = server.page(AskFlow.askAndFollow(server, fields) + "?received");
        var crisis = status.selectFirst("main > .crisis");
        assertThat(crisis).isNotNull();
        assertThat(status.selectFirst("main").child(0)).isEqualTo(crisis);
        // Harm to the baby: Colombia lists no perinatal line, so its crisis lines answer, after the emergency number.
        assertThat(crisis.select(".resources li strong").eachText()).containsExactly("Línea de emergencias",
                "Línea 106 (Bogotá, salud mental)", "Línea Amiga Saludable (Medellín)",
                "Find A Helpline: líneas de ayuda gratuitas y confidenciales en tu país, por tema");
        assertThat(crisis.select("a.phone").eachAttr("href")).containsExactly("tel:123", "tel:106", "tel:6044444448");
        assertThat(crisis.text()).doesNotContain("155");
        assertThat(crisis.selectFirst(".danger").text()).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
        assertThat(status.selectFirst("h1").text()).isEqualTo("Recibimos tu pregunta");
    }

    @Test
    void violenceAtHomeInPeruShowsItsEmergencyNumbersAndLinea100() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("country", "Perú");
        fields.put("body", "Mi esposo me pega cuando el bebé llora y no sé a quién acudir. Tengo miedo por los dos.");
        Document status = server.page(AskFlow.askAndFollow(server, fields));
        // Emergency numbers first, then the domestic-violence line (other lines may follow when her words show more).
        assertThat(status.select(".crisis a.phone").eachAttr("href")).startsWith("tel:106", "tel:105").contains("tel:100");
        assertThat(status.selectFirst(".crisis h2 + p").text())
                .isEqualTo("Algo de lo que escribiste suena muy difícil. Puedes hablar con alguien hoy, a cualquier hora del día o de la noche:");
        assertThat(status.selectFirst(".crisis .danger").text()).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
    }

    @Test
    void aCountryWithoutEntriesStillSaysWhatToDoInDanger() {
        // An admin removed even the directory for every country: nothing is left to list for Equatorial Guinea.
        server.server().database().write(handle -> handle.createUpdate("DELETE FROM crisis_resource WHERE country = 'ZZ'").execute());
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("country", "Guinea Ecuatorial");
        fields.put("body", "Mi esposo me pega cuando el bebé llora y no sé a quién acudir. Tengo miedo por los dos.");
        Document status = server.page(AskFlow.askAndFollow(server, fields));
        assertThat(status.select(".crisis .resources li")).isEmpty();
        assertThat(status.selectFirst(".crisis h2 + p").text()).as("no sentence leads into a list that is not there")
                .isEqualTo("Algo de lo que escribiste suena muy difícil. No tienes que cargarlo sola.");
        assertThat(status.selectFirst(".crisis .danger").text()).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
    }

    @Test
    void helpShowsEvenWhileAFieldStillNeedsFixing() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("body", "Quiero morirme, no puedo más con el bebé y nadie me ayuda en casa por las noches.");
        fields.remove("consent");
        Document page = org.jsoup.Jsoup.parse(server.postForm("/ask", fields).body());
        assertThat(page.selectFirst(".crisis")).isNotNull();
        assertThat(page.selectFirst(".crisis").text()).contains("106");
    }

    @Test
    void everydayExhaustionIsNotACrisis() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("body", "Los dientes me están matando y me muero de sueño, pero el bebé está bien. ¿Cuándo duermen de corrido?");
        Document status = server.page(AskFlow.askAndFollow(server, fields));
        assertThat(status.select(".crisis")).isEmpty();
    }
}

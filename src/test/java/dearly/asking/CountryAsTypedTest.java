package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Her country chooses the crisis numbers she is shown, so the ask form and the API take it the way
 * mothers write it, not only as ICU names it: "USA", "EE. UU.", "England", "Ivory Coast".
 */
class CountryAsTypedTest {
    private static final String SELF_HARM = "Some nights I think about ending my life. I cannot cope with the baby and nobody helps me at home.";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void aMotherWhoTypesUsaIsSentAndShownTheUnitedStatesNumbers() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/ask"));
        fields.put("language", "en");
        fields.put("country", "USA");
        fields.put("title", "I do not know what to do");
        fields.put("body", SELF_HARM);
        Document status = server.page(AskFlow.askAndFollow(server, fields) + "?received");
        assertThat(status.select("main > .crisis a.phone").eachAttr("href")).startsWith("tel:911", "tel:988");
    }

    @Test
    void theApiTakesTheNamesMothersUseForTheirCountry() {
        Map<String, String> typed = Map.of("EE. UU.", "US", "eeuu", "US", "U.S.A.", "US", "UK", "GB", "England", "GB",
                "the Netherlands", "NL", "Côte d'Ivoire", "CI", "Turkey", "TR", "Czech Republic", "CZ", "Viet Nam", "VN");
        typed.forEach((country, code) -> {
            JsonNode receipt = AskFlow.ask(server, AskFlow.question().put("country", country).put("body", SELF_HARM));
            assertThat(receipt.get("crisis_resources").findValuesAsText("country")).as(country).isNotEmpty().containsOnly(code);
        });
    }

    @Test
    void everyNameTheFormListsStillFindsItsOwnCountry() {
        for (Language language : Language.values()) {
            for (Countries.Country country : Countries.all(language)) {
                assertThat(Countries.code(country.name())).as(country.name()).contains(country.code());
                assertThat(Countries.code(country.code())).as(country.code()).contains(country.code());
            }
        }
    }
}

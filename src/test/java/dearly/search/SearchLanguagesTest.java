package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words are found in any of their forms, with or without accents, with a typo, in English and in Spanish. */
class SearchLanguagesTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    private static final String BEBE = "¿Por qué mi bebé no duerme por las noches?";
    private static final String PECHO = "Me duele dar el pecho";
    private static final String COLIC = "Colic at night: how do we get through it?";
    private static final String NURSING = "Nursing hurts and I feel like giving up";

    @BeforeAll
    static void publish() {
        SearchFlow.publishAll(server, "nursing",
                new SearchFlow.Letter(Language.ES, BEBE,
                        "Camila tiene un hijo de tres meses que se despierta cada hora.",
                        "Querida mamá:\n\nLas noches largas no duran para siempre. Tu bebé aprende a dormir poco a poco.", "sueno"),
                new SearchFlow.Letter(Language.ES, PECHO,
                        "Lucía siente dolor en cada toma desde el primer día de lactancia.",
                        "El dolor no es una parte obligatoria de amamantar. Pide ayuda a una asesora de lactancia.", "lactancia"),
                new SearchFlow.Letter(Language.EN, COLIC,
                        "Her son cries for hours every evening.",
                        "Colicky babies cry the hardest in the evening. Take turns, and step outside when you need to.", "sleep"),
                new SearchFlow.Letter(Language.EN, NURSING,
                        "Breastfeeding has been painful from the first week.",
                        "Pain while nursing is common but it is not something you must endure alone.", "breastfeeding"));
    }

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "bebe|" + BEBE,
        "BEBÉ|" + BEBE,
        "noche|" + BEBE,
        "hijos|" + BEBE,
        "lactancia dolor|" + PECHO,
        "Lucia|" + PECHO,
        "dolores|" + PECHO,
        "colic at night|" + COLIC,
        "crying babies|" + COLIC,
        "nurses|" + NURSING,
        "breastfeding|" + NURSING,
        "lactansia|" + PECHO,
    })
    void wordsAreFoundInAnyFormWithOrWithoutAccents(String words, String headline) {
        assertThat(SearchFlow.headlines(server, words)).first().isEqualTo(headline);
    }

    @ParameterizedTest(name = "letters in {0}")
    @CsvSource({"es, 2", "en, 3"})
    void aLanguageFilterKeepsOnlyLettersInThatLanguage(String language, int letters) {
        // Every letter is signed by the first advisor, Lina P., in both languages.
        Document page = SearchFlow.page(server, "lina", "&language=" + language);
        assertThat(page.select("ol.results li")).hasSize(letters)
                .allSatisfy(item -> assertThat(item.attr("lang")).isEqualTo(language));
    }
}

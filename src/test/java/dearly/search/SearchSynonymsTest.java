package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A parent's own word finds a letter written with another that means the same, in English and in Spanish. */
class SearchSynonymsTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    private static final String BREASTFEEDING = "Breastfeeding through the growth spurt";
    private static final String PAREJA = "Mi pareja y yo ya no hablamos";
    private static final String NAPS = "Contact naps are not a bad habit";
    private static final String CHUPETE = "¿Quitamos el chupete antes de los dos años?";
    private static final String SIESTA = "Solo hace la siesta en brazos";

    @BeforeAll
    static void publish() {
        SearchFlow.publishAll(server, "siesta",
                new SearchFlow.Letter(Language.EN, BREASTFEEDING,
                        "A mother wonders why her daughter wants the breast every hour this week.",
                        "Growth spurts pass. Offer the breast as often as she asks, and rest when she rests.", "feeding"),
                new SearchFlow.Letter(Language.ES, PAREJA,
                        "Desde que nació el bebé solo hablamos de turnos y pañales.",
                        "Diez minutos cada noche, sin móviles, para hablar de vosotros.", "relaciones"),
                new SearchFlow.Letter(Language.EN, NAPS,
                        "Her son only naps in her arms.",
                        "A baby who naps on you is safe and loved. Try one nap a day in the cot.", "sleep"),
                new SearchFlow.Letter(Language.ES, CHUPETE,
                        "Su hija de veinte meses lo quiere a todas horas.",
                        "No hay prisa; se puede reducir poco a poco, primero de día.", "habitos"),
                new SearchFlow.Letter(Language.ES, SIESTA,
                        "Su bebé de cinco meses se despierta al dejarlo en la cuna.",
                        "Es normal a esa edad; prueba una siesta al día en la cuna, sin prisa.", "sueno"));
    }

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "nursing every hour|" + BREASTFEEDING,
        "mi marido y yo no hablamos|" + PAREJA,
        "mi esposo y yo no hablamos|" + PAREJA,
        "pacifier|" + CHUPETE,
        "chupón|" + CHUPETE,
    })
    void aWordMeaningTheSameFindsTheLetter(String words, String headline) {
        assertThat(SearchFlow.found(server, words)).first().isEqualTo(headline);
    }

    @ParameterizedTest(name = "\"{0}\" stays in its language")
    @CsvSource(delimiter = '|', value = {
        "my baby will not nap|" + NAPS,
        "no quiere dejar el chupete|" + CHUPETE,
    })
    void aSynonymInTheOtherLanguageDoesNotPullItsLettersFirst(String words, String headline) {
        assertThat(SearchFlow.found(server, words)).first().isEqualTo(headline);
    }

    /** "son" is Spanish for "are", "he" for "I have": a word of both languages says neither, and one other word does not decide. */
    @ParameterizedTest(name = "\"{0}\" is read as English")
    @CsvSource(delimiter = '|', value = {
        "son naps",
        "he naps on me",
    })
    void aLoneWordOfTheOtherLanguageDoesNotTurnHerQueryIntoIt(String words) {
        assertThat(SearchFlow.found(server, words)).first().isEqualTo(NAPS);
        assertThat(SearchFlow.found(server, words)).doesNotContain(SIESTA);
    }
}

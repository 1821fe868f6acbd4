package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.asking.CrisisSign.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each layer of {@link CrisisSigns} adds, on sentences written for these tests (none from the
 * evaluation set): the stems layer reads any form and order and hears a negation, the meaning layer
 * catches what no rule names, and every sign tells the editor its sentence and layer.
 */
class CrisisLayersTest {
    private static final CrisisSigns SIGNS = CrisisSigns.load();

    private static List<CrisisKind> kindsBy(Layer layer, String text) {
        return SIGNS.check(text).stream().filter(sign -> sign.layer() == layer).map(CrisisSign::kind).toList();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            SUICIDE_OR_SELF_HARM | Dead is what I wish I was, most nights
            SUICIDE_OR_SELF_HARM | the pills, I have been stockpiling them for weeks
            SUICIDE_OR_SELF_HARM | Preferiría estar muerta que seguir así
            SUICIDE_OR_SELF_HARM | preferiria estar muerta que seguir asi
            HARMING_THE_BABY     | the urge to smother my son comes every night
            VIOLENCE_AT_HOME     | Last week my boyfriend shoved me into the door
            VIOLENCE_AT_HOME     | ya no me deja ver a mi familia ni salir sola
            SEVERE_DEPRESSION    | Connected to my daughter, that is something I never feel
            """)
    void theStemsLayerReadsAnyFormAndOrderWithOrWithoutAccents(CrisisKind kind, String text) {
        assertThat(kindsBy(Layer.STEMS, text)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I don't want to die, I want to sleep",
        "My husband has never hit me",
        "no quiero morir, solo dormir una noche entera",
    })
    void theStemsLayerHearsANegation(String text) {
        assertThat(kindsBy(Layer.STEMS, text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm dying to sleep more than four hours",
        "This teething is killing me",
        "Me muero de sueño",
        "me muero de risa con sus caras",
        "I could sleep forever right now",
        "My baby hits me in the face when she's tired",
        "mi bebe se me pega todo el dia",
    })
    void anIdiomRaisesNoSignInAnyLayer(String text) {
        assertThat(SIGNS.check(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sometimes I think I should just leave this world",
        "I keep picturing the funeral and who would come",
    })
    void theMeaningLayerCatchesAWishToBeGoneThatNoRuleNames(String text) {
        assertThat(kindsBy(Layer.PHRASE, text)).isEmpty();
        assertThat(kindsBy(Layer.STEMS, text)).isEmpty();
        assertThat(kindsBy(Layer.MEANING, text)).contains(CrisisKind.SUICIDE_OR_SELF_HARM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "My cousin attempted suicide last year and I'm scared for her",
        "My sister's husband hits her, how can I help?",
        "I used to self-harm as a teenager, I've been fine for ten years",
        "Mi prima intentó suicidarse el año pasado y tengo miedo por ella",
        "De adolescente me cortaba. Ahora estoy bien y feliz con mi bebé.",
    })
    void aCrisisToldFromADistanceRaisesNoSign(String text) {
        assertThat(SIGNS.check(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            SUICIDE_OR_SELF_HARM | I used to cut myself as a teenager and I've started again
            SUICIDE_OR_SELF_HARM | My sister says I talk about wanting to die too much
            VIOLENCE_AT_HOME     | My friend noticed the bruises, my husband hits me when he drinks
            SUICIDE_OR_SELF_HARM | De adolescente me cortaba y volví a hacerlo
            """)
    void herOwnCrisisBesideSomeoneElsesOrAnOldOneStillShows(CrisisKind kind, String text) {
        assertThat(SIGNS.in(text)).contains(kind);
    }

    @Test
    void aSpanishSentenceIsComparedByMeaningThroughItsEnglishGloss() {
        Gloss gloss = Gloss.load();
        assertThat(gloss.forTheModel("ya no quiero despertar")).isEqualTo("already not want wake up");
        // A turn of phrase is glossed whole: word by word, "no me deja" would read "not me lets".
        assertThat(gloss.forTheModel("mi marido no me deja salir de casa")).isEqualTo("my husband won't let me go out of home");
        assertThat(gloss.forTheModel("I don't want to wake up")).isEqualTo("I don't want to wake up");
    }

    @Test
    void eachSignTellsTheSentenceThatRaisedItAndItsLayer() {
        List<CrisisSign> signs = SIGNS.check("We moved to a new flat last month. Some nights I wish I was dead.\nThe baby is fine.");

        assertThat(signs).isNotEmpty().allSatisfy(sign -> {
            assertThat(sign.kind()).isEqualTo(CrisisKind.SUICIDE_OR_SELF_HARM);
            assertThat(sign.sentence()).isEqualTo("Some nights I wish I was dead.");
        });
        assertThat(signs).extracting(CrisisSign::layer).contains(Layer.PHRASE, Layer.STEMS);
        assertThat(SIGNS.in("Some nights I wish I was dead.")).containsExactly(CrisisKind.SUICIDE_OR_SELF_HARM);
    }
}

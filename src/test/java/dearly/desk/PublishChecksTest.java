package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dearly.asking.Sex;
import dearly.desk.AskerFacts.ChildFacts;
import dearly.desk.Finding.Check;
import dearly.desk.Finding.Field;
import dearly.language.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each check before publishing, in English and Spanish, on the words an editor would see flagged. */
class PublishChecksTest {
    static final PublishChecks CHECKS = FirstLetterChecksTest.CHECKS;

    /** Ana Restrepo of Bogotá, mama to Matías (5 months, a boy), answered by Lina P. */
    static final AskerFacts ANA = new AskerFacts("Ana", "Restrepo", "Luisa", "ana.restrepo@example.com", "CO", "Bogotá",
            List.of(new ChildFacts("Matías", 5, 152, Sex.BOY)), "", "Lina P.");

    /** Emily Walsh of Boston, mama to June (3 weeks, a girl) and Theo (2 years, a boy). */
    static final AskerFacts EMILY = new AskerFacts("Emily", "Walsh", null, "emily.w@example.org", "US", "Boston",
            List.of(new ChildFacts("June", 0, 21, Sex.GIRL), new ChildFacts("Theo", 26, 800, Sex.BOY)), "", "Lina P.");

    /** A letter whose body is the words under test, every other field sound. */
    static PublicText letter(Language language, String body) {
        return new PublicText(language, language == Language.EN ? "When the nights are long" : "Cuando las noches son largas",
                "", language == Language.EN ? "Mama," : "Querida mamá:", body, language == Language.EN ? "Love," : "Con cariño,", null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // her surname, whatever its case or accents
                Arguments.of(Language.ES, ANA, "La familia Restrepo te acompaña.", Check.SURNAME, "Restrepo"),
                Arguments.of(Language.EN, EMILY, "the walsh family sends love", Check.SURNAME, "walsh"),
                // her e-mail, and other addresses
                Arguments.of(Language.ES, ANA, "Escríbeme a ana.restrepo@example.com cuando quieras.", Check.EMAIL, "ana.restrepo@example.com"),
                Arguments.of(Language.EN, EMILY, "Write to EMILY.W@example.org if you like.", Check.EMAIL, "EMILY.W@example.org"),
                Arguments.of(Language.EN, EMILY, "Our editors read letters@dearly.example too.", Check.OTHER_EMAIL, "letters@dearly.example"),
                // phone numbers as her country writes them
                Arguments.of(Language.ES, ANA, "Llámame al 310 555 1234 esta noche.", Check.PHONE, "310 555 1234"),
                Arguments.of(Language.EN, EMILY, "Call me at (617) 555-0134 tonight.", Check.PHONE, "(617) 555-0134"),
                Arguments.of(Language.EN, EMILY, "or on +57 310 555 1234 while I travel.", Check.PHONE, "+57 310 555 1234"),
                // street addresses
                Arguments.of(Language.ES, ANA, "Nos vemos en la Calle 45 # 12-30, en el parque.", Check.STREET_ADDRESS, "Calle 45 # 12-30"),
                Arguments.of(Language.EN, EMILY, "I walked past 221 Beacon Street every day.", Check.STREET_ADDRESS, "221 Beacon Street"),
                // a child's age that her profile contradicts
                Arguments.of(Language.EN, EMILY, "Your 3-month-old does not need a schedule yet.", Check.CHILD_AGE, "Your 3-month-old"),
                Arguments.of(Language.ES, ANA, "Tu bebé de 9 meses ya gatea.", Check.CHILD_AGE, "Tu bebé de 9 meses"),
                Arguments.of(Language.EN, ANA, "Your nine-month-old is learning.", Check.CHILD_AGE, "Your nine-month-old"),
                // a child's sex that her profile contradicts
                Arguments.of(Language.ES, ANA, "Tu hija te necesita descansada.", Check.CHILD_SEX, "Tu hija"),
                Arguments.of(Language.EN, ANA, "Your daughter needs you rested.", Check.CHILD_SEX, "Your daughter"),
                // a person's name that is none of the allowed
                Arguments.of(Language.ES, ANA, "Tu esposo Julián también está cansado.", Check.NAME, "Julián"),
                Arguments.of(Language.EN, EMILY, "Your husband Derek is tired too.", Check.NAME, "Derek"));
    }

    @ParameterizedTest(name = "{0}: {3} in \"{2}\"")
    @MethodSource("cases")
    void eachCheckFlagsTheWordsInBothLanguages(Language language, AskerFacts facts, String body, Check check, String words) {
        List<Finding> findings = CHECKS.check(letter(language, body), facts);

        assertThat(findings).extracting(Finding::check, Finding::field, Finding::words).contains(tuple(check, Field.BODY, words));
        assertThat(findings).filteredOn(finding -> finding.check() == check).allSatisfy(finding -> {
            assertThat(finding.message(Language.EN)).startsWith("Letter: ").contains(words);
            assertThat(finding.message(Language.ES)).startsWith("Carta: ").contains(words);
        });
    }

    static Stream<Arguments> soundLetters() {
        return Stream.of(
                Arguments.of(Language.ES, ANA, "Matías tiene 5 meses y tu hijo de 5 meses te necesita descansada. Luisa, Ana: respira."),
                Arguments.of(Language.ES, ANA, "Tu bebé de 6 meses, el mes que viene, dormirá mejor. Llama a la Línea 106 si lo necesitas."),
                Arguments.of(Language.EN, EMILY, "Your 3-week-old and your 2-year-old both need you; your son Theo and your daughter June."),
                Arguments.of(Language.EN, EMILY, "When my twins were 3 months old I cried every night. It took 15 seconds to breathe."),
                Arguments.of(Language.EN, EMILY, "In Boston, in December, Emily, the nights are long. I walked 2 blocks down the street."));
    }

    @ParameterizedTest(name = "{0}: \"{2}\"")
    @MethodSource("soundLetters")
    void aSoundLetterPassesEveryCheck(Language language, AskerFacts facts, String body) {
        assertThat(CHECKS.check(letter(language, body), facts)).isEmpty();
    }

    @Test
    void aLetterWithoutSalutationOrSignOffIsHeldBack() {
        PublicText bare = new PublicText(Language.ES, "Titular", "", " ", "Respira.", "", null);

        List<Finding> findings = CHECKS.check(bare, ANA);

        assertThat(findings).extracting(Finding::check, Finding::field)
                .containsExactly(tuple(Check.MISSING_SALUTATION, Field.SALUTATION), tuple(Check.MISSING_SIGN_OFF, Field.SIGN_OFF));
        assertThat(findings.get(0).message(Language.ES)).isEqualTo("Saludo: la carta no tiene saludo, como «Querida mamá:».");
        assertThat(findings.get(1).message(Language.EN)).isEqualTo("Sign-off: the letter has no sign-off, such as “Love,”.");
    }

    @Test
    void privateDetailsStillMarkedInThePublishedQuestionAreHeldBack() {
        PublicText withQuestion = new PublicText(Language.EN, "Headline", "", "Mama,", "Breathe.", "Love,",
                "We live at 12 Abbey Way, call me on 617-555-0134 or see www.example.com/me");

        List<Finding> findings = CHECKS.check(withQuestion, EMILY);

        assertThat(findings).filteredOn(finding -> finding.check() == Check.MARKED_IN_QUESTION)
                .extracting(Finding::words, Finding::detail)
                .containsExactly(tuple("12 Abbey Way", "STREET_ADDRESS"), tuple("617-555-0134", "PHONE"), tuple("www.example.com/me", "URL"));
        assertThat(findings).filteredOn(finding -> finding.check() == Check.MARKED_IN_QUESTION).first()
                .satisfies(finding -> assertThat(finding.message(Language.ES)).isEqualTo(
                        "Pregunta publicada: «12 Abbey Way» sigue marcado como dirección."));
    }

    @Test
    void herOwnAddressIsNeverOverriddenOtherFindingsAre() {
        List<Finding> findings = CHECKS.check(letter(Language.EN, "Write to emily.w@example.org, Derek says hi."), EMILY);

        assertThat(findings).filteredOn(finding -> finding.check() == Check.EMAIL).allMatch(finding -> !finding.overridable());
        assertThat(findings).filteredOn(finding -> finding.check() == Check.NAME).allMatch(Finding::overridable);
        assertThat(findings).allMatch(Finding::blocks);
    }

    @Test
    void headlineAndStandfirstAreCheckedToo() {
        PublicText text = new PublicText(Language.ES, "¿Por qué Restrepo no duerme?", "Camila y su esposo Julián no duermen.",
                "Querida mamá:", "Respira.", "Con cariño,", null);

        assertThat(CHECKS.check(text, ANA)).extracting(Finding::check, Finding::field, Finding::words)
                .containsExactly(tuple(Check.SURNAME, Field.HEADLINE, "Restrepo"), tuple(Check.NAME, Field.STANDFIRST, "Camila"),
                        tuple(Check.NAME, Field.STANDFIRST, "Julián"));
    }

    @Test
    void theNameCheckFindsTheNamesOfItsOwnTableInBothLanguages() {
        List<NamesBench.Case> cases = NamesBench.read(Path.of("src/test/resources/dearly/desk/names-tuning.jsonl"));
        for (Language language : Language.values()) {
            NamesBench.Score score = NamesBench.score(CHECKS, cases.stream().filter(c -> c.language() == language).toList(), false);
            // The figures the README gives for the tuning table, as a floor.
            assertThat(score.recall()).as("recall in " + language).isGreaterThanOrEqualTo(0.95);
            assertThat(score.precision()).as("precision in " + language).isGreaterThanOrEqualTo(0.95);
        }
    }
}

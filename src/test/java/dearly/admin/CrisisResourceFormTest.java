package dearly.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dearly.crisis.CrisisResource;
import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of the crisis-resource form: a table of what an admin may type, and what she is told. */
class CrisisResourceFormTest {
    private static final String HOSTILE = "<script>alert(1)</script> '; DROP TABLE crisis_resource; -- \u202Eمرحبا\u202C 👶🏽 {{7*7}}";

    static CrisisResourceForm peru() {
        return new CrisisResourceForm("PE", "Línea 113 (Salud mental)", "113", "https://www.gob.pe/minsa", "crisis", List.of("es"),
                "https://www.gob.pe/minsa");
    }

    /** Peru's form as the admin's browser posts it, with one field changed; null is a field the browser did not send. */
    static CrisisResourceForm with(String field, String value) {
        CrisisResourceForm form = peru();
        Map<String, String> fields = new HashMap<>(Map.of("country", form.country(), "name", form.name(), "phone", form.phone(),
                "url", form.url(), "kind", form.kind(), "source", form.source()));
        List<String> languages = form.languages();
        if (field.equals("languages")) languages = value == null ? null : value.isEmpty() ? List.of() : List.of(value.split(",", -1));
        else if (fields.containsKey(field)) fields.put(field, value);
        else throw new IllegalArgumentException(field);
        return CrisisResourceForm.fromFields(fields::get, languages);
    }

    /** field, what was typed, the problem's key (null: accepted). */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("country", "", "admin.crisis.problem.country.missing"),
                Arguments.of("country", "   ", "admin.crisis.problem.country.missing"),
                Arguments.of("country", null, "admin.crisis.problem.country.missing"),
                Arguments.of("country", "pe", null),
                Arguments.of("country", " PE ", null),
                Arguments.of("country", "XX", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "PER", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "Peru", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "P", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "'; DROP TABLE crisis_resource; --", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "<b>PE</b>", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "P\u0000", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "🇵🇪", "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "PE".repeat(10_000), "admin.crisis.problem.country.unknown"),
                Arguments.of("country", "zz", null),

                Arguments.of("name", "", "admin.crisis.problem.name.missing"),
                Arguments.of("name", " \t ", "admin.crisis.problem.name.missing"),
                Arguments.of("name", "x".repeat(200), null),
                Arguments.of("name", "👶".repeat(200), null),
                Arguments.of("name", "x".repeat(201), "admin.crisis.problem.name.long"),
                Arguments.of("name", "x".repeat(1_000_000), "admin.crisis.problem.name.long"),
                Arguments.of("name", "Línea\n113", "admin.crisis.problem.name.invisible"),
                Arguments.of("name", "Línea\u0007113", "admin.crisis.problem.name.invisible"),
                Arguments.of("name", "Línea\u0000113", "admin.crisis.problem.name.invisible"),
                Arguments.of("name", HOSTILE, null),

                Arguments.of("phone", "", "admin.crisis.problem.phone.missing"),
                Arguments.of("phone", "   ", "admin.crisis.problem.phone.missing"),
                Arguments.of("phone", "+51 (1) 284-6690", null),
                Arguments.of("phone", "116 123", null),
                Arguments.of("phone", "0800.123/456", null),
                Arguments.of("phone", "1-800-PPD-MOMS", null),
                Arguments.of("phone", "*4141", null),
                Arguments.of("phone", "*120*7867#", null),
                Arguments.of("phone", "1".repeat(40), null),
                Arguments.of("phone", "1".repeat(41), "admin.crisis.problem.phone.long"),
                Arguments.of("phone", "1".repeat(100_000), "admin.crisis.problem.phone.long"),
                Arguments.of("phone", "call us", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "113; DROP TABLE crisis_resource", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "<b>113</b>", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "113\n114", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "\u202E113", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "١١٣", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "113 ☎️", "admin.crisis.problem.phone.malformed"),
                Arguments.of("phone", "javascript:alert(1)", "admin.crisis.problem.phone.malformed"),

                Arguments.of("url", "", null),
                Arguments.of("url", "   ", null),
                Arguments.of("url", "http://www.minsa.gob.pe/", null),
                Arguments.of("url", "HTTPS://WWW.GOB.PE/MINSA", null),
                Arguments.of("url", "https://www.gob.pe/" + "a".repeat(481), null),
                Arguments.of("url", "https://www.gob.pe/" + "a".repeat(482), "admin.crisis.problem.url.long"),
                Arguments.of("url", "www.gob.pe", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "javascript:alert(1)", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "JavaScript://%0Aalert(1)", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "data:text/html,<script>alert(1)</script>", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "ftp://www.gob.pe", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "https://", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "https://www.gob.pe@evil.example", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "https://www.gob .pe", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "https://www.gob.pe/\"><script>alert(1)</script>", "admin.crisis.problem.url.malformed"),
                Arguments.of("url", "https://www.gob.pe/\u0000", "admin.crisis.problem.url.malformed"),

                Arguments.of("kind", "emergency", null),
                Arguments.of("kind", "crisis", null),
                Arguments.of("kind", "perinatal", null),
                Arguments.of("kind", "violence", null),
                Arguments.of("kind", "directory", null),
                Arguments.of("kind", " violence ", null),
                Arguments.of("kind", "", "admin.crisis.problem.kind"),
                Arguments.of("kind", "helpline", "admin.crisis.problem.kind"),
                Arguments.of("kind", "VIOLENCE_AT_HOME", "admin.crisis.problem.kind"),
                Arguments.of("kind", "violence".repeat(100_000), "admin.crisis.problem.kind"),
                Arguments.of("kind", "other", "admin.crisis.problem.kind"),
                Arguments.of("kind", "helpline' OR '1'='1", "admin.crisis.problem.kind"),

                Arguments.of("languages", "en,es", null),
                Arguments.of("languages", "", null),
                Arguments.of("languages", null, null),
                Arguments.of("languages", "fr", "admin.crisis.problem.languages"),
                Arguments.of("languages", "es,<script>", "admin.crisis.problem.languages"),

                Arguments.of("source", "https://www.gob.pe/minsa", null),
                Arguments.of("source", "http://www.minsa.gob.pe/", null),
                Arguments.of("source", "", "admin.crisis.problem.source.missing"),
                Arguments.of("source", " \t ", "admin.crisis.problem.source.missing"),
                Arguments.of("source", null, "admin.crisis.problem.source.missing"),
                Arguments.of("source", "https://www.gob.pe/" + "a".repeat(481), null),
                Arguments.of("source", "https://www.gob.pe/" + "a".repeat(482), "admin.crisis.problem.source.long"),
                Arguments.of("source", "x".repeat(1_000_000), "admin.crisis.problem.source.long"),
                Arguments.of("source", "my cousin told me", "admin.crisis.problem.source.malformed"),
                Arguments.of("source", "javascript:alert(1)", "admin.crisis.problem.source.malformed"),
                Arguments.of("source", "https://www.gob.pe@evil.example", "admin.crisis.problem.source.malformed"),
                Arguments.of("source", HOSTILE, "admin.crisis.problem.source.malformed"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("rules")
    void eachFieldIsCheckedAndOnlyItsOwnProblemIsNamed(String field, String typed, String problem) {
        Map<String, String> problems = with(field, typed).problems();
        if (problem == null) assertThat(problems).isEmpty();
        else assertThat(problems).containsExactly(Map.entry(field, problem));
    }

    @Test
    void anEmptyFormNamesEveryRequiredField() {
        assertThat(CrisisResourceForm.empty().problems()).containsOnlyKeys("country", "name", "phone", "kind", "source");
    }

    @Test
    void onlyADirectoryOfHelplinesMayGiveItsWebPageWithoutANumber() {
        CrisisResourceForm directory = new CrisisResourceForm("ZZ", "Find A Helpline", " ", "https://findahelpline.com/", "directory",
                List.of("en"), "https://findahelpline.com/");
        assertThat(directory.problems()).isEmpty();
        assertThat(directory.resource()).isEqualTo(new CrisisResource("ZZ", "Find A Helpline", null, "https://findahelpline.com/",
                Kind.DIRECTORY, List.of(Language.EN), "https://findahelpline.com/"));
        for (String kind : List.of("emergency", "crisis", "perinatal", "violence")) {
            CrisisResourceForm line = new CrisisResourceForm("PE", "Línea", "", "https://www.gob.pe/", kind, List.of(), "https://www.gob.pe/");
            assertThat(line.problems()).as(kind).containsExactly(Map.entry("phone", "admin.crisis.problem.phone.missing"));
        }
        CrisisResourceForm nothing = new CrisisResourceForm("ZZ", "Find A Helpline", "", "", "directory", List.of(), "https://findahelpline.com/");
        assertThat(nothing.problems()).containsExactly(Map.entry("phone", "admin.crisis.problem.phone.missing"));
    }

    @Test
    void theStoredResourceIsWhatWasTypedWithOnlyItsEndsTrimmed() {
        CrisisResourceForm typed = new CrisisResourceForm(" pe ", "  " + HOSTILE + " ", " 1-800-PPD-MOMS ", " ", "emergency",
                List.of("es", "en", "es"), " https://www.gob.pe/ ");
        assertThat(typed.resource()).isEqualTo(new CrisisResource("PE", HOSTILE, "1-800-PPD-MOMS", null, Kind.EMERGENCY,
                List.of(Language.EN, Language.ES), "https://www.gob.pe/"));
        assertThat(peru().resource().url()).isEqualTo("https://www.gob.pe/minsa");
    }

    @Test
    void aFormWithProblemsIsNeverStored() {
        assertThatThrownBy(() -> CrisisResourceForm.empty().resource()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStoredResourceComesBackAsItsForm() {
        CrisisResource resource = peru().resource();
        assertThat(CrisisResourceForm.of(resource).resource()).isEqualTo(resource);
        assertThat(CrisisResourceForm.of(resource).answersIn("es")).isTrue();
        assertThat(CrisisResourceForm.of(resource).answersIn("en")).isFalse();
    }

    static Stream<Arguments> fallbacks() {
        return Stream.of(
                Arguments.of("Si estás en peligro ahora, llama al 105.", null),
                Arguments.of("Si estás en peligro:\r\nllama al 105.\tO al 116.", null),
                Arguments.of(HOSTILE, null),
                Arguments.of("x".repeat(1_000), null),
                Arguments.of("", "admin.crisis.problem.fallback.missing"),
                Arguments.of(" \n ", "admin.crisis.problem.fallback.missing"),
                Arguments.of(null, "admin.crisis.problem.fallback.missing"),
                Arguments.of("x".repeat(1_001), "admin.crisis.problem.fallback.long"),
                Arguments.of("Llama al 105\u0000", "admin.crisis.problem.fallback.invisible"),
                Arguments.of("Llama\u0007 al 105", "admin.crisis.problem.fallback.invisible"));
    }

    @ParameterizedTest
    @MethodSource("fallbacks")
    void theTextForImmediateDangerIsNeverEmpty(String typed, String problem) {
        assertThat(new FallbackForm(Language.ES, typed).problem()).isEqualTo(Optional.ofNullable(problem));
    }

    @Test
    void theTextForImmediateDangerKeepsItsLinesWithBrowsersLineEndsMadePlain() {
        assertThat(new FallbackForm(Language.ES, " Si estás en peligro:\r\nllama al 105. ").text())
                .isEqualTo("Si estás en peligro:\nllama al 105.");
    }
}

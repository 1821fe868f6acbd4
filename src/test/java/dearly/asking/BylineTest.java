package dearly.asking;

import static dearly.asking.Multiple.TRIPLETS;
import static dearly.asking.Multiple.TWINS;
import static dearly.asking.Sex.BOY;
import static dearly.asking.Sex.GIRL;
import static dearly.language.Language.EN;
import static dearly.language.Language.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dearly.language.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BylineTest {

    static final LocalDate ASKED = LocalDate.of(2025, 6, 20);
    static final Child ANDRES = months("Andrés", BOY, 5);

    @Test
    void bylineOfTheFirstLetterMatchesThePublishedPage() {
        // line 3 of seed/first-letter.txt, character for character
        assertThat(Byline.of(paula(List.of(ANDRES)), ASKED, EN))
                .isEqualTo("Question from Paula G., 35, Medellín, Colombia. Mama to 5-month-old baby boy Andrés.");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void bylineIntroducesTheAskerWithOnlyWhatSheGave(Language language, AskerProfile asker, String expected) {
        assertThat(Byline.of(asker, ASKED, language)).isEqualTo(expected);
    }

    static Stream<Arguments> bylineIntroducesTheAskerWithOnlyWhatSheGave() {
        List<Child> andres = List.of(ANDRES);
        return Stream.of(
                arguments(ES, paula(andres), "Pregunta de Paula G., 35 años, Medellín, Colombia. Mamá de Andrés, un bebé de 5 meses."),
                arguments(EN, asker("Paula", null, 35, "Medellín", "CO", andres), "Question from Paula, 35, Medellín, Colombia. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "G", null, "Medellín", "CO", andres), "Question from Paula G., Medellín, Colombia. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "G", 35, null, "CO", andres), "Question from Paula G., 35, Colombia. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "G", 35, "Medellín", null, andres), "Question from Paula G., 35, Medellín. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "G", null, null, null, andres), "Question from Paula G. Mama to 5-month-old baby boy Andrés."),
                arguments(ES, asker("Paula", "G", null, "  ", null, andres), "Pregunta de Paula G. Mamá de Andrés, un bebé de 5 meses."),
                arguments(EN, asker("Jenny", "K", 29, "Austin", "US", andres), "Question from Jenny K., 29, Austin, United States. Mama to 5-month-old baby boy Andrés."),
                arguments(ES, asker("Jenny", "K", 29, "Austin", "US", andres), "Pregunta de Jenny K., 29 años, Austin, Estados Unidos. Mamá de Andrés, un bebé de 5 meses."),
                arguments(EN, asker("  Paula  ", " g ", 35, "  Medellín. ", " co ", andres), "Question from Paula G., 35, Medellín, Colombia. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "García", 35, "Medellín,", "CO", andres), "Question from Paula G., 35, Medellín, Colombia. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Ann", "B", 31, "Washington, D.C.", null, andres), "Question from Ann B., 31, Washington, D.C. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Ann", "B", 31, "Washington, D.C.", "US", andres), "Question from Ann B., 31, Washington, D.C., United States. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Mei", "L", 33, "Singapore", "SG", andres), "Question from Mei L., 33, Singapore. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "G", 0, "Medellín", "XX", andres), "Question from Paula G., Medellín. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, asker("Paula", "G", 350, "Medellín", "Colombia", andres), "Question from Paula G., Medellín. Mama to 5-month-old baby boy Andrés."),
                arguments(EN, paula(List.of()), "Question from Paula G., 35, Medellín, Colombia."),
                arguments(ES, paula(List.of()), "Pregunta de Paula G., 35 años, Medellín, Colombia."));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource
    void bylineNamesTheParentRole(Language language, Role role, String expected) {
        AskerProfile asker = new AskerProfile("Alex", "R", null, null, null, role, List.of(ANDRES));
        assertThat(Byline.of(asker, ASKED, language)).isEqualTo(expected);
    }

    static Stream<Arguments> bylineNamesTheParentRole() {
        return Stream.of(
                arguments(EN, Role.PAPA, "Question from Alex R. Papa to 5-month-old baby boy Andrés."),
                arguments(ES, Role.PAPA, "Pregunta de Alex R. Papá de Andrés, un bebé de 5 meses."),
                arguments(EN, Role.PARENT, "Question from Alex R. Parent to 5-month-old baby boy Andrés."),
                arguments(ES, Role.PARENT, "Pregunta de Alex R. Madre o padre de Andrés, un bebé de 5 meses."),
                arguments(ES, Role.MAMA, "Pregunta de Alex R. Mamá de Andrés, un bebé de 5 meses."));
    }

    @ParameterizedTest(name = "{0} born {1}, asked {2}: {3}")
    @MethodSource
    void bylineGivesChildAgeAtTimeOfAsking(Language language, LocalDate born, LocalDate askedOn, String expected) {
        assertChildren(language, List.of(new Child("Lucía", born, null, GIRL, null)), askedOn, expected);
    }

    static Stream<Arguments> bylineGivesChildAgeAtTimeOfAsking() {
        return Stream.of(
                arguments(EN, LocalDate.of(2025, 1, 10), ASKED, "5-month-old baby girl Lucía"),
                arguments(EN, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 12, 1), "10-month-old baby girl Lucía"),
                arguments(EN, ASKED, ASKED, "newborn baby girl Lucía"),
                arguments(ES, ASKED, ASKED, "Lucía, una bebé recién nacida"),
                arguments(EN, ASKED.plusDays(3), ASKED, "newborn baby girl Lucía"), // born after asking: bad data
                arguments(EN, ASKED.minusDays(1), ASKED, "1-day-old baby girl Lucía"),
                arguments(ES, ASKED.minusDays(1), ASKED, "Lucía, una bebé de 1 día"),
                arguments(EN, ASKED.minusDays(13), ASKED, "13-day-old baby girl Lucía"),
                arguments(ES, ASKED.minusDays(13), ASKED, "Lucía, una bebé de 13 días"),
                arguments(EN, ASKED.minusDays(14), ASKED, "2-week-old baby girl Lucía"),
                arguments(ES, ASKED.minusDays(21), ASKED, "Lucía, una bebé de 3 semanas"),
                arguments(EN, ASKED.minusDays(55), ASKED, "7-week-old baby girl Lucía"),
                arguments(EN, ASKED.minusDays(56), ASKED, "1-month-old baby girl Lucía"),
                arguments(ES, ASKED.minusDays(56), ASKED, "Lucía, una bebé de 1 mes"),
                arguments(ES, ASKED.minusMonths(2), ASKED, "Lucía, una bebé de 2 meses"),
                arguments(EN, ASKED.minusMonths(12).plusDays(1), ASKED, "11-month-old baby girl Lucía"),
                arguments(ES, ASKED.minusMonths(12).plusDays(1), ASKED, "Lucía, una bebé de 11 meses"),
                arguments(EN, ASKED.minusMonths(12), ASKED, "12-month-old daughter Lucía"),
                arguments(ES, ASKED.minusMonths(12), ASKED, "Lucía, de 12 meses"),
                arguments(EN, ASKED.minusMonths(24).plusDays(1), ASKED, "23-month-old daughter Lucía"),
                arguments(EN, ASKED.minusMonths(24), ASKED, "2-year-old daughter Lucía"),
                arguments(ES, ASKED.minusMonths(24), ASKED, "Lucía, de 2 años"),
                arguments(EN, ASKED.minusMonths(48).minusDays(1), ASKED, "4-year-old daughter Lucía"));
    }

    @ParameterizedTest(name = "{0} {1} months: {2}")
    @MethodSource
    void bylineTakesTheAgeInMonthsWhenThereIsNoBirthDate(Language language, int ageMonths, String expected) {
        assertChildren(language, List.of(months("Mateo", BOY, ageMonths)), ASKED, expected);
    }

    static Stream<Arguments> bylineTakesTheAgeInMonthsWhenThereIsNoBirthDate() {
        return Stream.of(
                arguments(EN, 0, "newborn baby boy Mateo"),
                arguments(ES, 0, "Mateo, un bebé recién nacido"),
                arguments(ES, 1, "Mateo, un bebé de 1 mes"),
                arguments(EN, 11, "11-month-old baby boy Mateo"),
                arguments(EN, 12, "12-month-old son Mateo"),
                arguments(EN, 18, "18-month-old son Mateo"),
                arguments(EN, 23, "23-month-old son Mateo"),
                arguments(EN, 24, "2-year-old son Mateo"),
                arguments(ES, 30, "Mateo, de 2 años"));
    }

    @ParameterizedTest(name = "{0} {1}/{2}/{3} months: {4}")
    @MethodSource
    void bylineDescribesEachChildBySexAndAge(Language language, String name, Sex sex, int ageMonths, String expected) {
        assertChildren(language, List.of(months(name, sex, ageMonths)), ASKED, expected);
    }

    static Stream<Arguments> bylineDescribesEachChildBySexAndAge() {
        return Stream.of(
                arguments(EN, "Lucía", GIRL, 5, "5-month-old baby girl Lucía"),
                arguments(ES, "Lucía", GIRL, 5, "Lucía, una bebé de 5 meses"),
                arguments(EN, "Alex", null, 5, "5-month-old baby Alex"),
                arguments(ES, "Alex", null, 5, "Alex, un bebé de 5 meses"),
                arguments(EN, null, BOY, 5, "a 5-month-old baby boy"),
                arguments(ES, null, BOY, 5, "un bebé de 5 meses"),
                arguments(EN, null, GIRL, 5, "a 5-month-old baby girl"),
                arguments(ES, null, GIRL, 5, "una bebé de 5 meses"),
                arguments(EN, null, null, 5, "a 5-month-old baby"),
                arguments(EN, null, null, 0, "a newborn baby"),
                arguments(EN, null, GIRL, 8, "an 8-month-old baby girl"),
                arguments(EN, null, BOY, 11, "an 11-month-old baby boy"),
                arguments(EN, null, BOY, 18, "an 18-month-old son"),
                arguments(ES, null, BOY, 18, "un niño de 18 meses"),
                arguments(EN, "Sara", GIRL, 36, "3-year-old daughter Sara"),
                arguments(ES, "Sara", GIRL, 36, "Sara, de 3 años"),
                arguments(EN, "Alex", null, 36, "3-year-old Alex"),
                arguments(EN, null, GIRL, 36, "a 3-year-old daughter"),
                arguments(ES, null, GIRL, 36, "una niña de 3 años"),
                arguments(EN, null, null, 36, "a 3-year-old"),
                arguments(ES, null, null, 36, "un niño de 3 años"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void bylineNamesTwinsAndTripletsTogether(Language language, List<Child> children, String expected) {
        assertChildren(language, children, ASKED, expected);
    }

    static Stream<Arguments> bylineNamesTwinsAndTripletsTogether() {
        LocalDate born = LocalDate.of(2025, 1, 10);
        List<Child> boys = List.of(twin("Andrés", BOY, born, TWINS), twin("Mateo", BOY, born, TWINS));
        List<Child> girls = List.of(twin("Ana", GIRL, born, TWINS), twin("Eva", GIRL, born, TWINS));
        List<Child> mixed = List.of(twin("Ana", GIRL, born, TWINS), twin("Mateo", BOY, born, TWINS));
        List<Child> unnamedGirls = List.of(twin(null, GIRL, born, TWINS), twin(null, GIRL, born, TWINS));
        List<Child> unnamedMixed = List.of(twin(null, GIRL, born, TWINS), twin(null, BOY, born, TWINS));
        List<Child> triplets = Stream.of("Ana", "Eva", "Sofía").map(n -> twin(n, GIRL, ASKED.minusYears(2), TRIPLETS)).toList();
        List<Child> unknownTriplets = Stream.of(1, 2, 3).map(i -> new Child(null, null, 5, null, TRIPLETS)).toList();
        return Stream.of(
                arguments(EN, boys, "5-month-old twin boys Andrés and Mateo"),
                arguments(ES, boys, "los gemelos Andrés y Mateo, de 5 meses"),
                arguments(EN, girls, "5-month-old twin girls Ana and Eva"),
                arguments(ES, girls, "las gemelas Ana y Eva, de 5 meses"),
                arguments(EN, mixed, "5-month-old twins Ana and Mateo"),
                arguments(ES, mixed, "los mellizos Ana y Mateo, de 5 meses"),
                arguments(EN, unnamedGirls, "5-month-old twin girls"),
                arguments(ES, unnamedGirls, "gemelas de 5 meses"),
                arguments(ES, unnamedMixed, "mellizos de 5 meses"),
                arguments(ES, List.of(twin(null, GIRL, ASKED, TWINS), twin(null, GIRL, ASKED, TWINS)), "gemelas recién nacidas"),
                arguments(EN, List.of(twin("Andrés", BOY, born, TWINS), twin(null, BOY, born, TWINS)), "5-month-old twin boys"),
                arguments(EN, List.of(twin("Ana", GIRL, born, TWINS), twin("Eva", GIRL, born.plusDays(1), TWINS)), "5-month-old twin girls Ana and Eva"),
                arguments(EN, List.of(twin("Andrés", BOY, born, TWINS)), "5-month-old baby boy Andrés"),
                arguments(EN, triplets, "2-year-old triplet girls Ana, Eva, and Sofía"),
                arguments(ES, triplets, "las trillizas Ana, Eva y Sofía, de 2 años"),
                arguments(EN, unknownTriplets, "5-month-old triplets"),
                arguments(ES, unknownTriplets, "trillizos de 5 meses"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void bylineListsSeveralChildrenOldestFirst(Language language, List<Child> children, String expected) {
        assertChildren(language, children, ASKED, expected);
    }

    static Stream<Arguments> bylineListsSeveralChildrenOldestFirst() {
        Child sara = months("Sara", GIRL, 36);
        Child luis = new Child("Luis", ASKED.minusYears(4), null, BOY, null);
        Child isabel = months("Isabel", GIRL, 5);
        List<Child> twins = List.of(new Child("Andrés", null, 5, BOY, TWINS), new Child("Mateo", null, 5, BOY, TWINS));
        return Stream.of(
                arguments(EN, List.of(ANDRES, sara), "3-year-old daughter Sara and 5-month-old baby boy Andrés"),
                arguments(ES, List.of(ANDRES, sara), "Sara, de 3 años, y Andrés, un bebé de 5 meses"),
                arguments(EN, List.of(ANDRES, sara, luis), "4-year-old son Luis, 3-year-old daughter Sara, and 5-month-old baby boy Andrés"),
                arguments(ES, List.of(ANDRES, sara, luis), "Luis, de 4 años; Sara, de 3 años, y Andrés, un bebé de 5 meses"),
                arguments(EN, List.of(twins.get(0), sara, twins.get(1)), "3-year-old daughter Sara and 5-month-old twin boys Andrés and Mateo"),
                arguments(ES, List.of(twins.get(0), sara, twins.get(1)), "Sara, de 3 años, y los gemelos Andrés y Mateo, de 5 meses"),
                arguments(ES, List.of(ANDRES, months(null, GIRL, 36)), "una niña de 3 años y Andrés, un bebé de 5 meses"),
                arguments(ES, List.of(isabel, sara), "Sara, de 3 años, e Isabel, una bebé de 5 meses"));
    }

    /** Paula's header with the given children: "Mama to …" / "Mamá de …" is the part under test. */
    static void assertChildren(Language language, List<Child> children, LocalDate askedOn, String expected) {
        String header = language == EN ? "Question from Paula G., 35, Medellín, Colombia. Mama to "
                : "Pregunta de Paula G., 35 años, Medellín, Colombia. Mamá de ";
        assertThat(Byline.of(paula(children), askedOn, language)).isEqualTo(header + expected + ".");
    }

    static AskerProfile paula(List<Child> children) {
        return asker("Paula", "G", 35, "Medellín", "CO", children);
    }

    static AskerProfile asker(String name, String initial, Integer age, String city, String country, List<Child> children) {
        return new AskerProfile(name, initial, age, city, country, Role.MAMA, children);
    }

    static Child months(String name, Sex sex, int ageMonths) {
        return new Child(name, null, ageMonths, sex, null);
    }

    static Child twin(String name, Sex sex, LocalDate born, Multiple multiple) {
        return new Child(name, born, null, sex, multiple);
    }
}

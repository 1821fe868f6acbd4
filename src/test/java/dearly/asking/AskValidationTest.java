package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.language.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the ask form, as a table: what she typed, and the field that must be fixed. */
class AskValidationTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static AskForm valid() {
        return new AskForm("Why does my baby cry every evening?",
                "Every evening from six to nine my daughter cries and nothing helps. I feel I am failing her. What can I do?",
                "Paula", "Gómez", "35", "Medellín", "CO", "mama", "", "es", "paula@example.com", true,
                List.of(new AskForm.ChildForm("Andrés", "2026-06-20", "", "boy", "")));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("title missing", f -> with(f, "title", ""), "title", "ask.error.title.missing"),
                mistake("title too short", f -> with(f, "title", "Help me"), "title", "ask.error.title.short"),
                mistake("title too long", f -> with(f, "title", "a".repeat(201)), "title", "ask.error.title.long"),
                mistake("title of spaces", f -> with(f, "title", "     \t   "), "title", "ask.error.title.missing"),
                mistake("body missing", f -> with(f, "body", ""), "body", "ask.error.body.missing"),
                mistake("body too short", f -> with(f, "body", "Help. She cries."), "body", "ask.error.body.short"),
                mistake("body over 10,000", f -> with(f, "body", "x".repeat(10_001)), "body", "ask.error.body.long"),
                mistake("body of 1 MB", f -> with(f, "body", "ñ".repeat(1_000_000)), "body", "ask.error.body.long"),
                mistake("no first name", f -> with(f, "first_name", ""), "first_name", "ask.error.first_name.missing"),
                mistake("no surname", f -> with(f, "surname", " "), "surname", "ask.error.surname.missing"),
                mistake("huge surname", f -> with(f, "surname", "G".repeat(101)), "surname", "ask.error.too-long"),
                mistake("age 12", f -> with(f, "age", "12"), "age", "ask.error.age"),
                mistake("age 81", f -> with(f, "age", "81"), "age", "ask.error.age"),
                mistake("age in words", f -> with(f, "age", "thirty"), "age", "ask.error.age"),
                mistake("age negative", f -> with(f, "age", "-30"), "age", "ask.error.age"),
                mistake("no country", f -> with(f, "country", ""), "country", "ask.error.country.missing"),
                mistake("unknown country", f -> with(f, "country", "Narnia"), "country", "ask.error.country.unknown"),
                mistake("no role", f -> with(f, "role", ""), "role", "ask.error.role"),
                mistake("odd role", f -> with(f, "role", "grandma"), "role", "ask.error.role"),
                mistake("no language", f -> with(f, "language", "fr"), "language", "ask.error.language"),
                mistake("bad e-mail", f -> with(f, "email", "paula at example"), "email", "ask.error.email"),
                mistake("no consent", f -> new AskForm(f.title(), f.body(), f.firstName(), f.surname(), f.age(), f.city(),
                        f.country(), f.role(), f.pseudonym(), f.language(), f.email(), false, f.children()), "consent",
                        "ask.error.consent"),
                mistake("child born tomorrow", f -> child(f, "2026-11-25", ""), "children[0].birth_date", "ask.error.child.future"),
                mistake("child over 18", f -> child(f, "2008-11-23", ""), "children[0].birth_date", "ask.error.child.old"),
                mistake("child date malformed", f -> child(f, "20/06/2026", ""), "children[0].birth_date", "ask.error.child.date"),
                mistake("child age in words", f -> child(f, "", "five"), "children[0].age_months", "ask.error.child.months"),
                mistake("child 37 months", f -> child(f, "", "37"), "children[0].age_months", "ask.error.child.months"),
                mistake("child with a name only", f -> f.withChildren(List.of(new AskForm.ChildForm("Ana", "", "", "", ""))),
                        "children[0].birth_date", "ask.error.child.when"),
                mistake("child sex odd", f -> f.withChildren(List.of(new AskForm.ChildForm("", "", "3", "cat", ""))),
                        "children[0].sex", "ask.error.child.sex"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsNamedBesideItsField(String why, UnaryOperator<AskForm> change, String field, String message) {
        AskValidation.Result result = AskValidation.validate(change.apply(valid()), TODAY);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).containsEntry(field, message);
        assertThat(result.question()).isEmpty();
    }

    @Test
    void aValidFormBecomesAQuestionWithHerProfile() {
        NewQuestion question = AskValidation.validate(valid(), TODAY).question().orElseThrow();
        assertThat(question.title()).isEqualTo("Why does my baby cry every evening?");
        Asker asker = question.asker();
        assertThat(asker.firstName()).isEqualTo("Paula");
        assertThat(asker.country()).isEqualTo("CO");
        assertThat(asker.role()).isEqualTo(Role.MAMA);
        assertThat(asker.language()).isEqualTo(Language.ES);
        assertThat(asker.children()).containsExactly(new Child("Andrés", LocalDate.of(2026, 6, 20), null, Sex.BOY, null));
    }

    @Test
    void countryMayBeTypedAsANameInEitherLanguageWithoutAccents() {
        for (String typed : List.of("Colombia", "colombia", "CO", "co")) {
            assertThat(AskValidation.validate(with(valid(), "country", typed), TODAY).question().orElseThrow().asker().country())
                    .isEqualTo("CO");
        }
        assertThat(AskValidation.validate(with(valid(), "country", "Mexico"), TODAY).question().orElseThrow().asker().country())
                .isEqualTo("MX");
        assertThat(AskValidation.validate(with(valid(), "country", "España"), TODAY).question().orElseThrow().asker().country())
                .isEqualTo("ES");
        assertThat(AskValidation.validate(with(valid(), "country", "Espana"), TODAY).question().orElseThrow().asker().country())
                .isEqualTo("ES");
    }

    @Test
    void blankChildRowsAreIgnoredAndOptionalFieldsMayBeEmpty() {
        AskForm form = new AskForm("Why does my baby cry every evening?", valid().body(), "Ana", "Ruiz", "", "", "MX", "parent",
                "", "en", "", true, List.of(AskForm.ChildForm.empty(), new AskForm.ChildForm("", "", "4", "", "twins")));
        NewQuestion question = AskValidation.validate(form, TODAY).question().orElseThrow();
        assertThat(question.asker().age()).isNull();
        assertThat(question.asker().email()).isNull();
        assertThat(question.asker().children()).containsExactly(new Child(null, null, 4, null, Multiple.TWINS));
    }

    @Test
    void hostileTextIsKeptAsTypedExceptInvisibleControlCharacters() {
        String body = "<script>alert(1)</script> '; DROP TABLE question;-- {{7*7}} ${7*7} \u202Eمرحبا\u202C 👶🏽\u0000\u0007 and more words";
        NewQuestion question = AskValidation.validate(with(valid(), "body", body), TODAY).question().orElseThrow();
        assertThat(question.body())
                .isEqualTo("<script>alert(1)</script> '; DROP TABLE question;-- {{7*7}} ${7*7} \u202Eمرحبا\u202C 👶🏽 and more words");
    }

    @Test
    void lengthsCountCharactersAsSheSeesThemNotBytes() {
        String emojiTitle = "👶".repeat(200);
        assertThat(AskValidation.validate(with(valid(), "title", emojiTitle), TODAY).ok()).isTrue();
    }

    private static Arguments mistake(String why, UnaryOperator<AskForm> change, String field, String message) {
        return Arguments.of(why, change, field, message);
    }

    static AskForm with(AskForm f, String field, String value) {
        return new AskForm(
                field.equals("title") ? value : f.title(),
                field.equals("body") ? value : f.body(),
                field.equals("first_name") ? value : f.firstName(),
                field.equals("surname") ? value : f.surname(),
                field.equals("age") ? value : f.age(),
                field.equals("city") ? value : f.city(),
                field.equals("country") ? value : f.country(),
                field.equals("role") ? value : f.role(),
                field.equals("pseudonym") ? value : f.pseudonym(),
                field.equals("language") ? value : f.language(),
                field.equals("email") ? value : f.email(),
                f.consent(),
                f.children());
    }

    private static AskForm child(AskForm f, String birthDate, String months) {
        return f.withChildren(List.of(new AskForm.ChildForm("Andrés", birthDate, months, "boy", "")));
    }
}

package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A question and its asker are stored exactly as typed, on SQLite and PostgreSQL. */
class QuestionRepositoryTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-24T03:12:45.123Z");

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void questionComesBackAsTypedHostileTextIncluded(TestDatabase.Kind kind) {
        String body = "<script>alert('x')</script> '; DROP TABLE question; -- ${7*7} \u202Eمرحبا 👶🏽\ttab";
        Asker asker = new Asker("Ana", "O'Brien", 31, "Bogotá", "CO", Role.MAMA, null, Language.ES, "ana@example.com",
                List.of(new Child(null, LocalDate.of(2026, 9, 1), null, null, Multiple.TWINS),
                        new Child("Leo", null, 3, Sex.BOY, Multiple.TWINS)));
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            QuestionRepository questions = new QuestionRepository(database, new Publishing());
            long id = database.write(handle -> questions.add(handle, asker, "¿Es normal?", body, RECEIVED, QuestionStatus.RECEIVED));
            Question question = database.read(handle -> questions.find(handle, id)).orElseThrow();
            assertThat(question.title()).isEqualTo("¿Es normal?");
            assertThat(question.body()).isEqualTo(body);
            assertThat(question.language()).isEqualTo(Language.ES);
            assertThat(question.receivedAt()).isEqualTo(RECEIVED);
            assertThat(question.status()).isEqualTo(QuestionStatus.RECEIVED);
            String surname = database.read(handle -> handle.createQuery("SELECT surname FROM asker").mapTo(String.class).one());
            assertThat(surname).isEqualTo("O'Brien");
            int children = database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM child").mapTo(Integer.class).one());
            assertThat(children).isEqualTo(2);
            Optional<Question> missing = database.read(handle -> questions.find(handle, id + 1000));
            assertThat(missing).isEmpty();
        }
    }
}

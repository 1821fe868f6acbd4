package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.asking.Asker;
import dearly.asking.AskerProfile;
import dearly.asking.Byline;
import dearly.asking.Child;
import dearly.asking.QuestionQueue;
import dearly.asking.QuestionRepository;
import dearly.asking.QuestionStatus;
import dearly.asking.Role;
import dearly.asking.Sex;
import dearly.language.Language;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Letters stored and read back, on SQLite and (when a server is given) PostgreSQL. */
class LetterRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final Publishing publishing = new Publishing();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void latestListsPublishedLettersNewestFirstAndHidesScheduledOnes(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            long advisor = database.write(handle -> publishing.addAdvisor(handle, "lina-p", "Lina P.", "", NOW));
            publish(database, advisor, "older", NOW.minusSeconds(7200), null);
            publish(database, advisor, "newer", NOW.minusSeconds(60), null);
            publish(database, advisor, "tomorrow", NOW.plusSeconds(86_400), null);

            LetterRepository letters = new LetterRepository(database, () -> NOW);
            assertThat(letters.latest(10, 0)).extracting(Letter::slug).containsExactly("newer", "older");
            assertThat(letters.latest(1, 1)).extracting(Letter::slug).containsExactly("older");
            assertThat(letters.bySlug("tomorrow")).isEmpty();
            assertThat(new LetterRepository(database, () -> NOW.plusSeconds(2 * 86_400)).bySlug("tomorrow")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void letterComesBackWithEveryFieldAndABylineFromTheAskersProfile(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            QuestionRepository questions = new QuestionRepository(database, publishing);
            QuestionQueue queue = new QuestionQueue(database);
            long advisor = database.write(handle -> publishing.addAdvisor(handle, "ana-r", "Ana R.", "Mamá de tres.", NOW));
            long sleep = database.write(handle -> publishing.addTopic(handle, "sleep", "Sleep", "Sueño"));
            Asker asker = new Asker("Lucía", "Ramírez", 29, "Sevilla", "ES", Role.MAMA, null, Language.ES, "lucia@example.com",
                    List.of(new Child("Inés", LocalDate.of(2025, 12, 1), null, Sex.GIRL, null)));
            Instant asked = LocalDate.of(2026, 2, 15).atStartOfDay(ZoneOffset.UTC).toInstant();
            long question = database.write(handle -> questions.add(handle, asker, "¿Cuándo dormirá?", "No duerme nada.", asked,
                    QuestionStatus.PUBLISHED));
            database.write(handle -> publishing.publish(handle, new Publishing.Draft(question, "cuando-dormira",
                    new Words("¿Cuándo dormirá?", "Lucía no duerme.", "Querida,", "Line one\nline two\n\nNext", "Un abrazo,"),
                    queue.byline(handle, question, Language.ES, java.time.ZoneOffset.UTC).orElseThrow(), advisor, List.of(sleep), Language.ES, NOW.minusSeconds(10)), NOW));

            Letter letter = new LetterRepository(database, () -> NOW).bySlug("cuando-dormira").orElseThrow();
            assertThat(letter.headline()).isEqualTo("¿Cuándo dormirá?");
            assertThat(letter.byline()).isEqualTo(Byline.of(
                    new AskerProfile("Lucía", "R", 29, "Sevilla", "ES", Role.MAMA, asker.children()),
                    LocalDate.of(2026, 2, 15), Language.ES));
            assertThat(letter.byline()).contains("Lucía R.").contains("Inés").doesNotContain("Ramírez");
            assertThat(letter.standfirst()).isEqualTo("Lucía no duerme.");
            assertThat(letter.salutation()).isEqualTo("Querida,");
            assertThat(letter.bodyMarkdown()).isEqualTo("Line one\nline two\n\nNext");
            assertThat(letter.signOff()).isEqualTo("Un abrazo,");
            assertThat(letter.advisor().displayName()).isEqualTo("Ana R.");
            assertThat(letter.topics()).extracting(Topic::slug).containsExactly("sleep");
            assertThat(letter.language()).isEqualTo(Language.ES);
            assertThat(letter.publishedAt()).isEqualTo(NOW.minusSeconds(10));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void advisorAndTopicListsHoldOnlyTheirLetters(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            long lina = database.write(handle -> publishing.addAdvisor(handle, "lina-p", "Lina P.", "", NOW));
            long ana = database.write(handle -> publishing.addAdvisor(handle, "ana-r", "Ana R.", "", NOW));
            long sleep = database.write(handle -> publishing.addTopic(handle, "sleep", "Sleep", "Sueño"));
            publish(database, lina, "lina-sleep", NOW.minusSeconds(5), sleep);
            publish(database, ana, "ana-other", NOW.minusSeconds(5), null);

            LetterRepository letters = new LetterRepository(database, () -> NOW);
            assertThat(letters.byAdvisor(letters.advisor("lina-p").orElseThrow(), 30, 0)).extracting(Letter::slug).containsExactly("lina-sleep");
            assertThat(letters.byTopic(letters.topic("sleep").orElseThrow(), 30, 0)).extracting(Letter::slug).containsExactly("lina-sleep");
            assertThat(letters.advisor("nobody")).isEmpty();
            assertThat(letters.topic("nothing")).isEmpty();
            assertThat(letters.latest(10, 0)).filteredOn(letter -> letter.slug().equals("ana-other"))
                    .singleElement().extracting(Letter::byline).isEqualTo("");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migratingTwiceChangesNothing(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            assertThat(database.migrate()).isZero();
            assertThat(database.<Boolean, RuntimeException>read(publishing::nothingWritten)).isTrue();
        }
    }

    private void publish(Database database, long advisor, String slug, Instant at, Long topic) {
        database.write(handle -> publishing.publish(handle, new Publishing.Draft(null, slug, new Words("Headline " + slug, "", "", "Body", ""), "",
                advisor, topic == null ? List.of() : List.of(topic), Language.EN, at), NOW));
    }
}

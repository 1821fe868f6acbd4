package dearly.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The crisis directory, seeded from the bundled file, on SQLite and (when a server is given) PostgreSQL. */
class CrisisDirectoryTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void colombiaGetsItsThreeResourcesInOrderWithTheServicesOwnNumbers(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seedIfEmpty();

            assertThat(directory.forCountry("CO")).containsExactly(
                    new CrisisResource("CO", "Línea de emergencias", "123", null, Kind.EMERGENCY, List.of(Language.ES)),
                    new CrisisResource("CO", "Línea 106 (Bogotá, salud mental)", "106", null, Kind.HELPLINE, List.of(Language.ES)),
                    new CrisisResource("CO", "Línea Amiga Saludable (Medellín)", "(604) 444 4448", null, Kind.HELPLINE,
                            List.of(Language.ES)));
            assertThat(directory.forCountry(" co ")).isEqualTo(directory.forCountry("CO"));
            assertThat(directory.forCountry("US")).extracting(CrisisResource::phone)
                    .containsExactly("911", "988", "1-833-852-6262", "1-800-944-4773");
            assertThat(directory.forCountry("US").get(1).languages()).containsExactly(Language.EN, Language.ES);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCountryWithoutEntriesGetsOnlyTheFallbackInHerLanguage(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seedIfEmpty();

            assertThat(directory.forCountry("PE")).isEmpty();
            assertThat(directory.forCountry("")).isEmpty();
            assertThat(directory.forCountry(null)).isEmpty();
            assertThat(directory.fallback(Language.EN)).isEqualTo("If you are in danger now, call your local emergency number.");
            assertThat(directory.fallback(Language.ES))
                    .isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seedingTwiceAddsNothing(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seedIfEmpty();
            directory.seedIfEmpty();
            new CrisisDirectory(database).seedIfEmpty();

            assertThat(directory.forCountry("CO")).hasSize(3);
            assertThat(rows(database, "crisis_resource")).isEqualTo(13);
            assertThat(rows(database, "crisis_fallback")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesStartingAtOnceSeedOneDirectory(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open();
                ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> seeding = List.of(
                    nodes.submit(() -> seedAfter(start, new CrisisDirectory(database))),
                    nodes.submit(() -> seedAfter(start, new CrisisDirectory(database))));
            for (Future<?> node : seeding) node.get(1, TimeUnit.MINUTES);

            assertThat(rows(database, "crisis_resource")).isEqualTo(13);
            assertThat(rows(database, "crisis_fallback")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAdminsEditIsNeverOverwrittenBySeedingAgain(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seedIfEmpty();
            database.write(handle -> handle.createUpdate("""
                            UPDATE crisis_resource SET phone = '(604) 444 0000', url = 'https://example.org/linea-amiga'
                            WHERE country = 'CO' AND position = 2""")
                    .execute());
            database.write(handle -> handle.createUpdate("UPDATE crisis_fallback SET message = 'Llama al 123.' WHERE language = 'es'")
                    .execute());
            database.write(handle -> handle.createUpdate("DELETE FROM crisis_resource WHERE country = 'GB'").execute());

            directory.seedIfEmpty();

            assertThat(directory.forCountry("CO").get(2).phone()).isEqualTo("(604) 444 0000");
            assertThat(directory.forCountry("CO").get(2).url()).isEqualTo("https://example.org/linea-amiga");
            assertThat(directory.fallback(Language.ES)).isEqualTo("Llama al 123.");
            assertThat(directory.forCountry("GB")).isEmpty();
        }
    }

    private static Void seedAfter(CyclicBarrier start, CrisisDirectory directory) throws Exception {
        start.await(1, TimeUnit.MINUTES);
        directory.seedIfEmpty();
        return null;
    }

    private static long rows(Database database, String table) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}

package dearly.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The crisis directory, seeded from the bundled file, on SQLite and (when a server is given) PostgreSQL. */
class CrisisDirectoryTest {
    private static final String FIND_A_HELPLINE = "https://findahelpline.com/";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void colombiaGetsItsResourcesInOrderWithTheServicesOwnNumbersAndWhereEachWasFound(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);

            assertThat(directory.forCountry("CO")).containsExactly(
                    new CrisisResource("CO", "Línea de emergencias", "123", null, Kind.EMERGENCY, List.of(Language.ES),
                            "https://www.policia.gov.co/"),
                    new CrisisResource("CO", "Línea 106 (Bogotá, salud mental)", "106", null, Kind.CRISIS, List.of(Language.ES),
                            "https://www.saludcapital.gov.co/"),
                    new CrisisResource("CO", "Línea Amiga Saludable (Medellín)", "(604) 444 4448", null, Kind.CRISIS,
                            List.of(Language.ES), "https://www.medellin.gov.co/"),
                    new CrisisResource("CO", "Línea 155, orientación a mujeres víctimas de violencia", "155", null, Kind.VIOLENCE,
                            List.of(Language.ES), "https://www.policia.gov.co/"));
            assertThat(directory.forCountry(" co ")).isEqualTo(directory.forCountry("CO"));
            assertThat(directory.forCountry("US")).extracting(CrisisResource::phone)
                    .containsExactly("911", "988", "1-833-852-6262", "1-800-944-4773", "1-800-799-7233");
            assertThat(directory.forCountry("US").get(1).languages()).containsExactly(Language.EN, Language.ES);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theHelpMatchesTheDangerWithTheEmergencyNumberFirstAndTheDirectoryLast(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);

            assertThat(directory.forCountryAndKinds("US", Set.of(Kind.VIOLENCE))).extracting(CrisisResource::phone, CrisisResource::url)
                    .containsExactly(tuple("911", null), tuple("1-800-799-7233", null), tuple(null, FIND_A_HELPLINE));
            assertThat(directory.forCountryAndKinds("US", Set.of(Kind.PERINATAL))).extracting(CrisisResource::phone)
                    .containsExactly("911", "1-833-852-6262", "1-800-944-4773", null);
            assertThat(directory.forCountryAndKinds("ES", Set.of(Kind.CRISIS, Kind.VIOLENCE))).extracting(CrisisResource::phone)
                    .containsExactly("112", "024", "016", null);

            // An admin who puts a line above the emergency number does not push the emergency number down.
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new dearly.audit.AuditLog(database, java.time.Instant::now));
            long emergency = editor.all().stream().filter(entry -> entry.resource().country().equals("ES")).findFirst().orElseThrow().id();
            editor.move(emergency, 5, new dearly.audit.Actor(1, "Ana A."));
            assertThat(directory.forCountry("ES").getLast().phone()).isEqualTo("112");
            assertThat(directory.forCountryAndKinds("ES", Set.of(Kind.VIOLENCE))).extracting(CrisisResource::phone)
                    .containsExactly("112", "016", null);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCountryWithoutEntriesStillGetsTheDirectoryForEveryCountryAndTheFallbackInHerLanguage(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);

            assertThat(directory.forCountry("AQ")).isEmpty();
            assertThat(directory.forCountry("")).isEmpty();
            assertThat(directory.forCountry(null)).isEmpty();
            for (String country : Arrays.asList("AQ", "", null)) {
                assertThat(directory.forCountryAndKinds(country, Set.of(Kind.CRISIS))).singleElement().satisfies(only -> {
                    assertThat(only.kind()).isEqualTo(Kind.DIRECTORY);
                    assertThat(only.url()).isEqualTo(FIND_A_HELPLINE);
                    assertThat(only.forEveryCountry()).isTrue();
                });
            }
            assertThat(directory.fallback(Language.EN)).isEqualTo("If you are in danger now, call your local emergency number.");
            assertThat(directory.fallback(Language.ES))
                    .isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seedingTwiceAddsNothing(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            directory.seed();
            new CrisisDirectory(database).seed();

            assertThat(directory.forCountry("CO")).hasSize(4);
            assertThat(rows(database, "crisis_resource")).isEqualTo(directory.bundledResources().size());
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

            assertThat(rows(database, "crisis_resource")).isEqualTo(new CrisisDirectory(database).bundledResources().size());
            assertThat(rows(database, "crisis_fallback")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAdminsEditIsNeverOverwrittenNorARemovedLineBroughtBackBySeedingAgain(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            database.write(handle -> handle.createUpdate("""
                            UPDATE crisis_resource SET phone = '(604) 444 0000', url = 'https://example.org/linea-amiga'
                            WHERE country = 'CO' AND position = 2""")
                    .execute());
            database.write(handle -> handle.createUpdate("UPDATE crisis_fallback SET message = 'Llama al 123.' WHERE language = 'es'")
                    .execute());
            database.write(handle -> handle.createUpdate("DELETE FROM crisis_resource WHERE country IN ('GB', 'ZZ')").execute());

            directory.seed();

            assertThat(directory.forCountry("CO").get(2).phone()).isEqualTo("(604) 444 0000");
            assertThat(directory.forCountry("CO").get(2).url()).isEqualTo("https://example.org/linea-amiga");
            assertThat(directory.fallback(Language.ES)).isEqualTo("Llama al 123.");
            assertThat(directory.forCountry("GB")).isEmpty();
            assertThat(directory.forCountryAndKinds("GB", Set.of(Kind.CRISIS))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNewReleaseAddsTheLinesItBringsLastInTheirCountry(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            // As if Spain's 016 had come with a later release than the rest.
            database.write(handle -> handle.createUpdate("DELETE FROM crisis_resource WHERE country = 'ES' AND phone = '016'").execute());
            database.write(handle -> handle.createUpdate("DELETE FROM crisis_seed WHERE entry = 'ES 016'").execute());
            new CrisisDirectoryEditor(database, new dearly.audit.AuditLog(database, java.time.Instant::now)).add(new CrisisResource("ES", "Teléfono de la Esperanza", "717 003 717", null, Kind.CRISIS,
                    List.of(Language.ES), "https://telefonodelaesperanza.org/"), new dearly.audit.Actor(1, "Ana A."));

            directory.seed();

            assertThat(directory.forCountry("ES")).extracting(CrisisResource::phone).containsExactly("112", "024", "717 003 717", "016");
        }
    }

    private static CrisisDirectory seeded(Database database) {
        CrisisDirectory directory = new CrisisDirectory(database);
        directory.seed();
        return directory;
    }

    private static Void seedAfter(CyclicBarrier start, CrisisDirectory directory) throws Exception {
        start.await(1, TimeUnit.MINUTES);
        directory.seed();
        return null;
    }

    private static long rows(Database database, String table) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}

package dearly.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.crisis.CrisisResource.Kind;
import dearly.admin.CrisisResourceForm;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.language.Language;
import java.time.Instant;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admins' edits to the crisis directory, as parents then see it, on SQLite and (when a server is given) PostgreSQL. */
class CrisisDirectoryEditorTest {
    private static final Actor ADMIN = new Actor(1, "Ana A.");
    /** A country the ask form offers and the bundle lists nothing for (see no_emergency_number in crisis-resources.json). */
    private static final String UNLISTED = "GQ";
    private static final String SOURCE = "https://www.example.org/numbers";
    private static final CrisisResource PERU_EMERGENCY =
            new CrisisResource(UNLISTED, "Emergencias", "105", null, Kind.EMERGENCY, List.of(Language.ES), SOURCE);
    private static final CrisisResource PERU_HELPLINE = new CrisisResource(UNLISTED, "Línea 113, opción 5 (salud mental)", "113",
            "https://www.gob.pe/minsa", Kind.CRISIS, List.of(Language.ES), SOURCE);

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAddedResourceComesLastInItsCountryForParents(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));

            editor.add(PERU_EMERGENCY, ADMIN);
            long helpline = editor.add(PERU_HELPLINE, ADMIN);
            long colombian = editor.add(new CrisisResource("CO", "Línea Púrpura (Bogotá)", "01 8000 112 137", null, Kind.VIOLENCE,
                    List.of(Language.ES), SOURCE), ADMIN);

            assertThat(directory.forCountry(UNLISTED)).containsExactly(PERU_EMERGENCY, PERU_HELPLINE);
            assertThat(directory.forCountry("CO")).extracting(CrisisResource::name).last().isEqualTo("Línea Púrpura (Bogotá)");
            assertThat(editor.find(helpline)).hasValueSatisfying(found -> {
                assertThat(found.position()).isEqualTo(1);
                assertThat(found.resource()).isEqualTo(PERU_HELPLINE);
            });
            assertThat(editor.find(colombian).orElseThrow().position()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void allListsEveryCountryTogetherEachInItsOrder(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));
            editor.add(PERU_EMERGENCY, ADMIN);

            List<EditableResource> all = editor.all();
            assertThat(all).extracting(entry -> entry.resource().country()).isSorted();
            assertThat(all).filteredOn(entry -> entry.resource().country().equals(UNLISTED)).extracting(EditableResource::position)
                    .containsExactly(0);
            List<EditableResource> colombia = all.stream().filter(entry -> entry.resource().country().equals("CO")).toList();
            assertThat(colombia).extracting(EditableResource::position).containsExactly(0, 1, 2, 3);
            assertThat(colombia).extracting(entry -> entry.resource().phone()).containsExactly("123", "106", "(604) 444 4448", "155");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUpdateChangesWhatParentsSeeAndKeepsItsPlace(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));
            long linea106 = idOf(editor, "CO", "106");
            CrisisResource changed = new CrisisResource("CO", "Línea 106 (Bogotá)", "601 106", "https://www.saludcapital.gov.co",
                    Kind.PERINATAL, List.of(Language.ES, Language.EN), SOURCE);

            assertThat(editor.update(linea106, changed, ADMIN)).isTrue();

            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "601 106", "(604) 444 4448", "155");
            assertThat(directory.forCountry("CO").get(1)).isEqualTo(changed);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aResourceMovedToAnotherCountryGoesLastThereAndLeavesNoGap(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));
            editor.add(PERU_EMERGENCY, ADMIN);
            long linea106 = idOf(editor, "CO", "106");

            editor.update(linea106, new CrisisResource(UNLISTED, "Línea 113", "113", null, Kind.CRISIS, List.of(Language.ES), SOURCE), ADMIN);

            assertThat(directory.forCountry(UNLISTED)).extracting(CrisisResource::phone).containsExactly("105", "113");
            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "(604) 444 4448", "155");
            assertThat(editor.all()).filteredOn(entry -> entry.resource().country().equals("CO"))
                    .extracting(EditableResource::position).containsExactly(0, 1, 2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deleteRemovesOnlyThatResource(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));
            long linea106 = idOf(editor, "CO", "106");
            int before = editor.all().size();

            assertThat(editor.delete(linea106, ADMIN)).isTrue();
            assertThat(editor.delete(linea106, ADMIN)).isFalse();

            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "(604) 444 4448", "155");
            assertThat(editor.find(linea106)).isEmpty();
            assertThat(editor.all()).hasSize(before - 1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void movingReordersWithinTheCountryAndStopsAtEitherEnd(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));
            long amiga = idOf(editor, "CO", "(604) 444 4448");
            List<String> mexico = directory.forCountry("MX").stream().map(CrisisResource::phone).toList();

            editor.move(amiga, -1, ADMIN);
            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "(604) 444 4448", "106", "155");
            editor.move(amiga, -1, ADMIN);
            editor.move(amiga, -1, ADMIN);
            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("(604) 444 4448", "123", "106", "155");
            editor.move(amiga, 1, ADMIN);
            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "(604) 444 4448", "106", "155");
            editor.move(amiga, 5, ADMIN);
            assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "106", "155", "(604) 444 4448");

            assertThat(directory.forCountry("MX")).extracting(CrisisResource::phone).isEqualTo(mexico);
            assertThat(editor.move(999_999, 1, ADMIN)).isFalse();
            assertThat(editor.update(999_999, PERU_EMERGENCY, ADMIN)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTextForImmediateDangerIsWhatParentsReadNext(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));

            editor.setFallback(Language.ES, "Si estás en peligro ahora, llama al número de emergencias.\nNo estás sola.", ADMIN);
            assertThat(directory.fallback(Language.ES)).isEqualTo("Si estás en peligro ahora, llama al número de emergencias.\nNo estás sola.");
            assertThat(directory.fallback(Language.EN)).isEqualTo("If you are in danger now, call your local emergency number.");

            database.write(handle -> handle.createUpdate("DELETE FROM crisis_fallback WHERE language = 'en'").execute());
            assertThat(editor.fallbacks()).containsOnlyKeys(Language.ES);
            editor.setFallback(Language.EN, "Call 911 or your local emergency number now.", ADMIN);
            assertThat(editor.fallbacks()).containsEntry(Language.EN, "Call 911 or your local emergency number now.");
            assertThat(directory.fallback(Language.EN)).isEqualTo("Call 911 or your local emergency number now.");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hostileAndLongestTextIsStoredExactlyAsTyped(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            CrisisDirectory directory = seeded(database);
            CrisisDirectoryEditor editor = new CrisisDirectoryEditor(database, new AuditLog(database, Instant::now));
            CrisisResource hostile = new CrisisResource(UNLISTED, "<script>alert(1)</script> '; DROP TABLE crisis_resource; -- \u202Eمرحبا\u202C 👶🏽",
                    "1-800-PPD-MOMS", "https://www.gob.pe/?q=' OR 1=1 --".replace(" ", "%20"), Kind.VIOLENCE, List.of(Language.EN, Language.ES),
                    "https://www.gob.pe/?q=<script>");
            CrisisResource longest = new CrisisResource(UNLISTED, "👶".repeat(CrisisResourceForm.NAME_MAX), "1".repeat(CrisisResourceForm.PHONE_MAX),
                    "https://www.gob.pe/" + "a".repeat(CrisisResourceForm.URL_MAX - 19), Kind.CRISIS, List.of(Language.ES),
                    "https://www.gob.pe/" + "b".repeat(CrisisResourceForm.URL_MAX - 19));
            int before = editor.all().size();

            editor.add(hostile, ADMIN);
            editor.add(longest, ADMIN);

            assertThat(directory.forCountry(UNLISTED)).containsExactly(hostile, longest);
            assertThat(editor.all()).hasSize(before + 2);
        }
    }

    private static CrisisDirectory seeded(Database database) {
        CrisisDirectory directory = new CrisisDirectory(database);
        directory.seed();
        return directory;
    }

    private static long idOf(CrisisDirectoryEditor editor, String country, String phone) {
        return editor.all().stream()
                .filter(entry -> entry.resource().country().equals(country) && phone.equals(entry.resource().phone()))
                .findFirst().orElseThrow().id();
    }
}

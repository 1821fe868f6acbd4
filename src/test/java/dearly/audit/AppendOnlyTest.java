package dearly.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit log keeps what it was told: the database itself refuses to change or remove an entry,
 * on SQLite and on PostgreSQL, whatever code (or person at a SQL prompt) asks.
 */
class AppendOnlyTest {
    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theDatabaseRefusesToChangeOrRemoveAnEntry(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = Database.at(test.jdbcUrl())) {
            database.migrate();
            AuditLog log = new AuditLog(database, Instant::now);
            database.write(handle -> {
                log.record(handle, new Actor(3, "Ana E."), "question.declined", Subject.of("question", 12), "");
                log.recordOverride(handle, new Actor(3, "Ana E."), "letter.published", Subject.of("letter", 4), "checks overridden",
                        "Sofia is the pseudonym she chose");
                return null;
            });

            for (String change : List.of("UPDATE audit_entry SET actor_name = 'someone else'", "UPDATE audit_entry SET reason = NULL",
                    "DELETE FROM audit_entry", "DELETE FROM audit_entry WHERE action = 'question.declined'")) {
                assertThatThrownBy(() -> database.write(handle -> handle.createUpdate(change).execute()))
                        .as(change).hasStackTraceContaining("append-only");
            }
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertThatThrownBy(() -> database.write(handle -> handle.createUpdate("TRUNCATE audit_entry").execute()))
                        .hasStackTraceContaining("append-only");
            }

            List<AuditEntry> kept = log.find(AuditFilter.ALL, 0);
            assertThat(kept).extracting(entry -> entry.who().name()).containsExactly("Ana E.", "Ana E.");
            assertThat(kept.getFirst().action()).isEqualTo("letter.published");
            assertThat(kept.getFirst().reason()).contains("Sofia is the pseudonym she chose");
            assertThat(kept.getLast().reason()).isEmpty();
        }
    }
}

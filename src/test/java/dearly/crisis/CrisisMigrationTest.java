package dearly.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import dearly.storage.Database;
import dearly.storage.Dialect;
import dearly.storage.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An instance whose directory was filled before resources said what they are for (V10) keeps every
 * admin's edit, learns what each line is for, and gains the lines this release brings.
 */
class CrisisMigrationTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEarlierDirectoryKeepsItsEditsLearnsWhatEachLineIsForAndGainsTheNewLines(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase test = TestDatabase.create(kind)) {
            Dialect dialect = kind == TestDatabase.Kind.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
            Flyway.configure().dataSource(test.jdbcUrl(), null, null).locations("classpath:db/migration")
                    .placeholders(dialect.placeholders()).target("9").load().migrate();
            // The first bundle as an admin left it: 988 renamed, the Maternal Mental Health Hotline removed, Peru added by hand.
            try (Connection connection = DriverManager.getConnection(test.jdbcUrl()); Statement sql = connection.createStatement()) {
                sql.execute("""
                        INSERT INTO crisis_fallback (language, message)
                        VALUES ('en', 'Call 911 now.'), ('es', 'Llama al 911 ahora.')""");
                sql.execute("""
                        INSERT INTO crisis_resource (country, position, name, phone, url, kind, languages) VALUES
                        ('US', 0, 'Emergency', '911', NULL, 'emergency', 'en,es'),
                        ('US', 1, '988 Lifeline', '988', NULL, 'helpline', 'en,es'),
                        ('US', 2, 'Postpartum Support International HelpLine', '1-800-944-4773', NULL, 'helpline', 'en,es'),
                        ('PE', 0, 'Línea 113', '113', 'https://www.gob.pe/minsa', 'helpline', 'es')""");
            }

            try (Database database = test.open()) {
                CrisisDirectory directory = new CrisisDirectory(database);
                directory.seed();

                assertThat(directory.forCountry("US")).extracting(CrisisResource::name, CrisisResource::phone, CrisisResource::kind)
                        .containsExactly(
                                tuple("Emergency", "911", Kind.EMERGENCY),
                                tuple("988 Lifeline", "988", Kind.CRISIS),
                                tuple("Postpartum Support International HelpLine", "1-800-944-4773",
                                        Kind.PERINATAL),
                                tuple("National Domestic Violence Hotline (24/7)", "1-800-799-7233",
                                        Kind.VIOLENCE));
                assertThat(directory.forCountry("US")).allSatisfy(line -> assertThat(line.source()).startsWith("https://"));
                assertThat(directory.forCountry("PE")).extracting(CrisisResource::phone).containsExactly("113", "106", "105", "100");
                assertThat(directory.forCountry("PE").getFirst().name()).isEqualTo("Línea 113");
                assertThat(directory.forCountryAndKinds("KE", Set.of(Kind.CRISIS))).extracting(CrisisResource::phone)
                        .containsExactly("999", "112", "1199", null);
                assertThat(directory.fallback(Language.ES)).isEqualTo("Llama al 911 ahora.");
            }
        }
    }
}

package dearly.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test: SQLite in a new temporary directory, or, when
 * DEARLY_TEST_POSTGRES_URL is set, a new schema on that PostgreSQL server that is dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String POSTGRES_URL_VARIABLE = "DEARLY_TEST_POSTGRES_URL";

    public enum Kind {
        SQLITE,
        POSTGRESQL
    }

    private final Kind kind;
    private final String jdbcUrl;
    private final Path dataDir;
    private final String schema;

    private TestDatabase(Kind kind, String jdbcUrl, Path dataDir, String schema) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.dataDir = dataDir;
        this.schema = schema;
    }

    /** SQLite always; PostgreSQL too when a server is given. For @MethodSource. */
    public static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.SQLITE));
        if (postgresUrl() != null) kinds.add(Kind.POSTGRESQL);
        return kinds;
    }

    public static TestDatabase create(Kind kind) {
        try {
            Path dataDir = Files.createTempDirectory("dearly-test-");
            if (kind == Kind.SQLITE) {
                return new TestDatabase(kind, "jdbc:sqlite:" + dataDir.resolve("dearly.db"), dataDir, null);
            }
            String server = postgresUrl();
            if (server == null) throw new IllegalStateException(POSTGRES_URL_VARIABLE + " is not set");
            String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            try (var connection = DriverManager.getConnection(server); var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestDatabase(kind, url, dataDir, schema);
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }

    private static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    public Kind kind() {
        return kind;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Opens and migrates it. */
    public Database open() {
        Database database = Database.at(jdbcUrl);
        database.migrate();
        return database;
    }

    @Override
    public void close() {
        if (schema != null) {
            try (var connection = DriverManager.getConnection(postgresUrl()); var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the test schema " + schema, e);
            }
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}

package dearly.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Copies every row of the embedded SQLite database into PostgreSQL, for {@code dearly migrate-to}.
 *
 * <p>It reads and writes tables generically, by the names and column types the two databases report,
 * as Flyway does, rather than through each feature's repository: it moves rows, not meanings, and a
 * table added by a later migration is copied without anyone remembering to add it here. No feature's
 * SQL names its tables, so each table keeps one owner.
 *
 * <p>The whole copy reads SQLite in one read transaction, a consistent snapshot that WAL gives beside a
 * running Dearly's writes, and writes PostgreSQL in one transaction that commits only after every
 * table's count and content read back from PostgreSQL match the snapshot's: a failed copy leaves the
 * target as it was.
 */
public final class CopyToPostgres {
    /** Flyway's own history (each side migrates itself) and this database's name (PostgreSQL is another database). */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "database_identity");
    private static final int BATCH = 500;

    /** What was copied: rows per table, in the order they were copied. */
    public record Report(Map<String, Long> rows, long changeLogAt) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The target holds tables already; {@code force} replaces what they hold. */
    public static final class NotEmpty extends RuntimeException {
        public NotEmpty(String message) {
            super(message);
        }
    }

    /** A table read back from PostgreSQL differs from SQLite's snapshot; nothing was committed. */
    public static final class Mismatch extends RuntimeException {
        public Mismatch(String message) {
            super(message);
        }
    }

    private CopyToPostgres() {}

    /**
     * Copies {@code source} (SQLite, migrated) into the PostgreSQL database at {@code targetUrl}, which
     * it migrates first. Refuses a target that holds any table unless {@code force}, which empties it.
     */
    public static Report copy(Database source, String targetUrl, boolean force) {
        if (source.dialect() != Dialect.SQLITE) throw new IllegalArgumentException("the source must be the embedded SQLite database");
        if (Dialect.of(targetUrl) != Dialect.POSTGRESQL) throw new IllegalArgumentException("the target must be a jdbc:postgresql: URL");
        try (Database target = Database.at(targetUrl)) {
            List<String> existing = target.read(handle -> handle.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")
                    .mapTo(String.class).list());
            if (!existing.isEmpty() && !force) {
                throw new NotEmpty("the target database already holds " + existing.size() + " table(s) ("
                        + String.join(", ", existing.subList(0, Math.min(5, existing.size()))) + (existing.size() > 5 ? ", …" : "")
                        + "); give migrate-to a new, empty database, or --force to replace everything in this one");
            }
            target.migrate();
            try {
                return source.read(reading -> reading.inTransaction(snapshot -> target.write(writing ->
                        copy(snapshot.getConnection(), writing.getConnection()))));
            } catch (SQLException e) {
                throw new IllegalStateException("the copy failed; nothing was committed to the target", e);
            }
        }
    }

    private static Report copy(Connection sqlite, Connection postgres) throws SQLException {
        List<String> tables = inForeignKeyOrder(sqlite);
        emptyEveryTable(postgres);
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String table : tables) {
            Map<String, String> columns = columnTypes(postgres, table);
            if (columns.isEmpty()) throw new Mismatch("PostgreSQL has no table " + table + " after migrating");
            Content read = copyTable(sqlite, postgres, table, columns);
            Content written = content(postgres, table, columns);
            if (read.rows != written.rows || !read.digest.equals(written.digest)) {
                throw new Mismatch(table + ": SQLite has " + read.rows + " row(s), PostgreSQL read back " + written.rows
                        + (read.rows == written.rows ? " with different content" : ""));
            }
            copied.put(table, read.rows);
            restartIdentities(postgres, table);
        }
        long changeLogAt;
        try (Statement statement = sqlite.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM change_log")) {
            rs.next();
            changeLogAt = rs.getLong(1);
        }
        return new Report(copied, changeLogAt);
    }

    /** Parents before children, by the foreign keys SQLite reports; a table's rows are copied in key order. */
    private static List<String> inForeignKeyOrder(Connection sqlite) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        try (Statement statement = sqlite.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                if (!NOT_COPIED.contains(rs.getString(1))) parents.put(rs.getString(1), new LinkedHashSet<>());
            }
        }
        for (var entry : parents.entrySet()) {
            try (PreparedStatement statement = sqlite.prepareStatement("SELECT \"table\" FROM pragma_foreign_key_list(?)")) {
                statement.setString(1, entry.getKey());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String parent = rs.getString(1);
                        if (!parent.equals(entry.getKey())) entry.getValue().add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            parents.forEach((table, needs) -> {
                if (!ordered.contains(table) && ordered.containsAll(needs.stream().filter(parents::containsKey).toList())) ordered.add(table);
            });
            if (ordered.size() == before) throw new IllegalStateException("the foreign keys between tables form a circle");
        }
        return ordered;
    }

    /**
     * Every table of the target emptied, in one statement so foreign keys between them do not matter;
     * the user triggers (the audit log refuses a truncate) are off for this transaction's statement only.
     * On a new target this empties what the migrations seeded, which the copy brings back as the source has it.
     */
    private static void emptyEveryTable(Connection postgres) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = postgres.createStatement();
                ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
            while (rs.next()) tables.add(quoted(rs.getString(1)));
        }
        if (tables.isEmpty()) return;
        try (Statement statement = postgres.createStatement()) {
            for (String table : tables) statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            for (String table : tables) statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
    }

    /** PostgreSQL's columns of that table and their types, in the table's order. */
    private static Map<String, String> columnTypes(Connection postgres, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = postgres.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) columns.put(rs.getString(1), rs.getString(2));
            }
        }
        return columns;
    }

    /** A table's row count and a digest of its rows' values, independent of row order. */
    private record Content(long rows, String digest) {}

    private static Content copyTable(Connection sqlite, Connection postgres, String table, Map<String, String> columns) throws SQLException {
        String names = columns.keySet().stream().map(CopyToPostgres::quoted).collect(Collectors.joining(", "));
        String marks = columns.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        Digest digest = new Digest();
        List<String> types = List.copyOf(columns.values());
        try (Statement reading = sqlite.createStatement();
                ResultSet rs = reading.executeQuery("SELECT " + names + " FROM " + quoted(table) + " ORDER BY rowid");
                PreparedStatement insert = postgres.prepareStatement("INSERT INTO " + quoted(table) + " (" + names + ") VALUES (" + marks + ")")) {
            int pending = 0;
            while (rs.next()) {
                List<String> row = new ArrayList<>(types.size());
                for (int i = 0; i < types.size(); i++) {
                    Object value = rs.getObject(i + 1);
                    bind(insert, i + 1, types.get(i), value);
                    row.add(fromSqlite(types.get(i), value));
                }
                digest.add(row);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) insert.executeBatch();
        }
        return digest.content();
    }

    private static Content content(Connection postgres, String table, Map<String, String> columns) throws SQLException {
        String names = columns.keySet().stream().map(CopyToPostgres::quoted).collect(Collectors.joining(", "));
        List<String> types = List.copyOf(columns.values());
        Digest digest = new Digest();
        try (Statement statement = postgres.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + names + " FROM " + quoted(table))) {
            while (rs.next()) {
                List<String> row = new ArrayList<>(types.size());
                for (int i = 0; i < types.size(); i++) row.add(fromPostgres(rs, i + 1, types.get(i)));
                digest.add(row);
            }
        }
        return digest.content();
    }

    /** SQLite's value as PostgreSQL's column type wants it: Dearly keeps instants as epoch milliseconds and dates as ISO text there. */
    private static void bind(PreparedStatement insert, int index, String type, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, switch (type) {
                case "timestamp with time zone" -> Types.TIMESTAMP_WITH_TIMEZONE;
                case "date" -> Types.DATE;
                case "boolean" -> Types.BOOLEAN;
                case "bytea" -> Types.BINARY;
                case "bigint", "integer", "smallint" -> Types.BIGINT;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            case "timestamp with time zone" -> insert.setObject(index,
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC));
            case "date" -> insert.setObject(index, LocalDate.parse(value.toString()));
            case "boolean" -> insert.setBoolean(index, truth(value));
            case "bytea" -> insert.setBytes(index, (byte[]) value);
            case "bigint" -> insert.setLong(index, ((Number) value).longValue());
            case "integer" -> insert.setInt(index, ((Number) value).intValue());
            case "smallint" -> insert.setShort(index, ((Number) value).shortValue());
            case "text", "character varying", "character" -> insert.setString(index, value.toString());
            default -> insert.setObject(index, value);
        }
    }

    private static boolean truth(Object value) {
        return value instanceof Number number ? number.longValue() != 0 : Boolean.parseBoolean(value.toString());
    }

    /** A value as both sides agree to spell it, for the digest: instants in epoch milliseconds, dates in ISO. */
    private static String fromSqlite(String type, Object value) {
        if (value == null) return null;
        return switch (type) {
            case "timestamp with time zone", "bigint", "integer", "smallint" -> Long.toString(((Number) value).longValue());
            case "date" -> LocalDate.parse(value.toString()).toString();
            case "boolean" -> Boolean.toString(truth(value));
            case "bytea" -> HexFormat.of().formatHex((byte[]) value);
            default -> value.toString();
        };
    }

    private static String fromPostgres(ResultSet rs, int index, String type) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null) return null;
        return switch (type) {
            case "timestamp with time zone" -> Long.toString(rs.getObject(index, OffsetDateTime.class).toInstant().toEpochMilli());
            case "bigint", "integer", "smallint" -> Long.toString(rs.getLong(index));
            case "date" -> rs.getObject(index, LocalDate.class).toString();
            case "boolean" -> Boolean.toString(rs.getBoolean(index));
            case "bytea" -> HexFormat.of().formatHex(rs.getBytes(index));
            default -> value.toString();
        };
    }

    /** Identity columns start again past the highest id copied, so the next row PostgreSQL numbers is new. */
    private static void restartIdentities(Connection postgres, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement statement = postgres.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) identities.add(rs.getString(1));
            }
        }
        for (String column : identities) {
            try (PreparedStatement statement = postgres.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                    + " COALESCE((SELECT MAX(" + quoted(column) + ") FROM " + quoted(table) + "), 0) + 1, false)")) {
                statement.setString(1, quoted(table));
                statement.setString(2, column);
                statement.executeQuery().close();
            }
        }
    }

    private static String quoted(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("unexpected table or column name");
        return '"' + name + '"';
    }

    /** SHA-256 over the sorted digests of every row, so row order on either side does not matter. */
    private static final class Digest {
        private final List<String> rows = new ArrayList<>();

        void add(List<String> values) {
            StringBuilder row = new StringBuilder();
            // Length-prefixed, so no value's text can pass for a column boundary; null is not the text "null".
            for (String value : values) row.append(value == null ? "-1:" : value.length() + ":" + value);
            rows.add(HexFormat.of().formatHex(sha256().digest(row.toString().getBytes(StandardCharsets.UTF_8))));
        }

        Content content() {
            MessageDigest all = sha256();
            rows.stream().sorted().forEach(row -> all.update(row.getBytes(StandardCharsets.US_ASCII)));
            return new Content(rows.size(), HexFormat.of().formatHex(all.digest()));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package dearly.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Dearly's connection to its database. Reads and writes go through {@link #read} and {@link #write};
 * each write is one transaction.
 *
 * <p>On SQLite, writes share a single connection so that writers queue in Dearly rather than failing
 * with "database is locked", while WAL lets reads run beside them on their own connections. A write
 * returns only once its commit is on disk ({@code synchronous=FULL}: a power cut loses nothing
 * acknowledged); writers that arrive together share one commit ({@link GroupCommit}). On PostgreSQL
 * both use one pool, and the server's own group commit does the same.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource readPool;
    private final HikariDataSource writePool;
    private final Jdbi reads;
    private final Jdbi writes;
    private final GroupCommit groupCommit;

    private Database(Dialect dialect, HikariDataSource readPool, HikariDataSource writePool) {
        this.dialect = dialect;
        this.readPool = readPool;
        this.writePool = writePool;
        this.reads = jdbi(dialect, readPool);
        this.writes = writePool == readPool ? reads : jdbi(dialect, writePool);
        this.groupCommit = dialect == Dialect.SQLITE ? new GroupCommit(writes) : null;
    }

    /** SQLite in the given data directory: the embedded default. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        return sqliteAt("jdbc:sqlite:" + fileIn(dataDir).toAbsolutePath());
    }

    /** Where the embedded database keeps its file in a data directory. */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("dearly.db");
    }

    /** The file a jdbc:sqlite: URL names; empty for PostgreSQL. */
    public static java.util.Optional<Path> fileOf(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.SQLITE) return java.util.Optional.empty();
        return java.util.Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", "")));
    }

    /** A database named by its JDBC URL: jdbc:postgresql://… or jdbc:sqlite:…. */
    public static Database at(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) == Dialect.SQLITE) return sqliteAt(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("dearly");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(config);
        return new Database(Dialect.POSTGRESQL, pool, pool);
    }

    private static Database sqliteAt(String jdbcUrl) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: each commit waits until the log is on disk. NORMAL survives a crash of Dearly but may
        // lose the last commits when the machine loses power, after the parent was told "received".
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        // Set on every connection the pools open: SQLite zeroes what a delete frees instead of leaving it
        // in free space, where a copy of the file would still show an erased parent's name.
        sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "on");
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(jdbcUrl);

        HikariDataSource writer = pool("dearly-write", dataSource, 1);
        HikariDataSource reader = pool("dearly-read", dataSource, 4);
        return new Database(Dialect.SQLITE, reader, writer);
    }

    private static HikariDataSource pool(String name, javax.sql.DataSource dataSource, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static Jdbi jdbi(Dialect dialect, HikariDataSource pool) {
        Jdbi jdbi = Jdbi.create(pool);
        if (dialect == Dialect.SQLITE) SqliteTypes.register(jdbi);
        return jdbi;
    }

    /** Brings the schema up to date; safe to run on every start and from several nodes at once. */
    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /**
     * How many migrations this program holds that the database has not had: 0 once {@link #migrate}
     * ran. More means the schema is older than the code expects (for /ready).
     */
    public int pendingMigrations() {
        return flyway().info().pending().length;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(writePool)
                .locations("classpath:db/migration", dialect.ownMigrations())
                .placeholders(dialect.placeholders())
                .load();
    }

    /** Lets {@code mapTo(type)} read rows of a feature's type; the feature registers its own mappers once. */
    public void registerRowMapper(RowMapper<?> mapper) {
        reads.registerRowMapper(mapper);
        if (writes != reads) writes.registerRowMapper(mapper);
    }

    /**
     * What db-scheduler runs on: the connections writes use (on SQLite the single writer, so its
     * claims queue with Dearly's writes), and how it stores times on this database.
     */
    public javax.sql.DataSource taskDataSource() {
        return writePool;
    }

    public com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization taskColumns() {
        return dialect == Dialect.SQLITE ? new SqliteTaskColumns()
                : new com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization(false, true);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Called on this node after each commit that appended to the change log (see {@link ChangeListeners}). */
    public void afterLoggedChange(Runnable listener) {
        writes.getConfig(ChangeListeners.class).add(listener);
        if (reads != writes) reads.getConfig(ChangeListeners.class).add(listener);
    }

    public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        return reads.withHandle(work);
    }

    public <R, X extends Exception> R write(HandleCallback<R, X> work) throws X {
        return groupCommit != null ? groupCommit.write(work) : writes.inTransaction(work);
    }

    /**
     * A write that no other node runs at the same moment, for a check-then-write that no constraint can
     * guard ("publish the first letter if nothing is written yet"): on PostgreSQL the transaction first
     * takes an advisory lock named {@code name}, held until it ends, so a second node waits and then
     * reads what the first committed. On SQLite the single writer connection already queues writes.
     */
    public <R, X extends Exception> R writeAlone(String name, HandleCallback<R, X> work) throws X {
        return writes.inTransaction(handle -> {
            if (dialect == Dialect.POSTGRESQL) {
                handle.createQuery("SELECT pg_advisory_xact_lock(hashtext(:name))").bind("name", name).mapToMap().list();
            }
            return work.withHandle(handle);
        });
    }

    /**
     * After an erase, moves what is committed from SQLite's write-ahead log into the database file
     * and empties the log: the log still holds the pages as they were before, erased rows included.
     * Nothing on PostgreSQL, whose dead rows and WAL only an operator can clear (see the README).
     */
    public void checkpoint() {
        if (dialect != Dialect.SQLITE) return;
        // On the writer's connection, so no write of ours runs beside it; a reader still reading may
        // keep older frames for now, and the next checkpoint takes them.
        writes.useHandle(handle -> handle.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
    }

    /**
     * Writes a consistent copy of the whole SQLite database to that new file while Dearly serves:
     * {@code VACUUM INTO} reads in one transaction, which in WAL mode holds no write back. The copy
     * leaves free pages out, so nothing erased travels in it. It appears whole or not at all.
     */
    public void backUpTo(Path file) throws java.io.IOException {
        if (dialect != Dialect.SQLITE) throw new IllegalStateException("only SQLite is copied by Dearly: use pg_dump");
        WholeFile.write(file, partial -> reads.withHandle(
                handle -> handle.createUpdate("VACUUM INTO :file").bind("file", partial.toString()).execute()));
    }

    /** True when the database answers a trivial query; for the health check. */
    public boolean answers() {
        try {
            return read((Handle handle) -> handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (groupCommit != null) groupCommit.close();
        if (writePool != readPool) writePool.close();
        readPool.close();
    }
}

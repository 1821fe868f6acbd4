package dearly.storage;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dearly migrate-to jdbc:postgresql://…}: copies the embedded SQLite database to PostgreSQL
 * ({@link CopyToPostgres}). It reads one consistent snapshot, so it runs beside a running Dearly; what
 * that Dearly writes after the snapshot stays behind, so stop it before the final copy.
 */
@Command(name = "migrate-to", mixinStandardHelpOptions = true,
        description = "Copy everything from the embedded SQLite database to a new PostgreSQL database, checked row by row.")
public final class MigrateToCommand implements Callable<Integer> {
    private final Supplier<Database> openDatabase;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JDBC_URL", description = "The PostgreSQL database, e.g. jdbc:postgresql://host:5432/dearly?user=dearly&password=…")
    String target;

    @Option(names = "--force", description = "Replace everything in a target that already holds tables (its rows are lost).")
    boolean force;

    /** @param openDatabase opens the configured (SQLite) database with its schema up to date; the command closes it */
    public MigrateToCommand(Supplier<Database> openDatabase) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!target.startsWith("jdbc:postgresql:")) {
            err.println("migrate-to copies to PostgreSQL: give a jdbc:postgresql://host:5432/database?user=… URL.");
            return 2;
        }
        try (Database source = openDatabase.get()) {
            if (source.dialect() != Dialect.SQLITE) {
                err.println("migrate-to copies from the embedded SQLite database: unset DEARLY_DATABASE_URL and set DEARLY_DATA_DIR.");
                return 2;
            }
            long started = System.nanoTime();
            CopyToPostgres.Report report = CopyToPostgres.copy(source, target, force);
            report.rows().forEach((table, rows) -> out.printf("  %-20s %,d%n", table, rows));
            out.printf("Copied %,d rows in %d tables to PostgreSQL, each table's count and content checked (%d ms).%n",
                    report.total(), report.rows().size(), (System.nanoTime() - started) / 1_000_000);
            out.printf("The copy is the database as it was at change %d. Anything a running Dearly on SQLite wrote after that"
                    + " is not in it: stop it before the final copy (then --force), and point every node at PostgreSQL.%n",
                    report.changeLogAt());
            out.flush();
            return 0;
        } catch (CopyToPostgres.NotEmpty | CopyToPostgres.Mismatch e) {
            err.println("Nothing copied: " + e.getMessage() + ".");
            return 1;
        }
    }
}

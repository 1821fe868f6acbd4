package dearly.storage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dearly backup FILE}: a consistent copy of the embedded SQLite database, taken while Dearly
 * serves. On PostgreSQL the server's own tool does it better (consistent, online, restorable
 * anywhere), so the command says how instead of copying.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database to a new FILE while Dearly runs (on PostgreSQL it tells how to use pg_dump).")
public final class BackupCommand implements Callable<Integer> {
    static final String POSTGRESQL = """
            Dearly's database is PostgreSQL: back it up with pg_dump, which copies it consistently while Dearly runs:
              pg_dump --format=custom --file=FILE 'postgresql://USER@HOST:5432/DATABASE'
            To restore, stop Dearly on every node, then:
              pg_restore --clean --if-exists --dbname='postgresql://USER@HOST:5432/DATABASE' FILE
            and run `dearly reindex` on each node before starting it.""";

    private final Supplier<Database> openDatabase;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the backup to write; it must not exist yet")
    Path file;

    /** @param openDatabase opens the configured database with its schema up to date; the command closes it */
    public BackupCommand(Supplier<Database> openDatabase) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(file)) {
            err.println(file.toAbsolutePath().normalize() + " exists already: give the backup a new name.");
            return 1;
        }
        try (Database database = openDatabase.get()) {
            if (database.dialect() != Dialect.SQLITE) {
                err.println(POSTGRESQL);
                return 1;
            }
            long started = System.nanoTime();
            database.backUpTo(file);
            out.printf("Backed up to %s (%d kB in %d ms). Restore it with: dearly restore %s%n", file.toAbsolutePath().normalize(),
                    Files.size(file) / 1024, (System.nanoTime() - started) / 1_000_000, file);
        }
        out.flush();
        return 0;
    }
}

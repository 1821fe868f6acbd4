package dearly.storage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dearly restore FILE}: puts a backup in place of the embedded SQLite database, with Dearly
 * stopped. The restored database is given a new identity, so the search index (built from the
 * database as it was) is rebuilt at the next start.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the SQLite database by a backup FILE (stop Dearly first; search is rebuilt at the next start).")
public final class RestoreCommand implements Callable<Integer> {
    /** Runs the work unless a Dearly runs on this data; false, with nothing done, when one does. */
    public interface WhileStopped {
        boolean run(Callable<Void> work) throws Exception;
    }

    private final Supplier<Optional<Path>> databaseFile;
    private final Supplier<Database> openDatabase;
    private final WhileStopped whileStopped;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a backup written by dearly backup")
    Path backup;

    /**
     * @param databaseFile the SQLite file Dearly is configured on; empty on PostgreSQL
     * @param openDatabase opens it with its schema up to date; the command closes it
     */
    public RestoreCommand(Supplier<Optional<Path>> databaseFile, Supplier<Database> openDatabase, WhileStopped whileStopped) {
        this.databaseFile = Objects.requireNonNull(databaseFile);
        this.openDatabase = Objects.requireNonNull(openDatabase);
        this.whileStopped = Objects.requireNonNull(whileStopped);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> database = databaseFile.get();
        if (database.isEmpty()) {
            err.println(BackupCommand.POSTGRESQL);
            return 1;
        }
        boolean restored = whileStopped.run(() -> {
            DatabaseFiles.restore(backup, database.get());
            try (Database opened = openDatabase.get()) {
                opened.write(handle -> {
                    new DatabaseIdentity().renew(handle);
                    return null;
                });
            }
            return null;
        });
        if (!restored) {
            err.println("Dearly is running on this data: stop it, then restore. Nothing was changed.");
            return 1;
        }
        out.println("Restored " + database.get().toAbsolutePath().normalize() + " from " + backup
                + ". Start Dearly: it rebuilds the search index from the restored letters.");
        out.flush();
        return 0;
    }
}

package dearly.search;

import dearly.letters.LetterRepository;
import dearly.storage.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dearly reindex}: builds this node's search index again from the database. Dearly does it
 * by itself at start when the index is missing, unreadable or from another version, so this is for
 * an operator who wants it done now, with Dearly stopped on this node (a running Dearly holds the
 * index, and says so).
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database (stop Dearly on this node first).")
public final class ReindexCommand implements Callable<Integer> {
    private final Supplier<Database> openDatabase;
    private final Supplier<Path> indexDirectory;

    @Spec
    CommandSpec spec;

    /**
     * @param openDatabase opens the configured database with its schema up to date; the command closes it
     * @param index the search index's directory (DEARLY_SEARCH_INDEX, or index in the data directory)
     */
    public ReindexCommand(Supplier<Database> openDatabase, Supplier<Path> indexDirectory) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
        this.indexDirectory = Objects.requireNonNull(indexDirectory);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path index = indexDirectory.get();
        long started = System.nanoTime();
        try (Database database = openDatabase.get();
                SearchIndex rebuilt = SearchIndex.rebuild(index, database, new LetterRepository(database, Instant::now), Instant::now)) {
            out.printf("Indexed %d letters in %s (%d ms).%n", rebuilt.size(), index.toAbsolutePath().normalize(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SearchIndex.InUse e) {
            spec.commandLine().getErr().println("A running Dearly is using the search index at "
                    + index.toAbsolutePath().normalize() + ": it keeps it current by itself. Stop it to rebuild the index.");
            return 1;
        }
        out.flush();
        return 0;
    }
}

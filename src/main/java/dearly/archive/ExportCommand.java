package dearly.archive;

import dearly.letters.LetterRepository;
import dearly.storage.Database;
import dearly.storage.WholeFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dearly export FILE}: every published and scheduled letter in Dearly's own archive format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every published letter to an archive in Dearly's own format (JSON lines).")
public final class ExportCommand implements Callable<Integer> {
    private final Supplier<Database> openDatabase;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Where to write the archive (replaced if it exists).")
    Path file;

    /** @param openDatabase opens the configured database with its schema up to date; the command closes it */
    public ExportCommand(Supplier<Database> openDatabase) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path target = file.toAbsolutePath();
        // A failed export never leaves half a file in the target's place.
        int written = WholeFile.write(target, partial -> {
            try (Database database = openDatabase.get(); Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                return new ArchiveExport(database, new LetterRepository(database, Instant::now)).jsonl(writer, count -> {
                    if (System.console() != null) spec.commandLine().getErr().print("\rExported " + count + "...");
                });
            }
        });
        if (System.console() != null) spec.commandLine().getErr().print("\r");
        out.println("Exported " + written + (written == 1 ? " letter" : " letters") + " to " + target.normalize() + ".");
        out.flush();
        return 0;
    }
}

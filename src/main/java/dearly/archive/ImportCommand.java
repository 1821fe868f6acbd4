package dearly.archive;

import dearly.storage.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dearly import FILE}: brings in an archive, Dearly's own (JSON lines) or a WordPress export.
 * Runs beside a running Dearly: every letter is logged for the search index as it is written.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import letters from an archive: Dearly's own (JSON lines) or a WordPress export (--format wordpress).")
public final class ImportCommand implements Callable<Integer> {
    enum Format { jsonl, wordpress }

    private final Supplier<Database> openDatabase;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", description = "jsonl (Dearly's own, the default) or wordpress (a WXR export file).")
    Format format = Format.jsonl;

    @Parameters(paramLabel = "FILE", description = "The archive to import.")
    Path file;

    /** @param openDatabase opens the configured database with its schema up to date; the command closes it */
    public ImportCommand(Supplier<Database> openDatabase) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println("Cannot read " + file + ": there is no such file, or it cannot be opened.");
            return 1;
        }
        ImportReport report;
        long started;
        try (Database database = openDatabase.get()) {
            started = System.nanoTime(); // the import's own time, not opening and migrating the database
            ArchiveImport archive = new ArchiveImport(database, Instant::now);
            Consumer<ImportReport> progress = progress(err);
            if (format == Format.wordpress) {
                try (InputStream in = Files.newInputStream(file)) {
                    report = archive.wordpress(in, progress);
                } catch (WordPressExport.Unreadable e) {
                    err.println("Cannot import " + file + ": " + e.getMessage() + ". Nothing after that point was imported.");
                    return 1;
                }
            } else {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    report = archive.jsonl(in, progress);
                } catch (CharacterCodingException e) {
                    err.println("Cannot import " + file + ": it is not UTF-8 text. The lines before the first that is not were imported.");
                    return 1;
                }
            }
        } catch (NoSuchFileException e) {
            err.println("Cannot read " + file + ": there is no such file.");
            return 1;
        }
        if (System.console() != null) err.print("\r");
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        out.printf("%s, in %d ms (%d a second).%n", report.summary(), millis, report.imported() * 1000L / millis);
        report.skips().forEach(note -> out.println("  left out, " + note));
        report.problems().forEach(note -> out.println("  not imported, " + note));
        int unlisted = report.skippedCount() - report.skips().size() + report.failedCount() - report.problems().size();
        if (unlisted > 0) out.println("  ... and " + unlisted + " more not listed.");
        out.flush();
        return report.failedCount() == 0 ? 0 : 1;
    }

    /** On a terminal, one line that counts up; nothing when the output goes to a file or a pipe. */
    private static Consumer<ImportReport> progress(PrintWriter err) {
        if (System.console() == null) return report -> { };
        return report -> {
            err.print("\rImported " + report.imported() + "...");
            err.flush();
        };
    }
}

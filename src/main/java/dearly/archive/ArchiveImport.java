package dearly.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.letters.ArchivedLetter;
import dearly.letters.Archiving;
import dearly.storage.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings an archive into Dearly, one item at a time and one transaction per item, so a bad item
 * leaves nothing half-written and the rest still comes in. Importing the same archive again updates
 * the letters it made (matched by external id), never doubles them. Memory stays flat: one line or
 * one post is held at a time.
 */
public final class ArchiveImport {
    /** How often, in items, the progress callback hears how far the import is. */
    static final int PROGRESS_EVERY = 250;

    private final Database database;
    private final Archiving archiving = new Archiving();
    private final Supplier<Instant> clock;
    private final JsonlFormat format = new JsonlFormat(new ObjectMapper());
    private final ObjectMapper json = new ObjectMapper();

    public ArchiveImport(Database database, Supplier<Instant> clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Dearly's own archive: one JSON object a line; blank lines are passed over. */
    public ImportReport jsonl(BufferedReader lines, Consumer<ImportReport> progress) throws IOException {
        ImportReport report = new ImportReport();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) continue;
            String where = "line " + number;
            ArchivedLetter letter;
            try {
                JsonNode node = json.readTree(number == 1 ? line.replaceFirst("^\uFEFF", "") : line);
                letter = format.read(node);
            } catch (JsonProcessingException e) {
                report.failed(where, "not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
                continue;
            } catch (IllegalArgumentException e) {
                report.failed(where, e.getMessage());
                continue;
            }
            save(where, letter, report);
            if (number % PROGRESS_EVERY == 0) progress.accept(report);
        }
        return report;
    }

    /** A WordPress export (WXR): its published posts become letters; its pages, drafts and comments stay behind. */
    public ImportReport wordpress(InputStream export, Consumer<ImportReport> progress) throws WordPressExport.Unreadable {
        ImportReport report = new ImportReport();
        int[] posts = {0};
        WordPressExport.read(export, (site, item) -> {
            if (!WordPressPosts.isPost(item)) return;
            String where = "post " + item.postId() + (item.link().isBlank() ? "" : " (" + item.link() + ")");
            var leftOut = WordPressPosts.leftOut(item);
            if (leftOut.isPresent()) {
                report.skipped(where, leftOut.get());
                return;
            }
            ArchivedLetter letter;
            try {
                letter = WordPressPosts.letter(site, item);
            } catch (IllegalArgumentException e) {
                report.failed(where, e.getMessage());
                return;
            }
            save(where, letter, report);
            if (++posts[0] % PROGRESS_EVERY == 0) progress.accept(report);
        });
        return report;
    }

    private void save(String where, ArchivedLetter letter, ImportReport report) {
        try {
            Archiving.Imported imported = database.write(handle -> archiving.importLetter(handle, letter, clock.get()));
            if (imported.created()) report.countCreated();
            else report.countUpdated();
        } catch (RuntimeException e) {
            // The transaction rolled back: nothing of this item is written. The type only: a message could quote the text.
            report.failed(where, "could not be saved (" + e.getClass().getSimpleName() + ")");
        }
    }
}

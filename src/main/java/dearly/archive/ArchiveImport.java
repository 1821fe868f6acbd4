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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings an archive into Dearly. Each item is read and checked on its own (a bad one is reported and
 * skipped), then the good ones are written a batch at a time, one transaction per batch, which is
 * what makes an import fast. When a batch cannot be written, it is rolled back and written again
 * one item per transaction, so the item at fault is reported and nothing of it is written, and the
 * rest still comes in. Importing the same archive again updates the letters it made (matched by
 * external id), never doubles them. Memory stays flat: one line or post is read at a time, and a
 * batch holds at most {@value #BATCH} letters or about {@value #BATCH_CHARS} characters of them.
 */
public final class ArchiveImport {
    static final int BATCH = 500;
    static final int BATCH_CHARS = 4_000_000;

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
        Batch batch = new Batch(report, progress);
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) continue;
                String where = "line " + number;
                try {
                    JsonNode node = json.readTree(number == 1 ? line.replaceFirst("^\uFEFF", "") : line);
                    batch.add(where, format.read(node));
                } catch (JsonProcessingException e) {
                    report.failed(where, "not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
                } catch (IllegalArgumentException e) {
                    report.failed(where, e.getMessage());
                }
            }
        } finally {
            batch.write(); // also when the file cannot be read on: what came before it is in
        }
        return report;
    }

    /** A WordPress export (WXR): its published posts become letters; its pages, drafts and comments stay behind. */
    public ImportReport wordpress(InputStream export, Consumer<ImportReport> progress) throws WordPressExport.Unreadable {
        ImportReport report = new ImportReport();
        Batch batch = new Batch(report, progress);
        try {
            readPosts(export, report, batch);
        } finally {
            batch.write(); // also when the file breaks off: the posts before it are in
        }
        return report;
    }

    private static void readPosts(InputStream export, ImportReport report, Batch batch) throws WordPressExport.Unreadable {
        WordPressExport.read(export, (site, item) -> {
            if (!WordPressPosts.isPost(item)) return;
            String where = "post " + item.postId() + (item.link().isBlank() ? "" : " (" + item.link() + ")");
            var leftOut = WordPressPosts.leftOut(item);
            if (leftOut.isPresent()) {
                report.skipped(where, leftOut.get());
                return;
            }
            try {
                batch.add(where, WordPressPosts.letter(site, item));
            } catch (IllegalArgumentException e) {
                report.failed(where, e.getMessage());
            }
        });
    }

    /** Letters read and checked, waiting to be written together. */
    private final class Batch {
        private final ImportReport report;
        private final Consumer<ImportReport> progress;
        private final List<String> wheres = new ArrayList<>();
        private final List<ArchivedLetter> letters = new ArrayList<>();
        private final Set<String> externalIds = new HashSet<>();
        private long chars;

        Batch(ImportReport report, Consumer<ImportReport> progress) {
            this.report = report;
            this.progress = progress;
        }

        void add(String where, ArchivedLetter letter) {
            // A second copy of an id updates what the first wrote: it goes in the next batch.
            if (externalIds.contains(letter.source().externalId())) write();
            wheres.add(where);
            letters.add(letter);
            externalIds.add(letter.source().externalId());
            chars += letter.words().bodyMarkdown().length() + letter.words().standfirst().length();
            if (letters.size() >= BATCH || chars >= BATCH_CHARS) write();
        }

        void write() {
            if (letters.isEmpty()) return;
            try {
                count(database.write(handle -> archiving.importLetters(handle, letters, clock.get())));
            } catch (RuntimeException batchFailed) {
                for (int i = 0; i < letters.size(); i++) {
                    ArchivedLetter letter = letters.get(i);
                    try {
                        count(database.write(handle -> archiving.importLetters(handle, List.of(letter), clock.get())));
                    } catch (RuntimeException e) {
                        // Rolled back: nothing of this item is written. The type only: a message could quote the text.
                        report.failed(wheres.get(i), "could not be saved (" + e.getClass().getSimpleName() + ")");
                    }
                }
            }
            wheres.clear();
            letters.clear();
            externalIds.clear();
            chars = 0;
            progress.accept(report);
        }

        private void count(List<Archiving.Imported> imported) {
            for (Archiving.Imported one : imported) {
                if (one.created()) report.countCreated();
                else report.countUpdated();
            }
        }
    }
}

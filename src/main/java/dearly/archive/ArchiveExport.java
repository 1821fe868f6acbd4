package dearly.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.letters.ArchivedLetter;
import dearly.letters.Archiving;
import dearly.letters.LetterRepository;
import dearly.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.IntConsumer;

/**
 * Writes every published and scheduled letter in Dearly's archive format, one line each, in the
 * order they were written, reading the database in batches so memory stays flat. What leaves is
 * only what readers see (the byline as published, never an asker's private details).
 */
public final class ArchiveExport {
    private final Database database;
    private final LetterRepository letters;
    private final Archiving archiving = new Archiving();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonlFormat format = new JsonlFormat(json);

    public ArchiveExport(Database database, LetterRepository letters) {
        this.database = database;
        this.letters = letters;
    }

    /** Writes the archive; the number of letters written. */
    public int jsonl(Writer out, IntConsumer progress) {
        int[] written = {0};
        letters.eachPublishedOrScheduled(letter -> {
            var oldPaths = database.read(handle -> archiving.oldPaths(handle, letter.id()));
            try {
                out.write(json.writeValueAsString(format.write(ArchivedLetter.of(letter, Archiving.externalIdOf(letter), oldPaths))));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++written[0] % ArchiveImport.PROGRESS_EVERY == 0) progress.accept(written[0]);
        });
        return written[0];
    }
}

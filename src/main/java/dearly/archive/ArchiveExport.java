package dearly.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.letters.ArchivedLetter;
import dearly.letters.Archiving;
import dearly.letters.Letter;
import dearly.letters.LetterRepository;
import dearly.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Writes every published and scheduled letter in Dearly's archive format, one line each, in the
 * order they were written, reading the database in batches so memory stays flat. What leaves is
 * only what readers see (the byline as published, never an asker's private details).
 */
public final class ArchiveExport {
    private static final int BATCH = 500;

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
        List<Letter> batch = new ArrayList<>(BATCH);
        letters.eachPublishedOrScheduled(letter -> {
            batch.add(letter);
            if (batch.size() == BATCH) written[0] += write(batch, out, progress, written[0]);
        });
        return written[0] + write(batch, out, progress, written[0]);
    }

    /** Writes the batch, its old paths read in one query, and empties it; how many it wrote. */
    private int write(List<Letter> batch, Writer out, IntConsumer progress, int before) {
        var oldPaths = database.read(handle -> archiving.oldPaths(handle, batch.stream().map(Letter::id).toList()));
        try {
            for (Letter letter : batch) {
                ArchivedLetter archived = ArchivedLetter.of(letter, Archiving.externalIdOf(letter), oldPaths.getOrDefault(letter.id(), List.of()));
                out.write(json.writeValueAsString(format.write(archived)));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = batch.size();
        batch.clear();
        if (count > 0) progress.accept(before + count);
        return count;
    }
}

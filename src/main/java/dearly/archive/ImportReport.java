package dearly.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: letters created and updated, items left out on purpose (a draft, a private
 * post), and problems, each with where it is in the file. Keeps the first {@value #KEPT} problems and
 * skips, and counts the rest, so a bad file of a million lines cannot fill the memory.
 */
public final class ImportReport {
    static final int KEPT = 200;

    /** One item not imported: where it is ("line 12", "post 1164"), and why. */
    public record Note(String where, String why) {
        @Override
        public String toString() {
            return where + ": " + why;
        }
    }

    private int created, updated, skipped, failed;
    private final List<Note> skips = new ArrayList<>();
    private final List<Note> problems = new ArrayList<>();

    void countCreated() {
        created++;
    }

    void countUpdated() {
        updated++;
    }

    void skipped(String where, String why) {
        skipped++;
        if (skips.size() < KEPT) skips.add(new Note(where, why));
    }

    void failed(String where, String why) {
        failed++;
        if (problems.size() < KEPT) problems.add(new Note(where, why));
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int skippedCount() {
        return skipped;
    }

    public int failedCount() {
        return failed;
    }

    public int imported() {
        return created + updated;
    }

    public List<Note> skips() {
        return List.copyOf(skips);
    }

    public List<Note> problems() {
        return List.copyOf(problems);
    }

    /** One line for the terminal. */
    public String summary() {
        return "%d imported (%d new, %d updated), %d left out, %d with problems".formatted(imported(), created, updated, skipped, failed);
    }
}

package dearly.desk;

import dearly.asking.QuestionQueue;
import dearly.letters.Publishing;
import dearly.storage.Database;
import java.time.ZoneId;

/**
 * A letter keeps the byline it was published with. Letters published before it did get theirs at
 * the next start, made from the asker's profile the way publishing makes it now.
 */
public final class BylineSnapshots {
    private final Database database;
    private final QuestionQueue questions;
    private final Publishing letters;
    private final ZoneId instanceZone;

    public BylineSnapshots(Database database, QuestionQueue questions, Publishing letters, ZoneId instanceZone) {
        this.instanceZone = instanceZone;
        this.database = database;
        this.questions = questions;
        this.letters = letters;
    }

    /** Gives every letter without a kept byline the one its question makes; returns how many. */
    public int takeMissing() {
        return database.write(handle -> {
            int taken = 0;
            for (Publishing.MissingByline missing : letters.missingBylines(handle)) {
                letters.keepByline(handle, missing.letterId(),
                        questions.byline(handle, missing.questionId(), missing.language(), instanceZone).orElse(""));
                taken++;
            }
            return taken;
        });
    }
}

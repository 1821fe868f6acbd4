package dearly.desk;

import java.time.Instant;

/**
 * The letter being written for one question.
 *
 * @param version the number of the revision it now holds; a save names the version it was typed on
 * @param publishAt when an approved draft is to be published (SCHEDULED), else null
 * @param letterId the letter it became once published, else null
 */
public record Draft(long id, long questionId, DraftState state, int version, DraftWords words, Instant updatedAt,
        Instant publishAt, Long letterId) {}

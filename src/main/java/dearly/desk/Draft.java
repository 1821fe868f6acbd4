package dearly.desk;

import java.time.Instant;

/**
 * The letter being written for one question.
 *
 * @param version the number of the revision it now holds; a save names the version it was typed on
 */
public record Draft(long id, long questionId, DraftState state, int version, DraftWords words, Instant updatedAt) {}

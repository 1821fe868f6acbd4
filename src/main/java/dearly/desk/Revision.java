package dearly.desk;

import java.time.Instant;

/**
 * One save of a draft.
 *
 * @param basedOn the version it was typed on
 * @param keptAside typed on an older version than the draft held, so kept here instead of applied
 * @param settled for a save kept aside: taken back or let go, so no longer offered
 * @param savedBy the colleague's name when she saved it
 */
public record Revision(
        long id, int number, int basedOn, boolean keptAside, boolean settled, DraftWords words, String savedBy, Instant savedAt) {

    /** A save kept aside that nobody has taken back or let go yet. */
    public boolean offered() {
        return keptAside && !settled;
    }
}

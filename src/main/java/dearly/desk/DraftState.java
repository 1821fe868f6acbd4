package dearly.desk;

/**
 * Where a letter's draft stands, and who may change its words in each state: the advisor writes
 * (DRAFTING), submits it for review (SUBMITTED), an editor asks for changes (CHANGES_ASKED) or
 * approves it, publishing it now (PUBLISHED) or at a set time (SCHEDULED). A published letter may
 * be corrected (its draft stays open to editors) or taken down (UNPUBLISHED).
 */
public enum DraftState {
    /** The advisor is writing; she and the editors may change every word. */
    DRAFTING,
    /** Waiting for an editor's review; the words may still change (an editor tidies a headline). */
    SUBMITTED,
    /** An editor asked the advisor for changes, with a message she sees on her draft. */
    CHANGES_ASKED,
    /** Approved and waiting for its time: the words are what will be published. */
    SCHEDULED,
    /** Published: editors may change the draft and publish a correction with a note. */
    PUBLISHED,
    /** Taken down: its page says so, kindly. */
    UNPUBLISHED;

    public boolean editable() {
        return this == DRAFTING || this == SUBMITTED || this == CHANGES_ASKED || this == PUBLISHED;
    }

    /** The advisor may send it for review. */
    public boolean submittable() {
        return this == DRAFTING || this == CHANGES_ASKED;
    }

    /** An editor may ask for changes or approve it. */
    public boolean reviewable() {
        return this == SUBMITTED || this == DRAFTING || this == CHANGES_ASKED;
    }
}

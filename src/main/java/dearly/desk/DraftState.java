package dearly.desk;

/**
 * Where a letter's draft stands. Only drafting exists yet: submitting for review, approval and
 * publishing add their states here, and the rule of who may change the words in each beside them.
 */
public enum DraftState {
    /** The advisor is writing; she and the editors may change every word. */
    DRAFTING;

    public boolean editable() {
        return this == DRAFTING;
    }
}

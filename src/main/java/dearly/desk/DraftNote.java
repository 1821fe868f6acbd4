package dearly.desk;

import java.time.Instant;

/** What an editor wrote on a draft: a comment, or the changes she asks of the advisor. */
public record DraftNote(Kind kind, String body, String writtenBy, Instant writtenAt) {
    public enum Kind { COMMENT, CHANGES }
}

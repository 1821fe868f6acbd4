package dearly.asking;

import java.time.Instant;

/** What the editors wrote to her directly, before any letter: shown on her status page and mailed to her. */
public record EditorMessage(String body, Instant sentAt) {}

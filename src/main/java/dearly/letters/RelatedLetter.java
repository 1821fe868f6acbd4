package dearly.letters;

/**
 * A published letter offered beside a text on the same worry: where to read it, its headline and a
 * short plain-text snippet (escaped by whoever renders it), how close it is (higher is closer; only
 * an order, not a percentage), and where an imported letter came from (null for Dearly's own).
 */
public record RelatedLetter(String path, String headline, String snippet, float score, String externalId,
        String sourceUrl) {}

package dearly.asking;

/**
 * One sign of crisis in a question: the kind of danger, the sentence that showed it (as she wrote
 * it), and which layer of {@link CrisisSigns} recognised it, so that an editor can see why a
 * question was marked urgent and judge it in seconds.
 */
public record CrisisSign(CrisisKind kind, String sentence, Layer layer) {
    /** How a sign was recognised, from the most literal to the loosest. */
    public enum Layer {
        /** A pattern of the phrase data ({@code crisis/en.txt}, {@code es.txt}) matched her words. */
        PHRASE,
        /** Words of a rule in {@code crisis/stems-*.txt} stood near each other, in any form and order, not negated. */
        STEMS,
        /** The sentence means nearly what a labelled example in {@code crisis/examples.jsonl} means. */
        MEANING
    }

    public CrisisSign {
        if (kind == null || sentence == null || layer == null) throw new IllegalArgumentException("a crisis sign needs a kind, a sentence and a layer");
    }
}

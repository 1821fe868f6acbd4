package dearly.asking;

import java.util.List;
import java.util.Locale;

/**
 * Shows how the detector reads a text given on the command line: each sentence's gloss, its meaning
 * scores per kind and against the ordinary examples, and every sign. Run by hand while editing the
 * data: {@code CRISIS_MAIN=dearly.asking.CrisisProbe bench/crisis-dev/run "text" ...}.
 */
final class CrisisProbe {
    public static void main(String[] args) {
        CrisisSigns signs = CrisisSigns.load();
        MeaningSigns meaning = signs.meaning();
        Gloss gloss = Gloss.load();
        for (String text : args) {
            System.out.println("TEXT " + text);
            for (String sentence : CrisisText.sentences(text)) {
                MeaningSigns.Scores scores = meaning.scores(meaning.vector(sentence), null);
                StringBuilder line = new StringBuilder();
                for (CrisisKind kind : CrisisKind.values()) {
                    line.append(String.format(Locale.ROOT, " %s=%.3f", kind.name().substring(0, 4), scores.kinds()[kind.ordinal()]));
                }
                System.out.printf(Locale.ROOT, "  [%s]%n    gloss: %s%n    %s benign=%.3f%n", sentence, gloss.forTheModel(sentence), line, scores.benign());
                for (var near : meaning.nearest(meaning.vector(sentence), Integer.getInteger("near", 6))) {
                    System.out.printf(Locale.ROOT, "      %.3f %s %s: %s%n", near.getValue(), near.getKey().id(), near.getKey().kind(), near.getKey().text());
                }
            }
            List<CrisisSign> found = signs.check(text);
            for (CrisisSign sign : found) System.out.println("  SIGN " + sign.kind() + "/" + sign.layer() + ": " + sign.sentence());
        }
    }
}

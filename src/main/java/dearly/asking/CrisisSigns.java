package dearly.asking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds signs of crisis in a question, in three layers that each say which sentence showed which
 * kind, so that an editor can judge a flag in seconds:
 *
 * <ul>
 *   <li>{@link CrisisSign.Layer#PHRASE}: patterns of words written by hand ({@code crisis/en.txt},
 *       {@code es.txt}), with the idioms to set aside; exact and explainable.
 *   <li>{@link CrisisSign.Layer#STEMS}: a few words near each other in any form and order, not
 *       negated ({@code crisis/stems-en.txt}, {@code stems-es.txt}); catches the rewordings.
 *   <li>{@link CrisisSign.Layer#MEANING}: sentences that mean nearly what a labelled example means
 *       ({@code crisis/examples.jsonl}); catches what no rule was written for.
 * </ul>
 *
 * <p>What counts is data, not code, and every language's data is tried on every question because
 * parents mix languages. Missing a crisis is far worse than a false alarm: a kind shown by any layer
 * is shown. {@code bench/crisis/run} measures the whole on a held-out evaluation set.
 */
public final class CrisisSigns {
    private final Distance distance;
    private final PhraseSigns phrases;
    private final StemSigns stems;
    private final MeaningSigns meaning;

    private CrisisSigns(Distance distance, PhraseSigns phrases, StemSigns stems, MeaningSigns meaning) {
        this.distance = distance;
        this.phrases = phrases;
        this.stems = stems;
        this.meaning = meaning;
    }

    /**
     * The detector, built once per JVM: it is immutable and made only of data on the class path, and
     * building it (the model, the examples' meanings) takes seconds, so every caller shares one. A
     * mistake in the data fails here, at start-up.
     */
    public static CrisisSigns load() {
        return Shared.SIGNS;
    }

    private static final class Shared {
        static final CrisisSigns SIGNS = load(Distance.load());

        private static CrisisSigns load(Distance distance) {
            return new CrisisSigns(distance, PhraseSigns.load(), StemSigns.load(), MeaningSigns.load(distance));
        }
    }

    /**
     * Every sign in the text (its first 20,000 characters): each kind with the sentence that showed it,
     * once per layer that recognised it, in the order of {@link CrisisKind} then of the layers.
     */
    public List<CrisisSign> check(String text) {
        return check(text, null);
    }

    /** As {@link #check(String)}, with the labelled example {@code leftOut} taken out of the meaning layer's (for tuning). */
    List<CrisisSign> check(String text, String leftOut) {
        List<String> written = CrisisText.sentences(text);
        // What is told from a distance (someone else's crisis, her own long past) is set aside; each
        // sign still names the sentence as she wrote it.
        List<String> herOwn = distance.herOwn(written);
        Map<String, String> asWritten = new HashMap<>();
        List<String> sentences = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            // A sentence written again (a long question pasted twice) is read once, where it first stands.
            String words = CrisisText.normalise(herOwn.get(i));
            if (words.isEmpty() || !read.add(words)) continue;
            sentences.add(herOwn.get(i));
            asWritten.putIfAbsent(herOwn.get(i), written.get(i));
        }
        if (sentences.isEmpty()) return List.of();
        Set<CrisisSign> found = new LinkedHashSet<>();
        // The stems layer reads each sentence with the phrase data's idioms set aside, then names it as written.
        List<String> withoutIdioms = new ArrayList<>();
        for (String sentence : sentences) {
            String stemsRead = phrases.withIdiomsSetAside(sentence);
            withoutIdioms.add(stemsRead);
            asWritten.putIfAbsent(stemsRead, asWritten.get(sentence));
        }
        for (List<CrisisSign> layer : List.of(phrases.in(sentences), stems.in(withoutIdioms), meaning.in(sentences, leftOut))) {
            for (CrisisSign sign : layer) found.add(new CrisisSign(sign.kind(), asWritten.get(sign.sentence()), sign.layer()));
        }
        List<CrisisSign> signs = new ArrayList<>(found);
        signs.sort(Comparator.comparing(CrisisSign::kind).thenComparing(CrisisSign::layer));
        return List.copyOf(signs);
    }

    /** The kinds of crisis the text shows signs of; empty when none. */
    public Set<CrisisKind> in(String text) {
        Set<CrisisKind> kinds = EnumSet.noneOf(CrisisKind.class);
        for (CrisisSign sign : check(text)) kinds.add(sign.kind());
        return kinds;
    }

    /** How every layer reads a text: see {@link CrisisText#normalise}. */
    static String normalise(String text) {
        return CrisisText.normalise(text);
    }

    /** The meaning layer, for tuning its thresholds on the examples. */
    MeaningSigns meaning() {
        return meaning;
    }
}

package dearly.asking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Which sentences of a long question the meaning layer reads. The model costs a few milliseconds a
 * sentence, so a 10,000-character question read whole would take a second; a question of at most
 * {@link #READ_ALL} sentences is read whole, and a longer one only in the sentences whose words most
 * resemble the crisis examples' rather than the ordinary ones' (naive Bayes over words and their
 * English and Spanish stems, learnt from {@code crisis/examples.jsonl} at start-up), at most
 * {@link #READ_ALL} of them. The phrase and stems layers still read every sentence. A shortlist is
 * never a sign: it only chooses what the model reads.
 */
final class Shortlist {
    /** A question of at most this many sentences is read whole by the model; a longer one, this many at most. */
    static final int READ_ALL = 5;

    private final Map<String, Double> logOdds;

    private Shortlist(Map<String, Double> logOdds) {
        this.logOdds = Map.copyOf(logOdds);
    }

    /** Learns which words lean to crisis from the examples: add-one smoothing, each feature counted once a text. */
    static Shortlist learn(List<MeaningSigns.Example> examples) {
        Map<String, int[]> counts = new HashMap<>();
        int crises = 0;
        int ordinary = 0;
        Stemmers stemmers = new Stemmers();
        for (MeaningSigns.Example example : examples) {
            boolean crisis = example.kind() != null;
            if (crisis) crises++;
            else ordinary++;
            for (String feature : features(example.text(), stemmers)) counts.computeIfAbsent(feature, f -> new int[2])[crisis ? 0 : 1]++;
        }
        Map<String, Double> logOdds = new HashMap<>();
        for (Map.Entry<String, int[]> feature : counts.entrySet()) {
            int[] seen = feature.getValue();
            logOdds.put(feature.getKey(), Math.log((seen[0] + 1.0) / (crises + 2.0)) - Math.log((seen[1] + 1.0) / (ordinary + 2.0)));
        }
        return new Shortlist(logOdds);
    }

    /** The units the model should read: all of them when few, else the most crisis-like, in her order. */
    List<String> of(List<String> units) {
        if (units.size() <= READ_ALL) return units;
        Stemmers stemmers = new Stemmers();
        Map<String, Double> scores = new HashMap<>();
        for (String unit : units) scores.put(unit, score(unit, stemmers));
        List<String> ranked = new ArrayList<>(units);
        ranked.sort(Comparator.comparingDouble(scores::get).reversed());
        Set<String> chosen = new LinkedHashSet<>(ranked.subList(0, READ_ALL));
        return units.stream().filter(chosen::contains).toList();
    }

    /** How much more the words lean to the crisis examples than to the ordinary ones; unknown words count nothing. */
    double score(String unit) {
        return score(unit, new Stemmers());
    }

    private double score(String unit, Stemmers stemmers) {
        double score = 0;
        for (String feature : features(unit, stemmers)) score += logOdds.getOrDefault(feature, 0.0);
        return score;
    }

    /** Snowball stemmers keep state, so each call has its own. */
    private record Stemmers(SnowballStemmer english, SnowballStemmer spanish) {
        Stemmers() {
            this(new EnglishStemmer(), new SpanishStemmer());
        }
    }

    private static Set<String> features(String text, Stemmers stemmers) {
        SnowballStemmer english = stemmers.english();
        SnowballStemmer spanish = stemmers.spanish();
        List<String> words = CrisisText.words(text);
        Set<String> features = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            features.add("w " + word);
            features.add("en " + stem(english, word));
            features.add("es " + stem(spanish, word));
            if (i > 0) features.add("b " + words.get(i - 1) + " " + word);
        }
        return features;
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}

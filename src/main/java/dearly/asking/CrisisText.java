package dearly.asking;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How every layer of {@link CrisisSigns} reads a question: cut into sentences as she wrote them,
 * and each sentence read as people type on a phone at night (lower case, no accents, no
 * apostrophes, no punctuation).
 */
final class CrisisText {
    // A question is at most about 10,200 characters (title and body); reading a rejected 1 MB body
    // in full would cost seconds of CPU per request.
    static final int READ_AT_MOST = 20_000;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc\u0060\u00b4]");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    // The end of a sentence, a line, or a clause closed by a semicolon; "3.5 kg" stays whole.
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…;])\\s+|\\s*\\n\\s*");

    private CrisisText() {}

    /** Her sentences as she wrote them, trimmed, without the empty ones; at most the first 20,000 characters. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) return sentences;
        String read = text.substring(0, Math.min(text.length(), READ_AT_MOST));
        for (String sentence : SENTENCE_END.split(read)) {
            if (!normalise(sentence).isEmpty()) sentences.add(sentence.strip());
        }
        return sentences;
    }

    /**
     * Lower case, without accents or apostrophes, every run of anything else that is not a letter or
     * digit made one space: "¡No QUIERO vivir… ya!" becomes "no quiero vivir ya", "I’m" becomes "im".
     */
    static String normalise(String text) {
        return NOT_WORDS.matcher(fold(text.toLowerCase(Locale.ROOT))).replaceAll(" ").strip();
    }

    /** The words of a normalised text. */
    static List<String> words(String text) {
        String normalised = normalise(text);
        return normalised.isEmpty() ? List.of() : List.of(normalised.split(" "));
    }

    // Apostrophes go first: NFKD would turn an acute accent typed as an apostrophe into a space.
    static String fold(String text) {
        String withoutApostrophes = APOSTROPHES.matcher(text).replaceAll("");
        return MARKS.matcher(Normalizer.normalize(withoutApostrophes, Normalizer.Form.NFKD)).replaceAll("");
    }
}

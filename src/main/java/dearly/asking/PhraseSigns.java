package dearly.asking;

import dearly.language.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The phrase layer: patterns of words, one file per language under {@code dearly/asking/crisis/}
 * (the format is described at the top of each file), with the idioms and negations to set aside.
 * Every language's patterns are tried on every question, because parents mix languages.
 *
 * <p>Exclusions only set aside the words they match, never the whole question: "this teething is
 * killing me, and sometimes I want to end it all" is still a crisis.
 */
final class PhraseSigns {
    private static final String EXCLUDE = "EXCLUDE";

    private final List<Pattern> exclusions;
    private final Map<CrisisKind, List<Pattern>> signs;

    private PhraseSigns(List<Pattern> exclusions, Map<CrisisKind, List<Pattern>> signs) {
        this.exclusions = List.copyOf(exclusions);
        this.signs = signs;
    }

    /** Reads the data files of every language Dearly speaks; a mistake in them fails here, at start-up. */
    static PhraseSigns load() {
        List<Pattern> exclusions = new ArrayList<>();
        Map<CrisisKind, List<Pattern>> signs = new EnumMap<>(CrisisKind.class);
        for (Language language : Language.values()) {
            read(language.code() + ".txt", exclusions, signs);
        }
        return new PhraseSigns(exclusions, signs);
    }

    /**
     * The signs in her sentences. They are read as one text, as a phone at night writes them (a pattern
     * may run on past a full stop), and each sign is told with the sentence where its match begins.
     */
    List<CrisisSign> in(List<String> sentences) {
        StringBuilder joined = new StringBuilder(" ");
        int[] starts = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            starts[i] = joined.length();
            joined.append(CrisisText.normalise(sentences.get(i))).append(' ');
        }
        String words = joined.toString();
        for (Pattern exclusion : exclusions) {
            words = exclusion.matcher(words).replaceAll(PhraseSigns::setAside);
        }
        List<CrisisSign> found = new ArrayList<>();
        for (Map.Entry<CrisisKind, List<Pattern>> kind : signs.entrySet()) {
            for (Pattern sign : kind.getValue()) {
                Matcher match = sign.matcher(words);
                if (match.find()) {
                    int sentence = Arrays.binarySearch(starts, match.start());
                    if (sentence < 0) sentence = -sentence - 2;
                    found.add(new CrisisSign(kind.getKey(), sentences.get(Math.max(sentence, 0)), CrisisSign.Layer.PHRASE));
                    break;
                }
            }
        }
        return found;
    }

    // Set-aside words become a run of "/" as long as they were, so every later offset still points
    // into the right sentence; "/" is not a letter, so no pattern can match across it.
    private static String setAside(java.util.regex.MatchResult match) {
        int length = match.end() - match.start();
        return length < 3 ? "/".repeat(length) : " " + "/".repeat(length - 2) + " ";
    }

    private static void read(String file, List<Pattern> exclusions, Map<CrisisKind, List<Pattern>> signs) {
        List<Pattern> section = null;
        for (CrisisData.Entry line : CrisisData.entries(file, words -> "(?:" + words + ")")) {
            String entry = line.text();
            if (entry.startsWith("[") && entry.endsWith("]")) {
                section = section(entry.substring(1, entry.length() - 1).strip(), line.where(), exclusions, signs);
            } else if (section == null) {
                throw new IllegalStateException(line.where() + ": a pattern before any [SECTION]");
            } else {
                section.add(compile(entry, line.where()));
            }
        }
    }

    private static List<Pattern> section(String name, String where, List<Pattern> exclusions,
            Map<CrisisKind, List<Pattern>> signs) {
        if (name.equals(EXCLUDE)) return exclusions;
        try {
            return signs.computeIfAbsent(CrisisKind.valueOf(name), kind -> new ArrayList<>());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": unknown section [" + name + "]", e);
        }
    }

    // Patterns are written as people type: accents and apostrophes are dropped, as from the text.
    private static Pattern compile(String entry, String where) {
        Pattern pattern;
        try {
            pattern = Pattern.compile("\\b(?:" + CrisisText.fold(entry) + ")\\b", Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(where + ": not a valid pattern: " + e.getDescription(), e);
        }
        // A pattern that matches no words at all would flag, or set aside, every question.
        if (pattern.matcher(" a ").find()) throw new IllegalStateException(where + ": the pattern matches almost anything");
        return pattern;
    }
}

package dearly.asking;

import dearly.language.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The sentence as the stems layer should read it: normalised, with the idioms and negations of the
     * phrase data set aside ("me dan ganas de matar al que inventó los bodies"), so that one list of
     * idioms serves both layers.
     */
    String withIdiomsSetAside(String sentence) {
        String words = " " + CrisisText.normalise(sentence) + " ";
        for (Pattern exclusion : exclusions) words = exclusion.matcher(words).replaceAll(PhraseSigns::setAside);
        return words.strip();
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

    /**
     * A look-ahead for the letters a match can begin with, when the pattern says so plainly (it begins
     * with a word, or with alternatives that each begin with a word): a long question is then tried
     * at each word's first letter, not against every alternative; empty when it cannot tell.
     */
    static String firstLetterCheck(String regex) {
        Set<Character> letters = firstLetters(regex);
        if (letters == null || letters.isEmpty()) return "";
        StringBuilder check = new StringBuilder("(?=[");
        for (char letter : letters) check.append(letter);
        return check.append("])").toString();
    }

    // The letters the alternatives of {@code regex} begin with, or null when one may begin otherwise.
    private static Set<Character> firstLetters(String regex) {
        Set<Character> letters = new TreeSet<>();
        for (String alternative : alternatives(regex)) {
            Set<Character> first = firstLettersOfOne(alternative);
            if (first == null) return null;
            letters.addAll(first);
        }
        return letters;
    }

    private static Set<Character> firstLettersOfOne(String alternative) {
        if (alternative.isEmpty()) return null;
        char first = alternative.charAt(0);
        if (Character.isLetterOrDigit(first)) return optional(alternative, 1) ? null : Set.of(first);
        if (first != '(') return null;
        int close = closing(alternative);
        if (close < 0 || optional(alternative, close + 1)) return null;
        String inside = alternative.substring(1, close);
        if (inside.startsWith("?:")) inside = inside.substring(2);
        else if (inside.startsWith("?")) return null;
        return firstLetters(inside);
    }

    // Whether what stands before {@code at} may be left out: "a?", "(...)*", "x{0,2}".
    private static boolean optional(String regex, int at) {
        return at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '*' || regex.startsWith("{0", at));
    }

    private static int closing(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') i = regex.indexOf(']', i);
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
            if (i < 0) return -1;
        }
        return -1;
    }

    // The top-level alternatives of a regular expression.
    private static List<String> alternatives(String regex) {
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') {
                i = regex.indexOf(']', i);
                if (i < 0) return List.of("");
            } else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                alternatives.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(regex.substring(start));
        return alternatives;
    }

    // Letters in lower case, escapes (\\W, \\S, \\p{L}) as written.
    private static String lowerCase(String entry) {
        StringBuilder lower = new StringBuilder(entry.length());
        boolean escaped = false;
        boolean inBraces = false;
        for (char c : entry.toCharArray()) {
            lower.append(escaped || inBraces ? c : Character.toLowerCase(c));
            if (escaped && (c == 'p' || c == 'P')) inBraces = true;
            else if (inBraces && c == '}') inBraces = false;
            escaped = !escaped && c == '\\';
        }
        return lower.toString();
    }

    // Patterns are written as people type: accents and apostrophes are dropped, as from the text.
    private static Pattern compile(String entry, String where) {
        Pattern pattern;
        try {
            // The text is read in lower case, so a pattern is too: matching without regard to case costs
            // a long question a third of the layer's time.
            String regex = lowerCase(CrisisText.fold(entry));
            pattern = Pattern.compile("\\b" + firstLetterCheck(regex) + "(?:" + regex + ")\\b");
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(where + ": not a valid pattern: " + e.getDescription(), e);
        }
        // A pattern that matches no words at all would flag, or set aside, every question.
        if (pattern.matcher(" a ").find()) throw new IllegalStateException(where + ": the pattern matches almost anything");
        return pattern;
    }
}

package dearly.asking;

import dearly.language.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds signs of crisis in a question. What counts is data, not code: one file per language under
 * {@code dearly/asking/crisis/} lists the patterns for each {@link CrisisKind} and the idioms and
 * negations to set aside (the format is described at the top of each file). Every language's
 * patterns are tried on every question, because parents mix languages.
 *
 * <p>Exclusions only set aside the words they match, never the whole question: "this teething is
 * killing me, and sometimes I want to end it all" is still a crisis. Missing one is far worse than a
 * false alarm.
 */
public final class CrisisSigns {
    private static final String FOLDER = "/dearly/asking/crisis/";
    private static final String EXCLUDE = "EXCLUDE";
    // A question is at most about 10,200 characters (title and body); reading a rejected 1 MB body
    // in full would cost seconds of CPU per request.
    private static final int READ_AT_MOST = 20_000;
    // Stands in for set-aside words; it is not a letter, so no pattern can match across it.
    private static final String SET_ASIDE = " / ";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc\u0060\u00b4]");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern DEFINITION = Pattern.compile("\\{([a-z_]+)\\}\\s*=\\s*(.+)");
    private static final Pattern NAME = Pattern.compile("\\{([a-z_]+)\\}");
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?…])\\s+|\\R+");

    private final List<Pattern> exclusions;
    private final Map<CrisisKind, List<Pattern>> signs;

    private CrisisSigns(List<Pattern> exclusions, Map<CrisisKind, List<Pattern>> signs) {
        this.exclusions = List.copyOf(exclusions);
        this.signs = signs;
    }

    /** Reads the data files of every language Dearly speaks; a mistake in them fails here, at start-up. */
    public static CrisisSigns load() {
        List<Pattern> exclusions = new ArrayList<>();
        Map<CrisisKind, List<Pattern>> signs = new EnumMap<>(CrisisKind.class);
        for (Language language : Language.values()) {
            read(language.code() + ".txt", exclusions, signs);
        }
        return new CrisisSigns(exclusions, signs);
    }

    /**
     * The signs of crisis in the text, each with the sentence (or line) that showed it, so an
     * editor can see why a question is urgent.
     */
    public List<CrisisSign> check(String text) {
        List<CrisisSign> found = new ArrayList<>();
        if (text == null || text.isBlank()) return found;
        for (String sentence : SENTENCES.split(text.substring(0, Math.min(text.length(), READ_AT_MOST)))) {
            if (sentence.isBlank()) continue;
            for (CrisisKind kind : in(sentence)) found.add(new CrisisSign(kind, sentence.strip(), CrisisSign.Layer.PHRASE));
        }
        // A sign whose words run across two sentences is still a sign: the whole text decides, the sentences explain.
        Set<CrisisKind> explained = EnumSet.noneOf(CrisisKind.class);
        found.forEach(sign -> explained.add(sign.kind()));
        for (CrisisKind kind : in(text)) {
            if (!explained.contains(kind)) found.add(new CrisisSign(kind, text.strip(), CrisisSign.Layer.PHRASE));
        }
        return found;
    }

    /** The kinds of crisis the text (its first 20,000 characters) shows signs of; empty when none. */
    public Set<CrisisKind> in(String text) {
        Set<CrisisKind> found = EnumSet.noneOf(CrisisKind.class);
        if (text == null || text.isBlank()) return found;
        String words = " " + normalise(text.substring(0, Math.min(text.length(), READ_AT_MOST))) + " ";
        for (Pattern exclusion : exclusions) {
            words = exclusion.matcher(words).replaceAll(SET_ASIDE);
        }
        for (Map.Entry<CrisisKind, List<Pattern>> kind : signs.entrySet()) {
            for (Pattern sign : kind.getValue()) {
                if (sign.matcher(words).find()) {
                    found.add(kind.getKey());
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Lower case, without accents or apostrophes, every run of anything else that is not a letter or
     * digit made one space: "¡No QUIERO vivir… ya!" becomes "no quiero vivir ya", "I’m" becomes "im".
     */
    static String normalise(String text) {
        return NOT_WORDS.matcher(fold(text.toLowerCase(Locale.ROOT))).replaceAll(" ").strip();
    }

    // Apostrophes go first: NFKD would turn an acute accent typed as an apostrophe into a space.
    private static String fold(String text) {
        String withoutApostrophes = APOSTROPHES.matcher(text).replaceAll("");
        return MARKS.matcher(Normalizer.normalize(withoutApostrophes, Normalizer.Form.NFKD)).replaceAll("");
    }

    private static void read(String file, List<Pattern> exclusions, Map<CrisisKind, List<Pattern>> signs) {
        InputStream in = CrisisSigns.class.getResourceAsStream(FOLDER + file);
        if (in == null) throw new IllegalStateException("missing crisis signs file " + FOLDER + file);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Pattern> section = null;
            Map<String, String> names = new HashMap<>();
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) continue;
                String where = file + ":" + number;
                Matcher definition = DEFINITION.matcher(entry);
                if (definition.matches()) {
                    names.put(definition.group(1), expand(definition.group(2), names, where));
                } else if (entry.startsWith("[") && entry.endsWith("]")) {
                    section = section(entry.substring(1, entry.length() - 1).strip(), where, exclusions, signs);
                } else if (section == null) {
                    throw new IllegalStateException(where + ": a pattern before any [SECTION]");
                } else {
                    section.add(compile(expand(entry, names, where), where));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static String expand(String pattern, Map<String, String> names, String where) {
        return NAME.matcher(pattern).replaceAll(name -> {
            String words = names.get(name.group(1));
            if (words == null) throw new IllegalStateException(where + ": {" + name.group(1) + "} is not defined above");
            return Matcher.quoteReplacement("(?:" + words + ")");
        });
    }

    // Patterns are written as people type: accents and apostrophes are dropped, as from the text.
    private static Pattern compile(String entry, String where) {
        Pattern pattern;
        try {
            pattern = Pattern.compile("\\b(?:" + fold(entry) + ")\\b", Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(where + ": not a valid pattern: " + e.getDescription(), e);
        }
        // A pattern that matches no words at all would flag, or set aside, every question.
        if (pattern.matcher(" a ").find()) throw new IllegalStateException(where + ": the pattern matches almost anything");
        return pattern;
    }
}

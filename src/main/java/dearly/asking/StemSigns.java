package dearly.asking;

import dearly.language.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * The stems layer: rules of a few words that must stand near each other in one sentence, in any
 * order and in any form ("wish + dead" holds "wishing I was dead" and "dead, I wish I were"), and
 * not negated ("I don't want to die"). One file per language, {@code crisis/stems-xx.txt}, read
 * with that language's Snowball stemmer; every language's rules are tried on every sentence.
 */
final class StemSigns {
    private static final Pattern SPAN = Pattern.compile("\\s+@(\\d+)(?=\\s|$)");
    private static final int DEFAULT_SPAN = 8;
    /** How far before a word a negation reaches: "not" in "I do not really want to die". */
    private static final int NEGATION_REACH = 3;

    /** One rule: each group must be met within {@code span} words; {@code unless} words call it off. */
    private record Rule(CrisisKind kind, List<Group> groups, Group unless, int span, String source) {}

    /**
     * Words that stand for one another: stems, prefixes ending in {@code *}, exact words ending in
     * {@code !}, or {@code NOT}, any negation.
     */
    private record Group(int id, Set<String> stems, List<String> prefixes, Set<String> exact, boolean negation) {
        boolean holds(Word word) {
            return negation ? word.negation() : word.groups().get(id);
        }
    }

    /** A word of her sentence, with the groups (by {@link Group#id}) it meets. */
    private record Word(String folded, String stem, boolean negation, boolean negated, BitSet groups) {}

    /**
     * One language's rules, its stemmer and its negations, and which groups each stem, word and prefix
     * meets, so that a word is looked up once and not tried against every rule (a long question has
     * thousands of words).
     */
    private record Rules(Supplier<SnowballStemmer> stemmer, Set<String> negations, Set<String> notNegating,
            List<Rule> rules, Map<String, BitSet> byStem, Map<String, BitSet> byWord, Map<String, BitSet> byPrefix) {
        BitSet groups(String folded, String stem) {
            BitSet groups = new BitSet();
            BitSet met = byStem.get(stem);
            if (met != null) groups.or(met);
            met = byWord.get(folded);
            if (met != null) groups.or(met);
            for (int end = 3; end <= folded.length(); end++) {
                met = byPrefix.get(folded.substring(0, end));
                if (met != null) groups.or(met);
            }
            return groups;
        }
    }

    private final List<Rules> languages;

    private StemSigns(List<Rules> languages) {
        this.languages = List.copyOf(languages);
    }

    static StemSigns load() {
        List<Rules> languages = new ArrayList<>();
        for (Language language : Language.values()) {
            Supplier<SnowballStemmer> stemmer = switch (language) {
                case EN -> EnglishStemmer::new;
                case ES -> SpanishStemmer::new;
            };
            languages.add(read("stems-" + language.code() + ".txt", stemmer));
        }
        return new StemSigns(languages);
    }

    /** The signs in her sentences, each kind told once, with the first sentence that showed it. */
    List<CrisisSign> in(List<String> sentences) {
        List<CrisisSign> found = new ArrayList<>();
        Set<CrisisKind> kinds = new HashSet<>();
        for (String sentence : sentences) {
            List<String> folded = CrisisText.words(sentence);
            if (folded.isEmpty()) continue;
            for (Rules language : languages) {
                List<Word> words = read(folded, language);
                BitSet met = new BitSet();
                for (Word word : words) met.or(word.groups());
                for (Rule rule : language.rules()) {
                    if (!kinds.contains(rule.kind()) && mayHold(rule, met) && holds(rule, words)) {
                        kinds.add(rule.kind());
                        found.add(new CrisisSign(rule.kind(), sentence, CrisisSign.Layer.STEMS));
                    }
                }
            }
        }
        return found;
    }

    private static List<Word> read(List<String> folded, Rules language) {
        SnowballStemmer stemmer = language.stemmer().get();
        List<Word> words = new ArrayList<>(folded.size());
        int lastNegation = -NEGATION_REACH - 1;
        for (int i = 0; i < folded.size(); i++) {
            String word = folded.get(i);
            // "can't stop crying", "no puedo dejar de llorar": a negation of stopping is no negation.
            boolean negation = language.negations().contains(word)
                    && !(i + 1 < folded.size() && language.notNegating().contains(folded.get(i + 1)))
                    && !(i + 2 < folded.size() && language.notNegating().contains(folded.get(i + 2)));
            String stem = stem(stemmer, word);
            words.add(new Word(word, stem, negation, !negation && i - lastNegation <= NEGATION_REACH, language.groups(word, stem)));
            if (negation) lastNegation = i;
        }
        return words;
    }

    /** Whether the sentence has a word for every group of the rule that is not a negation: most rules fail here. */
    private static boolean mayHold(Rule rule, BitSet met) {
        for (Group group : rule.groups()) if (!group.negation() && !met.get(group.id())) return false;
        return true;
    }

    /** Whether some stretch of at most {@code span} words meets every group, none of its words negated. */
    private static boolean holds(Rule rule, List<Word> words) {
        boolean negationAsked = rule.groups().stream().anyMatch(Group::negation);
        if (rule.unless() != null) for (Word word : words) if (rule.unless().holds(word)) return false;
        int groups = rule.groups().size();
        int[] lastSeen = new int[groups];
        Arrays.fill(lastSeen, Integer.MIN_VALUE / 2);
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (word.negated() && !negationAsked) continue;
            for (int g = 0; g < groups; g++) {
                if (rule.groups().get(g).holds(word)) lastSeen[g] = i;
            }
            int earliest = Integer.MAX_VALUE;
            for (int seen : lastSeen) earliest = Math.min(earliest, seen);
            if (i - earliest < rule.span()) return true;
        }
        return false;
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Rules read(String file, Supplier<SnowballStemmer> stemmer) {
        Set<String> negations = new HashSet<>();
        Set<String> notNegating = new HashSet<>();
        List<Rule> rules = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        CrisisKind kind = null;
        String section = null;
        for (CrisisData.Entry line : CrisisData.entries(file)) {
            String entry = line.text();
            String where = line.where();
            if (entry.startsWith("[") && entry.endsWith("]")) {
                section = entry.substring(1, entry.length() - 1).strip();
                kind = switch (section) {
                    case "NEGATIONS", "NOT_NEGATING" -> null;
                    default -> kindNamed(section, where);
                };
            } else if (section == null) {
                throw new IllegalStateException(where + ": a rule before any [SECTION]");
            } else if (section.equals("NEGATIONS")) {
                negations.addAll(List.of(CrisisText.normalise(entry).split(" ")));
            } else if (section.equals("NOT_NEGATING")) {
                notNegating.addAll(List.of(CrisisText.normalise(entry).split(" ")));
            } else {
                rules.add(rule(kind, entry, stemmer.get(), where, groups));
            }
        }
        Map<String, BitSet> byStem = new HashMap<>();
        Map<String, BitSet> byWord = new HashMap<>();
        Map<String, BitSet> byPrefix = new HashMap<>();
        for (Group group : groups) {
            for (String stem : group.stems()) byStem.computeIfAbsent(stem, s -> new BitSet()).set(group.id());
            for (String word : group.exact()) byWord.computeIfAbsent(word, w -> new BitSet()).set(group.id());
            for (String prefix : group.prefixes()) byPrefix.computeIfAbsent(prefix, p -> new BitSet()).set(group.id());
        }
        return new Rules(stemmer, Set.copyOf(negations), Set.copyOf(notNegating), rules, Map.copyOf(byStem),
                Map.copyOf(byWord), Map.copyOf(byPrefix));
    }

    private static CrisisKind kindNamed(String name, String where) {
        try {
            return CrisisKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": unknown section [" + name + "]", e);
        }
    }

    /** "want|wish + die|dead - movie @6": groups joined by "+", words called off by "-", a span by "@". */
    private static Rule rule(CrisisKind kind, String entry, SnowballStemmer stemmer, String where, List<Group> all) {
        int span = DEFAULT_SPAN;
        Matcher spanGiven = SPAN.matcher(entry);
        if (spanGiven.find()) {
            span = Integer.parseInt(spanGiven.group(1));
            entry = entry.substring(0, spanGiven.start()) + entry.substring(spanGiven.end());
        }
        String[] parts = entry.split("\\s+-\\s+", 2);
        List<Group> groups = new ArrayList<>();
        for (String group : parts[0].split("\\s*\\+\\s*")) {
            groups.add(group(group, stemmer, where, all));
        }
        Group unless = parts.length > 1 ? group(parts[1], stemmer, where, all) : null;
        if (groups.size() < 2) throw new IllegalStateException(where + ": a rule needs at least two groups of words joined by +");
        return new Rule(kind, List.copyOf(groups), unless, span, where);
    }

    private static Group group(String words, SnowballStemmer stemmer, String where, List<Group> all) {
        if (words.strip().equals("NOT")) return new Group(-1, Set.of(), List.of(), Set.of(), true);
        Set<String> stems = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        Set<String> exact = new HashSet<>();
        for (String word : words.split("\\|")) {
            String folded = CrisisText.normalise(word);
            if (folded.isEmpty() || folded.contains(" ")) throw new IllegalStateException(where + ": \"" + word + "\" is not one word");
            if (word.strip().endsWith("*")) {
                if (folded.length() < 3) throw new IllegalStateException(where + ": the prefix \"" + word + "\" is too short");
                prefixes.add(folded);
            } else if (word.strip().endsWith("!")) {
                exact.add(folded);
            } else {
                stems.add(stem(stemmer, folded));
            }
        }
        Group group = new Group(all.size(), Set.copyOf(stems), List.copyOf(prefixes), Set.copyOf(exact), false);
        all.add(group);
        return group;
    }

}

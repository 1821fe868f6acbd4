package dearly.search;

import dearly.language.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Her words, as a search ({@link LetterSearch}) and the letters like her text ({@link SimilarLetters})
 * both take them: cleaned and cut into words, the language they are in, and each looked for in
 * every field of both languages, stemmed as that language's letters were, with the words that mean
 * the same ({@link SearchSynonyms}) and the spellings the letters use for one they never use.
 */
final class HerWords {
    /** More words than this in a search add little and cost a lookup each. */
    private static final int MAX_WORDS = 16;
    /** How much a word meaning the same as hers ({@link SearchSynonyms}) counts beside her own. */
    private static final float SYNONYM_WEIGHT = 0.7f;
    /** How much a spelling the letters use, for a word of hers they never use, counts beside her own. */
    private static final float TYPO_WEIGHT = 0.6f;
    private static final Pattern UNSEEN = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private HerWords() {}

    /** Control characters out, runs of space made one, at most {@code max} characters, cut between words. */
    static String clean(String text, int max) {
        if (text == null) return "";
        String cleaned = SPACES.matcher(UNSEEN.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        if (cleaned.length() <= max) return cleaned;
        int cut = cleaned.lastIndexOf(' ', max);
        String shortened = cleaned.substring(0, cut > 0 ? cut : max);
        // Never end on half of a surrogate pair (an emoji cut in two).
        return Character.isHighSurrogate(shortened.charAt(shortened.length() - 1))
                ? shortened.substring(0, shortened.length() - 1) : shortened;
    }

    /** The query's words, lower-cased and folded, each once, in order. */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>(analyze(LetterAnalysis.plainWords(), text));
        return words.stream().limit(MAX_WORDS).toList();
    }

    /** A stop word of either language. */
    static boolean stopWord(String word) {
        return LetterAnalysis.ENGLISH_STOP_WORDS.contains(word) || LetterAnalysis.SPANISH_STOP_WORDS.contains(word);
    }

    /**
     * One of her words looked for in every field of both languages, stemmed as each language's letters
     * were; a word meaning the same (in the letters of her language only) or a spelling the letters
     * use for a word they never use stands for it, counting a little less. The best of these counts.
     */
    static Optional<Query> word(IndexSearcher searcher, String word, List<String> synonyms, Set<Language> hers,
            List<String> corrections) throws IOException {
        // A form whose every term an earlier one already has, weighing as much, can never score above it: left out.
        List<Map<Term, Float>> forms = new ArrayList<>();
        addForm(forms, terms(word, 1f, EnumSet.allOf(Language.class)));
        for (String synonym : synonyms) addForm(forms, terms(synonym, SYNONYM_WEIGHT, hers));
        for (String corrected : corrections) addForm(forms, terms(corrected, TYPO_WEIGHT, EnumSet.allOf(Language.class)));
        if (forms.isEmpty()) return Optional.empty();
        List<Query> queries = new ArrayList<>();
        for (Map<Term, Float> form : forms) anywhere(searcher, form).ifPresent(queries::add);
        // A word no letter uses still counts among her words (how many must match), matching none.
        if (queries.isEmpty()) return Optional.of(new MatchNoDocsQuery());
        return Optional.of(queries.size() == 1 ? queries.getFirst() : new DisjunctionMaxQuery(queries, 0f));
    }

    /**
     * The best field counting, the others a little. Each term is looked up once, here: the terms no
     * letter uses are left out (a word becomes a dozen terms, most of them in no letter), and those
     * kept carry what was found, so the counting pass and the page's pass do not look them up again.
     */
    private static Optional<Query> anywhere(IndexSearcher searcher, Map<Term, Float> terms) throws IOException {
        List<Query> anywhere = new ArrayList<>();
        for (Map.Entry<Term, Float> term : terms.entrySet()) {
            TermStates found = TermStates.build(searcher, term.getKey(), true);
            if (found.docFreq() > 0) anywhere.add(new BoostQuery(new TermQuery(term.getKey(), found), term.getValue()));
        }
        return anywhere.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(anywhere, 0.2f));
    }

    /** The word as each language's letters were stemmed, in each of its fields, with the field's weight times {@code boost}. */
    private static Map<Term, Float> terms(String word, float boost, Set<Language> languages) {
        Map<Term, Float> terms = new java.util.LinkedHashMap<>();
        for (Language language : languages) {
            List<String> stems = analyze(LetterAnalysis.of(language), word);
            if (stems.isEmpty()) continue;
            String stem = stems.getFirst();
            for (String field : SearchFields.TEXT) {
                terms.put(new Term(SearchFields.in(field, language), stem), SearchFields.WEIGHTS.get(field) * boost);
            }
        }
        return terms;
    }

    /** Adds a word's form unless an earlier one has each of its terms at least as heavy. */
    private static void addForm(List<Map<Term, Float>> forms, Map<Term, Float> form) {
        if (form.isEmpty()) return;
        for (Map<Term, Float> kept : forms) {
            if (form.entrySet().stream().allMatch(term -> kept.getOrDefault(term.getKey(), -1f) >= term.getValue())) return;
        }
        forms.add(form);
    }

    /**
     * The language her query is in, by votes: a little word of one language alone ("my", "mi"), unless
     * the other language's letters use it as a word ("son" is Spanish for "are", and an English
     * son), and a word only one language's letters use ("lactancia"). The most votes win, a tie is
     * both; so one word of the other language among hers does not decide.
     */
    static Set<Language> languagesOf(IndexReader reader, List<String> words) throws IOException {
        Map<Language, Integer> votes = new java.util.EnumMap<>(Language.class);
        for (String word : words) {
            Set<Language> little = LetterAnalysis.littleWordOf(word);
            Set<Language> vote = little.isEmpty() ? using(reader, word, EnumSet.allOf(Language.class)) : little;
            if (little.size() == 1 && !using(reader, word, EnumSet.complementOf(EnumSet.copyOf(little))).isEmpty()) continue;
            if (vote.size() == 1) votes.merge(vote.iterator().next(), 1, Integer::sum);
        }
        int english = votes.getOrDefault(Language.EN, 0);
        int spanish = votes.getOrDefault(Language.ES, 0);
        if (english == spanish) return EnumSet.allOf(Language.class);
        return EnumSet.of(english > spanish ? Language.EN : Language.ES);
    }

    /** Which of those languages' letters use the word, in a headline, standfirst or letter, stemmed as they were. */
    private static Set<Language> using(IndexReader reader, String word, Set<Language> languages) throws IOException {
        Set<Language> using = EnumSet.noneOf(Language.class);
        for (Language language : languages) {
            for (String stem : analyze(LetterAnalysis.of(language), word)) {
                for (String field : List.of(SearchFields.HEADLINE, SearchFields.STANDFIRST, SearchFields.BODY)) {
                    if (reader.docFreq(new Term(SearchFields.in(field, language), stem)) > 0) using.add(language);
                }
            }
        }
        return using;
    }

    /** The text as that analyzer cuts it, word by word. */
    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) tokens.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return tokens;
    }
}

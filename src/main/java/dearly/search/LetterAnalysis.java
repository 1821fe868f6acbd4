package dearly.search;

import dearly.language.Language;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How letters and queries are cut into words. Every chain folds accents, because a mother typing on
 * a phone at night writes "medellin" and "bebe" for "Medellín" and "bebé"; English words are
 * reduced with Porter's stemmer and Spanish ones with Lucene's light Spanish stemmer (plural and
 * gender endings), which over-reduces less than Snowball's on short words such as "bebé".
 */
final class LetterAnalysis {
    static final CharArraySet ENGLISH_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    static final CharArraySet SPANISH_STOP_WORDS = SpanishAnalyzer.getDefaultStopSet();
    /** Little words Lucene's stop lists leave out, folded as queries are typed. */
    private static final Set<String> ENGLISH_HINTS = Set.of("i", "my", "me", "he", "she", "him", "her", "we", "our", "you",
            "your", "won't", "don't", "can't", "is", "are", "does", "do", "how", "what", "why", "when", "since", "all",
            "every", "never", "always", "much", "so", "too", "after", "from",
            // As typed on a phone, without the apostrophe.
            "dont", "wont", "cant", "im", "ive", "id", "didnt", "doesnt", "isnt", "wasnt", "shes", "hes", "youre", "thats",
            "whats", "hows", "pls", "plz", "u", "ur", "n", "r");
    private static final Set<String> SPANISH_HINTS = Set.of("mi", "mis", "yo", "tu", "me", "le", "nos", "su", "sus", "que",
            "como", "cuando", "por", "desde", "muy", "mucho", "todo", "todos", "todas", "nunca", "siempre", "no", "es",
            "esta", "hay", "cada", "sin", "tengo", "quiere",
            // As typed on a phone.
            "q", "xq", "pq", "porq", "tb", "tmb", "toy");
    /**
     * Words that say little about what a letter is about ("like", "feel", "tengo"): left out of her
     * query when she used any other word, since a generated or long letter has them by chance.
     */
    private static final Set<String> WEAK_WORDS = Set.of("like", "feel", "feels", "feeling", "have", "having", "has",
            "had", "get", "gets", "getting", "got", "take", "takes", "know", "want", "wants", "really", "even",
            "anything", "something", "thing", "things", "just", "still", "way", "make", "makes", "go", "goes", "going",
            "keep", "keeps", "need", "needs", "help", "helps", "tips", "normal", "ok", "okay", "anymore",
            "though", "lot", "lots", "omg", "single", "time", "times", "day", "days", "anyone", "someone", "thank",
            "thanks", "hacer", "hago", "hace", "algo", "nada", "cosa", "cosas", "bien", "ya", "ayuda",
            "tener", "tiene", "puedo", "sigue", "dia", "vez", "veces");

    // Analyzers are thread-safe and keep their token streams per thread: one of each is enough.
    private static final Analyzer ENGLISH = english();
    private static final Analyzer SPANISH = spanish();
    private static final Analyzer PLAIN = plain();

    private LetterAnalysis() {}

    /** The analyzer of a language's stemmed fields. */
    static Analyzer of(Language language) {
        return language == Language.ES ? SPANISH : ENGLISH;
    }

    /** Words as typed, only lower-cased and folded: for typos and "did you mean", which must offer real words. */
    static Analyzer plainWords() {
        return PLAIN;
    }

    private static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new EnglishPossessiveFilter(source);
                words = new LowerCaseFilter(words);
                words = new ASCIIFoldingFilter(words);
                words = new StopFilter(words, ENGLISH_STOP_WORDS);
                return new TokenStreamComponents(source, new PorterStemFilter(words));
            }
        };
    }

    private static Analyzer spanish() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new LowerCaseFilter(source);
                // Before folding: the stop list is written with its accents ("él", "más").
                words = new StopFilter(words, SPANISH_STOP_WORDS);
                words = new ASCIIFoldingFilter(words);
                return new TokenStreamComponents(source, new SpanishLightStemFilter(words));
            }
        };
    }

    private static Analyzer plain() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    /** The languages a word is a little word of ("the", "my"; "el", "mi"; "he", "me" and "no" of both). */
    static Set<Language> littleWordOf(String word) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        if (ENGLISH_STOP_WORDS.contains(word) || ENGLISH_HINTS.contains(word)) languages.add(Language.EN);
        if (SPANISH_STOP_WORDS.contains(word) || SPANISH_HINTS.contains(word)) languages.add(Language.ES);
        return languages;
    }

    static boolean weakWord(String word) {
        return WEAK_WORDS.contains(word);
    }

    /** A pronoun or such, which says which language she writes in but not what about. */
    static boolean littleWord(String word) {
        return ENGLISH_HINTS.contains(word) || SPANISH_HINTS.contains(word);
    }

    /** What the index writer uses: each language's fields with its own chain, the rest plain. */
    static Analyzer forIndex() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (String field : SearchFields.TEXT) {
            fields.put(SearchFields.in(field, Language.EN), ENGLISH);
            fields.put(SearchFields.in(field, Language.ES), SPANISH);
        }
        return new PerFieldAnalyzerWrapper(PLAIN, fields);
    }
}

package dearly.search;

import dearly.language.Language;
import dearly.letters.RelatedLetter;
import dearly.letters.RelatedLetters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The letters closest to a text that is not a search: a question being written, a letter, a draft.
 * Such a text is long and mostly ordinary words, so it is cut to the words the letters use most
 * rarely (those say what it is about), each looked for anywhere as a search looks for it, and any of
 * them may match; the letters sharing the most telling words come first.
 */
public final class SimilarLetters implements RelatedLetters {
    /** A question's title and body fit; more would only cost time. */
    static final int MAX_TEXT_CHARS = 5000;
    public static final int MAX_LIMIT = 20;
    /** The rarest words of the text that are looked for: enough to say what it is about. */
    private static final int MAX_WORDS = 24;
    private static final int SNIPPET_CHARS = 180;

    private final SearchIndex index;
    private final Supplier<Instant> clock;

    public SimilarLetters(SearchIndex index, Supplier<Instant> clock) {
        this.index = index;
        this.clock = clock;
    }

    @Override
    public List<RelatedLetter> closestTo(String text, Optional<Language> language, int limit, Optional<Long> excluding) {
        String cleaned = HerWords.clean(text, MAX_TEXT_CHARS);
        int wanted = Math.clamp(limit, 1, MAX_LIMIT);
        if (cleaned.isEmpty()) return List.of();
        try {
            return index.read(searcher -> closest(searcher, cleaned, language, wanted, excluding));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RelatedLetter> closest(IndexSearcher searcher, String text, Optional<Language> language, int limit,
            Optional<Long> excluding) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Map<String, List<String>> synonyms = SearchSynonyms.of(text);
        Set<String> words = new LinkedHashSet<>(HerWords.analyze(LetterAnalysis.plainWords(), text));
        List<String> telling = tellingWords(reader, words, synonyms);
        // Synonyms in her language's letters only, as a search does; her little words and telling words say which.
        List<String> guessBy = new ArrayList<>(telling);
        words.stream().filter(word -> HerWords.stopWord(word) || LetterAnalysis.littleWord(word)).forEach(guessBy::add);
        Set<Language> hers = language.map(Set::of).orElse(HerWords.languagesOf(reader, guessBy));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : telling) {
            Optional<Query> anywhere = HerWords.word(searcher, word, synonyms.getOrDefault(word, List.of()), hers, List.of());
            if (anywhere.isEmpty()) continue;
            any.add(anywhere.get(), Occur.SHOULD);
            clauses++;
        }
        if (clauses == 0) return List.of();
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(any.build(), Occur.MUST)
                .add(LongPoint.newRangeQuery(SearchFields.PUBLISHED, Long.MIN_VALUE, clock.get().toEpochMilli()), Occur.FILTER);
        language.ifPresent(chosen -> query.add(new TermQuery(new Term(SearchFields.LANGUAGE, chosen.code())), Occur.FILTER));
        excluding.ifPresent(id -> query.add(new TermQuery(SearchFields.idTerm(id)), Occur.MUST_NOT));

        List<RelatedLetter> found = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
            Document document = stored.document(hit.doc);
            Language written = Language.fromCode(document.get(SearchFields.LANGUAGE)).orElse(Language.EN);
            found.add(new RelatedLetter("/letters/" + document.get(SearchFields.SLUG),
                    document.get(SearchFields.in(SearchFields.HEADLINE, written)),
                    shortened(document.get(SearchFields.in(SearchFields.STANDFIRST, written))), hit.score,
                    document.get(SearchFields.EXTERNAL_ID), document.get(SearchFields.SOURCE_URL)));
        }
        return found;
    }

    /**
     * The text's words that some letter uses, or that have synonyms (which may be what the letters
     * say), rarest first, at most {@link #MAX_WORDS}; a word no letter uses counts as rare as its rarest synonym.
     */
    private static List<String> tellingWords(IndexReader reader, Set<String> words, Map<String, List<String>> synonyms)
            throws IOException {
        record Counted(String word, int letters) {}
        List<Counted> counted = new ArrayList<>();
        for (String word : words) {
            if (word.length() < 2 || HerWords.stopWord(word)) continue;
            int letters = reader.docFreq(new Term(SearchFields.ALL, word));
            for (String synonym : letters > 0 ? List.<String>of() : synonyms.getOrDefault(word, List.of())) {
                int using = reader.docFreq(new Term(SearchFields.ALL, synonym));
                if (using > 0 && (letters == 0 || using < letters)) letters = using;
            }
            if (letters > 0) counted.add(new Counted(word, letters));
        }
        return counted.stream().sorted(Comparator.comparingInt(Counted::letters)).limit(MAX_WORDS).map(Counted::word).toList();
    }

    private static String shortened(String text) {
        if (text == null) return "";
        if (text.length() <= SNIPPET_CHARS) return text;
        int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
        return text.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + "…";
    }
}

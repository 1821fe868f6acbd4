package dearly.search;

import dearly.language.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;

/**
 * Finds published letters by the words a reader would use, in English or Spanish, with typos. The
 * query is never parsed as Lucene syntax: it is cut into words, so "AND", "(" or "*" are words
 * like any other and nothing a reader types can make a search fail. Each word is looked for in
 * every field of both languages, stemmed the way that language's letters were; a word the index
 * has never seen is also looked for with one or two letters changed, and offered corrected
 * ("did you mean").
 */
public final class LetterSearch {
    public static final int PAGE_SIZE = 10;
    /** Beyond this many pages a reader refines her words; the cap keeps deep pages from being a cost lever. */
    public static final int MAX_PAGE = 50;
    static final int MAX_QUERY_CHARS = 300;
    private static final int MAX_FUZZY_WORDS = 3;
    /** How many spellings the letters use are tried for a word they never use (each counting a little less, {@link HerWords}). */
    private static final int TYPO_FORMS = 2;
    /** From this length a word may have two letters wrong. */
    private static final int LONG_WORD = 8;
    /** What a letter gains for each of her words it has at all, beside BM25 (a rare word in a headline scores about 6). */
    private static final float PER_WORD_FOUND = 1.0f;
    private static final CoverageSimilarity COVERAGE = new CoverageSimilarity(PER_WORD_FOUND);
    /** More than this share of her words (those some letter uses) a letter must have: one of two, two of three to five. */
    private static final double MUST_HAVE = 0.34;

    private final SearchIndex index;
    private final Supplier<Instant> clock;
    private final Snippets snippets = new Snippets();

    public LetterSearch(SearchIndex index, Supplier<Instant> clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * What a reader asked for.
     *
     * @param language only letters in that language, or every language
     * @param topic only letters filed under that topic's slug, or every topic
     * @param page from 1, at most {@link #MAX_PAGE}
     */
    public record Request(String text, Optional<Language> language, Optional<String> topic, int page) {
        public Request {
            text = clean(text);
            language = language == null ? Optional.empty() : language;
            topic = topic == null ? Optional.empty() : topic.filter(slug -> !slug.isBlank());
            page = Math.clamp(page, 1, MAX_PAGE);
        }

        public boolean isEmpty() {
            return text.isEmpty();
        }
    }

    /**
     * A letter found: its headline and snippet as HTML, escaped except for the {@code <mark>}
     * around the words found.
     */
    public record Hit(long id, String slug, String headline, String headlineHtml, String snippetHtml, String bylineHtml,
            Language language, Instant publishedAt, List<String> topics) {
        public String path() {
            return "/letters/" + slug;
        }
    }

    /**
     * @param total letters found with both filters applied
     * @param topics per topic slug, how many letters found (with the language filter applied)
     * @param languages per language, how many letters found (with the topic filter applied)
     * @param didYouMean the query with each word the index does not know replaced by the nearest it does
     */
    public record Results(Request request, List<Hit> hits, int total, Map<String, Integer> topics,
            Map<Language, Integer> languages, Optional<String> didYouMean) {
        public int pages() {
            return Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        static Results none(Request request) {
            return new Results(request, List.of(), 0, Map.of(), Map.of(), Optional.empty());
        }
    }

    public Results search(Request request) {
        if (request.isEmpty()) return Results.none(request);
        try {
            return index.read(searcher -> search(scoring(searcher), request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same letters, scored with {@link CoverageSimilarity}: similar letters keep plain BM25. */
    private static IndexSearcher scoring(IndexSearcher searcher) {
        IndexSearcher scoring = new IndexSearcher(searcher.getIndexReader());
        scoring.setSimilarity(COVERAGE);
        return scoring;
    }

    private Results search(IndexSearcher searcher, Request request) throws IOException {
        List<String> words = HerWords.words(request.text());
        Map<String, List<String>> synonyms = SearchSynonyms.of(request.text());
        Map<String, List<String>> corrections = corrections(searcher.getIndexReader(), words, synonyms);
        Optional<String> didYouMean = didYouMean(words, corrections);
        Results results = search(searcher, request, words, synonyms, corrections, true, didYouMean);
        // No letter has most of her words: rather than nothing, the letters with the most of them.
        if (results.total() == 0) results = search(searcher, request, words, synonyms, corrections, false, didYouMean);
        return results;
    }

    private Results search(IndexSearcher searcher, Request request, List<String> words, Map<String, List<String>> synonyms,
            Map<String, List<String>> corrections, boolean most, Optional<String> didYouMean) throws IOException {
        // Synonyms only in her language's letters: "sleep" must not bring up every Spanish "siesta".
        Set<Language> hers = request.language().map(Set::of).orElse(HerWords.languagesOf(searcher.getIndexReader(), words));
        Optional<Query> found = query(searcher, words, synonyms, hers, corrections, request.text(), most);
        if (found.isEmpty()) return new Results(request, List.of(), 0, Map.of(), Map.of(), didYouMean);

        Query base = new BooleanQuery.Builder()
                .add(found.get(), Occur.MUST)
                .add(LongPoint.newRangeQuery(SearchFields.PUBLISHED, Long.MIN_VALUE, clock.get().toEpochMilli()), Occur.FILTER)
                .build();
        // Counted apart, without scores, so that the page's own search may skip letters that cannot make it.
        FacetCounter counts = searcher.search(base, FacetCounter.manager(
                request.language().map(Language::code).orElse(null), request.topic().orElse(null)));

        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(base, Occur.MUST);
        request.language().ifPresent(language ->
                filtered.add(new TermQuery(new Term(SearchFields.LANGUAGE, language.code())), Occur.FILTER));
        request.topic().ifPresent(topic -> filtered.add(new TermQuery(new Term(SearchFields.TOPIC, topic)), Occur.FILTER));
        Query query = filtered.build();
        int from = (request.page() - 1) * PAGE_SIZE;
        // The count is FacetCounter's: the page's own search need not count to a thousand before it may skip letters.
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(from + PAGE_SIZE, null, from + PAGE_SIZE));
        ScoreDoc[] page = from >= top.scoreDocs.length
                ? new ScoreDoc[0]
                : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        List<Hit> hits = hits(searcher, query, new TopDocs(top.totalHits, page));

        Map<Language, Integer> languages = new java.util.EnumMap<>(Language.class);
        counts.languages.forEach((code, count) -> Language.fromCode(code).ifPresent(language -> languages.put(language, count)));
        return new Results(request, hits, counts.matching, counts.topics, languages, didYouMean);
    }

    /** For tuning (the bench): why the first letters and the expected one score as they do. */
    String explain(String text, String expected) throws IOException {
        return index.read(plain -> {
            IndexSearcher searcher = scoring(plain);
            List<String> words = HerWords.words(clean(text));
            Map<String, List<String>> synonyms = SearchSynonyms.of(text);
            Map<String, List<String>> corrections = corrections(searcher.getIndexReader(), words, synonyms);
            Set<Language> hers = HerWords.languagesOf(searcher.getIndexReader(), words);
            Optional<Query> found = query(searcher, words, synonyms, hers, corrections, clean(text), true);
            if (found.isEmpty()) return "no query";
            StringBuilder out = new StringBuilder("query " + found.get() + "\n");
            StoredFields stored = searcher.storedFields();
            ScoreDoc[] top = searcher.search(found.get(), 500).scoreDocs;
            for (int i = 0; i < top.length; i++) {
                String slug = stored.document(top[i].doc).get(SearchFields.SLUG);
                if (i < 2 || slug.equals(expected)) {
                    out.append("#").append(i + 1).append(' ').append(slug).append('\n')
                            .append(searcher.explain(found.get(), top[i].doc)).append('\n');
                }
            }
            return out.toString();
        });
    }

    private List<Hit> hits(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
        if (page.scoreDocs.length == 0) return List.of();
        List<Snippets.Marked> marked = snippets.of(searcher, query, page);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            Document document = stored.document(page.scoreDocs[i].doc);
            Language language = Language.fromCode(document.get(SearchFields.LANGUAGE)).orElse(Language.EN);
            Snippets.Marked marks = marked.get(i);
            hits.add(new Hit(Long.parseLong(document.get(SearchFields.ID)), document.get(SearchFields.SLUG),
                    document.get(SearchFields.in(SearchFields.HEADLINE, language)), marks.headline(), marks.snippet(), marks.byline(), language,
                    Instant.ofEpochMilli(document.getField(SearchFields.PUBLISHED).numericValue().longValue()),
                    List.of(document.getValues(SearchFields.TOPIC))));
        }
        return hits;
    }

    /** Control characters out, runs of space made one, and no longer than anyone types a search. */
    static String clean(String text) {
        return HerWords.clean(text, MAX_QUERY_CHARS);
    }

    /**
     * Each word that is not a stop word in either language is looked for in any field of either
     * language; with {@code most}, over a third of them must be found, else any one, and each found
     * adds to the score ({@link CoverageSimilarity}); a word meaning the same in either language, or one no letter uses as the
     * letters spell it, stands for it, counting a little less. The whole query as a phrase, in the
     * headline or the letter, counts extra.
     */
    private static Optional<Query> query(IndexSearcher searcher, List<String> words, Map<String, List<String>> synonyms, Set<Language> hers,
            Map<String, List<String>> corrections, String text, boolean most) throws IOException {
        BooleanQuery.Builder each = new BooleanQuery.Builder();
        List<String> telling = words.stream().filter(word -> !HerWords.stopWord(word) && !LetterAnalysis.littleWord(word)).toList();
        // "like", "feel", "tengo": left out when she used any word that says what her letter is about.
        if (telling.stream().anyMatch(word -> !LetterAnalysis.weakWord(word))) {
            telling = telling.stream().filter(word -> !LetterAnalysis.weakWord(word)).toList();
        }
        int clauses = 0;
        int known = 0;
        for (String word : telling) {
            Optional<Query> found = HerWords.word(searcher, word, synonyms.getOrDefault(word, List.of()), hers,
                    corrections.getOrDefault(word, List.of()));
            if (found.isEmpty()) continue;
            each.add(found.get(), Occur.SHOULD);
            clauses++;
            if (!(found.get() instanceof MatchNoDocsQuery)) known++;
        }
        if (clauses == 0) return Optional.empty();
        // Over a third of the words some letter uses (MUST_HAVE): the one she means often has her other words' synonyms
        // or none of them, and the more of her words a letter has the higher it comes (CoverageSimilarity).
        each.setMinimumNumberShouldMatch(!most ? 1 : Math.max(1, (int) Math.ceil(known * MUST_HAVE)));

        BooleanQuery.Builder query = new BooleanQuery.Builder().add(each.build(), Occur.MUST);
        if (clauses >= 2) {
            for (Language language : Language.values()) {
                QueryBuilder phrases = new QueryBuilder(LetterAnalysis.of(language));
                addPhrase(query, phrases.createPhraseQuery(SearchFields.in(SearchFields.HEADLINE, language), text, 2), 2f);
                addPhrase(query, phrases.createPhraseQuery(SearchFields.in(SearchFields.BODY, language), text, 2), 1f);
            }
        }
        return Optional.of(query.build());
    }

    private static void addPhrase(BooleanQuery.Builder query, Query phrase, float boost) {
        if (phrase != null) query.add(new BoostQuery(phrase, boost), Occur.SHOULD);
    }

    /**
     * For each word no letter uses (at most {@link #MAX_FUZZY_WORDS} of them), the nearest words the
     * letters do use, one or two letters away, most used first. Looking these up once and searching
     * them as plain words costs a fraction of a fuzzy query in every field of both languages, which
     * (with its highlighting) took tens of milliseconds a word. A word with synonyms is no typo.
     */
    private static Map<String, List<String>> corrections(IndexReader reader, List<String> words,
            Map<String, List<String>> synonyms) throws IOException {
        DirectSpellChecker spelling = new DirectSpellChecker();
        Map<String, List<String>> corrections = new java.util.HashMap<>();
        for (String word : words) {
            if (corrections.size() == MAX_FUZZY_WORDS) break;
            if (word.length() < 4 || HerWords.stopWord(word) || synonyms.containsKey(word) || reader.docFreq(new Term(SearchFields.ALL, word)) > 0) continue;
            // One letter off for a short word: two would make "born" "both" and "connect" "contact".
            spelling.setMaxEdits(word.length() >= LONG_WORD ? 2 : 1);
            SuggestWord[] suggestions = spelling.suggestSimilar(new Term(SearchFields.ALL, word), TYPO_FORMS, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (suggestions.length > 0) corrections.put(word, Arrays.stream(suggestions).map(suggestion -> suggestion.string).toList());
        }
        return corrections;
    }

    /** The query again with every word the letters never use replaced by the nearest one they do, if any. */
    private static Optional<String> didYouMean(List<String> words, Map<String, List<String>> corrections) {
        if (corrections.isEmpty()) return Optional.empty();
        return Optional.of(words.stream().map(word -> corrections.getOrDefault(word, List.of(word)).getFirst())
                .collect(java.util.stream.Collectors.joining(" ")));
    }
}

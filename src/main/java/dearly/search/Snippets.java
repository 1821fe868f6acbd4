package dearly.search;

import dearly.language.Language;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The words found, marked in a letter's headline, its byline and a passage of its standfirst or
 * letter. Lucene's UnifiedHighlighter escapes the text (it is the letter's own words, which may hold
 * anything) and adds only {@code <mark>} and {@code </mark>}, so the result is safe to put in a
 * page as HTML.
 */
final class Snippets {
    private static final String MARK = "<mark>";
    private static final int SNIPPET_CHARS = 220;
    private static final PassageScorer LEAN_SCORER = new LeanPassageScorer();

    /** @param headline always; @param byline empty when the letter has none */
    record Marked(String headline, String snippet, String byline) {}

    List<Marked> of(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
        List<String> fields = new ArrayList<>();
        List<Integer> passages = new ArrayList<>();
        Set<String> whole = new java.util.HashSet<>();
        for (Language language : Language.values()) {
            for (String field : List.of(SearchFields.HEADLINE, SearchFields.BYLINE, SearchFields.STANDFIRST, SearchFields.BODY)) {
                String named = SearchFields.in(field, language);
                fields.add(named);
                boolean marksWhole = field.equals(SearchFields.HEADLINE) || field.equals(SearchFields.BYLINE);
                passages.add(marksWhole ? 1 : 2);
                if (marksWhole) whole.add(named);
            }
        }
        UnifiedHighlighter highlighter = new FieldByField(UnifiedHighlighter.builder(searcher, LetterAnalysis.forIndex())
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", " … ", true))
                .withScorer(LEAN_SCORER)
                .withMaxLength(100_000), whole);
        Map<String, String[]> found = highlighter.highlightFields(fields.toArray(String[]::new), query, page,
                passages.stream().mapToInt(Integer::intValue).toArray());

        List<Marked> marked = new ArrayList<>();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            String headline = "";
            String byline = "";
            String standfirst = null;
            String body = null;
            for (Language language : Language.values()) {
                headline = first(headline, found.get(SearchFields.in(SearchFields.HEADLINE, language))[i]);
                byline = first(byline, found.get(SearchFields.in(SearchFields.BYLINE, language))[i]);
                standfirst = first(standfirst, found.get(SearchFields.in(SearchFields.STANDFIRST, language))[i]);
                body = first(body, found.get(SearchFields.in(SearchFields.BODY, language))[i]);
            }
            marked.add(new Marked(headline, snippet(standfirst, body), byline));
        }
        return marked;
    }

    /**
     * Marks in each field what the query finds in it, from that field's own terms and phrases: the
     * highlighter matches its query anew for each letter and field, and the whole query (a word is a
     * dozen terms in every field of both languages) made that most of a search's time. The marks are
     * the same, the letters marked being those the whole query found.
     */
    private static final class FieldByField extends UnifiedHighlighter {
        private final Set<String> whole;

        /** @param whole the fields marked whole (a headline), not cut to passages; all in one pass, the letters read once */
        FieldByField(Builder builder, Set<String> whole) {
            super(builder);
            this.whole = whole;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return whole.contains(field) ? new WholeBreakIterator() : super.getBreakIterator(field);
        }

        @Override
        protected FieldHighlighter getFieldHighlighter(String field, Query query, Set<Term> allTerms, int maxPassages) {
            return super.getFieldHighlighter(field, inField(query, field), allTerms, maxPassages);
        }
    }

    /**
     * Lucene's passage score, the same sum in the same order, without the 32 KB hash table Lucene's
     * own allocates for every passage (a twentieth of a search's time went to allocating them).
     */
    private static final class LeanPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] distinct = new BytesRef[matches];
            int[] inPassage = new int[matches];
            int[] inLetter = new int[matches];
            int count = 0;
            for (int i = 0; i < matches; i++) {
                BytesRef term = passage.getMatchTerms()[i];
                int at = 0;
                while (at < count && !distinct[at].bytesEquals(term)) at++;
                if (at == count) {
                    distinct[count] = term;
                    inLetter[count] = passage.getMatchTermFreqsInDoc()[i];
                    count++;
                }
                inPassage[at]++;
            }
            float score = 0;
            for (int i = 0; i < count; i++) score += tf(inPassage[i], passage.getLength()) * weight(contentLength, inLetter[i]);
            return score * norm(passage.getStartOffset());
        }
    }

    /** Any of the query's term and phrase queries on that field (prohibited ones aside). */
    private static Query inField(Query query, String field) {
        Set<Query> leaves = new LinkedHashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String name) {
                return name.equals(field);
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                leaves.add(leaf);
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query leaf : leaves) any.add(leaf, Occur.SHOULD);
        return any.build();
    }

    /** The passage with the words found: from the letter, else the standfirst, else the standfirst as it begins. */
    private static String snippet(String standfirst, String body) {
        if (body != null && body.contains(MARK)) return shortened(body);
        if (standfirst != null && !standfirst.isBlank()) return shortened(standfirst);
        return body == null ? "" : shortened(body);
    }

    /** At most about {@link #SNIPPET_CHARS} characters of text, cut at a space outside a mark. */
    private static String shortened(String html) {
        if (html.length() <= SNIPPET_CHARS * 2) return html.strip();
        int cut = html.indexOf(' ', SNIPPET_CHARS * 2);
        if (cut < 0) return html.strip();
        String head = html.substring(0, cut);
        // Close a mark left open by the cut, and never leave half an entity.
        int amp = head.lastIndexOf('&');
        if (amp > head.lastIndexOf(';')) head = head.substring(0, amp);
        if (head.lastIndexOf(MARK) > head.lastIndexOf("</mark>")) head += "</mark>";
        return head.strip() + " …";
    }

    private static String first(String kept, String candidate) {
        return kept != null && !kept.isEmpty() ? kept : candidate == null ? kept : candidate;
    }
}

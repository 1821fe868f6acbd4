package dearly.search;

import dearly.language.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The words found, marked in a letter's headline, its byline and a passage of its standfirst or
 * letter. Lucene's UnifiedHighlighter escapes the text (it is the letter's own words, which may hold
 * anything) and adds only {@code <mark>} and {@code </mark>}, so the result is safe to put in a
 * page as HTML.
 */
final class Snippets {
    private static final String MARK = "<mark>";
    private static final int SNIPPET_CHARS = 220;

    /** @param headline always; @param byline empty when the letter has none */
    record Marked(String headline, String snippet, String byline) {}

    List<Marked> of(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
        DefaultPassageFormatter escaped = new DefaultPassageFormatter(MARK, "</mark>", " … ", true);
        UnifiedHighlighter passages = UnifiedHighlighter.builder(searcher, LetterAnalysis.forIndex())
                .withFormatter(escaped)
                .withMaxLength(100_000)
                .build();
        UnifiedHighlighter whole = UnifiedHighlighter.builder(searcher, LetterAnalysis.forIndex())
                .withFormatter(escaped)
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(100_000)
                .build();
        List<String> wholeFields = new ArrayList<>();
        List<String> passageFields = new ArrayList<>();
        for (Language language : Language.values()) {
            wholeFields.add(SearchFields.in(SearchFields.HEADLINE, language));
            wholeFields.add(SearchFields.in(SearchFields.BYLINE, language));
            passageFields.add(SearchFields.in(SearchFields.STANDFIRST, language));
            passageFields.add(SearchFields.in(SearchFields.BODY, language));
        }
        Map<String, String[]> wholes = whole.highlightFields(wholeFields.toArray(String[]::new), query, page,
                wholeFields.stream().mapToInt(field -> 1).toArray());
        Map<String, String[]> parts = passages.highlightFields(passageFields.toArray(String[]::new), query, page,
                passageFields.stream().mapToInt(field -> 2).toArray());

        List<Marked> marked = new ArrayList<>();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            String headline = "";
            String byline = "";
            String standfirst = null;
            String body = null;
            for (Language language : Language.values()) {
                headline = first(headline, wholes.get(SearchFields.in(SearchFields.HEADLINE, language))[i]);
                byline = first(byline, wholes.get(SearchFields.in(SearchFields.BYLINE, language))[i]);
                standfirst = first(standfirst, parts.get(SearchFields.in(SearchFields.STANDFIRST, language))[i]);
                body = first(body, parts.get(SearchFields.in(SearchFields.BODY, language))[i]);
            }
            marked.add(new Marked(headline, snippet(standfirst, body), byline));
        }
        return marked;
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

package dearly.search;

import java.util.List;

/**
 * The search page as its template shows it: every text in the page's language, every link made.
 *
 * @param found "3 letters found for …", empty when nothing was asked or nothing found
 * @param didYouMean the corrected words, empty when there is nothing to suggest
 * @param browse the topics to offer when nothing was asked or nothing found
 */
public record SearchView(
        String query,
        String found,
        List<Result> results,
        List<Choice> topics,
        List<Choice> languages,
        String didYouMean,
        String didYouMeanHref,
        String previous,
        String next,
        String pageOf,
        List<Choice> browse) {

    /** A letter found; the three HTML texts are escaped but for the marks around the words found. */
    public record Result(String path, String languageCode, String headlineHtml, String bylineHtml, String snippetHtml,
            String publishedOn, String publishedIso) {}

    /** A link among filters or topics, and whether it is the one chosen now. */
    public record Choice(String label, String href, boolean chosen) {}

    public boolean asked() {
        return !query.isEmpty();
    }

    public boolean paged() {
        return !previous.isEmpty() || !next.isEmpty();
    }
}

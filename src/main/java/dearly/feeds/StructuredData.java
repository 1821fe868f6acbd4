package dearly.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.language.Messages;
import dearly.letters.Letter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A letter page's schema.org JSON-LD: the letter as an {@code Article} signed by its advisor, and
 * the breadcrumb Home › its first topic › the letter. The page's description is in its meta tags, not
 * repeated here: a letter page must stay light. An Article rather than a QAPage: a QAPage is
 * for a question that readers answer, with answers to rank, and her question is not published as
 * she wrote it; a letter is one advisor's piece, which is what an Article is. Only public fields go
 * in, as on the page: no byline, so nothing of the asker.
 */
final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredData() {}

    /**
     * @param absolute makes a path absolute on Dearly's own address
     * @param imageUrl the letter's share image, absolute
     */
    static String letter(Letter letter, Messages t, UnaryOperator<String> absolute, String imageUrl) {
        // The letter's one address, its canonical link (its own language's); the rest in the page's language.
        String url = absolute.apply(letter.language().address(letter.path()));
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@type", "Article");
        article.put("headline", letter.headline());
        article.put("inLanguage", letter.language().code());
        article.put("mainEntityOfPage", url);
        article.put("datePublished", letter.publishedAt().toString());
        letter.correction().ifPresent(correction -> article.put("dateModified", correction.at().toString()));
        article.put("image", imageUrl);
        article.put("author", Map.of("@type", "Person", "name", letter.advisor().displayName(),
                "url", absolute.apply(t.href(letter.advisor().path()))));
        article.put("publisher", Map.of("@type", "Organization", "name", t.get("site.name")));
        if (!letter.topics().isEmpty()) {
            article.put("articleSection", letter.topics().stream().map(topic -> topic.name(letter.language())).toList());
        }

        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(crumb(1, t.get("nav.home"), absolute.apply(t.href("/"))));
        letter.topics().stream().findFirst()
                .ifPresent(topic -> crumbs.add(crumb(2, topic.name(t.language()), absolute.apply(t.href(topic.path())))));
        // The last crumb is the page itself: schema.org lets it go without its address.
        crumbs.add(crumb(crumbs.size() + 1, letter.headline(), null));
        Map<String, Object> breadcrumbs = new LinkedHashMap<>();
        breadcrumbs.put("@type", "BreadcrumbList");
        breadcrumbs.put("itemListElement", crumbs);

        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("@context", "https://schema.org");
        graph.put("@graph", List.of(article, breadcrumbs));
        return forScript(graph);
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> crumb = new LinkedHashMap<>();
        crumb.put("@type", "ListItem");
        crumb.put("position", position);
        crumb.put("name", name);
        if (url != null) crumb.put("item", url);
        return crumb;
    }

    /**
     * JSON that can stand inside a script element: "<" (so no "</script>" or "<!--" can close it),
     * ">" and "&" as JSON escapes, which a JSON parser reads back as the same characters.
     */
    static String forScript(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

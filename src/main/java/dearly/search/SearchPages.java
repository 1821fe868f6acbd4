package dearly.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import dearly.language.Dates;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.letters.LetterRepository;
import dearly.letters.RelatedLetter;
import dearly.letters.RelatedLetters;
import dearly.letters.Topic;
import dearly.web.ApiRoutes;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.PageCache;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageMeta;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The search page, {@code /search?q=}, and the same answer as JSON at {@code /api/v1/search}; the
 * letters closest to a text at {@code /api/v1/similar} (what the ask form shows as she types).
 * On the page its address chooses the page's language ({@code /es/search}), as everywhere on the
 * site, and {@code language} the letters'; in the API {@code lang} is the letters' language.
 */
public final class SearchPages implements Feature {
    /** Letters offered beside a question when the client names no limit. */
    static final int SIMILAR_DEFAULT = 5;

    private final LetterSearch search;
    private final RelatedLetters similar;
    private final LetterRepository letters;
    private final Templates templates;
    private final PageMetas metas;
    private final Links links;

    public SearchPages(LetterSearch search, RelatedLetters similar, LetterRepository letters, Templates templates,
            PageMetas metas, Links links) {
        this.search = search;
        this.similar = similar;
        this.letters = letters;
        this.templates = templates;
        this.metas = metas;
        this.links = links;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/search", this::searchPage, Open.TO_ANYONE);
        ApiRoutes api = new ApiRoutes(routes, rateLimits);
        api.get("/api/v1/search", this::api);
        api.get("/api/v1/similar", this::similar);
    }

    private void searchPage(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        LetterSearch.Request request = new LetterSearch.Request(ctx.queryParam("q"),
                Language.fromCode(ctx.queryParam("language")), Optional.ofNullable(ctx.queryParam("topic")), pageNumber(ctx));
        LetterSearch.Results results = search.search(request);
        Map<String, Topic> topics = topicsBySlug();
        Addresses addresses = new Addresses(request, t.language());
        String title = request.isEmpty() ? t.get("search.title") : t.format("search.title.for", request.text());
        PageMeta meta = metas.of(ctx, t, title, t.get("search.description"), "/search", "website");

        List<SearchView.Choice> topicChoices = new ArrayList<>();
        topicChoices.add(new SearchView.Choice(t.get("search.any.topic"), addresses.with(request.language(), Optional.empty(), 1),
                request.topic().isEmpty()));
        results.topics().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .filter(entry -> topics.containsKey(entry.getKey()))
                .forEach(entry -> topicChoices.add(new SearchView.Choice(
                        t.format("search.count", topics.get(entry.getKey()).name(t.language()), entry.getValue()),
                        addresses.with(request.language(), Optional.of(entry.getKey()), 1),
                        request.topic().equals(Optional.of(entry.getKey())))));
        List<SearchView.Choice> languageChoices = new ArrayList<>();
        languageChoices.add(new SearchView.Choice(t.get("search.any.language"), addresses.with(Optional.empty(), request.topic(), 1),
                request.language().isEmpty()));
        results.languages().forEach((language, count) -> languageChoices.add(new SearchView.Choice(
                t.format("search.count", t.get("search.language." + language.code()), count),
                addresses.with(Optional.of(language), request.topic(), 1), request.language().equals(Optional.of(language)))));

        List<SearchView.Result> found = results.hits().stream().map(hit -> new SearchView.Result(hit.path(),
                hit.language().code(), hit.headlineHtml(), hit.bylineHtml(), hit.snippetHtml(),
                Dates.longDate(hit.publishedAt(), t.language()), hit.publishedAt().toString())).toList();
        int pages = results.pages();
        String previous = request.page() > 1 && request.page() <= pages
                ? addresses.with(request.language(), request.topic(), request.page() - 1) : "";
        String next = request.page() < pages ? addresses.with(request.language(), request.topic(), request.page() + 1) : "";
        List<SearchView.Choice> browse = topics.values().stream()
                .sorted(Comparator.comparing((Topic topic) -> topic.name(t.language())))
                .map(topic -> new SearchView.Choice(topic.name(t.language()), t.href(topic.path()), false))
                .toList();
        SearchView view = new SearchView(request.text(),
                results.total() == 0 ? "" : t.format("search.found", results.total(), request.text()),
                found, topicChoices, languageChoices,
                results.didYouMean().orElse(""),
                results.didYouMean().map(words -> new Addresses(new LetterSearch.Request(words, request.language(),
                        request.topic(), 1), t.language()).with(request.language(), request.topic(), 1)).orElse(""),
                previous, next, pages > 1 ? t.format("search.page.of", Math.min(request.page(), pages), pages) : "",
                browse);
        // The same for everyone who searches these words; kept until the index next changes (see PageCache).
        PageCache.share(ctx, PageCache.PAGE);
        HtmlResponse.send(ctx, templates.searchSearch(meta, view));
    }

    record HitJson(
            String url, String slug, String headline,
            @JsonProperty("headline_html") String headlineHtml,
            @JsonProperty("byline_html") String bylineHtml,
            @JsonProperty("snippet_html") String snippetHtml,
            String language,
            @JsonProperty("published_at") String publishedAt,
            List<String> topics) {}

    record TopicCount(String slug, String name, int count) {}

    record LanguageCount(String code, int count) {}

    record Facets(List<TopicCount> topics, List<LanguageCount> languages) {}

    record SearchJson(
            String q, int page, int pages, int total, List<HitJson> results, Facets facets,
            @JsonProperty("did_you_mean") String didYouMean) {}

    private void api(Context ctx) {
        LetterSearch.Request request = new LetterSearch.Request(ctx.queryParam("q"),
                Language.fromCode(ctx.queryParam("lang")), Optional.ofNullable(ctx.queryParam("topic")), pageNumber(ctx));
        LetterSearch.Results results = search.search(request);
        Map<String, Topic> topics = topicsBySlug();
        List<HitJson> hits = results.hits().stream().map(hit -> new HitJson(links.absolute(ctx, hit.path()), hit.slug(),
                hit.headline(), hit.headlineHtml(), hit.bylineHtml(), hit.snippetHtml(), hit.language().code(),
                hit.publishedAt().toString(), hit.topics())).toList();
        List<TopicCount> topicCounts = results.topics().entrySet().stream()
                .filter(entry -> topics.containsKey(entry.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new TopicCount(entry.getKey(), topics.get(entry.getKey()).name(
                        request.language().orElse(Language.EN)), entry.getValue()))
                .toList();
        List<LanguageCount> languageCounts = results.languages().entrySet().stream()
                .map(entry -> new LanguageCount(entry.getKey().code(), entry.getValue())).toList();
        ctx.json(new SearchJson(request.text(), request.page(), results.pages(), results.total(), hits,
                new Facets(topicCounts, languageCounts), results.didYouMean().orElse(null)));
    }

    record SimilarJson(
            String url, String headline, String snippet, float score,
            @JsonProperty("external_id") String externalId,
            @JsonProperty("source_url") String sourceUrl) {}

    record SimilarPage(List<SimilarJson> results) {}

    /** Her words arrive in the address; like every request's, they are never logged. */
    private void similar(Context ctx) {
        List<RelatedLetter> found = similar.closestTo(ctx.queryParam("q"), Language.fromCode(ctx.queryParam("lang")),
                number(ctx.queryParam("limit"), SIMILAR_DEFAULT), Optional.empty());
        ctx.json(new SimilarPage(found.stream().map(letter -> new SimilarJson(links.absolute(ctx, letter.path()),
                letter.headline(), letter.snippet(), letter.score(), letter.externalId(), letter.sourceUrl())).toList()));
    }

    private Map<String, Topic> topicsBySlug() {
        return letters.topics().stream().collect(Collectors.toMap(Topic::slug, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    /** The page asked for in ?page=, from 1; anything unreadable is the first. */
    private static int pageNumber(Context ctx) {
        return number(ctx.queryParam("page"), 1);
    }

    /** A small whole number typed in the address, or the default when it is anything else. */
    private static int number(String typed, int otherwise) {
        if (typed == null || !typed.strip().matches("\\d{1,4}")) return otherwise;
        return Integer.parseInt(typed.strip());
    }

    /** Addresses of the same search with other filters or another page. */
    /** @param pageLanguage the page's language: the links stay at its addresses */
    private record Addresses(LetterSearch.Request request, Language pageLanguage) {
        String with(Optional<Language> language, Optional<String> topic, int page) {
            StringBuilder address = new StringBuilder("/search?q=").append(encode(request.text()));
            language.ifPresent(chosen -> address.append("&language=").append(chosen.code()));
            topic.ifPresent(slug -> address.append("&topic=").append(encode(slug)));
            if (page > 1) address.append("&page=").append(page);
            return pageLanguage.address(address.toString());
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}

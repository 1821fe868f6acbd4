package dearly.letters;

import com.fasterxml.jackson.annotation.JsonProperty;
import dearly.web.ApiRoutes;
import dearly.web.Feature;
import dearly.web.Links;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;

/** The read API under /api/v1: published letters as JSON. */
public final class LetterApi implements Feature {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final LetterRepository letters;
    private final Links links;

    public LetterApi(LetterRepository letters, Links links) {
        this.letters = letters;
        this.links = links;
    }

    record AdvisorJson(String name, String slug, String url) {}

    record TopicJson(String slug, String name, String url) {}

    record LetterJson(
            String slug,
            String url,
            String headline,
            String byline,
            String standfirst,
            String salutation,
            @JsonProperty("body_html") String bodyHtml,
            @JsonProperty("sign_off") String signOff,
            AdvisorJson advisor,
            List<TopicJson> topics,
            String language,
            @JsonProperty("published_at") String publishedAt) {}

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        ApiRoutes api = new ApiRoutes(routes, rateLimits);
        api.get("/api/v1/letters", this::list);
        api.get("/api/v1/letters/{slug}", this::one);
    }

    private void list(Context ctx) {
        int limit = Math.clamp(intParam(ctx, "limit", DEFAULT_LIMIT), 1, MAX_LIMIT);
        int offset = Math.max(0, intParam(ctx, "offset", 0));
        List<LetterJson> page = letters.latest(limit, offset).stream().map(letter -> json(ctx, letter)).toList();
        ctx.json(Map.of("letters", page, "limit", limit, "offset", offset));
    }

    private void one(Context ctx) {
        ctx.json(json(ctx, letters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new)));
    }

    private LetterJson json(Context ctx, Letter letter) {
        Advisor advisor = letter.advisor();
        return new LetterJson(
                letter.slug(),
                links.absolute(ctx, letter.path()),
                letter.headline(),
                letter.byline(),
                letter.standfirst(),
                letter.salutation(),
                LetterText.html(letter.bodyMarkdown()),
                letter.signOff(),
                new AdvisorJson(advisor.displayName(), advisor.slug(), links.absolute(ctx, advisor.path())),
                letter.topics().stream()
                        .map(topic -> new TopicJson(topic.slug(), topic.name(letter.language()), links.absolute(ctx, topic.path())))
                        .toList(),
                letter.language().code(),
                letter.publishedAt().toString());
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package dearly.letters;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.PageMeta;
import dearly.web.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;

/**
 * The reader's pages: the latest letters, a letter, an advisor, the topics and a topic. Anything not
 * found ends in the site's 404 page.
 */
public final class LetterPages {
    private static final int HOME_LETTERS = 20;

    private final LetterRepository letters;
    private final Pages pages;
    private final Links links;

    public LetterPages(LetterRepository letters, Pages pages, Links links) {
        this.letters = letters;
        this.pages = pages;
        this.links = links;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.get("/letters/{slug}", this::letter);
        routes.get("/advisors/{slug}", this::advisor);
        routes.get("/topics", this::topics);
        routes.get("/topics/{slug}", this::topic);
    }

    private void home(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageMeta meta = new PageMeta(t.get("home.title"), t.get("site.tagline"), links.absolute(ctx, "/"), "website", t);
        pages.render(ctx, "letters/home.jte", Map.of("meta", meta, "letters", summaries(letters.latest(HOME_LETTERS, 0), t)));
    }

    private void letter(Context ctx) {
        Letter letter = letters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(letter.language());
        LetterView view = LetterView.of(letter, links.absolute(ctx, letter.path()));
        PageMeta meta = new PageMeta(letter.headline(), letter.standfirst(), view.url(), "article", t);
        pages.render(ctx, "letters/letter.jte", Map.of("meta", meta, "view", view));
    }

    private void advisor(Context ctx) {
        Advisor advisor = letters.advisor(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageMeta meta = new PageMeta(advisor.displayName(), advisor.bio(), links.absolute(ctx, advisor.path()), "profile", t);
        pages.render(ctx, "letters/advisor.jte", Map.of("meta", meta, "advisor", advisor,
                "letters", summaries(letters.byAdvisor(advisor), t)));
    }

    private void topics(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageMeta meta = new PageMeta(t.get("topics.title"), "", links.absolute(ctx, "/topics"), "website", t);
        pages.render(ctx, "letters/topics.jte", Map.of("meta", meta, "topics", letters.topics()));
    }

    private void topic(Context ctx) {
        Topic topic = letters.topic(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        String title = t.format("topic.letters", topic.name(t.language()));
        PageMeta meta = new PageMeta(title, "", links.absolute(ctx, topic.path()), "website", t);
        pages.render(ctx, "letters/topic.jte", Map.of("meta", meta, "topic", topic,
                "letters", summaries(letters.byTopic(topic), t)));
    }

    private static List<LetterSummary> summaries(List<Letter> letters, Messages t) {
        Language language = t.language();
        return letters.stream().map(letter -> LetterSummary.of(letter, language)).toList();
    }
}

package dearly.letters;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.web.Feature;
import dearly.web.RateLimits;
import dearly.web.HtmlResponse;
import dearly.web.PageCache;
import dearly.web.LanguageChoice;
import dearly.web.Open;
import dearly.web.PageMeta;
import dearly.web.PageMetas;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;

/**
 * The reader's pages: the latest letters, a letter, an advisor, the topics and a topic. Anything not
 * found ends in the site's 404 page.
 */
public final class LetterPages implements Feature {
    private static final int HOME_LETTERS = 20;
    /** Letters per page of an advisor or a topic; older ones are a link away, so no page grows with the archive. */
    static final int PAGE_LETTERS = 30;
    /** Beyond this many pages a list is a search's job; the cap keeps an OFFSET from being a cost lever. */
    private static final int MAX_PAGE = 1000;

    /** Letters offered under a letter: a few, so the page stays short on a phone. */
    static final int RELATED = 3;

    private final LetterRepository letters;
    private final RelatedLetters related;
    private final Reactions reactions;
    private final Templates templates;
    private final PageMetas metas;
    private final ReadingHeads heads;

    /** @param heads adds each page's share image, structured data and feeds */
    public LetterPages(LetterRepository letters, RelatedLetters related, Reactions reactions, Templates templates, PageMetas metas,
            ReadingHeads heads) {
        this.letters = letters;
        this.related = related;
        this.reactions = reactions;
        this.templates = templates;
        this.metas = metas;
        this.heads = heads;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/", this::home, Open.TO_ANYONE);
        routes.get("/letters/{slug}", this::letter, Open.TO_ANYONE);
        routes.get("/advisors/{slug}", this::advisor, Open.TO_ANYONE);
        routes.get("/topics", this::topics, Open.TO_ANYONE);
        routes.get("/topics/{slug}", this::topic, Open.TO_ANYONE);
    }

    /**
     * Answers an address a letter had on the site its archive came from (a WordPress permalink such
     * as {@code /2024/05/title/}) with a permanent redirect to the letter; false when it is none.
     */
    public boolean redirectedOldLink(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) return false;
        var moved = movedTo(ctx.path(), ctx.queryString());
        moved.ifPresent(path -> ctx.redirect(path, HttpStatus.MOVED_PERMANENTLY));
        return moved.isPresent();
    }

    /** The path of the letter an imported site's old address (path, query or null) now leads to, if any. */
    public Optional<String> movedTo(String path, String query) {
        return OldPaths.ofRequest(path, query).flatMap(letters::redirectFor);
    }

    private void home(Context ctx) {
        // A WordPress post's plain permalink (/?p=123, /?page_id=123) leads to its letter when one was imported.
        if (ctx.queryString() != null && redirectedOldLink(ctx)) return;
        Messages t = Messages.of(LanguageChoice.of(ctx));
        int page = page(ctx);
        List<Letter> found = letters.latest(HOME_LETTERS + 1, (page - 1) * HOME_LETTERS);
        PageMeta meta = paged(ctx, metas.of(ctx, t, t.get("home.title"), t.get("site.tagline"), onPage("/", page), "website"),
                "/", page, found.size() > HOME_LETTERS, found.isEmpty());
        PageCache.share(ctx, PageCache.PAGE);

        HtmlResponse.send(ctx, templates.lettersHome(meta, summaries(found.subList(0, Math.min(found.size(), HOME_LETTERS)), t),
                ListPages.of(t.href("/"), page, found.size() > HOME_LETTERS)));
    }

    private void letter(Context ctx) {
        String slug = ctx.pathParam("slug");
        Optional<Letter> found = letters.bySlug(slug);
        // Her menus and words are in her language, whatever the letter's (the article carries its own lang).
        Messages t = Messages.of(LanguageChoice.of(ctx));
        if (found.isEmpty() && letters.unpublished(slug)) {
            ctx.status(HttpStatus.GONE);
            HtmlResponse.send(ctx, templates.lettersGone(metas.of(ctx, t, t.get("gone.title"), "/letters/" + slug)));
            return;
        }
        Letter letter = found.orElseThrow(NotFoundResponse::new);
        Optional<Letter> translation = letters.translationOf(letter);
        // One address per letter, its own language's, whichever address she opened it at (her menus follow her);
        // hreflang names only that address and the translation's, each at its own language's address.
        PageMeta meta = metas.of(ctx, t, letter.headline(), letter.standfirst(), letter.path(), "article")
                .withOneAddress(letter.language(), metas.absolute(ctx, letter.language().address(letter.path())));
        if (translation.isPresent()) {
            meta = meta.withAlternate(translation.get().language(),
                    metas.absolute(ctx, translation.get().language().address(translation.get().path())));
        }
        meta = heads.letter(ctx, meta, letter);
        String words = letter.headline() + "\n" + letter.standfirst() + "\n" + LetterText.plain(letter.bodyMarkdown());
        PageCache.share(ctx, PageCache.PAGE);

        HtmlResponse.send(ctx, templates.lettersLetter(meta, LetterView.of(letter, meta.canonicalUrl()),
                related.closestTo(words, Optional.of(letter.language()), RELATED, Optional.of(letter.id())),
                reactions.felt(letter.id()), translation));
    }

    private void advisor(Context ctx) {
        Advisor advisor = letters.advisor(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        int page = page(ctx);
        List<Letter> found = letters.byAdvisor(advisor, PAGE_LETTERS + 1, (page - 1) * PAGE_LETTERS);
        PageMeta meta = paged(ctx, metas.of(ctx, t, advisor.displayName(), advisor.bio(), onPage(advisor.path(), page), "profile"),
                advisor.path(), page, found.size() > PAGE_LETTERS, found.isEmpty());
        meta = heads.advisor(ctx, meta, advisor);
        PageCache.share(ctx, PageCache.PAGE);

        HtmlResponse.send(ctx, templates.lettersAdvisor(meta, advisor,
                summaries(found.subList(0, Math.min(found.size(), PAGE_LETTERS)), t),
                ListPages.of(t.href(advisor.path()), page, found.size() > PAGE_LETTERS)));
    }

    private void topics(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageCache.share(ctx, PageCache.PAGE);

        HtmlResponse.send(ctx, templates.lettersTopics(metas.of(ctx, t, t.get("topics.title"), "/topics"), letters.topics()));
    }

    private void topic(Context ctx) {
        Topic topic = letters.topic(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        String title = t.format("topic.letters", topic.name(t.language()));
        int page = page(ctx);
        List<Letter> found = letters.byTopic(topic, PAGE_LETTERS + 1, (page - 1) * PAGE_LETTERS);
        PageMeta meta = paged(ctx, metas.of(ctx, t, title, "", onPage(topic.path(), page), "website"),
                topic.path(), page, found.size() > PAGE_LETTERS, found.isEmpty());
        meta = heads.topic(ctx, meta, topic);
        PageCache.share(ctx, PageCache.PAGE);

        HtmlResponse.send(ctx, templates.lettersTopic(meta, topic,
                summaries(found.subList(0, Math.min(found.size(), PAGE_LETTERS)), t),
                ListPages.of(t.href(topic.path()), page, found.size() > PAGE_LETTERS)));
    }

    /**
     * The page asked for in ?page=, from 1. Anything else (a page past the last, 0, a word) is not
     * a page of the list: 404, so every page of a list has one address.
     */
    private static int page(Context ctx) {
        String typed = ctx.queryParam("page");
        if (typed == null) return 1;
        if (!typed.matches("[1-9]\\d{0,3}") || Integer.parseInt(typed) > MAX_PAGE) throw new NotFoundResponse();
        return Integer.parseInt(typed);
    }

    /** A list's page's address: the list's own for the first, ?page=N for the others. */
    private static String onPage(String path, int page) {
        return page == 1 ? path : path + "?page=" + page;
    }

    /** The page's links to its neighbours (rel=prev, rel=next); a page past the last is not found. */
    private PageMeta paged(Context ctx, PageMeta meta, String path, int page, boolean hasOlder, boolean empty) {
        if (page > 1 && empty) throw new NotFoundResponse();
        var language = meta.t().language();
        return meta.withPages(page > 1 ? metas.absolute(ctx, language.address(onPage(path, page - 1))) : "",
                hasOlder ? metas.absolute(ctx, language.address(onPage(path, page + 1))) : "");
    }

    private static List<LetterSummary> summaries(List<Letter> letters, Messages t) {
        Language language = t.language();
        return letters.stream().map(letter -> LetterSummary.of(letter, language)).toList();
    }
}

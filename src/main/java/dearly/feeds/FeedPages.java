package dearly.feeds;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.letters.Advisor;
import dearly.letters.Letter;
import dearly.letters.LetterRepository;
import dearly.letters.ReadingHeads;
import dearly.letters.Topic;
import dearly.web.Feature;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageHead;
import dearly.web.PageMeta;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How letters travel beyond their pages: link previews (each page's share image, a letter's
 * structured data), Atom and RSS feeds of the column, each language, topic and advisor, the
 * sitemap and robots.txt. Only published letters appear, with their public fields.
 */
public final class FeedPages implements Feature, ReadingHeads {
    /** Share images kept drawn in memory. */
    private static final int IMAGES_KEPT = 200;
    private static final String LONG_CACHE = "public, max-age=31536000, immutable";
    private static final String SHORT_CACHE = "public, max-age=300";

    private final LetterRepository letters;
    private final Links links;
    private final ColumnFeeds feeds;
    private final Sitemaps sitemaps;
    private final ShareImages images = new ShareImages(IMAGES_KEPT);

    public FeedPages(LetterRepository letters, Templates templates, Links links, Supplier<Instant> clock) {
        this(letters, templates, links, clock, Sitemaps.PROTOCOL_LIMIT);
    }

    /** @param sitemapFile addresses in one sitemap file before it is split (the protocol allows 50,000) */
    public FeedPages(LetterRepository letters, Templates templates, Links links, Supplier<Instant> clock, int sitemapFile) {
        this.letters = letters;
        this.links = links;
        this.feeds = new ColumnFeeds(templates, () -> links.base().getHost());
        this.sitemaps = new Sitemaps(letters, clock, sitemapFile);
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/feeds/{format}", this::columnFeed, Open.TO_ANYONE);
        routes.get("/feeds/{language}/{format}", this::languageFeed, Open.TO_ANYONE);
        routes.get("/feeds/topics/{slug}/{format}", this::topicFeed, Open.TO_ANYONE);
        routes.get("/feeds/advisors/{slug}/{format}", this::advisorFeed, Open.TO_ANYONE);
        routes.get("/share/letters/{slug}/{file}", this::letterImage, Open.TO_ANYONE);
        routes.get("/share/site/{language}/{file}", this::siteImage, Open.TO_ANYONE);
        routes.get("/sitemap.xml", this::sitemap, Open.TO_ANYONE);
        routes.get("/sitemaps/{file}", this::sitemapFile, Open.TO_ANYONE);
        routes.get("/robots.txt", this::robots, Open.TO_ANYONE);
    }

    /** Every page's head: the site's share image and the whole column's feeds, in the page's language. */
    public PageHead siteHead(Context ctx, Messages t) {
        ShareCard card = ShareImages.site(t.language());
        PageHead.Image image = new PageHead.Image(links.absolute(ctx, ShareImages.sitePath(t.language())), ShareCard.WIDTH,
                ShareCard.HEIGHT, t.format("preview.site.alt", card.siteName(), card.headline()));
        // The column's Atom feed only: a page's weight counts on a slow phone, and its RSS twin is /feeds/rss.
        return new PageHead(Optional.of(image), "",
                feedLinks(ctx, t, t.format("feeds.column", t.get("site.name")), "/feeds").subList(0, 1));
    }

    @Override
    public PageMeta letter(Context ctx, PageMeta meta, Letter letter) {
        Messages words = Messages.of(letter.language());
        String imageUrl = links.absolute(ctx, ShareImages.path(letter));
        PageHead.Image image = new PageHead.Image(imageUrl, ShareCard.WIDTH, ShareCard.HEIGHT,
                words.format("preview.letter.alt", letter.headline(), letter.advisor().displayName(), words.get("site.name")));
        return meta.withHead(meta.head().withImage(image)
                .withStructuredData(StructuredData.letter(letter, meta.t(), path -> links.absolute(ctx, path), imageUrl)));
    }

    @Override
    public PageMeta topic(Context ctx, PageMeta meta, Topic topic) {
        Messages t = meta.t();
        return meta.withHead(meta.head().withFeedsFirst(
                feedLinks(ctx, t, t.format("feeds.topic", t.get("site.name"), topic.name(t.language())), "/feeds" + topic.path())));
    }

    @Override
    public PageMeta advisor(Context ctx, PageMeta meta, Advisor advisor) {
        Messages t = meta.t();
        return meta.withHead(meta.head().withFeedsFirst(
                feedLinks(ctx, t, t.format("feeds.advisor", t.get("site.name"), advisor.displayName()), "/feeds" + advisor.path())));
    }

    private List<PageHead.Feed> feedLinks(Context ctx, Messages t, String title, String prefix) {
        return List.of(
                new PageHead.Feed(ColumnFeeds.Format.ATOM.mediaType, t.format("feeds.atom", title), links.absolute(ctx, prefix + "/atom")),
                new PageHead.Feed(ColumnFeeds.Format.RSS.mediaType, t.format("feeds.rss", title), links.absolute(ctx, prefix + "/rss")));
    }

    private void columnFeed(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        sendFeed(ctx, "/feeds", new ColumnFeeds.Feed(feeds.feedId("letters"), t.format("feeds.column", t.get("site.name")),
                t.get("site.tagline"), links.absolute(ctx, "/"), "", letters.latest(ColumnFeeds.ENTRIES, 0)));
    }

    private void languageFeed(Context ctx) {
        Language language = language(ctx);
        Messages t = Messages.of(language);
        sendFeed(ctx, "/feeds/" + language.code(), new ColumnFeeds.Feed(feeds.feedId("letters-" + language.code()),
                t.format("feeds.language", t.get("site.name")), t.get("site.tagline"), links.absolute(ctx, "/"),
                language.code(), letters.latestIn(language, ColumnFeeds.ENTRIES)));
    }

    private void topicFeed(Context ctx) {
        Topic topic = letters.topic(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        sendFeed(ctx, "/feeds" + topic.path(), new ColumnFeeds.Feed(feeds.feedId("topic-" + topic.id()),
                t.format("feeds.topic", t.get("site.name"), topic.name(t.language())), t.get("site.tagline"),
                links.absolute(ctx, topic.path()), "", letters.byTopic(topic, ColumnFeeds.ENTRIES, 0)));
    }

    private void advisorFeed(Context ctx) {
        Advisor advisor = letters.advisor(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        sendFeed(ctx, "/feeds" + advisor.path(), new ColumnFeeds.Feed(feeds.feedId("advisor-" + advisor.id()),
                t.format("feeds.advisor", t.get("site.name"), advisor.displayName()), advisor.bio().isBlank() ? t.get("site.tagline") : advisor.bio(),
                links.absolute(ctx, advisor.path()), "", letters.byAdvisor(advisor, ColumnFeeds.ENTRIES, 0)));
    }

    /** @param prefix the feed's path before its format */
    private void sendFeed(Context ctx, String prefix, ColumnFeeds.Feed feed) {
        ColumnFeeds.Format format = ColumnFeeds.Format.of(ctx.pathParam("format")).orElseThrow(NotFoundResponse::new);
        String self = links.absolute(ctx, prefix + "/" + format.path);
        ctx.header("Cache-Control", SHORT_CACHE);
        ctx.contentType(format.mediaType + "; charset=utf-8").result(feeds.write(feed, format, self, absolute(ctx)));
    }

    private void letterImage(Context ctx) {
        Letter letter = letters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        sendImage(ctx, ShareImages.card(letter), ShareImages.path(letter));
    }

    private void siteImage(Context ctx) {
        Language language = language(ctx);
        sendImage(ctx, ShareImages.site(language), ShareImages.sitePath(language));
    }

    /** The image at its current address; an older address (a headline since corrected) is sent on to it. */
    private void sendImage(Context ctx, ShareCard card, String currentPath) {
        if (!ctx.path().equals(currentPath)) {
            ctx.header("Cache-Control", "no-cache");
            ctx.redirect(currentPath, HttpStatus.FOUND);
            return;
        }
        ctx.header("Cache-Control", LONG_CACHE);
        ctx.contentType("image/png").result(images.png(card));
    }

    private void sitemap(Context ctx) {
        ctx.header("Cache-Control", SHORT_CACHE);
        ctx.contentType("application/xml; charset=utf-8").result(sitemaps.root(absolute(ctx)));
    }

    private void sitemapFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[1-9]\\d{0,5}\\.xml")) throw new NotFoundResponse();
        int number = Integer.parseInt(file.substring(0, file.length() - ".xml".length()));
        String xml = sitemaps.file(number, absolute(ctx)).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", SHORT_CACHE);
        ctx.contentType("application/xml; charset=utf-8").result(xml);
    }

    /** Public pages open to crawlers; staff pages, her private links, sign-in and search results closed. */
    private void robots(Context ctx) {
        ctx.header("Cache-Control", SHORT_CACHE);
        ctx.contentType("text/plain; charset=utf-8").result("""
                User-agent: *
                Allow: /
                Disallow: /desk
                Disallow: /admin
                Disallow: /account
                Disallow: /status/
                Disallow: /erase/
                Disallow: /login
                Disallow: /logout
                Disallow: /reset
                Disallow: /setup/
                Disallow: /invitation/
                Disallow: /health
                Disallow: /ready
                Disallow: /metrics
                Disallow: /search
                Disallow: /api/

                Sitemap: %s
                """.formatted(links.absolute(ctx, "/sitemap.xml")));
    }

    /** The language the path names by its exact code ("es", never "es-MX" or "ES"); 404 for any other. */
    private static Language language(Context ctx) {
        String code = ctx.pathParam("language");
        return Language.fromCode(code).filter(found -> found.code().equals(code)).orElseThrow(NotFoundResponse::new);
    }

    private UnaryOperator<String> absolute(Context ctx) {
        return path -> links.absolute(ctx, path);
    }
}

package dearly.letters;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageCache;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "I've felt this too": a reader says a letter speaks to her, without an account, once per letter.
 * Dearly keeps only the count ({@link Reactions}); which letters she said it of is kept on her own
 * device, in the {@value #COOKIE} cookie, so nothing on the server can tie a reaction to her.
 *
 * <p>The form is on the letter page, which is the same for every visitor (so it can be cached), so it
 * carries no per-visitor CSRF token: {@link Csrf#requireFromThisSite} refuses a post another site's
 * page sent instead. Without JavaScript the form posts and comes back to the letter; with it,
 * dearly.js posts it and shows the new count without leaving the page.
 */
public final class FeltThisToo implements Feature {
    static final String COOKIE = "dearly_felt";
    /** Enough letters for years of reading, well within a cookie's 4 KB. */
    private static final int REMEMBERED = 300;
    private static final int A_YEAR = 365 * 24 * 60 * 60;
    private static final String PATH = "/letters/{slug}/felt";

    private final LetterRepository letters;
    private final Reactions reactions;
    private final Csrf csrf;
    private final Links links;
    private final PageCache pages;

    /** @param pages the letter's kept page is forgotten on this node when its count changes (other nodes: within a minute) */
    public FeltThisToo(LetterRepository letters, Reactions reactions, Csrf csrf, Links links, PageCache pages) {
        this.pages = pages;
        this.letters = letters;
        this.reactions = reactions;
        this.csrf = csrf;
        this.links = links;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        rateLimits.limit(PATH, HandlerType.POST, RateLimits.Group.FORMS);
        rateLimits.limit(PATH, HandlerType.POST, RateLimits.Group.REACT);
        routes.beforeMatched(PATH, csrf::requireFromThisSite);
        routes.post(PATH, this::felt, Open.TO_ANYONE);
    }

    private void felt(Context ctx) {
        Letter letter = letters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        List<Long> already = remembered(ctx.cookie(COOKIE));
        int count;
        if (already.contains(letter.id())) {
            count = reactions.felt(letter.id());
        } else {
            count = reactions.addFelt(letter.id());
            pages.forget(letter.path());
            already.add(letter.id());
            String kept = String.join(".", already.subList(Math.max(0, already.size() - REMEMBERED), already.size())
                    .stream().map(String::valueOf).toList());
            // Not HttpOnly: the letter page, the same for everyone, reads it to show she has already said so.
            ctx.cookie(new Cookie(COOKIE, kept, "/", A_YEAR, links.secure(ctx), false, null, SameSite.LAX));
        }
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            Language language = Language.fromCode(ctx.formParam("lang")).orElseGet(() -> LanguageChoice.of(ctx));
            ctx.json(Map.of("felt", count, "said", Messages.of(language).format("letter.felt.count", count)));
        } else {
            ctx.redirect(back(ctx.formParam("back"), letter) + "#felt", HttpStatus.SEE_OTHER);
        }
    }

    /**
     * The page she pressed it on (the letter in her language's address), named by the form: only a
     * path on this site that ends with the letter's slug, so the form cannot send anyone elsewhere.
     */
    static String back(String named, Letter letter) {
        boolean ours = named != null && named.length() <= 300 && named.matches("(/[A-Za-z0-9._~%-]+)+")
                && named.endsWith("/" + letter.slug());
        return ours ? named : letter.path();
    }

    /** The letter ids in her cookie, oldest first; anything else in it is dropped. */
    static List<Long> remembered(String cookie) {
        List<Long> ids = new ArrayList<>();
        if (cookie == null) return ids;
        for (String id : cookie.split("\\.")) {
            if (id.matches("[1-9][0-9]{0,17}")) ids.add(Long.parseLong(id));
        }
        return ids;
    }
}

package dearly.web;

import dearly.language.Language;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each page's two addresses, English at the root and Spanish under {@code /es} ({@link LanguagePrefix}):
 * the language switch that saves her choice and keeps her on the same page, the permanent redirect
 * of old {@code ?lang=} links, and the visit to an English address by someone who chose Spanish
 * (or whose browser asks for it), sent to the Spanish one.
 */
public final class LanguageAddresses implements Feature {
    /** A saved choice outlives a session: she chose the language once. */
    private static final Duration KEPT = Duration.ofDays(365);
    /** Longer than any address of Dearly's; a longer {@code to} is someone else's. */
    private static final int MAX_PATH = 2048;

    private final Links links;

    public LanguageAddresses(Links links) {
        this.links = links;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/language/{code}", this::choose, Open.TO_ANYONE);
    }

    /** The language switch: {@code /language/es?to=/letters/x} saves Spanish and opens that page in Spanish. */
    private void choose(Context ctx) {
        Language chosen = Language.fromCode(ctx.pathParam("code"))
                .filter(language -> language.code().equals(ctx.pathParam("code")))
                .orElseThrow(NotFoundResponse::new);
        ctx.cookie(new Cookie(LanguageChoice.COOKIE, chosen.code(), "/", (int) KEPT.toSeconds(), links.secure(ctx), true, null,
                SameSite.LAX));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(chosen.address(ownPath(ctx.queryParam("to"))), HttpStatus.SEE_OTHER);
    }

    /** Where an imported site's old address (path and query, the query without {@code lang}) now is: a letter's path, or empty. */
    @FunctionalInterface
    public interface OldSite {
        Optional<String> movedTo(String path, String query);
    }

    /**
     * A {@code before} handler: an old link such as {@code /ask?lang=es} answers with a permanent
     * redirect to {@code /es/ask}; an imported site's old WPML link ({@code /?p=12&lang=es}) goes
     * straight to its letter's Spanish address, in one redirect. The API keeps its {@code lang}
     * parameter, which filters results.
     */
    public static Handler redirectOldLinks(OldSite oldSite) {
        return ctx -> redirectOldLinks(ctx, oldSite);
    }

    private static void redirectOldLinks(Context ctx, OldSite oldSite) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) return;
        String query = ctx.queryString();
        if (query == null || Arrays.stream(query.split("&")).noneMatch(LanguageAddresses::isLang)) return;
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/static/")) return;
        Language language = LanguageChoice.addressed(ctx)
                .or(() -> LanguageChoice.askedFor(query).flatMap(Language::fromCode))
                .orElse(Language.EN);
        String rest = Arrays.stream(query.split("&"))
                .filter(pair -> !isLang(pair))
                .collect(Collectors.joining("&"));
        String target = oldSite.movedTo(ctx.path(), rest.isEmpty() ? null : rest)
                .orElseGet(() -> ctx.path() + (rest.isEmpty() ? "" : "?" + rest));
        ctx.redirect(language.address(ownPath(target)), HttpStatus.MOVED_PERMANENTLY);
        ctx.skipRemainingHandlers();
    }

    /**
     * A {@code beforeMatched} handler: a public page opened at its English address by someone whose
     * saved choice, or else whose browser, asks for Spanish is sent to its Spanish address, so the
     * address she sees and shares says the language she reads. Her saved English keeps her here.
     */
    public static void sendToHerLanguage(Context ctx) {
        if (ctx.method() != HandlerType.GET || LanguageChoice.addressed(ctx).isPresent()) return;
        if (!ctx.routeRoles().contains(Open.TO_ANYONE) || !isPage(ctx.path())) return;
        ctx.header("Vary", "Cookie, Accept-Language");
        Language preferred = LanguageChoice.saved(ctx).orElseGet(() -> LanguageChoice.browser(ctx.header("Accept-Language")));
        if (preferred == Language.EN) return;
        String query = ctx.queryString();
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(preferred.address(ownPath(ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query))), HttpStatus.FOUND);
        ctx.skipRemainingHandlers();
    }

    /**
     * An {@code after} handler: a page under a language's prefix that redirects to one of Dearly's
     * own pages (the status page after sending, the sign-in page, the next page after signing in)
     * sends her to that page's address in the same language.
     */
    public static void keepRedirectsInLanguage(Context ctx) {
        Optional<Language> addressed = LanguageChoice.addressed(ctx);
        String location = ctx.res().getHeader("Location");
        if (addressed.isEmpty() || location == null || ctx.status().getCode() / 100 != 3) return;
        if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\") || !isPage(location)) return;
        if (LanguagePrefix.of(location.split("[?#]", 2)[0]).isPresent()) return;
        ctx.header("Location", addressed.get().address(location));
    }

    private static boolean isLang(String pair) {
        return pair.equals("lang") || pair.startsWith("lang=");
    }

    /** Whether the path is one of the site's pages, which have an address per language, rather than data or files. */
    private static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/static/") || path.equals("/health") || path.equals("/ready") || path.equals("/metrics")
                || path.startsWith("/language/") || path.startsWith("/advisors/photos/"));
    }

    /** {@code to} as a path of Dearly's own, without a language prefix; the home page when it is anything else. */
    static String ownPath(String to) {
        if (to == null || to.length() > MAX_PATH || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")
                || to.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        String path = to.split("[?#]", 2)[0];
        Optional<Language> prefixed = LanguagePrefix.of(path);
        if (prefixed.isEmpty()) return to;
        String rest = to.substring(prefixed.get().prefix().length());
        return ownPath(rest.startsWith("/") ? rest : "/" + rest);
    }
}

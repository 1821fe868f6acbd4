package dearly.accounts;

import dearly.language.Messages;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.PageMeta;
import dearly.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Guards the pages of the people who make the column. Register it as a {@code before} handler
 * after {@link Sessions#attach}:
 *
 * <pre>{@code
 * javalin.routes.before("/desk", Access.require(Role.ADVISOR, links));
 * javalin.routes.before("/desk/*", Access.require(Role.ADVISOR, links));
 * }</pre>
 *
 * (Javalin's {@code /desk/*} does not match {@code /desk} itself, hence both; {@code /desk*} would
 * also guard {@code /desktop}.)
 *
 * <p>Someone not signed in is sent to sign in and then back (under /api/: 401 JSON); someone signed in
 * without the role gets 403 and a kind page (under /api/: JSON). Under /api/ no one is signed in by a
 * cookie ({@link Sessions#attach} skips it), so an API route guarded here answers 401 until the API
 * has credentials of its own. Guarded pages are never cached or
 * indexed.
 */
public final class Access {
    // Templates are precompiled classes and Pages holds no state about any request, so one is shared.
    private static final Pages PAGES = new Pages();

    private Access() {}

    /**
     * A {@code before} handler that lets through only people whose role includes {@code role}.
     *
     * @param links for the refusal page's canonical address
     */
    public static Handler require(Role role, Links links) {
        return ctx -> check(ctx, role, links);
    }

    private static void check(Context ctx, Role needed, Links links) {
        boolean api = ctx.path().startsWith("/api/");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        Optional<User> user = Sessions.user(ctx);
        if (user.isPresent() && user.get().role().includes(needed)) return;
        Messages t = Messages.of(LanguageChoice.of(ctx));
        if (user.isEmpty()) {
            if (api) {
                ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", t.get("accounts.api.unauthorized")));
            } else {
                ctx.redirect("/login?next=" + URLEncoder.encode(requested(ctx), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            }
        } else if (api) {
            ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", t.get("accounts.api.forbidden")));
        } else {
            PageMeta meta = new PageMeta(t.get("accounts.forbidden.title"), "", links.absolute(ctx, "/"), "website", t);
            ctx.status(HttpStatus.FORBIDDEN);
            PAGES.render(ctx, "accounts/forbidden.jte", Map.of(
                    "meta", meta,
                    "user", user.get(),
                    "needed", t.get("accounts.role." + needed.name().toLowerCase(Locale.ROOT))));
        }
        ctx.skipRemainingHandlers();
    }

    /** The page to come back to after signing in: this one, with its query. */
    private static String requested(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}

package dearly.accounts;

import dearly.language.Messages;
import dearly.web.LanguageChoice;
import dearly.web.Open;
import dearly.web.Refusals;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one check of who may open a route. Each route declares its role where it is registered
 * ({@link Role} for the people who make the column, {@link Open#TO_ANYONE} for everyone else), and
 * this runs once for every matched request, after {@link Sessions#attach}:
 *
 * <pre>{@code
 * javalin.routes.beforeMatched(access::check);
 * routes.get("/desk", this::queue, Role.EDITOR);
 * }</pre>
 *
 * <p>Someone not signed in is sent to sign in and then back (under /api/: 401 JSON); someone signed in
 * without the role gets 403 and a kind page (under /api/: JSON). Under /api/ no one is signed in by a
 * cookie ({@link Sessions#attach} skips it), so an API route that declares a role answers 401 until
 * the API has credentials of its own. Guarded pages are never cached or indexed.
 *
 * <p>Only an address no route matches goes unchecked (404 for everyone, as for any unknown page),
 * and static files, which declare no role. A route that declares none would be let through too:
 * {@code RouteAccessTest} fails the build on one.
 */
public final class Access {
    private final Refusals refusals;

    public Access(Refusals refusals) {
        this.refusals = refusals;
    }

    /** A {@code beforeMatched} handler: lets the request through only to someone the route's role admits. */
    public void check(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty() || declared.contains(Open.TO_ANYONE)) return;
        // Any role declared opens the route (an admin opens every one: see Role#includes).
        List<Role> roles = declared.stream().filter(Role.class::isInstance).map(Role.class::cast).sorted().toList();
        refuseUnless(ctx, roles.isEmpty() ? List.of(Role.ADMIN) : roles);
    }

    private void refuseUnless(Context ctx, List<Role> opening) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        Optional<User> user = Sessions.user(ctx);
        if (user.isPresent() && opening.stream().anyMatch(user.get()::holds)) return;
        Role needed = opening.getFirst();
        Messages t = Messages.of(LanguageChoice.of(ctx));
        if (user.isEmpty() && ctx.path().startsWith("/api/")) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", t.get("accounts.api.unauthorized")));
        } else if (user.isEmpty()) {
            // In the language of her address: the redirect skips the handler that keeps others in it.
            String login = "/login?next=" + URLEncoder.encode(requested(ctx), StandardCharsets.UTF_8);
            ctx.redirect(LanguageChoice.addressed(ctx).map(language -> language.address(login)).orElse(login), HttpStatus.SEE_OTHER);
        } else {
            String role = t.get("accounts.role." + needed.name().toLowerCase(Locale.ROOT));
            refusals.sendSignedIn(ctx, HttpStatus.FORBIDDEN, Map.of("error", t.get("accounts.api.forbidden")),
                    "accounts.forbidden.title", (templates, meta) -> templates.accountsForbidden(meta, user.get(), role));
        }
        ctx.skipRemainingHandlers();
    }

    /** The page to come back to after signing in: this one, with its query. */
    private static String requested(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}

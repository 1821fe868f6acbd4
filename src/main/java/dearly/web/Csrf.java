package dearly.web;

import dearly.language.Messages;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Protection against cross-site form posts by double submission, since Dearly has no server
 * sessions yet: a random token lives in the {@value #COOKIE} cookie (HttpOnly, SameSite=Lax, Secure
 * over https) and is repeated in each form's hidden {@value #FIELD} field. Another site can make a
 * browser post a form here, but can neither read the cookie nor set it, so it cannot write the
 * matching field.
 *
 * <p>A form where a parent types (the ask form) calls {@link #isValid} itself and, when it is
 * false, shows the form again with everything she typed and a fresh {@link #token}, so that an
 * expired or missing cookie never costs her what she wrote. Other forms (buttons such as withdraw
 * or delete) are guarded as a whole by {@link #requireOnForms} in a {@code before} handler.
 *
 * <p>Limit: a site that can set cookies on Dearly's domain (a compromised sibling subdomain) could
 * plant its own token. When sessions arrive, the token should be tied to the session.
 */
public final class Csrf {
    public static final String COOKIE = "dearly_csrf";
    public static final String FIELD = "_csrf";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String ISSUED = "dearly.csrf.issued";
    private static final Set<HandlerType> UNSAFE = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Links links;
    private final Refusals refusals;

    public Csrf(Pages pages, Links links) {
        this.links = links;
        this.refusals = new Refusals(pages, links);
    }

    /**
     * The token for a form's hidden {@value #FIELD} field: the one in the visitor's cookie, or a new
     * one set in the cookie now. The same all through one request.
     */
    public String token(Context ctx) {
        String issued = ctx.attribute(ISSUED);
        if (issued != null) return issued;
        String existing = ctx.cookie(COOKIE);
        if (existing != null && WELL_FORMED.matcher(existing).matches()) return existing;
        String token = Secrets.newToken();
        // A browser-session cookie: no lasting identifier is left on her phone.
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, secure(ctx), true, null, SameSite.LAX));
        ctx.attribute(ISSUED, token);
        return token;
    }

    /** Whether the form's {@value #FIELD} field repeats the cookie's token (compared in constant time). */
    public boolean isValid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null || !WELL_FORMED.matcher(cookie).matches()) return false;
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A {@code before} handler: refuses a POST, PUT, PATCH or DELETE without a valid token with 403
     * and a kind page in the visitor's language (JSON under /api/). Other methods pass.
     *
     * <p>JSON requests pass too: a cross-site form can only send form and plain-text bodies, and
     * {@code fetch} from another site cannot send {@code Content-Type: application/json} without a
     * CORS preflight, which Dearly never grants. So the API must refuse bodies of any other type.
     */
    public void requireOnForms(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || isJson(ctx) || isValid(ctx)) return;
        Messages t = Messages.of(LanguageChoice.of(ctx));
        refusals.send(ctx, HttpStatus.FORBIDDEN, Map.of("error", t.get("formrefused.api")),
                "errors/form-refused.jte", "formrefused.title", Map.of());
        ctx.skipRemainingHandlers();
    }

    static boolean isJson(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) return false;
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || links.absolute(ctx, "/").startsWith("https://");
    }
}

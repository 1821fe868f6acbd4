package dearly.web;

import dearly.language.Messages;
import gg.jte.generated.precompiled.Templates;
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
 * Protection against cross-site form posts by double submission, since a parent asking has no
 * session: a random token lives in the {@value #COOKIE} cookie (HttpOnly, SameSite=Lax, Secure
 * over https) and is repeated in each form's hidden {@value #FIELD} field. Another site can make a
 * browser post a form here, but can neither read the cookie nor set it, so it cannot write the
 * matching field.
 *
 * <p>A form where a parent types (the ask form) calls {@link #isValid} itself and, when it is
 * false, shows the form again with everything she typed and a fresh {@link #token}, so that an
 * expired or missing cookie never costs her what she wrote. Other forms (buttons such as withdraw
 * or delete) are guarded as a whole by {@link #requireOnForms} in a {@code before} handler. Every
 * request passes {@link #requireFormBodies} first, so a form route never sees a body that is not a form.
 *
 * <p>For a signed-in advisor, editor or admin the token comes from her session instead
 * ({@link #bindToSession}): derived from the session's secret, which only her browser holds, and
 * the cookie is not consulted. A site that can set cookies on Dearly's domain (a compromised sibling
 * subdomain) could plant a double-submit token for a visitor, but not for a staff session, and a
 * token read from another session's page opens nothing in hers.
 */
public final class Csrf {
    public static final String COOKIE = "dearly_csrf";
    /** Set when a token went into this answer: a page that carries one is hers alone, never shared. */
    private static final String IN_PAGE = "dearly.csrfInPage";
    public static final String FIELD = "_csrf";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String ISSUED = "dearly.csrf.issued";
    private static final String BOUND = "dearly.csrf.session";
    private static final Set<HandlerType> UNSAFE = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Links links;
    private final Refusals refusals;

    public Csrf(Refusals refusals, Links links) {
        this.links = links;
        this.refusals = refusals;
    }

    /**
     * The token for a form's hidden {@value #FIELD} field: the one in the visitor's cookie, or a new
     * one set in the cookie now. The same all through one request.
     */
    public String token(Context ctx) {
        ctx.attribute(IN_PAGE, true);
        String bound = ctx.attribute(BOUND);
        if (bound != null) return bound;
        String issued = ctx.attribute(ISSUED);
        if (issued != null) return issued;
        String existing = ctx.cookie(COOKIE);
        if (existing != null && WELL_FORMED.matcher(existing).matches()) return existing;
        String token = Secrets.newToken();
        // A browser-session cookie: no lasting identifier is left on her phone.
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, links.secure(ctx), true, null, SameSite.LAX));
        ctx.attribute(ISSUED, token);
        return token;
    }

    /** Whether this answer carries a form token (so it must not be kept or shared). */
    static boolean issuedOn(Context ctx) {
        return ctx.attribute(IN_PAGE) != null;
    }

    /**
     * Binds this request's token to a staff session (the accounts feature calls it once it knows who
     * is signed in), or unbinds it (null) when she signs out. The token is a hash of the session's
     * secret, so it is the same on every page of one session and changes when she signs in again.
     */
    public static void bindToSession(Context ctx, String sessionSecret) {
        ctx.attribute(BOUND, sessionSecret == null ? null : Secrets.sha256("csrf " + sessionSecret));
    }

    /** Whether the form's {@value #FIELD} field repeats the session's token, or else the cookie's token (compared in constant time). */
    public boolean isValid(Context ctx) {
        String field = ctx.formParam(FIELD);
        String bound = ctx.attribute(BOUND);
        if (bound != null) {
            return field != null && MessageDigest.isEqual(bound.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || field == null || !WELL_FORMED.matcher(cookie).matches()) return false;
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a request comes from one of Dearly's own pages, for a form on a page shared between
     * visitors (a letter page, cached for everyone), which cannot carry a token of her own. The
     * browser says where the request started: {@code Sec-Fetch-Site} (sent by every current browser,
     * and not something a page can set) must be {@code same-origin}; a browser without it sends
     * {@code Origin} on every cross-site post, which must then be Dearly's own address. A request with
     * neither was not sent by a browser from another site (a script, curl), so it proves nothing
     * either way and passes; what it can do is limited by the route's rate limit. The cookies Dearly
     * sets are SameSite=Lax as well, so a post from another site never carries them.
     */
    private boolean fromThisSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) return site.equalsIgnoreCase("same-origin");
        String origin = ctx.header("Origin");
        if (origin == null) return true;
        java.net.URI own = java.net.URI.create(links.absolute(ctx, "/"));
        return origin.equalsIgnoreCase(own.getScheme() + "://" + own.getRawAuthority());
    }

    /**
     * A {@code before} handler for a form on a page shared between visitors: refuses a POST, PUT,
     * PATCH or DELETE that {@link #fromThisSite} does not recognise, as {@link #requireOnForms} refuses
     * one without a token.
     */
    public void requireFromThisSite(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || fromThisSite(ctx)) return;
        refuse(ctx);
    }

    /**
     * A {@code before} handler for buttons: refuses a POST, PUT, PATCH or DELETE without a valid
     * token with 403 and a kind page in the visitor's language. Other methods pass. Not for the JSON
     * API, which takes no form token (see {@link #requireFormBodies}).
     */
    public void requireOnForms(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || isValid(ctx)) return;
        refuse(ctx);
    }

    /**
     * A {@code before} handler for every request: outside /api/, a POST, PUT, PATCH or DELETE must
     * be a form ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}), or it
     * gets 403 as {@link #requireOnForms} gives it. Dearly's pages send nothing else, and a form
     * route that took another type (JSON, say) would read no token from it.
     *
     * <p>Only the JSON API skips the form token. A cross-site form can send form and plain-text
     * bodies but not {@code application/json}, and {@code fetch} from another site cannot send JSON
     * without a CORS preflight, which Dearly never grants; the API refuses every other type, and it
     * takes no cookie as authentication (no staff session is attached there), so a browser's
     * ambient credentials open nothing on it.
     */
    public void requireFormBodies(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || Refusals.isApi(ctx) || isForm(ctx)) return;
        refuse(ctx);
    }

    private void refuse(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        refusals.send(ctx, HttpStatus.FORBIDDEN, Map.of("error", t.get("formrefused.api")), "formrefused.title",
                Templates::errorsFormRefused);
        ctx.skipRemainingHandlers();
    }

    private static boolean isForm(Context ctx) {
        String type = mediaType(ctx);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }

    /** The Content-Type without its parameters, in lower case; empty when there is none. */
    private static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) return "";
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}

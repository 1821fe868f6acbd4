package dearly.accounts;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.web.Feature;
import dearly.web.Csrf;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import dearly.web.Secrets;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Signing in and out. A wrong e-mail and a wrong password get the same calm message, so the form
 * never tells anyone which addresses have accounts. Signing out is a POST with a CSRF token, behind
 * a one-button page at {@code GET /logout} that any link can point to.
 */
public final class AccountPages implements Feature {
    static final String DEFAULT_NEXT = "/desk";

    private final UserRepository users;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final Function<String, Optional<Duration>> attemptsPerAccount;
    private final Accounts accounts;
    private final Links links;

    /**
     * @param attemptsPerAccount takes one sign-in attempt from the allowance of the account an
     *     e-mail names (normalised), whether or not it exists: empty to go ahead, or how long to wait
     */
    public AccountPages(UserRepository users, Sessions sessions, Csrf csrf, Templates templates, PageMetas metas,
            Function<String, Optional<Duration>> attemptsPerAccount, Accounts accounts, Links links) {
        this.accounts = accounts;
        this.links = links;
        this.users = users;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
        this.attemptsPerAccount = attemptsPerAccount;
    }

    /** The sign-in pages, with their limits: every post under the forms ceiling, sign-ins under their own. */
    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        rateLimits.limit("/login", HandlerType.POST, RateLimits.Group.FORMS);
        rateLimits.limit("/login", HandlerType.POST, RateLimits.Group.SIGN_IN);
        routes.get("/login", this::loginForm, Open.TO_ANYONE);
        routes.post("/login", this::login, Open.TO_ANYONE);
        routes.get("/logout", this::logoutConfirm, Open.TO_ANYONE);
        routes.post("/logout", this::logout, Open.TO_ANYONE);
    }

    private void loginForm(Context ctx) {
        String next = safeNext(ctx.queryParam("next"));
        if (Sessions.user(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, HttpStatus.OK, "", next, ctx.queryParam("everywhere") != null ? t(ctx, "accounts.login.everywhere") : "");
    }

    private void login(Context ctx) {
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "").strip();
        String next = safeNext(ctx.formParam("next"));
        if (!csrf.isValid(ctx)) {
            renderLogin(ctx, HttpStatus.UNPROCESSABLE_CONTENT, email, next, t(ctx, "accounts.login.expired"));
            return;
        }
        // Counted before the password is checked, for addresses with and without an account alike, so
        // the refusal (and its timing) tells nobody whether the account exists.
        // Remembered by hash: a fixed size whatever was typed, and no e-mail addresses held in memory.
        Optional<Duration> wait = attemptsPerAccount.apply(Secrets.sha256(UserRepository.emailKey(email)));
        if (wait.isPresent()) {
            // Her account's holder hears of it once per lockout; nothing happens for an address without one.
            accounts.lockedOut(email, LanguageChoice.of(ctx), links.base().toString());
            ctx.header("Retry-After", Long.toString(RateLimits.seconds(wait.get())));
            renderLogin(ctx, HttpStatus.TOO_MANY_REQUESTS, email, next,
                    Messages.of(LanguageChoice.of(ctx)).format("accounts.login.too-many", RateLimits.minutes(wait.get())));
            return;
        }
        char[] password = Objects.requireNonNullElse(ctx.formParam("password"), "").toCharArray();
        Optional<User> user;
        try {
            user = users.authenticate(email, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (user.isEmpty()) {
            renderLogin(ctx, HttpStatus.UNPROCESSABLE_CONTENT, email, next, t(ctx, "accounts.login.mismatch"));
            return;
        }
        sessions.start(ctx, user.get());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void logoutConfirm(Context ctx) {
        noStore(ctx);
        Optional<User> user = Sessions.user(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        Messages t = Messages.of(LanguageChoice.of(ctx));
        HtmlResponse.send(ctx, templates.accountsLogout(metas.of(ctx, t, t.get("accounts.logout.title"), "/logout"),
                user.get(), csrf.token(ctx), ctx.queryParam("expired") != null));
    }

    private void logout(Context ctx) {
        noStore(ctx);
        if (!csrf.isValid(ctx)) {
            ctx.redirect("/logout?expired", HttpStatus.SEE_OTHER);
            return;
        }
        sessions.end(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static String t(Context ctx, String key) {
        return Messages.of(LanguageChoice.of(ctx)).get(key);
    }

    /** @param message shown above the form, or empty */
    private void renderLogin(Context ctx, HttpStatus status, String email, String next, String message) {
        noStore(ctx);
        Language language = LanguageChoice.of(ctx);
        Messages t = Messages.of(language);
        ctx.status(status);
        // The language rides along in the address (the form's action), so the answer to the post speaks it too.
        HtmlResponse.send(ctx, templates.accountsLogin(metas.of(ctx, t, t.get("accounts.login.title"), "/login"),
                email, next, csrf.token(ctx), language.address("/login"), message));
    }

    /**
     * Where to go after signing in: a path on this site, never another site. "//evil.example" and
     * "/\evil.example" are other sites to a browser, and browsers drop tabs and line breaks from
     * addresses, so anything but plain printable characters after a single slash goes to the desk.
     */
    static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) return DEFAULT_NEXT;
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '\\') return DEFAULT_NEXT;
        }
        return next;
    }

    /** Account pages are nobody's to cache or index. */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
    }
}

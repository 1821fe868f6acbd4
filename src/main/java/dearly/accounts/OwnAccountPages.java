package dearly.accounts;

import static dearly.accounts.AccountLinkPages.noStore;
import static dearly.accounts.AccountLinkPages.t;
import static dearly.accounts.AccountLinkPages.typed;

import dearly.language.Messages;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.Links;
import dearly.web.PageMetas;
import dearly.web.PostedFields;
import dearly.web.RateLimits;
import dearly.web.Secrets;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /account}, for everyone signed in: who she is, a new password (with the current one), a
 * new e-mail address (confirmed by a link sent to it), and signing out everywhere. Checking the
 * current password draws on the same per-account allowance as signing in, so a session left open
 * is no way to guess it.
 */
public final class OwnAccountPages implements Feature {
    /** The notices a redirect may ask for ({@code ?notice=}), each a message key's last part. */
    public static final List<String> NOTICES = List.of("welcome", "password", "email");

    private final Accounts accounts;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final Links links;
    private final Function<String, Optional<Duration>> attemptsPerAccount;

    public OwnAccountPages(Accounts accounts, Sessions sessions, Csrf csrf, Templates templates, PageMetas metas, Links links,
            Function<String, Optional<Duration>> attemptsPerAccount) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
        this.links = links;
        this.attemptsPerAccount = attemptsPerAccount;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        for (String path : List.of("/account/password", "/account/email", "/account/sign-out-everywhere")) {
            rateLimits.limit(path, HandlerType.POST, RateLimits.Group.FORMS);
        }
        routes.beforeMatched("/account/sign-out-everywhere", csrf::requireOnForms);
        routes.get("/account", this::page, Role.values());
        routes.post("/account/password", this::changePassword, Role.values());
        routes.post("/account/email", this::changeEmail, Role.values());
        routes.post("/account/sign-out-everywhere", this::signOutEverywhere, Role.values());
    }

    private void page(Context ctx) {
        Messages t = t(ctx);
        String notice = Optional.ofNullable(ctx.queryParam("notice")).filter(NOTICES::contains)
                .map(key -> t.get("accounts.account.notice." + key)).orElse("");
        show(ctx, HttpStatus.OK, t, notice, passwordForm(ctx, t, Map.of(), ""), emailForm(ctx, t, Map.of(), Map.of(), ""));
    }

    private void changePassword(Context ctx) {
        User user = Sessions.user(ctx).orElseThrow();
        Messages t = t(ctx);
        PostedFields posted = new PostedFields(ctx::formParam);
        char[] current = posted.get("current").toCharArray();
        char[] replacement = posted.get("password").toCharArray();
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            AccountRules.passwordProblem(replacement).ifPresent(key -> errors.put("password", t.format(key, UserRepository.MIN_PASSWORD_LENGTH)));
            if (!csrf.isValid(ctx) || !errors.isEmpty()) {
                show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t, "", passwordForm(ctx, t, errors, expired(ctx, t)),
                        emailForm(ctx, t, Map.of(), Map.of(), ""));
                return;
            }
            Optional<String> wait = tooMany(ctx, user, t);
            if (wait.isPresent() || !accounts.changePassword(user, current, replacement)) {
                show(ctx, wait.isPresent() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_CONTENT, t, "",
                        passwordForm(ctx, t, Map.of("current", wait.orElseGet(() -> t.get("accounts.problem.current"))), ""),
                        emailForm(ctx, t, Map.of(), Map.of(), ""));
                return;
            }
            sessions.endOthers(ctx, user);
            ctx.redirect("/account?notice=password", HttpStatus.SEE_OTHER);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(replacement, '\0');
        }
    }

    private void changeEmail(Context ctx) {
        User user = Sessions.user(ctx).orElseThrow();
        Messages t = t(ctx);
        PostedFields posted = new PostedFields(ctx::formParam);
        Map<String, String> typed = typed(posted, "new_email");
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.emailProblem(posted.get("new_email")).ifPresent(key -> errors.put("new_email", t.get(key)));
        if (!csrf.isValid(ctx) || !errors.isEmpty()) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t, "", passwordForm(ctx, t, Map.of(), ""),
                    emailForm(ctx, t, typed, errors, expired(ctx, t)));
            return;
        }
        char[] current = posted.get("password_check").toCharArray();
        Optional<String> wait;
        boolean right;
        try {
            wait = tooMany(ctx, user, t);
            right = wait.isEmpty() && accounts.passwordIsRight(user, current);
        } finally {
            Arrays.fill(current, '\0');
        }
        if (!right) {
            show(ctx, wait.isPresent() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_CONTENT, t, "",
                    passwordForm(ctx, t, Map.of(), ""),
                    emailForm(ctx, t, typed, Map.of("password_check", wait.orElseGet(() -> t.get("accounts.problem.current"))), ""));
            return;
        }
        if (accounts.requestEmailChange(user, posted.get("new_email"), t.language(), links.base().toString()) == Accounts.Outcome.TAKEN) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t, "", passwordForm(ctx, t, Map.of(), ""),
                    emailForm(ctx, t, typed, Map.of("new_email", t.get("accounts.problem.taken")), ""));
            return;
        }
        ctx.redirect("/account?notice=email", HttpStatus.SEE_OTHER);
    }

    private void signOutEverywhere(Context ctx) {
        accounts.signOutEverywhere(Sessions.user(ctx).orElseThrow());
        sessions.end(ctx);
        ctx.redirect("/login?everywhere", HttpStatus.SEE_OTHER);
    }

    /** The wait message when her allowance of password checks is spent, counted as sign-ins to her address are. */
    private Optional<String> tooMany(Context ctx, User user, Messages t) {
        return attemptsPerAccount.apply(Secrets.sha256(user.email()))
                .map(wait -> t.format("accounts.login.too-many", RateLimits.minutes(wait)));
    }

    private AccountForm passwordForm(Context ctx, Messages t, Map<String, String> errors, String notice) {
        return new AccountForm(t, t.get("accounts.account.password.title"), "", t.href("/account/password"),
                csrf.token(ctx), List.of("current", "password"), Map.of(), errors, notice, t.get("accounts.account.password.submit"));
    }

    private AccountForm emailForm(Context ctx, Messages t, Map<String, String> typed, Map<String, String> errors, String notice) {
        return new AccountForm(t, t.get("accounts.account.email.title"), t.get("accounts.account.email.hint"),
                t.href("/account/email"), csrf.token(ctx), List.of("new_email", "password_check"), typed, errors, notice,
                t.get("accounts.account.email.submit"));
    }

    private void show(Context ctx, HttpStatus status, Messages t, String notice, AccountForm password, AccountForm email) {
        User user = Sessions.user(ctx).orElseThrow();
        noStore(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.accountsAccount(metas.of(ctx, t, t.get("accounts.account.title"), "/account"), user,
                roleNames(user, t), notice, password, email, csrf.token(ctx)));
    }

    static String roleNames(User user, Messages t) {
        if (user.roles().isEmpty()) return t.get("accounts.role.none");
        return user.roles().stream().sorted().map(role -> t.get("accounts.role.one." + role.key())).collect(Collectors.joining(", "));
    }

    private String expired(Context ctx, Messages t) {
        return csrf.isValid(ctx) ? "" : t.get("accounts.form.expired");
    }
}

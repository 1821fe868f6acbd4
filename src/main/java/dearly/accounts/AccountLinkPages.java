package dearly.accounts;

import dearly.accounts.Accounts.Outcome;
import dearly.accounts.Accounts.Used;
import dearly.language.Messages;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageMetas;
import dearly.web.PostedFields;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages the account links open, for people who are not signed in: the first admin's setup
 * link, an invitation, a forgotten password, and the confirmation of a new e-mail address. Opening
 * a link only shows a page (mail scanners open links too); a form or button there does the work.
 * An unknown, tampered, expired or used link gets one kind answer, whichever it was.
 */
public final class AccountLinkPages implements Feature {
    private static final List<String> POSTS = List.of("/setup/{token}", "/invitation/{token}", "/reset", "/reset/{token}",
            "/account/email/{token}");

    private final Accounts accounts;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final Links links;

    public AccountLinkPages(Accounts accounts, Sessions sessions, Csrf csrf, Templates templates, PageMetas metas, Links links) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
        this.links = links;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        for (String path : POSTS) rateLimits.limit(path, HandlerType.POST, RateLimits.Group.FORMS);
        // A reset sends mail: under the sign-in allowance of each client too.
        rateLimits.limit("/reset", HandlerType.POST, RateLimits.Group.SIGN_IN);
        routes.get("/setup/{token}", this::setupForm, Open.TO_ANYONE);
        routes.post("/setup/{token}", this::setup, Open.TO_ANYONE);
        routes.get("/invitation/{token}", this::invitationForm, Open.TO_ANYONE);
        routes.post("/invitation/{token}", this::accept, Open.TO_ANYONE);
        routes.get("/reset", this::resetRequestForm, Open.TO_ANYONE);
        routes.post("/reset", this::requestReset, Open.TO_ANYONE);
        routes.get("/reset/{token}", this::resetForm, Open.TO_ANYONE);
        routes.post("/reset/{token}", this::reset, Open.TO_ANYONE);
        routes.get("/account/email/{token}", this::emailConfirm, Open.TO_ANYONE);
        routes.post("/account/email/{token}", this::confirmEmail, Open.TO_ANYONE);
    }

    private void setupForm(Context ctx) {
        Outcome offered = accounts.setupOffered(token(ctx));
        if (offered != Outcome.DONE) {
            refuse(ctx, offered);
            return;
        }
        showSetup(ctx, HttpStatus.OK, Map.of(), Map.of(), "");
    }

    private void setup(Context ctx) {
        String token = token(ctx);
        Outcome offered = accounts.setupOffered(token);
        if (offered != Outcome.DONE) {
            refuse(ctx, offered);
            return;
        }
        PostedFields posted = new PostedFields(ctx::formParam);
        Map<String, String> typed = typed(posted, "email", "name");
        Map<String, String> errors = new LinkedHashMap<>();
        Messages t = t(ctx);
        AccountRules.emailProblem(posted.get("email")).ifPresent(key -> errors.put("email", t.get(key)));
        AccountRules.nameProblem(posted.get("name")).ifPresent(key -> errors.put("name", t.get(key)));
        char[] password = posted.get("password").toCharArray();
        try {
            AccountRules.passwordProblem(password).ifPresent(key -> errors.put("password", t.format(key, UserRepository.MIN_PASSWORD_LENGTH)));
            if (!csrf.isValid(ctx) || !errors.isEmpty()) {
                showSetup(ctx, HttpStatus.UNPROCESSABLE_CONTENT, typed, errors, expired(ctx, t));
                return;
            }
            Used used = accounts.createFirstAdmin(token, posted.get("email"), posted.get("name"), password);
            if (used.outcome() == Outcome.TAKEN) {
                showSetup(ctx, HttpStatus.UNPROCESSABLE_CONTENT, typed, Map.of("email", t.get("accounts.problem.taken")), "");
                return;
            }
            if (used.user().isEmpty()) {
                refuse(ctx, used.outcome());
                return;
            }
            sessions.start(ctx, used.user().get());
            ctx.redirect("/admin/accounts?notice=welcome", HttpStatus.SEE_OTHER);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void showSetup(Context ctx, HttpStatus status, Map<String, String> typed, Map<String, String> errors, String notice) {
        Messages t = t(ctx);
        show(ctx, status, t, new AccountForm(t, t.get("accounts.setup.title"), t.get("accounts.setup.lead"), action(ctx, t),
                csrf.token(ctx), List.of("email", "name", "password"), typed, errors, notice, t.get("accounts.setup.submit")));
    }

    private void invitationForm(Context ctx) {
        var invitation = accounts.invitation(token(ctx));
        if (invitation.isEmpty()) {
            refuse(ctx, Outcome.INVALID);
            return;
        }
        showInvitation(ctx, HttpStatus.OK, invitation.get().email(), Map.of(), Map.of(), "");
    }

    private void accept(Context ctx) {
        String token = token(ctx);
        var invitation = accounts.invitation(token);
        if (invitation.isEmpty()) {
            refuse(ctx, Outcome.INVALID);
            return;
        }
        PostedFields posted = new PostedFields(ctx::formParam);
        Map<String, String> typed = typed(posted, "name");
        Map<String, String> errors = new LinkedHashMap<>();
        Messages t = t(ctx);
        AccountRules.nameProblem(posted.get("name")).ifPresent(key -> errors.put("name", t.get(key)));
        char[] password = posted.get("password").toCharArray();
        try {
            AccountRules.passwordProblem(password).ifPresent(key -> errors.put("password", t.format(key, UserRepository.MIN_PASSWORD_LENGTH)));
            if (!csrf.isValid(ctx) || !errors.isEmpty()) {
                showInvitation(ctx, HttpStatus.UNPROCESSABLE_CONTENT, invitation.get().email(), typed, errors, expired(ctx, t));
                return;
            }
            Used used = accounts.acceptInvitation(token, posted.get("name"), password);
            if (used.user().isEmpty()) {
                if (used.outcome() == Outcome.TAKEN) {
                    notice(ctx, HttpStatus.CONFLICT, t, "accounts.link.title", t.get("accounts.invite.taken"), "/login", t.get("accounts.link.sign-in"));
                } else {
                    refuse(ctx, used.outcome());
                }
                return;
            }
            sessions.start(ctx, used.user().get());
            ctx.redirect("/account?notice=welcome", HttpStatus.SEE_OTHER);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void showInvitation(Context ctx, HttpStatus status, String email, Map<String, String> typed, Map<String, String> errors,
            String notice) {
        Messages t = t(ctx);
        show(ctx, status, t, new AccountForm(t, t.get("accounts.invite.title"), t.format("accounts.invite.lead", email), action(ctx, t),
                csrf.token(ctx), List.of("name", "password"), typed, errors, notice, t.get("accounts.invite.submit")));
    }

    private void resetRequestForm(Context ctx) {
        showResetRequest(ctx, HttpStatus.OK, Map.of(), Map.of(), "");
    }

    private void requestReset(Context ctx) {
        PostedFields posted = new PostedFields(ctx::formParam);
        Messages t = t(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.emailProblem(posted.get("email")).ifPresent(key -> errors.put("email", t.get(key)));
        if (!csrf.isValid(ctx) || !errors.isEmpty()) {
            showResetRequest(ctx, HttpStatus.UNPROCESSABLE_CONTENT, typed(posted, "email"), errors, expired(ctx, t));
            return;
        }
        accounts.requestReset(posted.get("email"), t.language(), links.base().toString());
        // The same words whether or not the address has an account.
        notice(ctx, HttpStatus.OK, t, "accounts.reset.sent.title", t.get("accounts.reset.sent"), "/login", t.get("accounts.link.sign-in"));
    }

    private void showResetRequest(Context ctx, HttpStatus status, Map<String, String> typed, Map<String, String> errors, String notice) {
        Messages t = t(ctx);
        show(ctx, status, t, new AccountForm(t, t.get("accounts.reset.title"), t.get("accounts.reset.lead"), action(ctx, t),
                csrf.token(ctx), List.of("email"), typed, errors, notice, t.get("accounts.reset.submit")));
    }

    private void resetForm(Context ctx) {
        if (!accounts.resetOffered(token(ctx))) {
            refuse(ctx, Outcome.INVALID);
            return;
        }
        showReset(ctx, HttpStatus.OK, Map.of(), "");
    }

    private void reset(Context ctx) {
        String token = token(ctx);
        if (!accounts.resetOffered(token)) {
            refuse(ctx, Outcome.INVALID);
            return;
        }
        Messages t = t(ctx);
        char[] password = new PostedFields(ctx::formParam).get("password").toCharArray();
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            AccountRules.passwordProblem(password).ifPresent(key -> errors.put("password", t.format(key, UserRepository.MIN_PASSWORD_LENGTH)));
            if (!csrf.isValid(ctx) || !errors.isEmpty()) {
                showReset(ctx, HttpStatus.UNPROCESSABLE_CONTENT, errors, expired(ctx, t));
                return;
            }
            Used used = accounts.reset(token, password);
            if (used.user().isEmpty()) {
                refuse(ctx, used.outcome());
                return;
            }
            // Every session of hers ended with the reset, this browser's too if it had one.
            sessions.end(ctx);
            notice(ctx, HttpStatus.OK, t, "accounts.reset.done.title", t.get("accounts.reset.done"), "/login", t.get("accounts.link.sign-in"));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void showReset(Context ctx, HttpStatus status, Map<String, String> errors, String notice) {
        Messages t = t(ctx);
        show(ctx, status, t, new AccountForm(t, t.get("accounts.reset.new.title"), "", action(ctx, t), csrf.token(ctx),
                List.of("password"), Map.of(), errors, notice, t.get("accounts.reset.new.submit")));
    }

    private void emailConfirm(Context ctx) {
        var email = accounts.emailToConfirm(token(ctx));
        if (email.isEmpty()) {
            refuse(ctx, Outcome.INVALID);
            return;
        }
        showEmailConfirm(ctx, HttpStatus.OK, email.get(), "");
    }

    private void confirmEmail(Context ctx) {
        String token = token(ctx);
        var email = accounts.emailToConfirm(token);
        if (email.isEmpty()) {
            refuse(ctx, Outcome.INVALID);
            return;
        }
        Messages t = t(ctx);
        if (!csrf.isValid(ctx)) {
            showEmailConfirm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, email.get(), t.get("accounts.form.expired") + " ");
            return;
        }
        switch (accounts.confirmEmail(token)) {
            case DONE -> notice(ctx, HttpStatus.OK, t, "accounts.email.done.title", t.format("accounts.email.done", email.get()),
                    "/account", t.get("accounts.account.title"));
            case TAKEN -> notice(ctx, HttpStatus.CONFLICT, t, "accounts.link.title", t.get("accounts.email.taken"), "/account",
                    t.get("accounts.account.title"));
            default -> refuse(ctx, Outcome.INVALID);
        }
    }

    /** @param expired the notice of an expired page, to put before the question, or empty */
    private void showEmailConfirm(Context ctx, HttpStatus status, String email, String expired) {
        Messages t = t(ctx);
        noStore(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.accountsNotice(metas.of(ctx, t, t.get("accounts.email.confirm.title"), ctx.path()),
                expired + t.format("accounts.email.confirm", email), "", "", action(ctx, t), csrf.token(ctx),
                t.get("accounts.email.confirm.submit")));
    }

    /** The kind answer to a link that opens nothing (one for unknown, tampered, expired and used), or to setup once an admin exists. */
    private void refuse(Context ctx, Outcome outcome) {
        Messages t = t(ctx);
        if (outcome == Outcome.NOT_NEEDED) {
            notice(ctx, HttpStatus.GONE, t, "accounts.link.title", t.get("accounts.setup.not-needed"), "/login", t.get("accounts.link.sign-in"));
        } else {
            notice(ctx, HttpStatus.GONE, t, "accounts.link.title", t.get("accounts.link.invalid"), "/reset", t.get("accounts.link.reset"));
        }
    }

    private void notice(Context ctx, HttpStatus status, Messages t, String titleKey, String message, String href, String label) {
        noStore(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.accountsNotice(metas.of(ctx, t, t.get(titleKey), "/"), message, href, label, "", "", ""));
    }

    private void show(Context ctx, HttpStatus status, Messages t, AccountForm form) {
        noStore(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.accountsForm(metas.of(ctx, t, form.heading(), "/"), form));
    }

    /** The form posts back to the page's own address, with its language, so the answer speaks it too. */
    private static String action(Context ctx, Messages t) {
        return t.href(ctx.path());
    }

    static Map<String, String> typed(PostedFields posted, String... fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : fields) typed.put(field, posted.get(field));
        return typed;
    }

    private String expired(Context ctx, Messages t) {
        return csrf.isValid(ctx) ? "" : t.get("accounts.form.expired");
    }

    private static String token(Context ctx) {
        return ctx.pathParamMap().getOrDefault("token", "");
    }

    static Messages t(Context ctx) {
        return Messages.of(LanguageChoice.of(ctx));
    }

    /** Account pages are nobody's to cache or index, and their links leave no Referer behind. */
    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}

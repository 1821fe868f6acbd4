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
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/accounts}: admins see every account, invite someone by mail, change roles, and
 * deactivate an account (its sessions end at once) or reactivate it. No change may leave the
 * instance without an active admin, and an admin cannot deactivate herself.
 */
public final class AccountAdminPages implements Feature {
    /** The notices a redirect may ask for ({@code ?notice=}), each a message key's last part. */
    public static final List<String> NOTICES = List.of("welcome", "invited", "roles", "deactivated", "reactivated", "last-admin", "self");

    private final Accounts accounts;
    private final UserRepository users;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final Links links;

    public AccountAdminPages(Accounts accounts, UserRepository users, Csrf csrf, Templates templates, PageMetas metas, Links links) {
        this.accounts = accounts;
        this.users = users;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
        this.links = links;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        // Buttons and boxes: a refused one loses nothing typed. The invitation checks its token itself.
        for (String button : List.of("/admin/accounts/{id}/roles", "/admin/accounts/{id}/deactivate", "/admin/accounts/{id}/reactivate")) {
            routes.beforeMatched(button, csrf::requireOnForms);
        }
        rateLimits.limit("/admin/accounts/invite", HandlerType.POST, RateLimits.Group.FORMS);
        routes.get("/admin/accounts", this::list, Role.ADMIN);
        routes.post("/admin/accounts/invite", this::invite, Role.ADMIN);
        routes.post("/admin/accounts/{id}/roles", this::changeRoles, Role.ADMIN);
        routes.post("/admin/accounts/{id}/deactivate", this::deactivate, Role.ADMIN);
        routes.post("/admin/accounts/{id}/reactivate", this::reactivate, Role.ADMIN);
    }

    private void list(Context ctx) {
        Messages t = t(ctx);
        String notice = Optional.ofNullable(ctx.queryParam("notice")).filter(NOTICES::contains)
                .map(key -> t.get("accounts.admin.notice." + key)).orElse("");
        show(ctx, HttpStatus.OK, t, notice, Map.of(), Map.of(), Set.of(Role.ADVISOR), "");
    }

    private void invite(Context ctx) {
        Messages t = t(ctx);
        PostedFields posted = new PostedFields(ctx::formParam);
        Map<String, String> typed = typed(posted, "email");
        Set<Role> roles = roles(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.emailProblem(posted.get("email")).ifPresent(key -> errors.put("email", t.get(key)));
        if (roles.isEmpty()) errors.put("roles", t.get("accounts.problem.roles"));
        if (!csrf.isValid(ctx) || !errors.isEmpty()) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t, "", typed, errors, roles, csrf.isValid(ctx) ? "" : t.get("accounts.form.expired"));
            return;
        }
        User admin = Sessions.user(ctx).orElseThrow();
        if (accounts.invite(posted.get("email"), roles, admin, t.language(), links.base().toString()) == Accounts.Outcome.TAKEN) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t, "", typed, Map.of("email", t.get("accounts.problem.taken")), roles, "");
            return;
        }
        back(ctx, t, "invited", "invite");
    }

    private void changeRoles(Context ctx) {
        long id = found(ctx);
        Accounts.Change change = accounts.changeRoles(Sessions.user(ctx).orElseThrow(), id, roles(ctx));
        back(ctx, t(ctx), change == Accounts.Change.DONE ? "roles" : "last-admin", "account-" + id);
    }

    private void deactivate(Context ctx) {
        long id = found(ctx);
        String notice = switch (accounts.deactivate(Sessions.user(ctx).orElseThrow(), id)) {
            case DONE -> "deactivated";
            case LAST_ADMIN -> "last-admin";
            case SELF -> "self";
        };
        back(ctx, t(ctx), notice, "account-" + id);
    }

    private void reactivate(Context ctx) {
        long id = found(ctx);
        accounts.reactivate(Sessions.user(ctx).orElseThrow(), id);
        back(ctx, t(ctx), "reactivated", "account-" + id);
    }

    private static void back(Context ctx, Messages t, String notice, String anchor) {
        ctx.redirect(t.href("/admin/accounts?notice=" + notice + "#" + anchor), HttpStatus.SEE_OTHER);
    }

    /** The ticked roles; unknown values are ignored (a page never sends them). */
    private static Set<Role> roles(Context ctx) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : ctx.formParams("roles")) Role.named(name).ifPresent(roles::add);
        return roles;
    }

    private long found(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (users.account(id).isPresent()) return id;
        } catch (NumberFormatException e) {
            // Not a number: no such account either.
        }
        throw new NotFoundResponse();
    }

    private void show(Context ctx, HttpStatus status, Messages t, String notice, Map<String, String> typed, Map<String, String> errors,
            Set<Role> inviteRoles, String expired) {
        noStore(ctx);
        ctx.status(status);
        AccountForm invite = new AccountForm(t, t.get("accounts.admin.invite.title"), t.get("accounts.admin.invite.hint"),
                t.href("/admin/accounts/invite"), csrf.token(ctx), List.of("email"), typed, errors, expired,
                t.get("accounts.admin.invite.submit"));
        HtmlResponse.send(ctx, templates.accountsList(metas.of(ctx, t, t.get("accounts.admin.title"), "/admin/accounts"),
                users.accounts(), Sessions.user(ctx).orElseThrow().id(), notice, invite, inviteRoles, csrf.token(ctx)));
    }
}

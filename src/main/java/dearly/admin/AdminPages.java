package dearly.admin;

import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.accounts.User;
import dearly.audit.Actor;
import dearly.crisis.CrisisDirectoryEditor;
import dearly.crisis.EditableResource;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.mail.Outbox;
import dearly.web.Feature;
import dearly.web.RateLimits;
import dearly.web.Csrf;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMeta;
import dearly.web.PageMetas;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admins' pages: the crisis-resource directory that parents in danger are shown, and the mail
 * outbox. Every form is a plain form with a CSRF token and works without JavaScript; a form with
 * mistakes comes back with everything typed and a message beside each field.
 */
public final class AdminPages implements Feature {
    static final int OUTBOX_SHOWN = 50;
    private static final List<String> NOTICES = List.of("added", "saved", "deleted", "moved", "fallback");

    private final CrisisDirectoryEditor directory;
    private final Outbox outbox;
    private final boolean mailLeavesBySmtp;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;

    /** @param mailLeavesBySmtp whether an SMTP server is configured, or mail stays in the outbox */
    public AdminPages(CrisisDirectoryEditor directory, Outbox outbox, boolean mailLeavesBySmtp, Csrf csrf, Templates templates,
            PageMetas metas) {
        this.directory = directory;
        this.outbox = outbox;
        this.mailLeavesBySmtp = mailLeavesBySmtp;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        for (String path : List.of("/admin", "/admin/*")) routes.before(path, AdminPages::keepPrivate);
        // Buttons carry nothing typed, so a refused one loses nothing; typed forms check their token themselves.
        // Matched, so after the access check: someone not signed in is sent to sign in, not told her form expired.
        routes.beforeMatched("/admin/crisis/{id}/delete", csrf::requireOnForms);
        routes.beforeMatched("/admin/crisis/{id}/move", csrf::requireOnForms);
        routes.get("/admin", this::home, Role.ADMIN);
        routes.get("/admin/crisis", this::crisis, Role.ADMIN);
        routes.post("/admin/crisis", this::add, Role.ADMIN);
        routes.post("/admin/crisis/fallback/{language}", this::fallback, Role.ADMIN);
        routes.get("/admin/crisis/{id}", this::editForm, Role.ADMIN);
        routes.post("/admin/crisis/{id}", this::save, Role.ADMIN);
        routes.post("/admin/crisis/{id}/delete", this::delete, Role.ADMIN);
        routes.post("/admin/crisis/{id}/move", this::move, Role.ADMIN);
        routes.get("/admin/outbox", this::outbox, Role.ADMIN);
    }

    private void home(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        HtmlResponse.send(ctx, templates.adminHome(meta(ctx, t, t.get("admin.title"))));
    }

    private void crisis(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        String notice = NOTICES.stream().filter(key -> ctx.queryParam(key) != null).findFirst()
                .map(key -> t.get("admin.crisis.notice." + key)).orElse("");
        showCrisis(ctx, HttpStatus.OK, t, new ResourceFormView(t, CrisisResourceForm.empty(), Map.of(), addPath(t), ""),
                Optional.empty(), notice);
    }

    private void add(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        CrisisResourceForm form = typed(ctx);
        Map<String, String> problems = form.problems();
        if (!csrf.isValid(ctx) || !problems.isEmpty()) {
            ResourceFormView view = new ResourceFormView(t, form, problems, addPath(t), expired(ctx, t));
            showCrisis(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t, view, Optional.empty(), "");
            return;
        }
        long id = directory.add(form.resource(), admin(ctx));
        ctx.redirect(crisisPath(t, "added", "resource-" + id), HttpStatus.SEE_OTHER);
    }

    private void editForm(Context ctx) {
        EditableResource found = found(ctx);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        showEdit(ctx, HttpStatus.OK, found.id(),
                new ResourceFormView(t, CrisisResourceForm.of(found.resource()), Map.of(), editPath(t, found.id()), ""));
    }

    private void save(Context ctx) {
        EditableResource found = found(ctx);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        CrisisResourceForm form = typed(ctx);
        Map<String, String> problems = form.problems();
        if (!csrf.isValid(ctx) || !problems.isEmpty()) {
            showEdit(ctx, HttpStatus.UNPROCESSABLE_CONTENT, found.id(),
                    new ResourceFormView(t, form, problems, editPath(t, found.id()), expired(ctx, t)));
            return;
        }
        if (!directory.update(found.id(), form.resource(), admin(ctx))) throw new NotFoundResponse();
        ctx.redirect(crisisPath(t, "saved", "resource-" + found.id()), HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        directory.delete(id(ctx), admin(ctx));
        ctx.redirect(crisisPath(Messages.of(LanguageChoice.of(ctx)), "deleted", "main"), HttpStatus.SEE_OTHER);
    }

    private void move(Context ctx) {
        long id = id(ctx);
        int delta = switch (String.valueOf(ctx.formParam("delta")).strip()) {
            case "-1" -> -1;
            case "1", "+1" -> 1;
            default -> throw new BadRequestResponse("delta is -1 (up) or 1 (down)");
        };
        directory.move(id, delta, admin(ctx));
        ctx.redirect(crisisPath(Messages.of(LanguageChoice.of(ctx)), "moved", "resource-" + id), HttpStatus.SEE_OTHER);
    }

    private void fallback(Context ctx) {
        Language language = Language.fromCode(ctx.pathParam("language"))
                .filter(known -> known.code().equals(ctx.pathParam("language")))
                .orElseThrow(NotFoundResponse::new);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        FallbackForm form = new FallbackForm(language, ctx.formParam("message"));
        Optional<String> problem = form.problem();
        if (!csrf.isValid(ctx) || problem.isPresent()) {
            String message = problem.map(t::get).orElseGet(() -> expired(ctx, t));
            showCrisis(ctx, HttpStatus.UNPROCESSABLE_CONTENT, t,
                    new ResourceFormView(t, CrisisResourceForm.empty(), Map.of(), addPath(t), ""),
                    Optional.of(new CrisisPageView.Fallback(language, form.message(), message)), "");
            return;
        }
        directory.setFallback(language, form.text(), admin(ctx));
        ctx.redirect(crisisPath(t, "fallback", "fallback-" + language.code()), HttpStatus.SEE_OTHER);
    }

    private void outbox(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        HtmlResponse.send(ctx, templates.adminOutbox(meta(ctx, t, t.get("admin.outbox.title")), outbox.recent(OUTBOX_SHOWN),
                mailLeavesBySmtp, OUTBOX_SHOWN));
    }

    /** @param typedFallback a text for immediate danger just sent back with a problem, shown instead of the stored one */
    private void showCrisis(Context ctx, HttpStatus status, Messages t, ResourceFormView add,
            Optional<CrisisPageView.Fallback> typedFallback, String notice) {
        Map<Language, String> stored = directory.fallbacks();
        List<CrisisPageView.Fallback> fallbacks = new ArrayList<>();
        for (Language language : Language.values()) {
            fallbacks.add(typedFallback.filter(typed -> typed.language() == language)
                    .orElseGet(() -> new CrisisPageView.Fallback(language, stored.getOrDefault(language, ""), "")));
        }
        List<EditableResource> all = directory.all();
        CrisisPageView view = new CrisisPageView(t, CrisisPageView.byCountry(all, t), CrisisPageView.withoutEmergency(all, t.language()),
                fallbacks, add, csrf.token(ctx), notice);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.adminCrisis(meta(ctx, t, t.get("admin.crisis.title")), view));
    }

    /** Deleting happens here, a step away from the list, so that a slipped tap never removes a checked number. */
    private void showEdit(Context ctx, HttpStatus status, long id, ResourceFormView view) {
        Messages t = view.t();
        ctx.status(status);
        HtmlResponse.send(ctx, templates.adminResource(meta(ctx, t, t.get("admin.crisis.edit.title")), view, csrf.token(ctx),
                t.href("/admin/crisis/" + id + "/delete")));
    }

    private static CrisisResourceForm typed(Context ctx) {
        return CrisisResourceForm.fromFields(ctx::formParam, ctx.formParams("languages"));
    }

    /** The notice for a form whose token could not be confirmed, or empty when it was. */
    private String expired(Context ctx, Messages t) {
        return csrf.isValid(ctx) ? "" : t.get("admin.form.expired");
    }

    private EditableResource found(Context ctx) {
        return directory.find(id(ctx)).orElseThrow(NotFoundResponse::new);
    }

    /** The signed-in admin, as the audit log names her (the routes let no one else in). */
    static Actor admin(Context ctx) {
        return Sessions.user(ctx).map(User::actor).orElseThrow();
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    // Addresses carry the page's language, so a form sent back with mistakes, or the page after a change, speaks it too.
    private static String addPath(Messages t) {
        return t.href("/admin/crisis#add");
    }

    private static String editPath(Messages t, long id) {
        return t.href("/admin/crisis/" + id);
    }

    /** The crisis page after a change: its notice, and the place on the page that changed. */
    private static String crisisPath(Messages t, String notice, String anchor) {
        return t.href("/admin/crisis?" + notice + "#" + anchor);
    }

    private PageMeta meta(Context ctx, Messages t, String title) {
        return metas.of(ctx, t, title, ctx.path());
    }

    /** Admin pages show parents' addresses and status links: never cached, indexed or passed on. */
    private static void keepPrivate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
    }
}

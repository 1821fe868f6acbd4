package dearly.asking;

import dearly.crisis.CrisisDirectory;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.letters.RelatedLetter;
import dearly.letters.RelatedLetters;
import dearly.web.Feature;
import dearly.web.Csrf;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageMeta;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ask form and the asker's private status page. Every form here works without JavaScript; a
 * form with mistakes comes back with everything she typed and a message beside each field.
 */
public final class AskPages implements Feature {
    static final String HONEYPOT = "website";
    /** Letters on the same worry offered on her status page. */
    static final int SAME_WORRY = 5;

    private final Asking asking;
    private final CrisisDirectory crisisDirectory;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final Links links;
    private final Supplier<Instant> clock;
    private final RelatedLetters related;

    /** @param related the letters on the same worry that her status page offers while she waits */
    public AskPages(Asking asking, CrisisDirectory crisisDirectory, Csrf csrf, Templates templates, PageMetas metas, Links links,
            Supplier<Instant> clock, RelatedLetters related) {
        this.asking = asking;
        this.related = related;
        this.crisisDirectory = crisisDirectory;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        // Every post is under the forms ceiling; only a question or a change sent draws on ask or edit.
        for (String path : List.of("/ask", "/status/*", "/erase/*")) rateLimits.limit(path, HandlerType.POST, RateLimits.Group.FORMS);
        rateLimits.limitSends("/ask", HandlerType.POST, RateLimits.Group.ASK);
        rateLimits.limitSends("/status/*", HandlerType.POST, RateLimits.Group.EDIT);
        rateLimits.limitSends("/erase/*", HandlerType.POST, RateLimits.Group.EDIT);
        routes.get("/ask", this::form, Open.TO_ANYONE);
        routes.post("/ask", this::send, Open.TO_ANYONE);
        routes.get("/status/{token}", this::status, Open.TO_ANYONE);
        routes.get("/status/{token}/edit", this::editForm, Open.TO_ANYONE);
        routes.post("/status/{token}/edit", this::edit, Open.TO_ANYONE);
        routes.get("/status/{token}/withdraw", this::withdrawConfirm, Open.TO_ANYONE);
        routes.post("/status/{token}/withdraw", this::withdraw, Open.TO_ANYONE);
        routes.post("/status/{token}/restore", this::restore, Open.TO_ANYONE);
        routes.get("/status/{token}/delete", this::deleteConfirm, Open.TO_ANYONE);
        routes.post("/status/{token}/delete", this::delete, Open.TO_ANYONE);
        routes.get("/erase/{token}", this::eraseConfirm, Open.TO_ANYONE);
        routes.post("/erase/{token}", this::erase, Open.TO_ANYONE);
    }

    private void form(Context ctx) {
        Language language = LanguageChoice.of(ctx);
        // The form posts to the page's own address (/es/ask), so even a refusal before the form is read speaks its language.
        render(ctx, HttpStatus.OK, AskForm.empty(language.code()), Map.of(), RetryKey.fresh().value(),
                language.address("/ask"), false, "");
    }

    private void send(Context ctx) {
        AskForm form = AskForm.fromFields(ctx::formParam);
        String retryKey = Optional.ofNullable(ctx.formParam("retry_key")).orElse(RetryKey.fresh().value());
        String action = LanguageChoice.of(ctx).address("/ask");
        if (changedRows(ctx, form, retryKey, action, false)) return;
        String notice = formNotice(ctx);
        if (!notice.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, Map.of(), retryKey, action, false, notice);
            return;
        }
        AskValidation.Result result = AskValidation.validate(form, today());
        if (!result.ok()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, result.errors(), retryKey, action, false, "");
            return;
        }
        switch (asking.ask(result.question().orElseThrow(), RetryKey.of(retryKey), path -> links.absolute(ctx, path))) {
            // To her page at the address of the language it will speak (an old form posted to /ask?lang=es too).
            case Asking.Receipt receipt -> ctx.redirect(LanguageChoice.ofPageFor(ctx, result.question().orElseThrow().asker().language())
                    .address(StatusLink.path(receipt.token()) + "?received"), HttpStatus.SEE_OTHER);
            // This page's key already sent other words: most likely she went back after sending and
            // changed them. Two questions, or a silent edit, might not be what she meant, so she gets
            // her words back with a fresh key and is asked; pressing send again makes a new question.
            case Asking.RetryKeyTaken taken -> render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, Map.of(),
                    RetryKey.fresh().value(), action, false, "ask.notice.sent-before");
        }
    }

    private void status(Context ctx) {
        StoredQuestion stored = stored(ctx);
        Messages t = Messages.of(LanguageChoice.ofPageFor(ctx, stored.asker().language()));
        noReferrer(ctx);
        String token = ctx.pathParam("token");
        HtmlResponse.send(ctx, templates.askingStatus(meta(ctx, t, t.get("status.title")), stored, token,
                links.absolute(ctx, t.href(StatusLink.path(token))), ctx.queryParam("received") != null,
                crisis(stored.crisisKinds(), stored.asker().country(), t.language()), csrf.token(ctx),
                notice(ctx, t, stored.question().status()), stored.restorableUntil(clock.get()).map(Date::from),
                sameWorry(stored)));
    }

    /**
     * Letters on the same worry, but none beside crisis help: matched on her words, a letter on
     * missing one's partner was offered first to a mother whose partner had pushed her into a wall.
     */
    private List<RelatedLetter> sameWorry(StoredQuestion stored) {
        if (stored.urgent()) return List.of();
        return related.closestTo(stored.question().title() + "\n" + stored.question().body(),
                Optional.of(stored.question().language()), SAME_WORRY, Optional.empty());
    }

    private void editForm(Context ctx) {
        StoredQuestion stored = stored(ctx);
        noReferrer(ctx);
        if (!stored.editable()) {
            ctx.redirect(StatusLink.path(ctx.pathParam("token")) + "?too-late", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, HttpStatus.OK, StoredForms.of(stored), Map.of(), "", editPath(ctx), true, "");
    }

    private void edit(Context ctx) {
        StoredQuestion stored = stored(ctx);
        noReferrer(ctx);
        AskForm form = AskForm.fromFields(ctx::formParam);
        if (changedRows(ctx, form, "", editPath(ctx), true)) return;
        String notice = formNotice(ctx);
        if (!notice.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, Map.of(), "", editPath(ctx), true, notice);
            return;
        }
        AskValidation.Result result = AskValidation.validate(form, today());
        if (!result.ok()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, result.errors(), "", editPath(ctx), true, "");
            return;
        }
        boolean changed = stored.editable() && asking.edit(ctx.pathParam("token"), result.question().orElseThrow());
        ctx.redirect(StatusLink.path(ctx.pathParam("token")) + (changed ? "?edited" : "?too-late"), HttpStatus.SEE_OTHER);
    }

    /** Withdrawing is a step away from the status page, as erasing is: one stray tap must not do it. */
    private void withdrawConfirm(Context ctx) {
        StoredQuestion stored = stored(ctx);
        Messages t = Messages.of(LanguageChoice.ofPageFor(ctx, stored.asker().language()));
        noReferrer(ctx);
        if (!stored.withdrawable()) {
            ctx.redirect(StatusLink.path(ctx.pathParam("token")) + "?too-late", HttpStatus.SEE_OTHER);
            return;
        }
        HtmlResponse.send(ctx, templates.askingWithdraw(meta(ctx, t, t.get("withdraw.title")), stored, ctx.pathParam("token"),
                csrf.token(ctx), ctx.queryParam("expired") != null));
    }

    private void withdraw(Context ctx) {
        statusButton(ctx, "/withdraw?expired", asking::withdraw, "?withdrawn", "?too-late");
    }

    private void restore(Context ctx) {
        statusButton(ctx, "?expired", asking::restore, "?restored", "?undo-too-late");
    }

    /** A button about her question: checks the form's token, acts, and brings her back to her page with a notice. */
    private void statusButton(Context ctx, String whenExpired, Predicate<String> action, String done, String notDone) {
        stored(ctx);
        noReferrer(ctx);
        String token = ctx.pathParam("token");
        if (!csrf.isValid(ctx)) {
            ctx.redirect(StatusLink.path(token) + whenExpired, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(StatusLink.path(token) + (action.test(token) ? done : notDone), HttpStatus.SEE_OTHER);
    }

    private void deleteConfirm(Context ctx) {
        StoredQuestion stored = stored(ctx);
        Messages t = Messages.of(LanguageChoice.ofPageFor(ctx, stored.asker().language()));
        noReferrer(ctx);
        HtmlResponse.send(ctx, templates.askingDelete(meta(ctx, t, t.get("delete.title")), stored, ctx.pathParam("token"),
                csrf.token(ctx)));
    }

    private void delete(Context ctx) {
        StoredQuestion stored = stored(ctx);
        Messages t = Messages.of(LanguageChoice.ofPageFor(ctx, stored.asker().language()));
        noReferrer(ctx);
        if (!csrf.isValid(ctx)) {
            ctx.redirect(StatusLink.path(ctx.pathParam("token")) + "/delete", HttpStatus.SEE_OTHER);
            return;
        }
        // The erase link carries her language, so even the page saying it no longer works speaks it.
        Asking.Deleted deleted = asking.deleteEverything(ctx.pathParam("token"),
                path -> links.absolute(ctx, t.href(path)));
        HtmlResponse.send(ctx, templates.askingDeleted(meta(ctx, t, t.get("deleted.title")), deleted.mailedTo()));
    }

    /** The mailed erase link opens a page with a button: a mail scanner that follows links erases nothing. */
    private void eraseConfirm(Context ctx) {
        noReferrer(ctx);
        Optional<Asking.ErasePending> pending = asking.eraseLink(ctx.pathParam("token"));
        if (pending.isEmpty()) {
            eraseGone(ctx);
            return;
        }
        Messages t = Messages.of(LanguageChoice.ofPageFor(ctx, pending.get().language()));
        HtmlResponse.send(ctx, templates.askingErase(meta(ctx, t, t.get("erase.title")), pending.get().questions(),
                ctx.pathParam("token"), csrf.token(ctx)));
    }

    private void erase(Context ctx) {
        noReferrer(ctx);
        String token = ctx.pathParam("token");
        if (EraseLink.wellFormed(token) && !csrf.isValid(ctx)) {
            ctx.redirect(LanguageChoice.of(ctx).address(EraseLink.path(token)), HttpStatus.SEE_OTHER);
            return;
        }
        Optional<Asking.ErasePending> erased = EraseLink.wellFormed(token) ? asking.eraseAll(token) : Optional.empty();
        if (erased.isEmpty()) {
            eraseGone(ctx);
            return;
        }
        Messages t = Messages.of(LanguageChoice.ofPageFor(ctx, erased.get().language()));
        HtmlResponse.send(ctx, templates.askingErased(meta(ctx, t, t.get("erased.title")), erased.get().questions(), false));
    }

    /**
     * Used, expired or mistyped: these cannot be told apart, since a used link leaves nothing behind.
     * 410 rather than 404, whose handler would put the generic "not found" page in place of this one.
     */
    private void eraseGone(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        ctx.status(HttpStatus.GONE);
        HtmlResponse.send(ctx, templates.askingErased(meta(ctx, t, t.get("erase.gone.title")), 0, true));
    }

    /** "Add a child" and "remove" buttons post the form back to change its rows; nothing is checked or stored. */
    private boolean changedRows(Context ctx, AskForm form, String retryKey, String action, boolean editing) {
        String button = Optional.ofNullable(ctx.formParam("rows")).orElse("");
        List<AskForm.ChildForm> rows = new ArrayList<>(form.children());
        int added = -1;
        if (button.equals("add") && rows.size() < AskForm.MAX_CHILDREN) {
            rows.add(AskForm.ChildForm.empty());
            added = rows.size() - 1;
        } else if (button.startsWith("remove-")) {
            int index = parseIndex(button.substring("remove-".length()));
            if (index >= 0 && index < rows.size()) rows.remove(index);
        } else {
            return false;
        }
        render(ctx, HttpStatus.OK, form.withChildren(rows), Map.of(), retryKey, action, editing, "", added);
        return true;
    }

    /** A message for the whole form: an expired form, or the field only robots fill in. */
    private String formNotice(Context ctx) {
        if (!csrf.isValid(ctx)) return "ask.notice.expired";
        String honeypot = ctx.formParam(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) return "ask.notice.honeypot";
        return "";
    }

    private void render(Context ctx, HttpStatus status, AskForm form, Map<String, String> errorKeys, String retryKey,
            String action, boolean editing, String noticeKey) {
        render(ctx, status, form, errorKeys, retryKey, action, editing, noticeKey, -1);
    }

    private void render(Context ctx, HttpStatus status, AskForm form, Map<String, String> errorKeys, String retryKey,
            String action, boolean editing, String noticeKey, int addedChild) {
        Language language = Language.fromCode(form.language()).orElseGet(() -> LanguageChoice.of(ctx));
        Messages t = Messages.of(language);
        Map<String, String> errors = new LinkedHashMap<>();
        errorKeys.forEach((field, key) -> errors.put(field, t.get(key)));
        AskForm typed = form.children().isEmpty() ? form.withChildren(List.of(AskForm.ChildForm.empty())) : form;
        // Help first: a parent in danger sees it even while a field still needs fixing.
        Optional<CrisisHelp> crisis = Optional.empty();
        if (!errorKeys.isEmpty() || !noticeKey.isEmpty()) {
            crisis = crisis(asking.crisisIn(form.title(), form.body()), Countries.code(form.country()).orElse(null), language);
        }
        AskView view = new AskView(t, typed, errors, csrf.token(ctx), retryKey, Countries.all(language), crisis, action,
                editing, noticeKey.isEmpty() ? "" : t.get(noticeKey), addedChild);
        ctx.status(status);
        // The form's lead describes it to search engines and link previews; her own edit page is private.
        PageMeta meta = editing ? meta(ctx, t, t.get("ask.edit.title"))
                : metas.of(ctx, t, t.get("ask.title"), t.get("ask.lead"), "/ask", "website");
        HtmlResponse.send(ctx, templates.askingAsk(meta, view));
    }

    /** The help for the dangers found, or none when none were. */
    private Optional<CrisisHelp> crisis(Set<String> kinds, String country, Language language) {
        return kinds.isEmpty() ? Optional.empty() : Optional.of(CrisisHelp.of(crisisDirectory, country, kinds, language));
    }

    private StoredQuestion stored(Context ctx) {
        return asking.find(ctx.pathParam("token")).orElseThrow(() -> {
            noReferrer(ctx);
            return new NotFoundResponse();
        });
    }

    /** The notice after an action, told as it stands now: "too late" says what came first. */
    private String notice(Context ctx, Messages t, QuestionStatus status) {
        for (String key : List.of("received", "edited", "withdrawn", "restored", "undo-too-late", "expired")) {
            if (ctx.queryParam(key) != null) return t.get("status.notice." + key);
        }
        if (ctx.queryParam("too-late") != null) return t.get("status.notice.too-late." + status.name().toLowerCase(Locale.ROOT));
        return "";
    }

    private PageMeta meta(Context ctx, Messages t, String title) {
        return metas.of(ctx, t, title, "/ask");
    }

    private String editPath(Context ctx) {
        return StatusLink.path(ctx.pathParam("token")) + "/edit";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.get(), ZoneOffset.UTC);
    }

    /** The status link is a secret: no page of hers may pass it on in a Referer header. */
    private static void noReferrer(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

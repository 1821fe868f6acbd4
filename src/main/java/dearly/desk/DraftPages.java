package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.accounts.User;
import dearly.language.Messages;
import dearly.letters.RelatedLetters;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The advisor's side of the desk: her own page of questions, and the letter editor on each, with
 * the asker's question and byline beside the draft, the preview as the published page, autosave
 * (a save from an older version kept aside and offered back) and the revisions with their diff.
 * Every page opens for the advisor the question is assigned to and for editors; for anyone else
 * the draft does not exist (404), so its address tells nothing.
 *
 * <p>A save answers a script ({@code Accept: application/json}) with the version it made, or 409
 * and the revision it kept aside; a form it sends back to the page, so the editor works without
 * JavaScript too ("Save", "Preview").
 */
public final class DraftPages implements Feature {
    /** Past letters shown beside a draft: what the column has already said on her worry. */
    static final int RELATED = 5;

    private final Drafts drafts;
    private final Assigning assigning;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final Review review;
    private final java.time.ZoneId zone;
    private final RelatedLetters related;

    /** @param related the letters already published on her worry, shown beside the draft */
    public DraftPages(Drafts drafts, Assigning assigning, Review review, Csrf csrf, Templates templates, PageMetas metas,
            java.time.ZoneId zone, RelatedLetters related) {
        this.review = review;
        this.zone = zone;
        this.drafts = drafts;
        this.related = related;
        this.assigning = assigning;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/desk/mine", this::mine, Role.ADVISOR);
        routes.get("/desk/drafts/{id}", this::editor, Role.ADVISOR, Role.EDITOR);
        routes.post("/desk/drafts/{id}", this::save, Role.ADVISOR, Role.EDITOR);
        routes.post("/desk/drafts/{id}/preview", this::preview, Role.ADVISOR, Role.EDITOR);
        routes.get("/desk/drafts/{id}/revisions", this::revisions, Role.ADVISOR, Role.EDITOR);
        routes.post("/desk/drafts/{id}/revisions/{number}/restore", this::restore, Role.ADVISOR, Role.EDITOR);
        routes.post("/desk/drafts/{id}/revisions/{number}/let-go", this::letGo, Role.ADVISOR, Role.EDITOR);
    }

    private void mine(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        HtmlResponse.send(ctx, templates.deskMine(metas.of(ctx, t, t.get("desk.mine.title"), "/desk/mine"),
                assigning.mine(user(ctx))));
    }

    private void editor(Context ctx) {
        Drafts.Opened opened = opened(ctx);
        String notice = ctx.queryParam("saved") != null ? "desk.draft.saved"
                : ctx.queryParam("restored") != null ? "desk.draft.restored"
                : ctx.queryParam("kept") != null ? "desk.draft.kept"
                : ctx.queryParam("submitted") != null ? "desk.review.done.submitted"
                : ctx.queryParam("commented") != null ? "desk.review.done.commented"
                : ctx.queryParam("changes") != null ? "desk.review.done.changes"
                : ctx.queryParam("approved") != null ? "desk.review.done.approved"
                : ctx.queryParam("corrected") != null ? "desk.review.done.corrected"
                : ctx.queryParam("unpublished") != null ? "desk.review.done.unpublished"
                : ctx.queryParam("translated") != null ? "desk.review.done.translated"
                : "";
        show(ctx, HttpStatus.OK, opened, opened.words(), opened.version(), notice);
    }

    private void save(Context ctx) {
        Drafts.Opened opened = opened(ctx);
        DraftWords words = typed(ctx);
        boolean script = wantsJson(ctx);
        if (!opened.editable()) {
            // Scheduled or taken down: what will be (or was) published does not change under the editor's approval.
            if (script) {
                ctx.status(HttpStatus.CONFLICT).json(Map.of("saved", false, "error", Messages.of(LanguageChoice.of(ctx)).get("desk.review.locked")));
            } else {
                show(ctx, HttpStatus.CONFLICT, opened, words, version(ctx), "desk.review.locked");
            }
            return;
        }
        if (!csrf.isValid(ctx)) {
            if (script) {
                ctx.status(HttpStatus.FORBIDDEN).json(Map.of("saved", false, "error", Messages.of(LanguageChoice.of(ctx)).get("desk.draft.expired")));
            } else {
                show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, opened, words, version(ctx), "desk.draft.expired");
            }
            return;
        }
        DraftRepository.Saved saved = drafts.save(opened, user(ctx), version(ctx), words);
        if (script) {
            ctx.status(saved.applied() ? HttpStatus.OK : HttpStatus.CONFLICT)
                    .json(Map.of("saved", saved.applied(), "version", saved.version(), "kept", saved.keptAside()));
            return;
        }
        String preview = "preview".equals(ctx.formParam("action")) ? "#preview" : "";
        ctx.redirect(address(opened) + (saved.applied() ? "?saved" : "?kept") + preview, HttpStatus.SEE_OTHER);
    }

    /** The article as the letter's page shows it, for the script that updates the preview as she types. */
    private void preview(Context ctx) {
        Drafts.Opened opened = opened(ctx);
        Messages t = Messages.of(opened.language());
        HtmlResponse.send(ctx, templates.lettersArticle(t, drafts.preview(opened, typed(ctx), t.get("desk.draft.no-headline")), null));
    }

    private void revisions(Context ctx) {
        Drafts.Opened opened = opened(ctx);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        List<Revision> all = opened.revisions();
        int newest = all.isEmpty() ? 0 : all.getFirst().number();
        int to = number(ctx.queryParam("to"), newest);
        int from = number(ctx.queryParam("from"), Math.max(1, to - 1));
        Optional<RevisionDiff> diff = drafts.diff(opened, from, to);
        ctx.status(diff.isPresent() || all.isEmpty() ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        HtmlResponse.send(ctx, templates.deskRevisions(metas.of(ctx, t, t.get("desk.revisions.title"), address(opened) + "/revisions"),
                opened, from, to, diff));
    }

    private void restore(Context ctx) {
        Drafts.Opened opened = opened(ctx);
        if (!csrf.isValid(ctx)) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, opened, opened.words(), opened.version(), "desk.draft.expired");
            return;
        }
        Optional<DraftRepository.Saved> saved = drafts.restore(opened, user(ctx), number(ctx.pathParam("number"), -1),
                version(ctx));
        if (saved.isEmpty()) throw new NotFoundResponse();
        ctx.redirect(address(opened) + (saved.get().applied() ? "?restored" : "?kept"), HttpStatus.SEE_OTHER);
    }

    private void letGo(Context ctx) {
        Drafts.Opened opened = opened(ctx);
        if (!csrf.isValid(ctx)) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, opened, opened.words(), opened.version(), "desk.draft.expired");
            return;
        }
        drafts.letGo(opened, user(ctx), number(ctx.pathParam("number"), -1));
        ctx.redirect(address(opened), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, HttpStatus status, Drafts.Opened opened, DraftWords words, int version, String notice) {
        show(ctx, status, opened, words, version, notice, ReviewPanel.Typed.nothing());
    }

    /** The draft as it stands, with what she typed in a review form that was refused. */
    void show(Context ctx, HttpStatus status, Drafts.Opened opened, ReviewPanel.Typed typed, String notice) {
        show(ctx, status, opened, opened.words(), opened.version(), notice, typed);
    }

    private void show(Context ctx, HttpStatus status, Drafts.Opened opened, DraftWords words, int version, String notice,
            ReviewPanel.Typed typed) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        Messages letter = Messages.of(opened.language());
        User user = user(ctx);
        ReviewPanel panel = new ReviewPanel(opened.state(), opened.notes(),
                opened.draft().isPresent() ? review.findings(opened) : List.of(), Review.reviews(user), opened.draft().isPresent(),
                review.letterPath(opened), opened.draft().map(Draft::publishAt), zone, typed);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.deskDraft(metas.of(ctx, t, t.format("desk.draft.title", opened.question().question().title()),
                        address(opened)), opened, words, version, csrf.token(ctx), notice.isEmpty() ? "" : t.get(notice),
                drafts.preview(opened, words, letter.get("desk.draft.no-headline")), letter, panel,
                related.closestTo(opened.question().question().title() + "\n" + opened.question().question().body(),
                        Optional.empty(), RELATED, Optional.empty())));
    }

    /** The draft this colleague may open, or 404: not found, not assigned, or assigned to someone else. */
    Drafts.Opened opened(Context ctx) {
        String typed = ctx.pathParam("id");
        long id = typed.matches("\\d{1,18}") ? Long.parseLong(typed) : -1;
        return drafts.open(id, user(ctx)).orElseThrow(NotFoundResponse::new);
    }

    private static User user(Context ctx) {
        return Sessions.user(ctx).orElseThrow(NotFoundResponse::new);
    }

    private static String address(Drafts.Opened opened) {
        return "/desk/drafts/" + opened.id();
    }

    private static DraftWords typed(Context ctx) {
        List<Long> topics = ctx.formParams("topic").stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
        return new DraftWords(field(ctx, "headline"), field(ctx, "standfirst"), field(ctx, "salutation"), field(ctx, "body"),
                field(ctx, "sign_off"), topics);
    }

    /** What she typed, as typed (a letter's spaces and line breaks are hers); nothing when the field was not sent. */
    private static String field(Context ctx, String name) {
        String typed = ctx.formParam(name);
        return typed == null ? "" : typed.replace("\r\n", "\n");
    }

    private static int version(Context ctx) {
        return number(ctx.formParam("version"), 0);
    }

    private static int number(String text, int otherwise) {
        return text != null && text.matches("\\d{1,9}") ? Integer.parseInt(text) : otherwise;
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }
}

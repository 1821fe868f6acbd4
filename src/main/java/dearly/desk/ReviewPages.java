package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.accounts.User;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The review's actions on a draft's page: the advisor (or an editor) submits it; editors comment,
 * ask for changes, approve (now or at a time typed in the instance's zone), correct a published
 * letter with a note, or take it down. Each answers with the draft's page: after a redirect when
 * it was done, or at once with the finding or mistake beside what she typed.
 */
public final class ReviewPages implements Feature {
    private final Review review;
    private final DraftPages pages;
    private final Csrf csrf;
    private final ZoneId zone;

    public ReviewPages(Review review, DraftPages pages, Csrf csrf, ZoneId zone) {
        this.review = review;
        this.pages = pages;
        this.csrf = csrf;
        this.zone = zone;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.post("/desk/drafts/{id}/submit", this::submit, Role.ADVISOR, Role.EDITOR);
        routes.post("/desk/drafts/{id}/comment", this::comment, Role.EDITOR);
        routes.post("/desk/drafts/{id}/ask-changes", this::askChanges, Role.EDITOR);
        routes.post("/desk/drafts/{id}/approve", this::approve, Role.EDITOR);
        routes.post("/desk/drafts/{id}/correct", this::correct, Role.EDITOR);
        routes.post("/desk/drafts/{id}/unpublish", this::unpublish, Role.EDITOR);
        routes.post("/desk/drafts/{id}/translation", this::translation, Role.EDITOR);
    }

    private void submit(Context ctx) {
        act(ctx, "submit", "submitted", (opened, user, typed) -> review.submit(opened, user));
    }

    private void comment(Context ctx) {
        act(ctx, "comment", "commented", (opened, user, typed) -> review.comment(opened, user, typed.comment()));
    }

    private void askChanges(Context ctx) {
        act(ctx, "changes", "changes", (opened, user, typed) -> review.askChanges(opened, user, typed.changes()));
    }

    private void approve(Context ctx) {
        act(ctx, "approve", "approved", (opened, user, typed) -> {
            if (typed.when().equals("now")) return review.approve(opened, user, Optional.empty(), typed.reason());
            Optional<Instant> at = at(typed.publishAt());
            if (at.isEmpty()) return Review.Outcome.refused("desk.review.when.unreadable");
            return review.approve(opened, user, at, typed.reason());
        });
    }

    private void correct(Context ctx) {
        act(ctx, "correct", "corrected", (opened, user, typed) -> review.correct(opened, user, typed.correction(), typed.reason()));
    }

    private void unpublish(Context ctx) {
        act(ctx, "unpublish", "unpublished", (opened, user, typed) -> review.unpublish(opened, user));
    }

    private void translation(Context ctx) {
        act(ctx, "translation", "translated", (opened, user, typed) -> review.linkTranslation(opened, user, field(ctx, "translation")));
    }

    private interface Action {
        Review.Outcome take(Drafts.Opened opened, User user, ReviewPanel.Typed typed);
    }

    /** Takes the action and goes back to the draft, saying it was done; or shows her what stopped it. */
    private void act(Context ctx, String action, String done, Action take) {
        Drafts.Opened opened = pages.opened(ctx);
        User user = Sessions.user(ctx).orElseThrow(NotFoundResponse::new);
        ReviewPanel.Typed typed = new ReviewPanel.Typed(action, "", field(ctx, "comment"), field(ctx, "changes"),
                "later".equals(ctx.formParam("when")) ? "later" : "now", field(ctx, "publish_at"), field(ctx, "reason"),
                field(ctx, "correction"));
        if (!csrf.isValid(ctx)) {
            pages.show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, opened, withProblem(typed, "desk.draft.expired"), "");
            return;
        }
        Review.Outcome outcome = take.take(opened, user, typed);
        if (outcome.done()) {
            ctx.redirect("/desk/drafts/" + opened.id() + "?" + done, HttpStatus.SEE_OTHER);
            return;
        }
        HttpStatus status = outcome.problem().equals("desk.review.not-now") ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        pages.show(ctx, status, pages.opened(ctx), withProblem(typed, outcome.problem()), "");
    }

    private static ReviewPanel.Typed withProblem(ReviewPanel.Typed typed, String problem) {
        return new ReviewPanel.Typed(typed.action(), problem, typed.comment(), typed.changes(), typed.when(), typed.publishAt(),
                typed.reason(), typed.correction());
    }

    /** A time typed in a datetime-local field ("2026-12-24T08:00"), in the instance's zone. */
    private Optional<Instant> at(String typed) {
        if (typed.isBlank() || typed.length() > 40) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(typed.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String field(Context ctx, String name) {
        String typed = ctx.formParam(name);
        return typed == null ? "" : typed.replace("\r\n", "\n");
    }
}

package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.asking.DeskQuestion;
import dearly.web.Feature;
import dearly.web.RateLimits;
import dearly.web.Csrf;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMeta;
import dearly.web.PageMetas;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** The editors' desk: the triage queue, a question with its private details marked, a kind decline. */
public final class DeskPages implements Feature {
    static final int REPLY_MIN = 20, REPLY_MAX = 5_000;

    private final QuestionDesk desk;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;

    public DeskPages(QuestionDesk desk, Csrf csrf, Templates templates, PageMetas metas) {
        this.desk = desk;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/desk", this::queue, Role.EDITOR);
        routes.get("/desk/questions/{id}", this::question, Role.EDITOR);
        routes.post("/desk/questions/{id}/decline", this::decline, Role.EDITOR);
    }

    private void queue(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        HtmlResponse.send(ctx, templates.deskQueue(meta(ctx, t, t.get("desk.queue.title")), desk.queue(),
                Sessions.user(ctx).map(user -> user.displayName()).orElse("")));
    }

    private void question(Context ctx) {
        show(ctx, HttpStatus.OK, found(ctx), "", "", ctx.queryParam("declined") != null);
    }

    private void decline(Context ctx) {
        DeskQuestion question = found(ctx);
        String reply = ctx.formParamAsClass("reply", String.class).getOrDefault("").strip();
        String problem = !csrf.isValid(ctx) ? "desk.decline.expired"
                : reply.codePointCount(0, reply.length()) < REPLY_MIN ? "desk.decline.short"
                : reply.codePointCount(0, reply.length()) > REPLY_MAX ? "desk.decline.long"
                : "";
        if (!problem.isEmpty()) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, question, reply, problem, false);
            return;
        }
        desk.decline(question.question().id(), reply);
        ctx.redirect("/desk/questions/" + question.question().id() + "?declined", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, HttpStatus status, DeskQuestion question, String reply, String problem, boolean declined) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        Language letterLanguage = question.question().language();
        String byline = question.byline(letterLanguage);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.deskQuestion(meta(ctx, t, question.question().title()), question, byline,
                csrf.token(ctx), reply, problem.isEmpty() ? "" : t.get(problem), declined));
    }

    private DeskQuestion found(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return desk.question(id).orElseThrow(NotFoundResponse::new);
    }

    private PageMeta meta(Context ctx, Messages t, String title) {
        return metas.of(ctx, t, title, "/desk");
    }
}

package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.asking.DeskQuestion;
import dearly.web.Csrf;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.PageMeta;
import dearly.web.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;

/** The editors' desk: the triage queue, a question with its private details marked, a kind decline. */
public final class DeskPages {
    static final int REPLY_MIN = 20, REPLY_MAX = 5_000;

    private final QuestionDesk desk;
    private final Csrf csrf;
    private final Pages pages;
    private final Links links;

    public DeskPages(QuestionDesk desk, Csrf csrf, Pages pages, Links links) {
        this.desk = desk;
        this.csrf = csrf;
        this.pages = pages;
        this.links = links;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/desk", this::queue, Role.EDITOR);
        routes.get("/desk/questions/{id}", this::question, Role.EDITOR);
        routes.post("/desk/questions/{id}/decline", this::decline, Role.EDITOR);
    }

    private void queue(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        pages.render(ctx, "desk/queue.jte", Map.of("meta", meta(ctx, t, t.get("desk.queue.title")), "queue", desk.queue(),
                "editor", Sessions.user(ctx).map(user -> user.displayName()).orElse("")));
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
        Map<String, Object> model = new HashMap<>();
        model.put("meta", meta(ctx, t, question.question().title()));
        model.put("question", question);
        model.put("byline", question.byline(letterLanguage));
        model.put("csrf", csrf.token(ctx));
        model.put("reply", reply);
        model.put("problem", problem.isEmpty() ? "" : t.get(problem));
        model.put("declined", declined);
        ctx.status(status);
        pages.render(ctx, "desk/question.jte", model);
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
        return new PageMeta(title, "", links.absolute(ctx, "/desk"), "website", t);
    }
}

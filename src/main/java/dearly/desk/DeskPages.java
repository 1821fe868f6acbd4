package dearly.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.accounts.User;
import dearly.asking.CrisisKind;
import dearly.asking.CrisisReviews;
import dearly.asking.DeskQuestion;
import dearly.audit.Actor;
import dearly.language.Dates;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMeta;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The editors' desk: the triage queue (urgent questions that waited too long at the top), a
 * question with its private details marked, a kind decline, a message to her at once, and marking
 * an urgent question handled.
 */
public final class DeskPages implements Feature {
    static final int REPLY_MIN = 20, REPLY_MAX = 5_000;
    static final int NOTE_MAX = 2_000;
    static final int WORDS_MAX = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuestionDesk desk;
    private final Assigning assigning;
    private final DeskSettings settings;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;
    private final ZoneId instanceZone;
    private final DeclineTemplates declineTemplates;

    /** @param instanceZone DEARLY_TIME_ZONE: the zone of a byline whose asker's country tells none */
    public DeskPages(QuestionDesk desk, Assigning assigning, DeskSettings settings, DeclineTemplates declineTemplates, Csrf csrf,
            Templates templates, PageMetas metas, ZoneId instanceZone) {
        this.declineTemplates = declineTemplates;
        this.instanceZone = instanceZone;
        this.desk = desk;
        this.assigning = assigning;
        this.settings = settings;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/desk", this::queue, Role.EDITOR);
        routes.get("/desk/questions/{id}", this::question, Role.EDITOR);
        routes.post("/desk/questions/{id}/decline", this::decline, Role.EDITOR);
        routes.post("/desk/questions/{id}/assign", this::assign, Role.EDITOR);
        routes.post("/desk/questions/{id}/message", this::message, Role.EDITOR);
        routes.post("/desk/questions/{id}/handled", this::handled, Role.EDITOR);
        routes.post("/desk/questions/{id}/clear", this::clear, Role.EDITOR);
        routes.post("/desk/questions/{id}/raise", this::raise, Role.EDITOR);
        routes.get("/desk/crisis-examples.jsonl", this::examples, Role.ADMIN);
        routes.get("/desk/settings", this::settingsForm, Role.ADMIN);
        routes.post("/desk/settings", this::saveSettings, Role.ADMIN);
    }

    private void queue(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        Duration wait = settings.urgentWait();
        HtmlResponse.send(ctx, templates.deskQueue(meta(ctx, t, t.get("desk.queue.title")), desk.queue(),
                Sessions.user(ctx).map(user -> user.displayName()).orElse(""), desk.overdue(wait),
                Dates.duration(wait, t.language()), received -> Dates.duration(desk.waited(received), t.language())));
    }

    /** The question; with {@code ?template=id}, its decline form starts from that template in her language. */
    private void question(Context ctx) {
        DeskQuestion question = found(ctx);
        String template = String.valueOf(ctx.queryParam("template"));
        Form form = declineTemplates.all().stream().filter(found -> Long.toString(found.id()).equals(template)).findFirst()
                .map(found -> Form.EMPTY.withReply(found.text(question.question().language()), ""))
                .orElse(Form.EMPTY);
        show(ctx, HttpStatus.OK, question, form, doneNotice(ctx));
    }

    /** What the page says after an action: the query names it, so a reload does not repeat the action. */
    private static String doneNotice(Context ctx) {
        return ctx.queryParam("declined") != null ? "desk.decline.done"
                : ctx.queryParam("assigned") != null ? "desk.assign.done"
                : ctx.queryParam("messaged") != null ? "desk.messaged.done"
                : ctx.queryParam("handled") != null ? "desk.handled.done"
                : ctx.queryParam("cleared") != null ? "desk.cleared.done"
                : ctx.queryParam("raised") != null ? "desk.raised.done"
                : "";
    }

    private void message(Context ctx) {
        DeskQuestion question = found(ctx);
        String message = typed(ctx, "message");
        String problem = problemWith(ctx, message, "desk.message.expired", "desk.message.short", "desk.message.long");
        actOrShow(ctx, question, problem, () -> desk.message(question.question().id(), message, editor(ctx)),
                mistake -> Form.EMPTY.withMessage(message, mistake), "messaged");
    }

    private void handled(Context ctx) {
        DeskQuestion question = found(ctx);
        String note = typed(ctx, "note");
        String problem = !csrf.isValid(ctx) ? "desk.handled.expired"
                : note.isEmpty() ? "desk.handled.missing"
                : length(note) > NOTE_MAX ? "desk.handled.long"
                : "";
        actOrShow(ctx, question, problem, () -> desk.handled(question.question().id(), editor(ctx), note),
                mistake -> Form.EMPTY.withNote(note, mistake), "handled");
    }

    /**
     * Does what the editor asked when her words have no mistake, then shows the question again with
     * {@code ?done} (so a reload does not repeat it); otherwise, or when the question is no longer
     * open, shows the page with her words kept and the reason beside them.
     */
    private void actOrShow(Context ctx, DeskQuestion question, String problem, BooleanSupplier act,
            Function<String, Form> keptWith, String done) {
        if (!problem.isEmpty() || !act.getAsBoolean()) {
            String mistake = problem.isEmpty() ? "desk.message.closed" : problem;
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, question, keptWith.apply(mistake), "");
            return;
        }
        ctx.redirect("/desk/questions/" + question.question().id() + "?" + done, HttpStatus.SEE_OTHER);
    }

    /** "Not a crisis": the editor clears one kind of sign she judged a false alarm. */
    private void clear(Context ctx) {
        DeskQuestion question = found(ctx);
        Optional<CrisisKind> kind = kind(ctx);
        if (!csrf.isValid(ctx) || kind.isEmpty()) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, question, Form.EMPTY, "desk.review.expired");
            return;
        }
        desk.clear(question.question().id(), kind.get(), editor(ctx));
        ctx.redirect("/desk/questions/" + question.question().id() + "?cleared", HttpStatus.SEE_OTHER);
    }

    /** The editor raises a sign the check missed, quoting her words that show it. */
    private void raise(Context ctx) {
        DeskQuestion question = found(ctx);
        String words = typed(ctx, "words");
        Optional<CrisisKind> kind = kind(ctx);
        String problem = !csrf.isValid(ctx) ? "desk.review.expired"
                : kind.isEmpty() ? "desk.raise.kind"
                : words.isEmpty() ? "desk.raise.missing"
                : length(words) > WORDS_MAX ? "desk.raise.long"
                : "";
        actOrShow(ctx, question, problem, () -> desk.raise(question.question().id(), kind.get(), words, editor(ctx)),
                mistake -> Form.EMPTY.withRaise(words, kind.map(Enum::name).orElse(""), mistake), "raised");
    }

    /**
     * Every decision editors made about crisis signs, one JSON line each in the shape of the
     * tuning data ({@code id}, {@code language}, {@code kind}, {@code text}), private details masked.
     */
    private void examples(Context ctx) throws JsonProcessingException {
        StringBuilder lines = new StringBuilder();
        for (CrisisReviews.Example example : desk.examples()) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("id", "review-" + example.id());
            line.put("language", example.language().code());
            line.put("kind", example.label());
            line.put("text", example.words());
            line.put("decision", example.decision());
            line.put("decided_at", example.decidedAt().toString());
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        ctx.header("Content-Disposition", "attachment; filename=\"crisis-examples.jsonl\"");
        ctx.contentType("application/x-ndjson; charset=utf-8").result(lines.toString());
    }

    private static Optional<CrisisKind> kind(Context ctx) {
        String typed = typed(ctx, "kind");
        return java.util.Arrays.stream(CrisisKind.values()).filter(kind -> kind.name().equals(typed)).findFirst();
    }

    /** The signed-in editor, as the audit log names her (the route lets no one else in). */
    private static Actor editor(Context ctx) {
        return Sessions.user(ctx).map(User::actor).orElseThrow();
    }

    private void settingsForm(Context ctx) {
        long minutes = settings.urgentWait().toMinutes();
        showSettings(ctx, HttpStatus.OK, Long.toString(minutes), "", ctx.queryParam("saved") != null);
    }

    private void saveSettings(Context ctx) {
        String typed = typed(ctx, "urgent_wait_minutes");
        long shortest = DeskSettings.SHORTEST_URGENT_WAIT.toMinutes(), longest = DeskSettings.LONGEST_URGENT_WAIT.toMinutes();
        Long minutes = typed.matches("\\d{1,6}") ? Long.valueOf(typed) : null;
        String problem = !csrf.isValid(ctx) ? "desk.settings.expired"
                : minutes == null ? "desk.settings.not-a-number"
                : minutes < shortest || minutes > longest ? "desk.settings.range"
                : "";
        if (!problem.isEmpty()) {
            showSettings(ctx, HttpStatus.UNPROCESSABLE_CONTENT, typed, problem, false);
            return;
        }
        settings.setUrgentWait(Duration.ofMinutes(minutes), editor(ctx));
        ctx.redirect("/desk/settings?saved", HttpStatus.SEE_OTHER);
    }

    private void showSettings(Context ctx, HttpStatus status, String minutes, String problem, boolean saved) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        String error = problem.isEmpty() ? "" : t.format(problem, DeskSettings.SHORTEST_URGENT_WAIT.toMinutes(),
                DeskSettings.LONGEST_URGENT_WAIT.toMinutes());
        ctx.status(status);
        HtmlResponse.send(ctx, templates.deskSettings(metas.of(ctx, t, t.get("desk.settings.title"), "/desk/settings"),
                csrf.token(ctx), minutes, error, saved));
    }

    /** What is wrong with words an editor sends her (a decline or a message): the key of its message, or "". */
    private String problemWith(Context ctx, String words, String expired, String tooShort, String tooLong) {
        return !csrf.isValid(ctx) ? expired
                : length(words) < REPLY_MIN ? tooShort
                : length(words) > REPLY_MAX ? tooLong
                : "";
    }

    /** What she typed in a field, trimmed; nothing when the field was not sent. */
    private static String typed(Context ctx, String field) {
        return ctx.formParamAsClass(field, String.class).getOrDefault("").strip();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private void decline(Context ctx) {
        DeskQuestion question = found(ctx);
        String reply = typed(ctx, "reply");
        String problem = problemWith(ctx, reply, "desk.decline.expired", "desk.decline.short", "desk.decline.long");
        if (!problem.isEmpty()) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, question, Form.EMPTY.withReply(reply, problem), "");
            return;
        }
        desk.decline(question.question().id(), reply, editor(ctx));
        ctx.redirect("/desk/questions/" + question.question().id() + "?declined", HttpStatus.SEE_OTHER);
    }

    /**
     * What an editor typed into the question page's three forms, and the mistake in the one she
     * sent: each keeps its own text, so a mistake in one loses nothing in another.
     */
    public record Form(
            String reply, String replyProblem, String message, String messageProblem, String note, String noteProblem,
            String raiseWords, String raiseKind, String raiseProblem) {
        static final Form EMPTY = new Form("", "", "", "", "", "", "", "", "");

        public Form withReply(String text, String problem) {
            return new Form(text, problem, message, messageProblem, note, noteProblem, raiseWords, raiseKind, raiseProblem);
        }

        public Form withMessage(String text, String problem) {
            return new Form(reply, replyProblem, text, problem, note, noteProblem, raiseWords, raiseKind, raiseProblem);
        }

        public Form withNote(String text, String problem) {
            return new Form(reply, replyProblem, message, messageProblem, text, problem, raiseWords, raiseKind, raiseProblem);
        }

        public Form withRaise(String words, String kind, String problem) {
            return new Form(reply, replyProblem, message, messageProblem, note, noteProblem, words, kind, problem);
        }

        Form worded(Messages t) {
            return new Form(reply, words(t, replyProblem), message, words(t, messageProblem), note, words(t, noteProblem),
                    raiseWords, raiseKind, words(t, raiseProblem));
        }

        private static String words(Messages t, String key) {
            return key.isEmpty() ? "" : t.get(key);
        }
    }

    /**
     * Gives the question to an advisor (or another one) with a note, which her mail carries; a
     * mistake shows the page again with the note kept.
     */
    private void assign(Context ctx) {
        DeskQuestion question = found(ctx);
        String chosen = typed(ctx, "advisor");
        String note = typed(ctx, "assign_note");
        String problem = !csrf.isValid(ctx) ? "desk.assign.expired"
                : !chosen.matches("\\d{1,18}") ? "desk.assign.choose"
                : length(note) > NOTE_MAX ? "desk.assign.long"
                : "";
        if (problem.isEmpty() && assigning.assign(question.question().id(), Long.parseLong(chosen), note, editor(ctx))) {
            ctx.redirect("/desk/questions/" + question.question().id() + "?assigned", HttpStatus.SEE_OTHER);
            return;
        }
        String mistake = !problem.isEmpty() ? problem : question.open() ? "desk.assign.choose" : "desk.message.closed";
        show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, question, Form.EMPTY, "",
                new AssignForm(chosen, note, mistake, mistake.equals("desk.assign.long")));
    }

    /** What an editor chose and wrote in the assign form, and the mistake in it ("" for none). */
    public record AssignForm(String advisor, String note, String problem, boolean aboutTheNote) {
        static final AssignForm EMPTY = new AssignForm("", "", "", false);
    }

    private void show(Context ctx, HttpStatus status, DeskQuestion question, Form form, String notice) {
        show(ctx, status, question, form, notice, AssignForm.EMPTY);
    }

    private void show(Context ctx, HttpStatus status, DeskQuestion question, Form form, String notice, AssignForm assign) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        Language letterLanguage = question.question().language();
        String byline = question.byline(letterLanguage, instanceZone);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.deskQuestion(meta(ctx, t, question.question().title()), question, byline,
                csrf.token(ctx), form.worded(t), notice.isEmpty() ? "" : t.get(notice),
                Dates.duration(desk.waited(question.question().receivedAt()), t.language()), declineTemplates.all(),
                assigning.advisors(), assigning.assignee(question.question().id()),
                new AssignForm(assign.advisor(), assign.note(), assign.problem().isEmpty() ? "" : t.get(assign.problem()),
                        assign.aboutTheNote())));
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

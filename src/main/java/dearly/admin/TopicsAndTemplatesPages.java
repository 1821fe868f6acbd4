package dearly.admin;

import dearly.accounts.Role;
import dearly.desk.DeclineTemplate;
import dearly.desk.DeclineTemplates;
import dearly.language.Messages;
import dearly.letters.Topic;
import dearly.letters.TopicEditor;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMetas;
import dearly.web.PostedFields;
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
 * The admins' lists the column's editors work with: topics (a name in each language and an
 * address) at /admin/topics, and the decline templates an editor starts a kind reply from at
 * /admin/decline-templates. Each list has an add form under it and an edit page per entry; a form
 * with mistakes comes back with everything typed and a message beside each field.
 */
public final class TopicsAndTemplatesPages implements Feature {
    private static final Map<String, String> NOTICES = Map.of("added", "admin.list.notice.added",
            "saved", "admin.list.notice.saved", "deleted", "admin.list.notice.deleted");

    private final TopicEditor topics;
    private final DeclineTemplates declineTemplates;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;

    public TopicsAndTemplatesPages(TopicEditor topics, DeclineTemplates declineTemplates, Csrf csrf, Templates templates,
            PageMetas metas) {
        this.topics = topics;
        this.declineTemplates = declineTemplates;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.beforeMatched("/admin/decline-templates/{id}/delete", csrf::requireOnForms);
        routes.get("/admin/topics", ctx -> showTopics(ctx, HttpStatus.OK, TopicForm.empty(), Map.of(), notice(ctx)), Role.ADMIN);
        routes.post("/admin/topics", this::addTopic, Role.ADMIN);
        routes.get("/admin/topics/{id}", ctx -> {
            Topic topic = topic(ctx);
            showTopic(ctx, HttpStatus.OK, topic.id(), TopicForm.of(topic), Map.of());
        }, Role.ADMIN);
        routes.post("/admin/topics/{id}", this::saveTopic, Role.ADMIN);
        routes.get("/admin/decline-templates", ctx -> showTemplates(ctx, HttpStatus.OK, DeclineTemplateForm.empty(), Map.of(),
                notice(ctx)), Role.ADMIN);
        routes.post("/admin/decline-templates", this::addTemplate, Role.ADMIN);
        routes.get("/admin/decline-templates/{id}", ctx -> {
            DeclineTemplate template = template(ctx);
            showTemplate(ctx, HttpStatus.OK, template.id(), DeclineTemplateForm.of(template), Map.of());
        }, Role.ADMIN);
        routes.post("/admin/decline-templates/{id}", this::saveTemplate, Role.ADMIN);
        routes.post("/admin/decline-templates/{id}/delete", this::deleteTemplate, Role.ADMIN);
    }

    private void addTopic(Context ctx) {
        Messages t = t(ctx);
        TopicForm form = TopicForm.posted(new PostedFields(ctx::formParam));
        Map<String, String> problems = problems(ctx, t, form.problems(t));
        Optional<Long> added = problems.isEmpty() ? topics.add(form.topic(), AdminPages.admin(ctx)) : Optional.empty();
        if (added.isEmpty()) {
            showTopics(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, orSlugTaken(problems, t), "");
            return;
        }
        ctx.redirect(t.href("/admin/topics?added#topic-" + added.get()), HttpStatus.SEE_OTHER);
    }

    private void saveTopic(Context ctx) {
        Topic topic = topic(ctx);
        Messages t = t(ctx);
        TopicForm form = TopicForm.posted(new PostedFields(ctx::formParam));
        Map<String, String> problems = problems(ctx, t, form.problems(t));
        TopicEditor.Outcome outcome = problems.isEmpty() ? topics.update(topic.id(), form.topic(), AdminPages.admin(ctx)) : null;
        if (outcome == TopicEditor.Outcome.GONE) throw new NotFoundResponse();
        if (outcome != TopicEditor.Outcome.SAVED) {
            showTopic(ctx, HttpStatus.UNPROCESSABLE_CONTENT, topic.id(), form, orSlugTaken(problems, t));
            return;
        }
        ctx.redirect(t.href("/admin/topics?saved#topic-" + topic.id()), HttpStatus.SEE_OTHER);
    }

    /** The problems found, or, when there were none and still nothing was stored, that the address is taken. */
    private static Map<String, String> orSlugTaken(Map<String, String> problems, Messages t) {
        return problems.isEmpty() ? Map.of("slug", t.get("admin.topics.slug.taken")) : problems;
    }

    private void addTemplate(Context ctx) {
        Messages t = t(ctx);
        DeclineTemplateForm form = DeclineTemplateForm.posted(new PostedFields(ctx::formParam));
        Map<String, String> problems = problems(ctx, t, form.problems(t));
        if (!problems.isEmpty()) {
            showTemplates(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, problems, "");
            return;
        }
        long id = declineTemplates.add(form.template(), AdminPages.admin(ctx));
        ctx.redirect(t.href("/admin/decline-templates?added#template-" + id), HttpStatus.SEE_OTHER);
    }

    private void saveTemplate(Context ctx) {
        DeclineTemplate template = template(ctx);
        Messages t = t(ctx);
        DeclineTemplateForm form = DeclineTemplateForm.posted(new PostedFields(ctx::formParam));
        Map<String, String> problems = problems(ctx, t, form.problems(t));
        if (!problems.isEmpty()) {
            showTemplate(ctx, HttpStatus.UNPROCESSABLE_CONTENT, template.id(), form, problems);
            return;
        }
        if (!declineTemplates.update(template.id(), form.template(), AdminPages.admin(ctx))) throw new NotFoundResponse();
        ctx.redirect(t.href("/admin/decline-templates?saved#template-" + template.id()),
                HttpStatus.SEE_OTHER);
    }

    private void deleteTemplate(Context ctx) {
        declineTemplates.delete(AdminPages.id(ctx), AdminPages.admin(ctx));
        ctx.redirect(t(ctx).href("/admin/decline-templates?deleted"), HttpStatus.SEE_OTHER);
    }

    /** The form's own problems, or, first, that the page's token could not be confirmed (everything typed is kept). */
    private Map<String, String> problems(Context ctx, Messages t, Map<String, String> found) {
        if (csrf.isValid(ctx)) return found;
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        problems.put("_csrf", t.get("admin.form.expired"));
        problems.putAll(found);
        return problems;
    }

    /** The key of what the page says after a change, named in its address so a reload repeats nothing. */
    private static String notice(Context ctx) {
        return NOTICES.entrySet().stream().filter(notice -> ctx.queryParam(notice.getKey()) != null).findFirst()
                .map(Map.Entry::getValue).orElse("");
    }

    private void showTopics(Context ctx, HttpStatus status, TopicForm form, Map<String, String> problems, String notice) {
        Messages t = t(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.adminTopics(metas.of(ctx, t, t.get("admin.topics.title"), "/admin/topics"),
                topics.all(), form, problems, csrf.token(ctx), notice.isEmpty() ? "" : t.get(notice)));
    }

    private void showTopic(Context ctx, HttpStatus status, long id, TopicForm form, Map<String, String> problems) {
        Messages t = t(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.adminTopic(metas.of(ctx, t, t.get("admin.topics.edit.title"), ctx.path()), id, form,
                problems, csrf.token(ctx)));
    }

    private void showTemplates(Context ctx, HttpStatus status, DeclineTemplateForm form, Map<String, String> problems,
            String notice) {
        Messages t = t(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.adminDeclineTemplates(
                metas.of(ctx, t, t.get("admin.templates.title"), "/admin/decline-templates"), declineTemplates.all(), form,
                problems, csrf.token(ctx), notice.isEmpty() ? "" : t.get(notice)));
    }

    private void showTemplate(Context ctx, HttpStatus status, long id, DeclineTemplateForm form, Map<String, String> problems) {
        Messages t = t(ctx);
        ctx.status(status);
        HtmlResponse.send(ctx, templates.adminDeclineTemplate(metas.of(ctx, t, t.get("admin.templates.edit.title"), ctx.path()),
                id, form, problems, csrf.token(ctx)));
    }

    private Topic topic(Context ctx) {
        return topics.find(AdminPages.id(ctx)).orElseThrow(NotFoundResponse::new);
    }

    private DeclineTemplate template(Context ctx) {
        return declineTemplates.find(AdminPages.id(ctx)).orElseThrow(NotFoundResponse::new);
    }

    private static Messages t(Context ctx) {
        return Messages.of(LanguageChoice.of(ctx));
    }
}

package dearly.web;

import dearly.language.Messages;
import gg.jte.generated.precompiled.Templates;
import gg.jte.models.runtime.JteModel;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers a request that Dearly will not take or could not serve (a form it cannot confirm, too
 * many requests, too much at once, a page that is not there or not hers to open, a failure) kindly
 * and in the visitor's language: a page for a browser, JSON under /api/.
 */
public final class Refusals {
    private final Templates templates;
    private final PageMetas metas;

    public Refusals(Templates templates, PageMetas metas) {
        this.templates = templates;
        this.metas = metas;
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /**
     * @param json the whole JSON body, for /api/ paths
     * @param titleKey the title of the page for everyone else, which shows the public menu
     * @param page that page, e.g. {@code Templates::errorsNotFound}
     */
    public void send(Context ctx, HttpStatus status, Map<String, ?> json, String titleKey,
            BiFunction<Templates, PageMeta, JteModel> page) {
        send(ctx, status, json, page, t -> metas.refusal(ctx, t, t.get(titleKey)));
    }

    /** As {@link #send}, for someone signed in whose role does not open a page: the refusal keeps her staff menu. */
    public void sendSignedIn(Context ctx, HttpStatus status, Map<String, ?> json, String titleKey,
            BiFunction<Templates, PageMeta, JteModel> page) {
        send(ctx, status, json, page, t -> metas.of(ctx, t, t.get(titleKey), "/"));
    }

    private void send(Context ctx, HttpStatus status, Map<String, ?> json, BiFunction<Templates, PageMeta, JteModel> page,
            Function<Messages, PageMeta> meta) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.json(json);
            return;
        }
        HtmlResponse.send(ctx, page.apply(templates, meta.apply(Messages.of(LanguageChoice.of(ctx)))));
    }
}

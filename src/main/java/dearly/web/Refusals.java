package dearly.web;

import dearly.language.Messages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers a request that Dearly will not take (a form it cannot confirm, too many requests, too
 * much at once) kindly and in the visitor's language: a page for a browser, JSON under /api/.
 */
final class Refusals {
    private final Pages pages;
    private final Links links;

    Refusals(Pages pages, Links links) {
        this.pages = pages;
        this.links = links;
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /**
     * @param json the whole JSON body, for /api/ paths
     * @param template the page for everyone else; it gets {@code meta} and the given parameters
     */
    void send(Context ctx, HttpStatus status, Map<String, ?> json, String template, String titleKey, Map<String, ?> parameters) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.json(json);
            return;
        }
        Messages t = Messages.of(LanguageChoice.of(ctx));
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("meta", new PageMeta(t.get(titleKey), "", links.absolute(ctx, "/"), "website", t));
        Pages.send(ctx, pages.render(template, all));
    }
}

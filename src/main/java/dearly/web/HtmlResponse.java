package dearly.web;

import gg.jte.models.runtime.JteModel;
import io.javalin.http.Context;

/**
 * Sends a page as the answer to a request. Pages come from the typed templates that jte-models
 * generates from src/main/jte ({@code Templates}, one method per template), so a page is rendered
 * with the parameters its template declares or the build fails.
 */
public final class HtmlResponse {
    private HtmlResponse() {}

    public static void send(Context ctx, JteModel page) {
        send(ctx, page.render());
    }

    /** Names the charset in the header: the meta tag alone comes too late for some proxies. */
    public static void send(Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}

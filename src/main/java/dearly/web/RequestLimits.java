package dearly.web;

import dearly.language.Messages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A kind answer to a request body larger than Javalin's {@code http.maxRequestSize}. Javalin
 * itself stops reading a body at that size and answers a bare 413; this gives that 413 a page (or
 * JSON) in the visitor's language, and refuses a body that announces its excess in
 * {@code Content-Length} before any of it is kept in memory.
 *
 * <p>Before answering, the rest of the body is read and thrown away (up to {@value #DISCARD_AT_MOST}
 * bytes): a server that answers and closes while the browser is still sending makes the browser
 * see a reset connection instead of the answer. Bodies larger still are cut off.
 */
public final class RequestLimits {
    static final long DISCARD_AT_MOST = 32L * 1024 * 1024;

    private final long maxRequestBytes;
    private final Refusals refusals;

    /** @param maxRequestBytes the same number as {@code javalin.http.maxRequestSize} */
    public RequestLimits(long maxRequestBytes, Refusals refusals) {
        this.maxRequestBytes = maxRequestBytes;
        this.refusals = refusals;
    }

    public void routes(RoutesConfig routes) {
        routes.before(this::refuseAnnouncedExcess);
        routes.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), this::tooLarge);
    }

    private void refuseAnnouncedExcess(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxRequestBytes) throw new ContentTooLargeResponse();
    }

    private void tooLarge(Context ctx) {
        discardTheRest(ctx);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        double megabytes = maxRequestBytes / (1024.0 * 1024.0);
        refusals.send(ctx, HttpStatus.CONTENT_TOO_LARGE, Map.of("error", t.format("toolarge.api", megabytes)),
                "toolarge.title", (templates, meta) -> templates.errorsTooLarge(meta, megabytes));
    }

    private static void discardTheRest(Context ctx) {
        try {
            InputStream body = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = DISCARD_AT_MOST;
            for (int read; left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1; ) left -= read;
        } catch (IOException | IllegalStateException gone) {
            // the client went away, or the body was taken as a reader: nothing left to be polite to
        }
    }
}

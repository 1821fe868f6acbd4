package dearly.web;

import dearly.language.Messages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages a reader sees when something is missing or broken. The log line for a failure names the
 * exception types and code locations only: exception messages can carry SQL parameters or typed
 * text, so they never reach the log.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pages pages;
    private final Links links;

    public ErrorPages(Pages pages, Links links) {
        this.pages = pages;
        this.links = links;
    }

    public void notFound(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not found"));
            return;
        }
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageMeta meta = new PageMeta(t.get("notfound.title"), "", links.absolute(ctx, "/"), "website", t);
        Pages.send(ctx.status(HttpStatus.NOT_FOUND), pages.render("errors/not-found.jte", Map.of("meta", meta)));
    }

    public void failure(Exception exception, Context ctx) {
        String reference = HexFormat.of().formatHex(RANDOM.generateSeed(4));
        LOG.error("request failed: reference={} method={} route={}\n{}", reference, ctx.method(), ctx.endpoint() == null
                ? "-" : ctx.endpoint().path, SafeErrors.trace(exception));
        if (ctx.path().startsWith("/api/")) {
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error", "reference", reference));
            return;
        }
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageMeta meta = new PageMeta(t.get("error.title"), "", links.absolute(ctx, "/"), "website", t);
        Pages.send(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR),
                pages.render("errors/failure.jte", Map.of("meta", meta, "reference", reference)));
    }
}

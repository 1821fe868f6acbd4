package dearly.web;

import dearly.language.Messages;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages a reader sees when something is missing or broken, or when what was sent could not be
 * read. The log line for a failure names the exception types and code locations only: exception
 * messages can carry SQL parameters or typed text, so they never reach the log.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pages pages;
    private final Links links;
    private final Refusals refusals;

    public ErrorPages(Pages pages, Links links) {
        this.pages = pages;
        this.links = links;
        this.refusals = new Refusals(pages, links);
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

    /**
     * A request Dearly could not read (see {@link UnreadableRequests}), or one a handler refused as
     * malformed: 400 and a calm page in the visitor's language (JSON under /api/). Logged at info
     * with the route and a reason of Dearly's own words, never what was sent.
     */
    public void badRequest(BadRequestResponse refusal, Context ctx) {
        refuseUnreadable(ctx, UnreadableRequests.describe(refusal));
    }

    public void failure(Exception exception, Context ctx) {
        if (UnreadableRequests.tooLarge(exception)) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE); // RequestLimits answers it
            return;
        }
        var clientFault = UnreadableRequests.clientFault(exception);
        if (clientFault.isPresent()) {
            refuseUnreadable(ctx, clientFault.get());
            return;
        }
        String reference = HexFormat.of().formatHex(RANDOM.generateSeed(4));
        LOG.error("request failed: reference={} method={} route={}\n{}", reference, ctx.method(), route(ctx),
                SafeErrors.trace(exception));
        if (ctx.path().startsWith("/api/")) {
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error", "reference", reference));
            return;
        }
        Messages t = Messages.of(LanguageChoice.of(ctx));
        PageMeta meta = new PageMeta(t.get("error.title"), "", links.absolute(ctx, "/"), "website", t);
        Pages.send(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR),
                pages.render("errors/failure.jte", Map.of("meta", meta, "reference", reference)));
    }

    private void refuseUnreadable(Context ctx, String reason) {
        LOG.info("refused an unreadable request: method={} route={} reason={}", ctx.method(), route(ctx), reason);
        // Jetty may drop a connection whose body it could not parse; saying so keeps clients from reusing it.
        ctx.header("Connection", "close");
        Messages t = Messages.of(LanguageChoice.of(ctx));
        refusals.send(ctx, HttpStatus.BAD_REQUEST, Map.of("error", t.get("badrequest.api")),
                "errors/bad-request.jte", "badrequest.title", Map.of());
    }

    private static String route(Context ctx) {
        return ctx.endpoint() == null ? "-" : ctx.endpoint().path;
    }
}

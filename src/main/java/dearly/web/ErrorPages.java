package dearly.web;

import dearly.language.Messages;
import gg.jte.generated.precompiled.Templates;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import jakarta.servlet.http.HttpServletResponse;
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

    private final Refusals refusals;

    public ErrorPages(Refusals refusals) {
        this.refusals = refusals;
    }

    public void notFound(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        refusals.send(ctx, HttpStatus.NOT_FOUND, Map.of("error", t.get("notfound.api")), "notfound.title", Templates::errorsNotFound);
    }

    /**
     * A request Dearly could not read (see {@link UnreadableRequests}), or one a handler refused as
     * malformed: 400 and a calm page in the visitor's language (JSON under /api/). Logged at info
     * with the route and a reason of Dearly's own words, never what was sent.
     */
    public void badRequest(BadRequestResponse refusal, Context ctx) {
        refuseUnreadable(ctx, UnreadableRequests.describe(refusal));
    }

    /**
     * Wraps every handler (Javalin's {@code router.handlerWrapper}) so that an {@link Error} it throws
     * (a StackOverflowError, an AssertionError, one from a template) reaches {@link #failure} like any
     * exception. Javalin's exception handlers take exceptions only; an Error would otherwise get
     * Javalin's bare 500 and a log line with its message.
     */
    public static Handler errorsAsFailures(Endpoint endpoint) {
        Handler handler = endpoint.handler;
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Error error) {
                throw new HandlerError(error);
            }
        };
    }

    /** An Error a handler threw, carried as an exception; it has no message of its own. */
    static final class HandlerError extends RuntimeException {
        HandlerError(Error error) {
            super(null, error, false, false);
        }
    }

    /**
     * The last resort, for an Error thrown where no handler wraps it (an exception or error handler
     * itself): a 500 with the security headers, and a log line without its message.
     */
    public static void lastResort(HttpServletResponse response, Error error) {
        LOG.error("request failed outside a handler: reference=- \n{}", SafeErrors.trace(error));
        if (response.isCommitted()) return;
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        SecurityHeaders.always(response::setHeader);
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
        Throwable failed = exception instanceof HandlerError ? exception.getCause() : exception;
        LOG.error("request failed: reference={} method={} route={}\n{}", reference, ctx.method(), route(ctx),
                SafeErrors.trace(failed));
        Messages t = Messages.of(LanguageChoice.of(ctx));
        refusals.send(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Map.of("error", t.format("error.api", reference), "reference", reference),
                "error.title", (templates, meta) -> templates.errorsFailure(meta, reference));
    }

    private void refuseUnreadable(Context ctx, String reason) {
        LOG.info("refused an unreadable request: method={} route={} reason={}", ctx.method(), route(ctx), reason);
        // Jetty may drop a connection whose body it could not parse; saying so keeps clients from reusing it.
        ctx.header("Connection", "close");
        Messages t = Messages.of(LanguageChoice.of(ctx));
        refusals.send(ctx, HttpStatus.BAD_REQUEST, Map.of("error", t.get("badrequest.api")), "badrequest.title",
                Templates::errorsBadRequest);
    }

    private static String route(Context ctx) {
        return ctx.endpoint() == null ? "-" : ctx.endpoint().path;
    }
}

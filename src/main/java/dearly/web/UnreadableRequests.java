package dearly.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;

/**
 * Requests Dearly cannot read, told apart from Dearly's own failures so that they get a calm 400
 * (see {@link ErrorPages#badRequest}) and not a 500 with an error logged: a {@code Content-Type}
 * whose charset is unknown or unreadable ({@code charset=bogus}, a bare {@code charset}), a form
 * body that cannot be parsed (a truncated or broken multipart body), a body whose chunked encoding
 * is broken. No browser sends these; probes and broken clients do.
 *
 * <p>They are found before any handler reads the request: Javalin decodes query and form parameters
 * with the Content-Type's charset, and fails on a bad one deep inside whichever handler asks first
 * (for a bare {@code charset}, on any query parameter of any request).
 */
public final class UnreadableRequests {
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private UnreadableRequests() {}

    /** Why the request could not be read; a fixed phrase of Dearly's own, so it can be logged. */
    static final class Unreadable extends BadRequestResponse {
        private final String reason;

        Unreadable(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * A {@code before} handler for every request, after the size limit (so no body beyond it is
     * read) and before anything reads parameters. Reads a form body now, once: handlers later get
     * the parsed fields.
     */
    public static void check(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) return;
        if (!readableCharset(type)) throw new Unreadable("unknown charset in Content-Type");
        if (!WITH_BODY.contains(ctx.method()) || ctx.path().startsWith("/api/")) return;
        if (!ctx.isFormUrlencoded() && !ctx.isMultipartFormData()) return;
        try {
            ctx.formParamMap();
        } catch (HttpResponseException sizeLimit) {
            throw sizeLimit; // the body passed 2 MB: RequestLimits answers that
        } catch (Exception broken) { // multipart parsing throws ServletException, unchecked from Kotlin
            if (tooLarge(broken)) throw new ContentTooLargeResponse();
            throw new Unreadable("unreadable form body: " + SafeErrors.names(broken));
        }
    }

    /**
     * Whether Javalin can decode with the charset named in this Content-Type, read as Javalin reads
     * it: the first parameter starting with "charset", its value after "=" up to any next "=",
     * without surrounding quotes. No charset at all means UTF-8.
     */
    static boolean readableCharset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String written = parameter.strip();
            if (!written.regionMatches(true, 0, "charset", 0, "charset".length())) continue;
            String[] parts = written.split("=", -1);
            if (parts.length < 2) return false;
            String name = parts[1].strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
            try {
                return Charset.isSupported(name);
            } catch (IllegalArgumentException unreadable) { // IllegalCharsetNameException among them
                return false;
            }
        }
        return true;
    }

    /**
     * The reason to log when an exception that reached the error handler is the request's fault:
     * Jetty's own verdict on a malformed request (a broken chunked encoding, a multipart body Jetty
     * would not parse), anywhere in the chain of causes. Empty for Dearly's own failures.
     */
    static Optional<String> clientFault(Throwable exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth++ < 10; cause = cause.getCause()) {
            if (cause instanceof Unreadable unreadable) return Optional.of(unreadable.reason());
        }
        int verdict = jettysVerdict(exception);
        if (verdict >= 400 && verdict < 500 && verdict != HttpStatus.CONTENT_TOO_LARGE.getCode()) return Optional.of("malformed request: " + SafeErrors.names(exception));
        return Optional.empty();
    }

    /**
     * Whether Jetty refused the request's body as larger than it takes: RequestLimits answers that.
     * Jetty's multipart parser says so with an IllegalStateException of its own words ("max length
     * exceeded: N"), not a status: a chunked multipart body past the limit was a 400 before.
     */
    static boolean tooLarge(Throwable exception) {
        if (jettysVerdict(exception) == HttpStatus.CONTENT_TOO_LARGE.getCode()) return true;
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth++ < 10; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().startsWith("max length exceeded")) return true;
        }
        return false;
    }

    /** The status Jetty gave a request it found malformed, anywhere among the causes; 0 when none. */
    private static int jettysVerdict(Throwable exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth++ < 10; cause = cause.getCause()) {
            if (cause instanceof HttpException http) return http.getCode();
        }
        return 0;
    }

    static String describe(BadRequestResponse refusal) {
        return refusal instanceof Unreadable unreadable ? unreadable.reason()
                : refusal.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}

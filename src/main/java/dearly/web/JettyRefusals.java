package dearly.web;

import dearly.language.Language;
import dearly.language.Messages;
import gg.jte.generated.precompiled.Templates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a request Jetty refuses before Dearly sees it (an address with broken
 * percent-encoding such as {@code /status/%FF}, a malformed request line, headers too large): the
 * same calm page as {@link ErrorPages#badRequest}, in the language of her browser, with Dearly's
 * security headers, instead of Jetty's own page, which names the server and repeats the address.
 * Failures of the server itself (5xx, which never reach Dearly's handlers) get the calm failure page
 * and a log line without messages, as in {@link ErrorPages#failure}. Each gets one line in the request
 * log ({@link Refused}), and an address Jetty cannot read at all is refused only once her headers are
 * read ({@link UnreadableAddresses}), so that it too speaks her language.
 */
public final class JettyRefusals extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JettyRefusals.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Templates templates;
    private final PageMetas metas;
    private final Refused refused;

    /** What a refusal tells the request log and the metrics, since it never reaches Javalin. */
    public interface Refused {
        /** A request id for the answer's {@code X-Request-Id}. */
        String newId();

        /** @param method as sent, which may be no HTTP method at all; @param nanos since the request began */
        void refused(String id, String method, int status, long bytes, long nanos);
    }

    public JettyRefusals(Templates templates, PageMetas metas, Refused refused) {
        this.templates = templates;
        this.metas = metas;
        this.refused = refused;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
            List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        SecurityHeaders.always(response.getHeaders()::put);
        if (code < 400) return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code, message, cause);
        Messages t = Messages.of(languageOf(request));
        String html;
        if (code >= 500) {
            // A failure outside Dearly's handlers (Jetty's, or a handler around Javalin's): the same calm page as ErrorPages.failure.
            String reference = HexFormat.of().formatHex(RANDOM.generateSeed(4));
            LOG.error("request failed in the server: reference={} status={}\n{}", reference, code,
                    cause == null ? "(no exception)" : SafeErrors.trace(cause));
            html = templates.errorsFailure(metas.refusal(t, t.get("error.title")), reference).render();
        } else {
            html = templates.errorsBadRequest(metas.refusal(t, t.get("badrequest.title"))).render();
        }
        byte[] page = html.getBytes(StandardCharsets.UTF_8);
        String id = refused.newId();
        response.getHeaders().put(PageCache.REQUEST_ID, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        // Written down first: once the answer is out, the line is there to find.
        refused.refused(id, request.getMethod(), code, page.length, System.nanoTime() - request.getBeginNanoTime());
        response.write(true, ByteBuffer.wrap(page), callback);
        return true;
    }

    /**
     * Her language, decided as for any page ({@link LanguageChoice}), from the address as sent when
     * Jetty could read one: a refused address may have none.
     */
    private static Language languageOf(Request request) {
        String path = null;
        String query = null;
        try {
            HttpURI address = request.getHttpURI();
            if (address != null) {
                path = address.getPath();
                query = address.getQuery();
            }
        } catch (RuntimeException unreadable) {
            // Read as an address without a prefix or a ?lang=.
        }
        return LanguageChoice.of(path, query, savedChoice(request), request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    }

    /** Her saved choice's cookie, or null: a cookie header Jetty cannot read counts as none. */
    private static String savedChoice(Request request) {
        try {
            for (HttpCookie cookie : Request.getCookies(request)) {
                if (LanguageChoice.COOKIE.equals(cookie.getName())) return cookie.getValue();
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return null;
    }
}

package dearly.web;

import dearly.language.Messages;
import gg.jte.generated.precompiled.Templates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
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
 * and a log line without messages, as in {@link ErrorPages#failure}.
 */
public final class JettyRefusals extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JettyRefusals.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Templates templates;
    private final PageMetas metas;

    public JettyRefusals(Templates templates, PageMetas metas) {
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
            List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        SecurityHeaders.always(response.getHeaders()::put);
        if (code < 400) return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code, message, cause);
        Messages t = Messages.of(LanguageChoice.of(rawPath(request), null, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)));
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
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(page), callback);
        return true;
    }

    /** The path as sent, when Jetty could read one: a refused address may have none. */
    private static String rawPath(Request request) {
        try {
            return request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}

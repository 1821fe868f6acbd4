package dearly.web;

import dearly.language.Language;
import java.util.Optional;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a language's pages under its prefix ({@code /es/ask} is {@code /ask} in Spanish) from the
 * same routes: before Javalin sees the request, the prefix is taken off the address and remembered
 * as the request's language ({@link LanguageChoice#of}). Every handler, route role and rate limit
 * therefore sees one path per page, whatever its language.
 */
public final class LanguagePrefix extends Handler.Wrapper {
    /** The request attribute holding the {@link Language} its address named. */
    static final String ATTRIBUTE = "dearly.addressLanguage";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        // Both the address as sent and as Jetty reads it must start with the prefix: /es/../ask is /ask.
        Optional<Language> named = of(uri.getPath()).filter(language -> of(uri.getCanonicalPath()).equals(Optional.of(language)));
        if (named.isEmpty()) {
            request.removeAttribute(ATTRIBUTE);
            return super.handle(request, response, callback);
        }
        String rest = uri.getPath().substring(named.get().prefix().length());
        HttpURI stripped = HttpURI.build(uri).path(rest.isEmpty() ? "/" : rest).asImmutable();
        Request.Wrapper unprefixed = new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return stripped;
            }
        };
        unprefixed.setAttribute(ATTRIBUTE, named.get());
        return super.handle(unprefixed, response, callback);
    }

    /** The language a raw request path names by its prefix, for answers made before this handler runs. */
    static Optional<Language> of(String rawPath) {
        if (rawPath == null) return Optional.empty();
        for (Language language : Language.values()) {
            String prefix = language.prefix();
            if (!prefix.isEmpty() && (rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) return Optional.of(language);
        }
        return Optional.empty();
    }
}

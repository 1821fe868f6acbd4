package dearly.web;

import dearly.language.Language;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The language of a page that has none of its own: ?lang= first, then the browser's preference. */
public final class LanguageChoice {
    private LanguageChoice() {}

    public static Language of(Context ctx) {
        return of(ctx.queryString(), ctx.header("Accept-Language"));
    }

    /** @param query the raw query string, or null; @param header Accept-Language, or null */
    static Language of(String query, String header) {
        var asked = Language.fromCode(askedFor(query).orElse(null));
        if (asked.isPresent()) return asked.get();
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    var language = Language.fromCode(range.getRange());
                    if (language.isPresent()) return language.get();
                }
            } catch (IllegalArgumentException malformed) {
                return Language.EN;
            }
        }
        return Language.EN;
    }

    /**
     * The query's {@code lang}, read here in UTF-8 (as every link Dearly writes is) rather than
     * through {@code ctx.queryParam}, which decodes with the charset of the request's Content-Type:
     * the refusal of a request with a broken charset must still speak her language.
     */
    private static Optional<String> askedFor(String query) {
        if (query == null) return Optional.empty();
        for (String pair : query.split("&")) {
            if (!pair.startsWith("lang=")) continue;
            try {
                return Optional.of(URLDecoder.decode(pair.substring("lang=".length()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

package dearly.web;

import dearly.language.Language;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: the one its address names ({@code /es/...}, see {@link LanguagePrefix}),
 * else the visitor's saved choice (the cookie the language switch sets), else her browser's
 * {@code Accept-Language}. An old {@code ?lang=} is still read, after the address, for the forms of
 * pages rendered before the addresses changed; a GET carrying it is redirected ({@link LanguageAddresses}).
 */
public final class LanguageChoice {
    /** The cookie holding her saved choice: a language code and nothing else. */
    public static final String COOKIE = "dearly_lang";

    private LanguageChoice() {}

    public static Language of(Context ctx) {
        return addressed(ctx).orElseGet(() -> unaddressed(ctx));
    }

    /** The language her address names by its prefix; empty at the unprefixed (English) addresses. */
    public static Optional<Language> addressed(Context ctx) {
        return ctx.attribute(LanguagePrefix.ATTRIBUTE) instanceof Language language ? Optional.of(language) : Optional.empty();
    }

    /**
     * The language of a page about someone Dearly knows the language of (a parent's status page, her
     * erase link): the address's, else her saved choice, else {@code hers}. So the language switch
     * and the /es/ address work there too, and her own link opens in her language.
     */
    public static Language ofPageFor(Context ctx, Language hers) {
        return addressed(ctx).or(() -> saved(ctx)).orElse(hers);
    }

    /** What an address without a prefix is read in: an old ?lang=, her saved choice, her browser's. */
    static Language unaddressed(Context ctx) {
        return of(ctx.queryString(), saved(ctx), ctx.header("Accept-Language"));
    }

    /** Her saved choice, if its cookie holds one of Dearly's languages. */
    static Optional<Language> saved(Context ctx) {
        try {
            return saved(ctx.cookie(COOKIE));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** @param cookie the value of her {@value #COOKIE} cookie, or null */
    static Optional<Language> saved(String cookie) {
        return cookie == null || cookie.length() > 8 ? Optional.empty() : Language.fromCode(cookie);
    }

    /**
     * For an answer made before Dearly's handlers run (a request Jetty refused): the same order as
     * for any page.
     *
     * @param rawPath the request's path as sent, or null; @param cookie her saved choice's cookie, or
     * null; @param header Accept-Language, or null
     */
    static Language of(String rawPath, String query, String cookie, String header) {
        return LanguagePrefix.of(rawPath).orElseGet(() -> of(query, saved(cookie), header));
    }

    private static Language of(String query, Optional<Language> saved, String header) {
        var asked = Language.fromCode(askedFor(query).orElse(null));
        if (asked.isPresent()) return asked.get();
        if (saved.isPresent()) return saved.get();
        return browser(header);
    }

    /** The first of her browser's languages Dearly speaks; English when none (or the header is malformed). */
    static Language browser(String header) {
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
    static Optional<String> askedFor(String query) {
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

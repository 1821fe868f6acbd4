package dearly.web;

import dearly.language.Language;
import io.javalin.http.Context;
import java.util.Locale;

/** The language of a page that has none of its own: ?lang= first, then the browser's preference. */
public final class LanguageChoice {
    private LanguageChoice() {}

    public static Language of(Context ctx) {
        var asked = Language.fromCode(ctx.queryParam("lang"));
        if (asked.isPresent()) return asked.get();
        String header = ctx.header("Accept-Language");
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
}

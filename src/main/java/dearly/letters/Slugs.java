package dearly.letters;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/** Readable, ASCII addresses from headlines and names: "¿Por qué…?" becomes "por-que". */
public final class Slugs {
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final int MAX_LENGTH = 80;
    private static final java.util.regex.Pattern ALREADY = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slugs() {}

    public static String of(String text) {
        // Most of what an import passes is a slug already; ICU's transliterator is the slow part.
        if (text != null && text.length() <= MAX_LENGTH && ALREADY.matcher(text).matches()) return text;
        String ascii;
        synchronized (TO_ASCII) { // ICU transliterators are not thread-safe
            ascii = TO_ASCII.transliterate(text == null ? "" : text);
        }
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        return slug.isEmpty() ? "letter" : slug;
    }
}

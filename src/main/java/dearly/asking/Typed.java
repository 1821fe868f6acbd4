package dearly.asking;

/**
 * Text as a parent typed it, made safe to store: Windows line ends become \n, invisible control
 * characters (NUL cannot even be stored in PostgreSQL) are dropped, and the ends are trimmed.
 * Everything visible, markup and emoji and right-to-left text included, is kept as typed.
 */
final class Typed {
    private Typed() {}

    /** Several lines allowed: questions. */
    static String text(String raw) {
        if (raw == null) return "";
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        return text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    }

    /** One line: names, cities. Line breaks and tabs become spaces. */
    static String line(String raw) {
        return text(raw).replaceAll("\\s+", " ");
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}

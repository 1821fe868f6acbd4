package dearly.letters;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The one form in which an old site's addresses are kept and looked up: the path alone, its
 * percent-escapes decoded (so {@code /caf%C3%A9/} and {@code /café/} are one), without a trailing
 * slash. The site's root is never an old path: it is Dearly's home page, which answers only a plain
 * permalink ({@code /?p=123}) for an old post.
 */
public final class OldPaths {
    static final int MAX_LENGTH = 2000;
    private static final java.util.regex.Pattern PLAIN_PERMALINK = java.util.regex.Pattern.compile("p=\\d{1,19}");

    private OldPaths() {}

    /** The path of an old permalink such as {@code https://example.org/2024/05/title/}; empty for the root or an unreadable address. */
    public static Optional<String> ofLink(String link) {
        if (link == null || link.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(link.strip());
            // A site on WordPress's plain permalinks links every post as /?p=ID, which Dearly's home page answers.
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.replace("/", "").isEmpty() && uri.getRawQuery() != null && PLAIN_PERMALINK.matcher(uri.getRawQuery()).matches()) {
                return Optional.of("/?" + uri.getRawQuery());
            }
            return ofPath(path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A request's path, as sent (percent-escaped) or already decoded. */
    public static Optional<String> ofPath(String path) {
        if (path == null || path.length() > MAX_LENGTH * 3) return Optional.empty();
        String decoded = percentDecoded(path);
        String trimmed = decoded.replaceAll("/+$", "");
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !trimmed.startsWith("/")) return Optional.empty();
        return Optional.of(trimmed);
    }

    /** %XX escapes as UTF-8 bytes; a '+' stays a '+' (it means a space only in a query). */
    private static String percentDecoded(String path) {
        if (path.indexOf('%') < 0) return path;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && HexFormat.isHexDigit(path.charAt(i + 1)) && HexFormat.isHexDigit(path.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(path, i + 1, i + 3));
                i += 2;
            } else {
                int codePoint = path.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package dearly.letters;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one form in which an old site's addresses are kept and looked up: the path alone, its
 * percent-escapes decoded (so {@code /caf%C3%A9/} and {@code /café/} are one), without a trailing
 * slash. The site's root is never an old path: it is Dearly's home page, which answers only a
 * WordPress query-string permalink for an old post: {@code /?p=123}, {@code /?page_id=123} and
 * {@code /index.php?p=123} are all kept as {@code /?p=123} (WordPress numbers posts and pages as one).
 */
public final class OldPaths {
    static final int MAX_LENGTH = 2000;
    private static final Pattern WORDPRESS_ID = Pattern.compile("(?:p|page_id)=(\\d{1,19})");

    private OldPaths() {}

    /** The path of an old permalink such as {@code https://example.org/2024/05/title/}; empty for the root or an unreadable address. */
    public static Optional<String> ofLink(String link) {
        if (link == null || link.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(link.strip());
            return ofRequest(uri.getRawPath(), uri.getRawQuery());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A request's path and query string (either may be null), as a key to look up. */
    public static Optional<String> ofRequest(String path, String query) {
        String where = path == null ? "" : path;
        if (query != null && (where.replace("/", "").isEmpty() || where.equals("/index.php"))) {
            for (String parameter : query.split("&")) {
                Matcher id = WORDPRESS_ID.matcher(parameter);
                if (id.matches()) return ofPostId(id.group(1));
            }
        }
        return ofPath(where);
    }

    /** An old address as an archive lists it: a path, with a query string or not ({@code /2024/05/title/}, {@code /?p=123}). */
    public static Optional<String> ofArchived(String pathAndQuery) {
        if (pathAndQuery == null) return Optional.empty();
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? ofPath(pathAndQuery) : ofRequest(pathAndQuery.substring(0, query), pathAndQuery.substring(query + 1));
    }

    /** A WordPress post's plain permalink, {@code /?p=ID}, which WordPress answers whatever its permalink setting. */
    public static Optional<String> ofPostId(String postId) {
        String id = postId == null ? "" : postId.strip();
        return id.matches("\\d{1,19}") ? Optional.of("/?p=" + id.replaceFirst("^0+(?=\\d)", "")) : Optional.empty();
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

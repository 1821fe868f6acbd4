package dearly.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses of the files under {@code /static} that change when their bytes do ({@code
 * /static/dearly.css?v=3f2a…}, a hash of the content), so browsers keep each for a year without asking
 * again and still get a new one the moment a release changes it. The files are read from the jar, which
 * never changes while Dearly runs: one hash per file, for the life of the program.
 */
public final class StaticFiles {
    /** What every static file is served with: its address changes with its content. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Map<String, String> ADDRESSES = new ConcurrentHashMap<>();

    private StaticFiles() {}

    /** The address to link {@code name} (e.g. {@code dearly.css}) by. */
    public static String url(String name) {
        return ADDRESSES.computeIfAbsent(name, StaticFiles::address);
    }

    private static String address(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            if (in == null) throw new IllegalArgumentException("no static file " + name);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "/static/" + name + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dearly.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;

/**
 * One public page as the page cache keeps it: its bytes, compressed once with gzip (and Brotli where
 * its native library loads) rather than on every request, its headers as Dearly's handlers set them,
 * and a strong ETag per encoding (a strong tag names exact bytes, so each encoding has its own).
 */
record CachedPage(byte[] identity, Optional<byte[]> gzip, Optional<byte[]> brotli, List<HttpField> headers, String vary,
        String tag, Instant made) {
    /** Below this, compressing saves less than the Content-Encoding header costs. */
    private static final int WORTH_COMPRESSING = 256;
    private static final boolean BROTLI = loadBrotli();

    enum Encoding {
        BROTLI("br", "-br"), GZIP("gzip", "-gz"), IDENTITY(null, "");

        final String header;
        final String tagSuffix;

        Encoding(String header, String tagSuffix) {
            this.header = header;
            this.tagSuffix = tagSuffix;
        }
    }

    /** @param vary what the page's handler said it varies on; Accept-Encoding is added when served */
    static CachedPage of(byte[] identity, String contentType, List<HttpField> headers, String vary, Instant made) {
        boolean text = compressible(contentType) && identity.length >= WORTH_COMPRESSING;
        return new CachedPage(identity, text ? Optional.of(gzip(identity)) : Optional.empty(),
                text && BROTLI ? Optional.of(brotli(identity)) : Optional.empty(), List.copyOf(headers),
                text ? (vary.isEmpty() ? "Accept-Encoding" : vary + ", Accept-Encoding") : vary, hash(identity), made);
    }

    /** The bytes for this encoding; identity when that encoding was not made. */
    byte[] body(Encoding encoding) {
        return switch (encoding) {
            case BROTLI -> brotli.orElse(identity);
            case GZIP -> gzip.orElse(identity);
            case IDENTITY -> identity;
        };
    }

    /** The best encoding the client accepts, among those this page has. */
    Encoding encodingFor(String acceptEncoding) {
        if (acceptEncoding == null) return Encoding.IDENTITY;
        if (brotli.isPresent() && accepts(acceptEncoding, "br")) return Encoding.BROTLI;
        if (gzip.isPresent() && accepts(acceptEncoding, "gzip")) return Encoding.GZIP;
        return Encoding.IDENTITY;
    }

    String etag(Encoding encoding) {
        return "\"" + tag + encoding.tagSuffix + "\"";
    }

    /** The bytes it holds in memory, for the cache's bound. */
    int weight() {
        int headerBytes = headers.stream().mapToInt(field -> field.getName().length() + field.getValue().length() + 32).sum();
        return 256 + identity.length + gzip.map(b -> b.length).orElse(0) + brotli.map(b -> b.length).orElse(0) + headerBytes;
    }

    /** Whether {@code coding} is listed and not refused with {@code q=0}. */
    static boolean accepts(String header, String coding) {
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            if (!pieces[0].strip().equalsIgnoreCase(coding)) continue;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().replace(" ", "");
                if (parameter.matches("[qQ]=0(\\.0{0,3})?")) return false;
            }
            return true;
        }
        return false;
    }

    private static boolean compressible(String contentType) {
        if (contentType == null) return false;
        String type = contentType.toLowerCase();
        return type.startsWith("text/") || type.contains("xml") || type.contains("json") || type.contains("javascript")
                || type.contains("svg");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] bytes) {
        try {
            // Quality 11 is Brotli's best and slowest: once per page, not per request, so it is affordable.
            return Encoder.compress(bytes, new Encoder.Parameters().setQuality(11).setMode(Encoder.Mode.TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable unavailable) {
            // No native library for this machine: gzip alone. The page is still served, compressed.
            return false;
        }
    }

    /** Whether Brotli is used here (its native library loaded). */
    static boolean brotliAvailable() {
        return BROTLI;
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

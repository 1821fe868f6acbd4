package dearly.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * One public page as the page cache keeps it: its bytes, compressed once with gzip (and Brotli where
 * its native library loads) rather than on every request, its headers as Dearly's handlers set them,
 * and a strong ETag per encoding (a strong tag names exact bytes, so each encoding has its own).
 * Each encoding's answer headers are made once, already in their bytes on the wire
 * ({@link PreEncodedHttpField}), and its body is one read-only buffer: a hit copies nothing.
 *
 * @param route the route template that rendered it ({@code /letters/{slug}}), for the request log and metrics
 */
record CachedPage(byte[] identity, Optional<byte[]> gzip, Optional<byte[]> brotli, List<HttpField> headers, String vary,
        String tag, Instant made, String route, List<List<HttpField>> fields, List<ByteBuffer> bodies, long keptAt,
        java.util.concurrent.atomic.AtomicBoolean renewing) {
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

    /** RFC 9110's date, day in two digits (the JDK's RFC_1123_DATE_TIME writes "3 Dec"). */
    private static final java.time.format.DateTimeFormatter HTTP_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

    /** Response headers the cache writes itself, or never replays (a request id names the one request that rendered it). */
    private static final java.util.Set<String> OWN_HEADERS = java.util.Set.of("content-length", "content-encoding", "transfer-encoding",
            "etag", "last-modified", "vary", "date", "set-cookie", "server", "x-request-id");

    /**
     * The page to keep from an answer as Dearly's handlers made it, or nothing when it may not be
     * shared: anything but a 200, a cookie set, no {@code Cache-Control} or one not {@code public},
     * or a body in an encoding the cache cannot read back.
     *
     * @param status as the response holds it; 0 when the servlet left it unset, which Jetty sends as 200
     */
    static Optional<CachedPage> ofAnswer(int status, org.eclipse.jetty.http.HttpFields headers, byte[] body, Instant made, String route) {
        String cacheControl = headers.get(HttpHeader.CACHE_CONTROL);
        if ((status != 0 && status != 200) || headers.contains(HttpHeader.SET_COOKIE) || cacheControl == null
                || !cacheControl.contains("public") || cacheControl.contains("private") || cacheControl.contains("no-store")) {
            return Optional.empty();
        }
        String encoding = headers.get(HttpHeader.CONTENT_ENCODING);
        byte[] identity;
        if (encoding == null || encoding.equalsIgnoreCase("identity")) {
            identity = body;
        } else if (encoding.equalsIgnoreCase("gzip")) {
            identity = gunzip(body);
        } else {
            return Optional.empty();
        }
        List<HttpField> replayed = new java.util.ArrayList<>();
        java.util.Set<String> vary = new java.util.LinkedHashSet<>();
        for (HttpField field : headers) {
            String name = field.getName().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("vary")) {
                for (String value : field.getValue().split("\\s*,\\s*")) {
                    if (!value.isBlank() && !value.equalsIgnoreCase("Accept-Encoding")) vary.add(value);
                }
            } else if (!OWN_HEADERS.contains(name)) {
                replayed.add(field);
            }
        }
        return Optional.of(of(identity, headers.get(HttpHeader.CONTENT_TYPE), replayed, String.join(", ", vary), made, route));
    }

    /** Whether her browser's copy is this page: If-None-Match first (a tag names exact bytes), If-Modified-Since only without it. */
    boolean notModified(org.eclipse.jetty.http.HttpFields asked, Encoding encoding) {
        String tags = asked.get(HttpHeader.IF_NONE_MATCH);
        if (tags != null) {
            String etag = etag(encoding);
            for (String tag : tags.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) candidate = candidate.substring(2);
                if (candidate.equals("*") || candidate.equals(etag)) return true;
            }
            return false;
        }
        String since = asked.get(HttpHeader.IF_MODIFIED_SINCE);
        if (since == null) return false;
        try {
            return made.getEpochSecond() <= org.eclipse.jetty.http.HttpDateTime.parseToEpoch(since) / 1000;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static byte[] gunzip(byte[] bytes) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param vary what the page's handler said it varies on; Accept-Encoding is added when served */
    static CachedPage of(byte[] identity, String contentType, List<HttpField> headers, String vary, Instant made, String route) {
        boolean text = compressible(contentType) && identity.length >= WORTH_COMPRESSING;
        Optional<byte[]> gzip = text ? Optional.of(gzip(identity)) : Optional.empty();
        Optional<byte[]> brotli = text && BROTLI ? Optional.of(brotli(identity)) : Optional.empty();
        String varies = text ? (vary.isEmpty() ? "Accept-Encoding" : vary + ", Accept-Encoding") : vary;
        String tag = hash(identity);
        List<List<HttpField>> fields = new java.util.ArrayList<>();
        List<ByteBuffer> bodies = new java.util.ArrayList<>();
        for (Encoding encoding : Encoding.values()) {
            byte[] body = switch (encoding) {
                case BROTLI -> brotli.orElse(identity);
                case GZIP -> gzip.orElse(identity);
                case IDENTITY -> identity;
            };
            boolean made1 = body != identity || encoding == Encoding.IDENTITY;
            List<HttpField> answer = new java.util.ArrayList<>();
            for (HttpField field : headers) {
                answer.add(field.getHeader() != null ? new PreEncodedHttpField(field.getHeader(), field.getValue())
                        : new PreEncodedHttpField(field.getName(), field.getValue()));
            }
            // An encoding this page lacks is answered with identity's bytes and tag.
            Encoding served = made1 ? encoding : Encoding.IDENTITY;
            answer.add(new PreEncodedHttpField(HttpHeader.ETAG, "\"" + tag + served.tagSuffix + "\""));
            answer.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(made.atZone(java.time.ZoneOffset.UTC))));
            if (!varies.isEmpty()) answer.add(new PreEncodedHttpField(HttpHeader.VARY, varies));
            if (served.header != null) answer.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, served.header));
            fields.add(List.copyOf(answer));
            bodies.add(ByteBuffer.wrap(body).asReadOnlyBuffer());
        }
        return new CachedPage(identity, gzip, brotli, List.copyOf(headers), varies, tag, made, route, List.copyOf(fields),
                List.copyOf(bodies), System.nanoTime(), new java.util.concurrent.atomic.AtomicBoolean());
    }

    /**
     * Whether this request should render the page afresh: it was kept longer than {@code kept} ago and no
     * other request is rendering it already (the others are served this copy meanwhile).
     */
    boolean claimRenewal(long keptNanos) {
        return System.nanoTime() - keptAt > keptNanos && !renewing.get() && renewing.compareAndSet(false, true);
    }

    /** The renewal ended without replacing this copy (not kept, or failed): the next request may try again. */
    void renewalEnded() {
        renewing.set(false);
    }

    /** Every header of the answer in this encoding but Content-Length, made once. */
    List<HttpField> fields(Encoding encoding) {
        return fields.get(encoding.ordinal());
    }

    /** The body in this encoding, as a buffer of its own for one write (its position is this request's). */
    ByteBuffer buffer(Encoding encoding) {
        return bodies.get(encoding.ordinal()).duplicate();
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
        return acceptEncoding == null ? Encoding.IDENTITY : encodingFor(acceptance(acceptEncoding));
    }

    /** The same, from what {@link #acceptance} read of the header. */
    Encoding encodingFor(int accepted) {
        if (brotli.isPresent() && (accepted & ACCEPTS_BROTLI) != 0) return Encoding.BROTLI;
        if (gzip.isPresent() && (accepted & ACCEPTS_GZIP) != 0) return Encoding.GZIP;
        return Encoding.IDENTITY;
    }

    static final int ACCEPTS_BROTLI = 1;
    static final int ACCEPTS_GZIP = 2;

    /** Which of the codings the cache makes an Accept-Encoding header accepts, as bits (the same for every page). */
    static int acceptance(String acceptEncoding) {
        return (accepts(acceptEncoding, "br") ? ACCEPTS_BROTLI : 0) | (accepts(acceptEncoding, "gzip") ? ACCEPTS_GZIP : 0);
    }

    String etag(Encoding encoding) {
        return "\"" + tag + encoding.tagSuffix + "\"";
    }

    /** The bytes it holds in memory, for the cache's bound. */
    int weight() {
        // Each encoding's answer holds its own copy of the headers.
        int headerBytes = 4 * headers.stream().mapToInt(field -> field.getName().length() + field.getValue().length() + 32).sum();
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

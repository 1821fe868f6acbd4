package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.github.benmanes.caffeine.cache.Cache;
import dearly.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public pages served from the page cache, as a reader's browser and a proxy see them over HTTP:
 * validators and 304s, compressed copies that decode to the same page, one page per language, static
 * files by content address, and HTTP/2 in clear text.
 */
class PageCacheTest {
    private static TestServer server;
    private static String letter;
    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        letter = Jsoup.parse(get("/").body()).selectFirst("main a[href^=/letters/]").attr("href");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPublicPageCarriesAStrongTagAndAnswers304ToItOrToItsDate() {
        HttpResponse<byte[]> first = bytes(letter);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(PageCache.PAGE);

        HttpResponse<byte[]> byTag = bytes(letter, "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(bytes(letter, "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(bytes(letter, "If-None-Match", "\"another-page\"").statusCode()).isEqualTo(200);
    }

    @Test
    void gzipAndBrotliCopiesDecodeToTheSamePageEachWithItsOwnTag() throws IOException {
        HttpResponse<byte[]> plain = bytes(letter);
        HttpResponse<byte[]> gzip = bytes(letter, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> brotli = bytes(letter, "Accept-Encoding", "gzip, deflate, br");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(unbrotli(brotli.body())).isEqualTo(plain.body());
        for (HttpResponse<byte[]> answer : java.util.List.of(plain, gzip, brotli)) {
            assertThat(answer.headers().firstValue("Vary").orElseThrow()).contains("Accept-Encoding");
        }
        assertThat(java.util.Set.of(etag(plain), etag(gzip), etag(brotli))).hasSize(3);
        assertThat(bytes(letter, "Accept-Encoding", "br;q=0, gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void aSecondReaderIsServedTheKeptPage() {
        Cache<?, ?> cache = server.server().pageCache().cache();
        get(letter);
        long hits = cache.stats().hitCount();
        HttpResponse<String> again = get(letter);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(cache.stats().hitCount()).isGreaterThan(hits);
        assertThat(again.headers().firstValue("Content-Security-Policy")).as("the page's own headers come back with it")
                .hasValue(SecurityHeaders.POLICY);
    }

    @Test
    void eachLanguageGetsItsOwnPageAndAReaderWhoChoseSpanishIsStillSentToHers() {
        String english = Jsoup.parse(get(letter).body()).selectFirst("html").attr("lang");
        String spanish = Jsoup.parse(get("/es" + letter).body()).selectFirst("html").attr("lang");
        assertThat(english).isEqualTo("en");
        assertThat(spanish).isEqualTo("es");
        assertThat(get(letter, "Cookie", LanguageChoice.COOKIE + "=es").statusCode()).isEqualTo(302);
        assertThat(get(letter, "Accept-Language", "es-CO,es;q=0.9").statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(get(letter, "Accept-Language", "en-GB").body()).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void staticFilesAreLinkedByTheirContentAndKeptForAYear() {
        String css = Jsoup.parse(get("/").body()).selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/dearly\\.css\\?v=[0-9a-f]{12}");
        assertThat(get(css).headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void aClientThatSpeaksHttp2InClearTextGetsIt() {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgraded = TestServer.exchange(h2c, HttpRequest.newBuilder(URI.create(server.url(letter))).build());
        assertThat(upgraded.statusCode()).isEqualTo(200);
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
        HttpResponse<String> second = TestServer.exchange(h2c, HttpRequest.newBuilder(URI.create(server.url("/"))).build());
        assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (headers.length > 0) request.headers(headers);
        return TestServer.exchange(ANONYMOUS, request.build());
    }

    private static HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (headers.length > 0) request.headers(headers);
        try {
            return ANONYMOUS.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String etag(HttpResponse<?> answer) {
        return answer.headers().firstValue("ETag").orElseThrow();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] unbrotli(byte[] bytes) throws IOException {
        Brotli4jLoader.ensureAvailability();
        var decoded = Decoder.decompress(bytes);
        assertThat(decoded.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
        return decoded.getDecompressedData();
    }
}

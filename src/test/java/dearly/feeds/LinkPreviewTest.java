package dearly.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.letters.Publishing;
import dearly.letters.Words;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Someone pastes a letter's link into WhatsApp or a link-preview check: the page's own Open Graph
 * and Twitter tags, and the 1200 × 630 picture Dearly draws for the letter (issue 11, item 2).
 */
class LinkPreviewTest {

    @Test
    void aLetterPageDescribesItselfAndItsPictureToLinkPreviews() throws Exception {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            Document page = server.page("/letters/naps-in-arms");
            assertThat(meta(page, "og:title")).isEqualTo("Naps in my arms");
            assertThat(meta(page, "og:description")).isEqualTo("Maria's daughter only naps in her arms.");
            assertThat(meta(page, "og:url")).isEqualTo(server.url("/letters/naps-in-arms"))
                    .isEqualTo(page.selectFirst("link[rel=canonical]").attr("href"));
            assertThat(meta(page, "og:type")).isEqualTo("article");
            assertThat(meta(page, "og:locale")).isEqualTo("en_US");
            // One address per letter: no Spanish version to name, since the letter has no translation.
            assertThat(page.select("head meta[property=og:locale:alternate]")).isEmpty();
            assertThat(meta(page, "og:image")).startsWith(server.url("/share/letters/naps-in-arms/")).endsWith(".png");
            assertThat(meta(page, "og:image:width")).isEqualTo("1200");
            assertThat(meta(page, "og:image:height")).isEqualTo("630");
            assertThat(meta(page, "og:image:alt")).isEqualTo("Naps in my arms: a letter from Rosa M. in Dearly");
            assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
            

            HttpResponse<byte[]> image = bytes(server, meta(page, "og:image"));
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
            assertPicture(image.body());
            assertThat(bytes(server, meta(page, "og:image")).body()).as("the same picture from the cache").isEqualTo(image.body());

            Document spanish = server.page("/es/letters/el-nino-no-duerme");
            assertThat(meta(spanish, "og:locale")).isEqualTo("es_ES");
            assertThat(spanish.select("head meta[property=og:locale:alternate]")).isEmpty();
            // A Spanish reader of an English letter: her words in Spanish, the letter at its one (English) address.
            Document read = server.page("/es/letters/naps-in-arms");
            assertThat(meta(read, "og:locale")).isEqualTo("es_ES");
            assertThat(meta(read, "og:locale:alternate")).isEqualTo("en_US");
            assertThat(meta(read, "og:url")).isEqualTo(server.url("/letters/naps-in-arms"));
            assertThat(meta(spanish, "og:image:alt")).isEqualTo("¿Por qué mi niño no duerme? Mañana será otro día: una carta de Ana P. en Dearly");
            assertPicture(bytes(server, meta(spanish, "og:image")).body());
        }
    }

    @Test
    void aCorrectedHeadlineGetsANewPictureAtANewAddress() throws Exception {
        try (TestServer server = TestServer.start()) {
            Column column = Column.publishedOn(server);
            String before = meta(server.page("/letters/naps-in-arms"), "og:image");
            byte[] old = bytes(server, before).body();

            server.server().database().write(handle -> {
                new Publishing().correct(handle, column.englishLetter, new Words("Naps in my arms, and how they end", "Maria's daughter only naps in her arms.",
                        "Dear Maria,", "You are doing well.", "With love,"), List.of(), "We made the headline clearer.", Instant.now());
                return null;
            });
            String after = meta(server.page("/letters/naps-in-arms"), "og:image");
            assertThat(after).isNotEqualTo(before).startsWith(server.url("/share/letters/naps-in-arms/"));
            byte[] corrected = bytes(server, after).body();
            assertPicture(corrected);
            assertThat(Arrays.equals(old, corrected)).as("a new picture for the new headline").isFalse();

            HttpResponse<byte[]> stale = bytes(server, before);
            assertThat(stale.statusCode()).as("an old address leads to the new picture").isEqualTo(302);
            assertThat(stale.headers().firstValue("Location")).hasValue(after.substring(server.url("").length()));
        }
    }

    @Test
    void anyHeadlineFitsThePictureAndNothingUnpublishedHasOne() throws Exception {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            server.server().database().write(handle -> {
                Publishing publishing = new Publishing();
                long advisor = publishing.addAdvisor(handle, "zoe", "Zoë 🌙 \u202Eأمل", "", Instant.now());
                for (String[] letter : List.of(new String[] {"emoji-only", "😀👩‍👧🌙"}, new String[] {"short", "Sí"},
                        new String[] {"one-long-word", "Ñ".repeat(290)}, new String[] {"rtl", "\u202Eשלום עולם מה נשמע\u202C"})) {
                    publishing.publish(handle, new Publishing.Draft(null, letter[0], new Words(letter[1], "", "", "Text.", ""), "",
                            advisor, List.of(), dearly.language.Language.ES, Instant.now().minusSeconds(60)), Instant.now());
                }
                return null;
            });
            for (String slug : List.of("hostile", "emoji-only", "short", "one-long-word", "rtl")) {
                Document page = server.page("/letters/" + slug);
                assertPicture(bytes(server, meta(page, "og:image")).body());
            }
            for (String slug : List.of("not-yet", "taken-down", "nobody")) {
                assertThat(server.get("/share/letters/" + slug + "/0123456789abcdef0123.png").statusCode()).as(slug).isEqualTo(404);
            }
        }
    }

    @Test
    void everyOtherPublicPageOffersTheSitesPicture() throws Exception {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            for (String path : List.of("/", "/topics", "/topics/sleep", "/advisors/rosa-m", "/ask", "/search?q=sleep")) {
                Document page = server.page(path);
                assertThat(meta(page, "og:title")).as(path).isNotBlank();
                assertThat(meta(page, "og:url")).as(path).startsWith(server.url("/"));
                assertThat(meta(page, "og:image")).as(path).startsWith(server.url("/share/site/en/"));
                assertThat(meta(page, "og:image:alt")).as(path).isEqualTo("Dearly: Letters to new parents, from parents who have been there.");
                assertThat(meta(page, "twitter:card")).as(path).isEqualTo("summary_large_image");
            }
            Document home = server.page("/");
            assertPicture(bytes(server, meta(home, "og:image")).body());
            assertThat(meta(home, "og:description")).isEqualTo("Letters to new parents, from parents who have been there.");
            // Lighthouse's SEO audit wants one on the ask page too (bench/lighthouse).
            assertThat(meta(server.page("/ask"), "description")).startsWith("Write it the way you would say it to a friend.");
            assertThat(server.get("/share/site/fr/0123.png").statusCode()).isEqualTo(404);
        }
    }

    private static void assertPicture(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG an image decoder reads").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
    }

    static String meta(Document page, String name) {
        var tag = page.selectFirst("head meta[property=" + name + "], head meta[name=" + name + "]");
        assertThat(tag).as(name).isNotNull();
        return tag.attr("content");
    }

    static HttpResponse<byte[]> bytes(TestServer server, String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dearly.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Words;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A headline with Hebrew or Arabic words, or emoji, in an English or Spanish letter: its share image
 * draws the Hebrew and Arabic (right to left, in fonts Dearly ships) and leaves the emoji out, never
 * a missing-glyph box.
 */
class ShareImageScriptsTest {
    private static final FontRenderContext PLAIN = new FontRenderContext(null, true, true);

    @ParameterizedTest
    @ValueSource(strings = {
            "Why does my daughter call her grandmother סבתא and not abuela?",
            "¿Le hablo a mi bebé en árabe? Mi madre dice حبيبي cada noche 🌙",
            "Shalom שלום and مرحبا in one line, 👩‍👧 and ❤️ too",
            "שלום עולם first, then English",
            "😀😀😀 only emoji then a word"})
    void everyCharacterKeptIsDrawnFromAFontThatHasIt(String headline) {
        ShareCard card = new ShareCard("Dearly", "", headline, "", Locale.ENGLISH);
        assertThat(card.headline()).as("the emoji left out").doesNotContainPattern("[\\x{1F300}-\\x{1FAFF}\\x{2764}\\x{FE0F}\\x{200D}]");
        headline.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HEBREW
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                .forEach(c -> assertThat(card.headline()).as("the Hebrew and Arabic kept").contains(Character.toString(c)));
        for (List<Font> weight : List.of(ShareCard.BOLD, ShareCard.REGULAR)) {
            card.headline().codePoints().filter(c -> c != ' ').forEach(c -> {
                Font font = ShareCard.fontFor(weight, c);
                String character = Character.toString(c);
                assertThat(font.canDisplayUpTo(character)).as("%s U+%04X", font.getFontName(), c).isEqualTo(-1);
                GlyphVector glyphs = font.createGlyphVector(PLAIN, character);
                for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                    assertThat(glyphs.getGlyphCode(i)).as("no missing-glyph box for U+%04X", c).isNotEqualTo(font.getMissingGlyphCode());
                }
            });
        }
        assertPicture(card.png());
    }

    @Test
    void hebrewIsDrawnRightToLeftInsideAnEnglishLine() {
        BufferedImage canvas = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        var line = new ShareCard.Line(canvas.createGraphics(), ShareCard.BOLD, 60f);
        var layout = line.layout("Grandmother סבתא says");
        assertThat(layout.isLeftToRight()).as("the line is an English one").isTrue();
        assertThat(layout.getCharacterLevel(12)).as("the Hebrew word is set right to left").isEqualTo((byte) 1);
        // Its first letter (logical index 12) is drawn to the right of its last (index 15).
        var first = new java.awt.geom.Point2D.Float();
        var last = new java.awt.geom.Point2D.Float();
        layout.hitToPoint(java.awt.font.TextHitInfo.leading(12), first);
        layout.hitToPoint(java.awt.font.TextHitInfo.leading(15), last);
        assertThat(first.x).as("ס stands right of א").isGreaterThan(last.x);
    }

    @Test
    void aLetterWhoseHeadlineMixesScriptsHasItsPictureOverHttp() throws Exception {
        try (TestServer server = TestServer.start()) {
            Instant now = Instant.now();
            server.server().database().write(handle -> {
                Publishing publishing = new Publishing();
                long advisor = publishing.addAdvisor(handle, "noa-s", "Noa S.", "", now);
                return publishing.publish(handle, new Publishing.Draft(null, "savta-o-abuela",
                        new Words("¿Savta (סבתא) o abuela? Mi suegra dice حبيبي 🌙", "Dos idiomas en casa.", "Querida:",
                                "Los dos caben.", "Con cariño,"), "", advisor, List.of(), Language.ES, now.minusSeconds(60)), now);
            });
            String image = LinkPreviewTest.meta(server.page("/es/letters/savta-o-abuela"), "og:image");
            var response = LinkPreviewTest.bytes(server, image);
            assertThat(response.statusCode()).isEqualTo(200);
            assertPicture(response.body());
        }
    }

    private static void assertPicture(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(630);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

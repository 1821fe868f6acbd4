package dearly.feeds;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The picture a shared link shows (1200 × 630, the size Open Graph and X ask for): the headline in
 * Noto Serif, shipped with Dearly under the SIL Open Font Licence ({@code fonts/OFL.txt}), over the
 * column's name and the advisor who wrote it, in the site's calm colours. A headline of any length
 * fits: it wraps, shrinks, and past the smallest size ends in an ellipsis. Hebrew and Arabic words
 * are set in Noto Serif Hebrew and Noto Naskh Arabic, shaped and ordered right to left
 * ({@link TextLayout} runs the Unicode bidirectional algorithm). What none of the fonts can draw
 * (emoji, other scripts) and invisible controls are left out rather than drawn as boxes.
 *
 * @param kicker beside the column's name at the top (a topic), may be empty
 * @param footer under the headline (who wrote it), may be empty
 */
record ShareCard(String siteName, String kicker, String headline, String footer, Locale locale) {
    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    /** Part of every image's fingerprint: a change to the drawing gives every image a new address. */
    static final String DRAWING = "2";

    static {
        // A server draws without a screen, even where a DISPLAY is set.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Each weight's fonts, in the order a character is looked for in them: Latin first, then Hebrew, then Arabic. */
    static final List<Font> REGULAR = List.of(font("NotoSerif-Regular.ttf"), font("NotoSerifHebrew-Regular.ttf"),
            font("NotoNaskhArabic-Regular.ttf"));
    static final List<Font> BOLD = List.of(font("NotoSerif-Bold.ttf"), font("NotoSerifHebrew-Bold.ttf"),
            font("NotoNaskhArabic-Bold.ttf"));
    private static final Color PAPER = new Color(0xfffdf9);
    private static final Color WASH = new Color(0xf6efe6);
    private static final Color INK = new Color(0x2b2622);
    private static final Color MUTED = new Color(0x6b625a);
    private static final Color ACCENT = new Color(0x9c3d54);
    private static final Color LINE = new Color(0xe8e0d6);

    private static final int LEFT = 96;
    private static final int TEXT_WIDTH = WIDTH - 2 * LEFT;
    private static final int HEADLINE_TOP = 170;
    private static final int HEADLINE_BOTTOM = 500;
    private static final int[] SIZES = {76, 70, 64, 58, 52, 48, 44, 40};
    private static final String ELLIPSIS = "…";

    ShareCard {
        siteName = drawable(siteName, BOLD);
        kicker = drawable(kicker, REGULAR);
        headline = drawable(headline, BOLD);
        footer = drawable(footer, REGULAR);
    }

    /** The card as a PNG. */
    byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(WASH);
            g.fillRect(0, HEIGHT - 110, WIDTH, 110);
            g.setColor(ACCENT);
            g.fillRect(0, 0, 18, HEIGHT);
            g.setColor(LINE);
            g.fillRect(0, HEIGHT - 112, WIDTH, 2);

            g.setColor(ACCENT);
            Line name = new Line(g, BOLD, 40f);
            name.draw(siteName, LEFT, 110);
            if (!kicker.isEmpty()) {
                int after = LEFT + Math.round(name.width(siteName)) + 28;
                g.setColor(MUTED);
                Line line = new Line(g, REGULAR, 32f);
                line.draw(oneLine(line, "· " + kicker, WIDTH - LEFT - after), after, 108);
            }

            drawHeadline(g);

            if (!footer.isEmpty()) {
                g.setColor(MUTED);
                Line line = new Line(g, REGULAR, 34f);
                line.draw(oneLine(line, footer, TEXT_WIDTH), LEFT, HEIGHT - 44);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private void drawHeadline(Graphics2D g) {
        g.setColor(INK);
        for (int i = 0; i < SIZES.length; i++) {
            Line metrics = new Line(g, BOLD, SIZES[i]);
            int lineHeight = Math.round(SIZES[i] * 1.22f);
            int room = Math.max(1, (HEADLINE_BOTTOM - HEADLINE_TOP) / lineHeight);
            List<String> lines = wrap(metrics, headline);
            boolean last = i == SIZES.length - 1;
            if (lines.size() <= room || last) {
                if (lines.size() > room) lines = ellipsised(metrics, lines.subList(0, room));
                // Set the block in the middle of its space, so a short headline does not float at the top.
                int top = HEADLINE_TOP + ((HEADLINE_BOTTOM - HEADLINE_TOP) - lines.size() * lineHeight) / 2;
                for (int line = 0; line < lines.size(); line++) {
                    metrics.draw(lines.get(line), LEFT, top + line * lineHeight + metrics.ascent());
                }
                return;
            }
        }
    }

    /** The headline in lines no wider than the text, broken where the language allows, a word too long broken anywhere. */
    private List<String> wrap(Line metrics, String text) {
        List<String> lines = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getLineInstance(locale);
        breaks.setText(text);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String word = text.substring(start, end);
            if (metrics.width((line + word).stripTrailing()) <= TEXT_WIDTH) {
                line.append(word);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString().strip());
            line.setLength(0);
            for (String piece : pieces(metrics, word)) {
                if (!line.isEmpty()) lines.add(line.toString().strip());
                line.setLength(0);
                line.append(piece);
            }
        }
        if (!line.toString().isBlank()) lines.add(line.toString().strip());
        return lines;
    }

    /** A word wider than a line, in pieces that fit, cut between characters as the reader sees them. */
    private List<String> pieces(Line metrics, String word) {
        List<String> pieces = new ArrayList<>();
        BreakIterator characters = BreakIterator.getCharacterInstance(locale);
        characters.setText(word);
        int from = 0;
        int previous = characters.first();
        for (int next = characters.next(); next != BreakIterator.DONE; previous = next, next = characters.next()) {
            if (metrics.width(word.substring(from, next)) > TEXT_WIDTH && previous > from) {
                pieces.add(word.substring(from, previous));
                from = previous;
            }
        }
        pieces.add(word.substring(from));
        return pieces;
    }

    private List<String> ellipsised(Line metrics, List<String> lines) {
        List<String> kept = new ArrayList<>(lines);
        kept.set(kept.size() - 1, withEllipsis(metrics, kept.getLast(), TEXT_WIDTH));
        return kept;
    }

    private String oneLine(Line metrics, String text, int width) {
        return metrics.width(text) <= width ? text : withEllipsis(metrics, text, width);
    }

    /** The text shortened, a word at a time where it can be, until it fits with "…" after it. */
    private String withEllipsis(Line metrics, String text, int width) {
        String cut = text.strip();
        while (!cut.isEmpty() && metrics.width(cut + ELLIPSIS) > width) {
            int space = cut.lastIndexOf(' ');
            cut = space > cut.length() / 2 ? cut.substring(0, space).strip() : cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.stripTrailing() + ELLIPSIS;
    }

    /**
     * The text as the fonts can draw it: composed, with controls and line breaks as spaces, and
     * invisible formatting (bidirectional overrides, joiners) and what no font has left out.
     */
    static String drawable(String text, List<Font> fonts) {
        if (text == null) return "";
        StringBuilder kept = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.getType(c) == Character.CONTROL) kept.append(' ');
            else if (Character.getType(c) != Character.FORMAT && !variationSelector(c) && fonts.stream().anyMatch(font -> font.canDisplay(c))) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString().replaceAll(" {2,}", " ").strip();
    }

    /** A variation selector only asks for an emoji's colour form, which is left out with it (a font may still claim one). */
    private static boolean variationSelector(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** The font of the chain that draws this character: the first that has it, Latin for what all have (spaces, digits). */
    static Font fontFor(List<Font> fonts, int codePoint) {
        for (Font font : fonts) if (font.canDisplay(codePoint)) return font;
        return fonts.getFirst();
    }

    /**
     * A line of text in one weight and size, measured and drawn as {@link TextLayout} sets it: each
     * character in the first font that has it, runs of Hebrew or Arabic shaped and set right to left
     * inside the left-to-right line of an English or Spanish headline.
     */
    static final class Line {
        private final Graphics2D g;
        private final List<Font> fonts;
        private final float ascent;

        Line(Graphics2D g, List<Font> fonts, float size) {
            this.g = g;
            this.fonts = fonts.stream().map(font -> font.deriveFont(size)).toList();
            this.ascent = g.getFontMetrics(this.fonts.getFirst()).getAscent();
        }

        int ascent() {
            return Math.round(ascent);
        }

        float width(String text) {
            return text.isEmpty() ? 0 : layout(text).getAdvance();
        }

        void draw(String text, float x, float y) {
            if (!text.isEmpty()) layout(text).draw(g, x, y);
        }

        TextLayout layout(String text) {
            AttributedString attributed = new AttributedString(text);
            attributed.addAttribute(TextAttribute.RUN_DIRECTION, TextAttribute.RUN_DIRECTION_LTR);
            int start = 0;
            Font current = null;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                // A space or a mark between two Hebrew words stays in the Hebrew font, so the run is shaped as one.
                Font font = current != null && current.canDisplay(c) && !Character.isLetter(c) ? current : fontFor(fonts, c);
                if (font != current) {
                    if (current != null) attributed.addAttribute(TextAttribute.FONT, current, start, i);
                    current = font;
                    start = i;
                }
            }
            attributed.addAttribute(TextAttribute.FONT, current, start, text.length());
            return new TextLayout(attributed.getIterator(), g.getFontRenderContext());
        }
    }

    private static Font font(String file) {
        try (InputStream in = ShareCard.class.getResourceAsStream("/dearly/feeds/fonts/" + file)) {
            if (in == null) throw new IllegalStateException("the font " + file + " is missing from the program");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the font " + file + " cannot be read", e);
        }
    }
}

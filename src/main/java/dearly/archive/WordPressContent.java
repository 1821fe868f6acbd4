package dearly.archive;

import dearly.language.Language;
import dearly.language.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A WordPress post's content as a letter's Markdown. WordPress stores what its editors typed: block
 * markup ({@code <!-- wp:paragraph -->} comments around HTML), shortcodes ({@code [caption]},
 * {@code [gallery]}) and, from the classic editor, bare text whose blank lines become paragraphs
 * only when a theme shows it ("autop"). Only what a letter can show is kept: paragraphs, line
 * breaks, emphasis, links to web and mail addresses, headings, lists, quotes and rules. Scripts,
 * frames, media, forms, attributes and any other address are dropped by construction: nothing is
 * copied that is not on that list, and text is escaped, so no HTML travels through the Markdown.
 *
 * <p>An image becomes a link to it, "Image: its alt text", never an image: a letter page asks no
 * other site for anything (its content security policy allows nothing from another site), and the
 * old site's files may not last. Its caption stays as text beside it.
 */
final class WordPressContent {
    /** Shortcodes WordPress and its common plugins register: the tags go, an enclosed caption's text stays. */
    private static final Pattern SHORTCODE = Pattern.compile(
            "\\[/?(?:caption|wp_caption|gallery|audio|video|playlist|embed|wpvideo|youtube|vimeo|soundcloud|twitter|tweet"
                    + "|googlemaps|contact-form|contact-form-7|slideshow|polldaddy|simple)\\b[^\\]]{0,2000}\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n+");
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile(
            "(?is)^<(?:p|div|ul|ol|li|h[1-6]|blockquote|pre|table|figure|hr|dl|address|section|article|aside|header|footer"
                    + "|form|fieldset|details|!--|script|style|iframe|video|audio)\\b.*");
    private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
            "video", "audio", "source", "track", "svg", "math", "canvas", "map", "noscript", "template", "form",
            "input", "button", "select", "textarea", "head", "title", "meta", "link", "base");
    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "dl", "dt", "dd", "address", "section",
            "article", "aside", "header", "footer", "nav", "main", "details", "summary", "fieldset", "center", "caption");
    /** Past this depth of nesting an element is taken as its text: no post may exhaust the stack. */
    private static final int MAX_DEPTH = 64;

    /** "Image" in the letter's language, before an image's alt text. */
    private final String imageWord;
    /** True while the words of a link are read: an image there is its words only, the link already leads somewhere. */
    private boolean insideLink;

    private WordPressContent(String imageWord) {
        this.imageWord = imageWord;
    }

    static String toMarkdown(String wordpress, Language language) {
        return new WordPressContent(Messages.of(language).get("archive.image")).markdown(wordpress);
    }

    private String markdown(String wordpress) {
        if (wordpress == null || wordpress.isBlank()) return "";
        String html = SHORTCODE.matcher(wordpress.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        Element body = Jsoup.parseBodyFragment(autop(html)).body();
        List<String> blocks = new ArrayList<>();
        blocks(body, blocks, 0);
        return String.join("\n\n", blocks).strip();
    }

    /** The post's words as plain text, for a title, an excerpt or a headline made from the content. */
    static String plain(String html) {
        if (html == null || html.isBlank()) return "";
        return Jsoup.parseBodyFragment(SHORTCODE.matcher(html).replaceAll("")).body().text().strip();
    }

    /**
     * WordPress's wpautop, as far as a letter needs it: text between blank lines is a paragraph and a
     * single line break inside one is kept. Stretches that begin with a block of HTML are left as they are.
     */
    static String autop(String html) {
        StringBuilder out = new StringBuilder();
        for (String chunk : BLANK_LINES.split(html.strip())) {
            String trimmed = chunk.strip();
            if (trimmed.isEmpty()) continue;
            if (STARTS_WITH_BLOCK.matcher(trimmed).matches()) out.append(trimmed);
            else out.append("<p>").append(trimmed.replace("\n", "<br>\n")).append("</p>");
            out.append('\n');
        }
        return out.toString();
    }

    /** The blocks inside an element: runs of inline content become paragraphs, blocks are converted. */
    private void blocks(Element parent, List<String> out, int depth) {
        StringBuilder run = new StringBuilder();
        for (Node child : parent.childNodes()) {
            if (child instanceof Element element && isBlock(element)) {
                paragraph(run, out);
                block(element, out, depth + 1);
            } else {
                inline(child, run, depth + 1);
            }
        }
        paragraph(run, out);
    }

    private void block(Element element, List<String> out, int depth) {
        String tag = tag(element);
        if (depth > MAX_DEPTH) {
            paragraph(new StringBuilder(PlainText.inline(element.text())), out);
            return;
        }
        switch (tag) {
            case "h1", "h2" -> heading("## ", element, out, depth);
            case "h3", "h4", "h5", "h6" -> heading("### ", element, out, depth);
            case "hr" -> out.add("---");
            case "ul", "ol" -> list(element, tag.equals("ol"), out, depth);
            case "blockquote" -> {
                List<String> inner = new ArrayList<>();
                blocks(element, inner, depth);
                if (!inner.isEmpty()) out.add(String.join("\n\n", inner).lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                        .reduce((a, b) -> a + "\n" + b).orElse(""));
            }
            case "pre" -> paragraph(new StringBuilder(PlainText.inline(element.wholeText()).strip()), out);
            case "tr" -> {
                List<String> cells = new ArrayList<>();
                for (Element cell : element.children()) {
                    StringBuilder text = new StringBuilder();
                    inline(cell, text, depth);
                    if (!text.toString().isBlank()) cells.add(text.toString().strip());
                }
                if (!cells.isEmpty()) paragraph(new StringBuilder(String.join(" · ", cells)), out);
            }
            default -> blocks(element, out, depth);
        }
    }

    private void heading(String marker, Element element, List<String> out, int depth) {
        StringBuilder text = new StringBuilder();
        inline(element, text, depth);
        String line = text.toString().replaceAll("\\s+", " ").strip();
        if (!line.isEmpty()) out.add(marker + line);
    }

    private void list(Element list, boolean numbered, List<String> out, int depth) {
        List<String> items = new ArrayList<>();
        int number = 1;
        for (Element item : list.children()) {
            if (!tag(item).equals("li")) continue;
            List<String> inner = new ArrayList<>();
            blocks(item, inner, depth);
            if (inner.isEmpty()) continue;
            String marker = numbered ? (number++) + ". " : "- ";
            String indent = " ".repeat(marker.length());
            String text = String.join("\n\n", inner);
            items.add(marker + text.lines().map(line -> line.isEmpty() ? "" : indent + line)
                    .reduce((a, b) -> a + "\n" + b).orElse("").substring(indent.length()));
        }
        if (!items.isEmpty()) out.add(String.join("\n", items));
    }

    private void inline(Node node, StringBuilder out, int depth) {
        if (node instanceof TextNode text) {
            out.append(PlainText.inline(text.text().replaceAll("\\s+", " ")));
            return;
        }
        if (!(node instanceof Element element)) return; // comments (block markup), data nodes
        String tag = tag(element);
        if (DROPPED.contains(tag)) return;
        if (depth > MAX_DEPTH) {
            out.append(PlainText.inline(element.text()));
            return;
        }
        switch (tag) {
            case "br" -> out.append('\n');
            case "em", "i", "cite", "var", "dfn" -> wrapped("*", element, out, depth);
            case "strong", "b" -> wrapped("**", element, out, depth);
            case "a" -> link(element, out, depth);
            case "img" -> image(element, out);
            default -> {
                for (Node child : element.childNodes()) inline(child, out, depth + 1);
                if (isBlock(element)) out.append(' ');
            }
        }
    }

    /** Emphasis around the words only: "* word *" would not be emphasis in Markdown. */
    private void wrapped(String marker, Element element, StringBuilder out, int depth) {
        StringBuilder inner = new StringBuilder();
        for (Node child : element.childNodes()) inline(child, inner, depth + 1);
        String text = inner.toString();
        String words = text.strip();
        if (words.isEmpty() || words.contains("\n")) {
            out.append(text);
            return;
        }
        if (Character.isWhitespace(text.charAt(0))) out.append(' ');
        out.append(marker).append(words).append(marker);
        if (Character.isWhitespace(text.charAt(text.length() - 1))) out.append(' ');
    }

    private void link(Element element, StringBuilder out, int depth) {
        StringBuilder inner = new StringBuilder();
        boolean outer = !insideLink;
        insideLink = true;
        for (Node child : element.childNodes()) inline(child, inner, depth + 1);
        insideLink = !outer;
        String text = inner.toString().strip();
        Optional<String> href = address(element.attr("href"), true);
        if (text.isEmpty() || href.isEmpty() || !outer) {
            out.append(inner);
            return;
        }
        out.append('[').append(text).append("](").append(href.get()).append(')');
    }

    /** "Image: alt text", linked to the image when it is on the web and not already inside a link. */
    private void image(Element image, StringBuilder out) {
        String alt = image.attr("alt").replaceAll("\\s+", " ").strip();
        String words = PlainText.inline(alt.isEmpty() ? imageWord : imageWord + ": " + alt);
        Optional<String> source = address(image.attr("src"), false);
        if (insideLink) out.append(words);
        else if (source.isPresent()) out.append('[').append(words).append("](").append(source.get()).append(')');
        else if (!alt.isEmpty()) out.append(PlainText.inline(alt)); // an image that cannot be linked keeps its words
    }

    /** An http(s) address (or mailto:, for a link) as a Markdown link's target; empty for any other. */
    private static Optional<String> address(String attribute, boolean mail) {
        String href = attribute.strip();
        String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        boolean kept = (scheme.equals("http") || scheme.equals("https") || (mail && scheme.equals("mailto"))) && !href.matches(".*[\\s<>].*");
        return kept ? Optional.of(href.replace("(", "%28").replace(")", "%29")) : Optional.empty();
    }

    private static void paragraph(StringBuilder run, List<String> out) {
        String text = run.toString().lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
        run.setLength(0);
        if (!text.isEmpty()) out.add(PlainText.lineStarts(text));
    }

    private static boolean isBlock(Element element) {
        return BLOCKS.contains(tag(element));
    }

    private static String tag(Element element) {
        return element.normalName();
    }
}

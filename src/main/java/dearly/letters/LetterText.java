package dearly.letters;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a letter's Markdown into the HTML readers see. Advisors write short lines on purpose, so a
 * single line break stays a line break; raw HTML is escaped, and the result is sanitised once more
 * as a second wall.
 */
public final class LetterText {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .softbreak("<br>\n")
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "blockquote", "ul", "ol", "li", "h2", "h3", "hr", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private LetterText() {}

    /** The letter's words without Markdown, for what reads them as text: search, and its snippets. */
    public static String plain(String markdown) {
        return PLAIN.render(PARSER.parse(markdown == null ? "" : markdown)).strip();
    }

    public static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }
}

package dearly.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Builds a mail from two precompiled templates: {@code mail/html/<name>.jte} for the HTML part,
 * escaped like every page, and {@code mail/text/<name>.jte} for the plain-text part.
 *
 * <p>The plain-text part is rendered with values written as typed: text/plain has no markup to
 * inject into, and escaping would show a parent called "Ana &amp; Luis" as "Ana &amp;amp; Luis".
 */
public final class MailTemplates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public Mail mail(String to, String subject, String name, Map<String, Object> parameters) {
        return new Mail(to, subject, text(name, parameters), html(name, parameters));
    }

    String html(String name, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render("mail/html/" + name + ".jte", parameters, output);
        return output.toString().strip() + "\n";
    }

    String text(String name, Map<String, Object> parameters) {
        PlainText output = new PlainText();
        // An HtmlTemplateOutput is used as given, so the engine's HTML escaping is not applied.
        engine.render("mail/text/" + name + ".jte", parameters, output);
        return output.text.toString().strip() + "\n";
    }

    private static final class PlainText implements HtmlTemplateOutput {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void setContext(String tagName, String attributeName) {}

        @Override
        public void writeContent(String value) {
            text.append(value);
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            text.append(value, beginIndex, endIndex);
        }
    }
}

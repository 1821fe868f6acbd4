package dearly.mail;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.models.runtime.JteModel;

/**
 * Makes a mail from its two templates, as typed methods of the generated {@code Templates} give
 * them: one under {@code mail/html/} for the HTML part, escaped like every page, and its twin under
 * {@code mail/text/} for the plain-text part.
 *
 * <p>The plain-text part is rendered with values written as typed: text/plain has no markup to
 * inject into, and escaping would show a parent called "Ana &amp; Luis" as "Ana &amp;amp; Luis".
 */
public final class MailTemplates {
    private MailTemplates() {}

    public static Mail mail(String to, String subject, JteModel html, JteModel text) {
        return new Mail(to, subject, text(text), html.render().strip() + "\n");
    }

    private static String text(JteModel template) {
        PlainText output = new PlainText();
        // An HtmlTemplateOutput is used as given, so the engine's HTML escaping is not applied.
        template.render(output);
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

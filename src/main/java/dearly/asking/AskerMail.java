package dearly.asking;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.mail.Mail;
import dearly.mail.MailTemplates;
import gg.jte.generated.precompiled.Templates;
import gg.jte.models.runtime.JteModel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mails a parent gets about her question, in her language, from the templates under
 * {@code src/main/jte/mail/}, with subjects from asking's messages ({@code subject.*}). Subjects
 * stay general because a phone's lock screen shows them: her question's title is only ever inside
 * the mail.
 */
public final class AskerMail {
    private final Templates templates;

    public AskerMail(Templates templates) {
        this.templates = templates;
    }

    /** Her question arrived and is private; the status link lets her check, edit, withdraw or delete everything. */
    public Mail received(String to, String firstName, String questionTitle, String statusUrl, Language language) {
        return received(to, firstName, questionTitle, statusUrl, language, Optional.empty());
    }

    /**
     * The same, for a question that shows signs of crisis: the help her status page shows comes first.
     * The subject stays the same, since a phone's lock screen shows it to whoever holds the phone.
     */
    public Mail received(String to, String firstName, String questionTitle, String statusUrl, Language language,
            Optional<CrisisHelp> help) {
        String site = siteName(language);
        CrisisHelp shown = help.orElse(null);
        return mail(to, language, "subject.received",
                forLanguage(language, templates.mailHtmlReceivedEn(site, firstName, questionTitle, statusUrl, shown),
                        templates.mailHtmlReceivedEs(site, firstName, questionTitle, statusUrl, shown)),
                forLanguage(language, templates.mailTextReceivedEn(site, firstName, questionTitle, statusUrl, shown),
                        templates.mailTextReceivedEs(site, firstName, questionTitle, statusUrl, shown)));
    }

    /**
     * After "delete everything": the one link that erases every question sent from this address. It
     * greets no one by name, since whoever chose "delete everything" may have typed someone else's address.
     */
    public Mail eraseAll(String to, String eraseUrl, Language language) {
        String site = siteName(language);
        long days = EraseLink.VALID_FOR.toDays();
        return mail(to, language, "subject.erase",
                forLanguage(language, templates.mailHtmlEraseEn(site, eraseUrl, days), templates.mailHtmlEraseEs(site, eraseUrl, days)),
                forLanguage(language, templates.mailTextEraseEn(site, eraseUrl, days), templates.mailTextEraseEs(site, eraseUrl, days)));
    }

    /** The letter answering her question is published. */
    public Mail published(String to, String firstName, String questionTitle, String letterUrl, Language language) {
        return withLink(to, language, "subject.published", firstName, questionTitle, letterUrl,
                forLanguage(language, templates::mailHtmlPublishedEn, templates::mailHtmlPublishedEs),
                forLanguage(language, templates::mailTextPublishedEn, templates::mailTextPublishedEs));
    }

    /**
     * The column will not answer it: the editor's kind reply. Her status link cannot be repeated here,
     * since only its hash is kept, so the mail points her to the first one.
     */
    public Mail declined(String to, String firstName, String questionTitle, String editorsReply, Language language) {
        return withWords(to, language, "subject.declined", firstName, questionTitle, editorsReply,
                forLanguage(language, templates::mailHtmlDeclinedEn, templates::mailHtmlDeclinedEs),
                forLanguage(language, templates::mailTextDeclinedEn, templates::mailTextDeclinedEs));
    }

    /**
     * An editor writes to her before any letter, most often because her question is urgent. Like a
     * decline, it points her to her first mail for her private page.
     */
    public Mail fromEditors(String to, String firstName, String questionTitle, String message, Language language) {
        return withWords(to, language, "subject.message", firstName, questionTitle, message,
                forLanguage(language, templates::mailHtmlMessageEn, templates::mailHtmlMessageEs),
                forLanguage(language, templates::mailTextMessageEn, templates::mailTextMessageEs));
    }

    /** A mail's template in her language (templates are rendered only when the mail is made, so naming both costs nothing). */
    private static <T> T forLanguage(Language language, T english, T spanish) {
        // A switch over every language: one added without its mails fails the build here.
        return switch (language) {
            case EN -> english;
            case ES -> spanish;
        };
    }

    /** The template of a mail that greets her and gives her one link: its HTML or its plain-text part. */
    private interface LinkTemplate {
        JteModel with(String siteName, String firstName, String questionTitle, String url);
    }

    /** The template of a mail that greets her and carries an editor's words: as paragraphs in HTML, as typed in text. */
    private interface WordsTemplate<W> {
        JteModel with(String siteName, String firstName, String questionTitle, W words);
    }

    private static Mail withWords(String to, Language language, String subjectKey, String firstName, String questionTitle,
            String words, WordsTemplate<List<String>> html, WordsTemplate<String> text) {
        String site = siteName(language);
        return mail(to, language, subjectKey, html.with(site, firstName, questionTitle, paragraphs(words)),
                text.with(site, firstName, questionTitle, words.strip()));
    }

    private static Mail withLink(String to, Language language, String subjectKey, String firstName, String questionTitle,
            String url, LinkTemplate html, LinkTemplate text) {
        String site = siteName(language);
        return mail(to, language, subjectKey, html.with(site, firstName, questionTitle, url),
                text.with(site, firstName, questionTitle, url));
    }

    private static Mail mail(String to, Language language, String subjectKey, JteModel html, JteModel text) {
        return MailTemplates.mail(to, Messages.of(language).format(subjectKey, siteName(language)), html, text);
    }

    private static String siteName(Language language) {
        return Messages.of(language).get("site.name");
    }

    /** Paragraphs as the editor separated them with blank lines; line breaks within one are kept by the template. */
    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}

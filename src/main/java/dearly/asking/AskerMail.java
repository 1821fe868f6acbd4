package dearly.asking;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.mail.Mail;
import dearly.mail.MailTemplates;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mails a parent gets about her question, in her language, from the templates under
 * {@code src/main/jte/mail/}, with subjects from asking's messages ({@code subject.*}). Subjects
 * stay general because a phone's lock screen shows them: her question's title is only ever inside
 * the mail.
 */
public final class AskerMail {
    private final MailTemplates templates;

    public AskerMail(MailTemplates templates) {
        this.templates = templates;
    }

    /** Her question arrived and is private; the status link lets her check, edit, withdraw or delete everything. */
    public Mail received(String to, String firstName, String questionTitle, String statusUrl, Language language) {
        return mail(to, language, "received", "subject.received",
                Map.of("firstName", firstName, "questionTitle", questionTitle, "statusUrl", statusUrl));
    }

    /**
     * After "delete everything": the one link that erases every question sent from this address. It
     * greets no one by name, since whoever chose "delete everything" may have typed someone else's address.
     */
    public Mail eraseAll(String to, String eraseUrl, Language language) {
        return mail(to, language, "erase", "subject.erase",
                Map.of("eraseUrl", eraseUrl, "validDays", EraseLink.VALID_FOR.toDays()));
    }

    /** The letter answering her question is published. */
    public Mail published(String to, String firstName, String questionTitle, String letterUrl, Language language) {
        return mail(to, language, "published", "subject.published",
                Map.of("firstName", firstName, "questionTitle", questionTitle, "letterUrl", letterUrl));
    }

    /**
     * The column will not answer it: the editor's kind reply. Her status link cannot be repeated here,
     * since only its hash is kept, so the mail points her to the first one.
     */
    public Mail declined(String to, String firstName, String questionTitle, String editorsReply, Language language) {
        return mail(to, language, "declined", "subject.declined",
                Map.of("firstName", firstName, "questionTitle", questionTitle,
                        "editorsReply", editorsReply.strip(), "editorsReplyParagraphs", paragraphs(editorsReply)));
    }

    private Mail mail(String to, Language language, String name, String subjectKey, Map<String, Object> values) {
        Messages t = Messages.of(language);
        String site = t.get("site.name");
        String subject = t.format(subjectKey, site);
        Map<String, Object> parameters = new HashMap<>(values);
        parameters.put("siteName", site);
        return templates.mail(to, subject, name + "-" + language.code(), parameters);
    }

    /** Paragraphs as the editor separated them with blank lines; line breaks within one are kept by the template. */
    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}

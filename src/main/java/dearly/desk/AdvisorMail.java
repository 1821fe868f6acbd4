package dearly.desk;

import dearly.accounts.User;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.mail.Mail;
import dearly.mail.MailTemplates;
import dearly.web.Links;
import gg.jte.generated.precompiled.Templates;

/**
 * The desk's mails to an advisor about a letter she writes, each linking to its draft. In English and
 * Spanish at once, since staff accounts have no language of their own yet.
 */
final class AdvisorMail {
    private final Templates templates;
    private final Links links;

    AdvisorMail(Templates templates, Links links) {
        this.templates = templates;
        this.links = links;
    }

    /** An editor gave her this question, with a note (possibly empty). */
    Mail assigned(User advisor, String note, long questionId) {
        String url = draftUrl(questionId);
        return MailTemplates.mail(advisor.email(), subject("desk.assigned.subject"),
                templates.mailHtmlAssigned(site(), advisor.displayName(), note, url),
                templates.mailTextAssigned(site(), advisor.displayName(), note, url));
    }

    /** An editor asks for changes to her letter, in these words. */
    Mail changesAsked(User advisor, String message, long questionId) {
        String url = draftUrl(questionId);
        return MailTemplates.mail(advisor.email(), subject("desk.changes.subject"),
                templates.mailHtmlChanges(site(), advisor.displayName(), message, url),
                templates.mailTextChanges(site(), advisor.displayName(), message, url));
    }

    private String draftUrl(long questionId) {
        return links.base() + "/desk/drafts/" + questionId;
    }

    private static String site() {
        return Messages.of(Language.EN).get("site.name");
    }

    private static String subject(String key) {
        return Messages.of(Language.EN).get(key) + " · " + Messages.of(Language.ES).get(key);
    }
}

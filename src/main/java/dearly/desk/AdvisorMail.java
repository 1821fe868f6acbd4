package dearly.desk;

import dearly.accounts.User;
import dearly.accounts.UserRepository;
import dearly.language.Messages;
import dearly.mail.Mail;
import dearly.mail.MailTemplates;
import dearly.web.Links;
import gg.jte.generated.precompiled.Templates;
import java.util.List;

/**
 * The desk's mails to an advisor about a letter she writes, each linking to its draft: in the
 * language she last signed in in, or in English and Spanish at once when she has not signed in yet.
 */
final class AdvisorMail {
    private final Templates templates;
    private final Links links;
    private final UserRepository users;

    AdvisorMail(Templates templates, Links links, UserRepository users) {
        this.templates = templates;
        this.links = links;
        this.users = users;
    }

    /** An editor gave her this question, with a note (possibly empty). */
    Mail assigned(User advisor, String note, long questionId) {
        String url = draftUrl(questionId);
        List<Messages> languages = StaffLanguages.of(users.language(advisor.id()));
        return MailTemplates.mail(advisor.email(), StaffLanguages.joined(languages, "desk.assigned.subject"),
                templates.mailHtmlAssigned(languages, advisor.displayName(), note, url),
                templates.mailTextAssigned(languages, advisor.displayName(), note, url));
    }

    /** An editor asks for changes to her letter, in these words. */
    Mail changesAsked(User advisor, String message, long questionId) {
        String url = draftUrl(questionId);
        List<Messages> languages = StaffLanguages.of(users.language(advisor.id()));
        return MailTemplates.mail(advisor.email(), StaffLanguages.joined(languages, "desk.changes.subject"),
                templates.mailHtmlChanges(languages, advisor.displayName(), message, url),
                templates.mailTextChanges(languages, advisor.displayName(), message, url));
    }

    private String draftUrl(long questionId) {
        return links.base() + "/desk/drafts/" + questionId;
    }
}

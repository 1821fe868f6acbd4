package dearly.accounts;

import dearly.language.Dates;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.mail.Mail;
import dearly.mail.MailTemplates;
import gg.jte.generated.precompiled.Templates;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mails about staff accounts, in the language of the page that sent them, words from accounts'
 * messages ({@code accounts.mail.*}), one template pair ({@code mail/html/account.jte} and its text twin).
 */
public final class AccountMail {
    private final Templates templates;

    public AccountMail(Templates templates) {
        this.templates = templates;
    }

    Mail invitation(String to, String inviter, Set<Role> roles, String url, Duration validFor, Language language) {
        Messages t = Messages.of(language);
        String names = roles.stream().sorted().map(role -> t.get("accounts.role.one." + role.key())).collect(Collectors.joining(", "));
        return mail(to, t, "invite", url, t.format("accounts.mail.invite.body", inviter, t.get("site.name"), names),
                t.format("accounts.mail.valid", Dates.duration(validFor, language)));
    }

    Mail reset(String to, String url, Duration validFor, Language language) {
        Messages t = Messages.of(language);
        return mail(to, t, "reset", url, t.get("accounts.mail.reset.body"),
                t.format("accounts.mail.valid", Dates.duration(validFor, language)), t.get("accounts.mail.reset.not-you"));
    }

    Mail confirmEmail(String to, String url, Duration validFor, Language language) {
        Messages t = Messages.of(language);
        return mail(to, t, "email", url, t.get("accounts.mail.email.body"),
                t.format("accounts.mail.valid", Dates.duration(validFor, language)));
    }

    Mail lockout(String to, String url, Language language) {
        Messages t = Messages.of(language);
        return mail(to, t, "lockout", url, t.get("accounts.mail.lockout.body"), t.get("accounts.mail.lockout.not-you"));
    }

    private Mail mail(String to, Messages t, String kind, String url, String... paragraphs) {
        String site = t.get("site.name");
        String lang = t.language().code();
        String label = t.get("accounts.mail." + kind + ".button");
        List<String> shown = List.of(paragraphs);
        return MailTemplates.mail(to, t.get("accounts.mail." + kind + ".subject"),
                templates.mailHtmlAccount(lang, site, shown, url, label), templates.mailTextAccount(lang, site, shown, url, label));
    }
}

package dearly.accounts;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dearly.Config;
import dearly.TestServer;
import dearly.mail.SmtpSettings;
import dearly.storage.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mail accounts send, received over real SMTP by GreenMail, and the links in it. */
final class StaffInbox {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+((?:/es)?/(?:setup|invitation|reset|account/email)/[A-Za-z0-9_-]{43})");

    private StaffInbox() {}

    static GreenMailExtension smtp() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** Dearly sending its mail to this GreenMail server, with these other settings. */
    static TestServer withSmtp(GreenMailExtension smtp, UnaryOperator<Config> settings) {
        SmtpSettings sending = new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), Optional.empty(), Optional.empty(),
                "Dearly <no-reply@dearly.example>", SmtpSettings.Security.NONE);
        return TestServer.start(TestDatabase.Kind.SQLITE, false, config -> settings.apply(config.withSmtp(sending)));
    }

    static TestServer withSmtp(GreenMailExtension smtp) {
        return withSmtp(smtp, UnaryOperator.identity());
    }

    /** How many mails to this address the outbox holds, sent or not: what Dearly queued, whether or not SMTP has it yet. */
    static int queuedTo(TestServer server, String address) {
        return server.server().database().read(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to").bind("to", address).mapTo(Integer.class).one());
    }

    /** The mails delivered to this address so far. */
    static List<MimeMessage> to(GreenMailExtension smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits (up to 20 seconds) for the next mail to this address after the first {@code before}, and returns it. */
    static MimeMessage next(GreenMailExtension smtp, String address, int before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = to(smtp, address);
            if (mails.size() > before) return mails.get(before);
            smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail reached " + address);
    }

    /** The path of the account link in the mail (its plain-text part), such as /reset/abc... */
    static String linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(plainText(mail));
        if (!link.find()) throw new AssertionError("no account link in:\n" + plainText(mail));
        return link.group(1);
    }

    static String plainText(MimeMessage mail) {
        try {
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) return (String) parts.getBodyPart(i).getContent();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no plain-text part");
    }
}

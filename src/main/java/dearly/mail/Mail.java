package dearly.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One e-mail to one person: a plain-text body and, usually, the same words as HTML.
 *
 * <p>Messages never repeat the address: they may end up in a log line.
 *
 * @param to a bare address such as {@code paula@example.com}
 * @param subject one line; a lock screen may show it, so it should say nothing private
 * @param text the text/plain part
 * @param html the text/html part, or null for a text-only mail
 */
public record Mail(String to, String subject, String text, String html) {
    private static final int MAX_ADDRESS_LENGTH = 320;

    public Mail {
        if (to == null || to.isBlank()) throw new IllegalArgumentException("a mail needs a recipient");
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("a mail needs a subject");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a mail needs a text body");
        if (!isAddress(to)) throw new IllegalArgumentException("the recipient is not a single e-mail address");
        // A line break in a header would let the value start a header of its own.
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a mail's subject must be one line");
        }
        if (html != null && html.isBlank()) html = null;
    }

    /**
     * The check a recipient must pass: one bare address, as Jakarta Mail parses it strictly. Forms
     * that collect an address should use it too, so that building a mail never fails the transaction
     * that stores what the mail is about.
     */
    public static boolean isAddress(String value) {
        if (value == null || value.length() > MAX_ADDRESS_LENGTH) return false;
        if (value.chars().anyMatch(Character::isISOControl)) return false;
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            return parsed.getPersonal() == null && parsed.getAddress().equals(value);
        } catch (AddressException e) {
            return false;
        }
    }
}

package dearly.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * A mail in the outbox as the admin page shows it: pending, with its attempts so far, or sent.
 *
 * @param text the text/plain body while the mail is pending; empty once sent, when it is erased
 * @param html the text/html body while pending, if it has one
 * @param lastError the class of the exception that stopped the last attempt
 */
public record OutboxMail(
        long id,
        String recipient,
        String subject,
        Optional<String> text,
        Optional<String> html,
        Instant createdAt,
        int attempts,
        Instant nextAttemptAt,
        Optional<Instant> sentAt,
        Optional<String> lastError) {

    public boolean sent() {
        return sentAt.isPresent();
    }
}

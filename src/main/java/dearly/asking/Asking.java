package dearly.asking;

import dearly.mail.Outbox;
import dearly.storage.Database;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A parent asks, checks on her question, changes it, withdraws it or erases it. Each action is one
 * transaction: the question and its receipt mail are committed together before she is told
 * "received", so nothing acknowledged is ever lost.
 */
public final class Asking {
    /** What came of a send: her receipt, or a retry key already used for another question. */
    public sealed interface Sent permits Receipt, RetryKeyTaken {}

    /**
     * The retry key was already used for a different submission. Nothing is stored, and nothing of
     * the earlier question is told: the sender gets neither its link nor its words.
     */
    public record RetryKeyTaken() implements Sent {}

    /**
     * What she is told after asking: her private link's token, whether this was a retry of an
     * earlier send, and the crisis signs found, for the help shown at once.
     */
    public record Receipt(String token, boolean repeated, Set<String> crisisKinds) implements Sent {
        public Receipt {
            crisisKinds = Set.copyOf(crisisKinds);
        }

        public boolean urgent() {
            return !crisisKinds.isEmpty();
        }
    }

    private final Database database;
    private final QuestionRepository questions;
    private final CrisisSigns crisisSigns;
    private final Outbox outbox;
    private final AskerMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;

    public Asking(Database database, QuestionRepository questions, CrisisSigns crisisSigns, Outbox outbox, AskerMail mail,
            Runnable mailWaiting, Supplier<Instant> clock) {
        this.database = database;
        this.questions = questions;
        this.crisisSigns = crisisSigns;
        this.outbox = outbox;
        this.mail = mail;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
    }

    /**
     * Stores her question and queues the receipt mail. A second send of the same question with the
     * same retry key (a double tap, a browser or network retry) stores nothing and gets the same link
     * back; the same key with a different question stores nothing and gets {@link RetryKeyTaken}.
     *
     * @param statusUrl turns a status path into the absolute address to e-mail
     */
    public Sent ask(NewQuestion asked, Optional<RetryKey> typedKey, Function<String, String> statusUrl) {
        Set<String> crisis = crisisIn(asked);
        Optional<RetryKey> retryKey = typedKey.map(key -> key.scopedTo(asked));
        try {
            Sent sent = database.write(handle -> {
                Optional<Sent> earlier = retryKey.flatMap(key -> questions.retryReceipt(handle, key)
                        .map(sealed -> earlier(key, sealed, crisis)));
                if (earlier.isPresent()) return earlier.get();
                String token = StatusLink.newToken();
                Instant now = clock.get();
                questions.add(handle, asked, now, StatusLink.hash(token), retryKey, token, crisis);
                Asker asker = asked.asker();
                if (asker.email() != null) {
                    outbox.enqueue(handle, mail.received(asker.email(), asker.firstName(), asked.title(),
                            statusUrl.apply(StatusLink.path(token)), asker.language()), now);
                }
                return new Receipt(token, false, crisis);
            });
            if (sent instanceof Receipt receipt && !receipt.repeated()) mailWaiting.run();
            return sent;
        } catch (UnableToExecuteStatementException raced) {
            // Two sends with one retry key at the same moment: the other one stored it.
            Optional<Sent> earlier = retryKey.flatMap(key ->
                    database.read(handle -> questions.retryReceipt(handle, key)).map(sealed -> earlier(key, sealed, crisis)));
            return earlier.orElseThrow(() -> raced);
        }
    }

    /** The earlier send's link when it was this same question; otherwise the key is taken. */
    private static Sent earlier(RetryKey key, String sealed, Set<String> crisis) {
        return key.open(sealed).<Sent>map(token -> new Receipt(token, true, crisis)).orElseGet(RetryKeyTaken::new);
    }

    public Set<String> crisisIn(NewQuestion asked) {
        return crisisIn(asked.title(), asked.body());
    }

    /** The crisis signs in what she typed, checked or not: help must not wait for a valid form. */
    public Set<String> crisisIn(String title, String body) {
        return crisisSigns.in(title + "\n" + body).stream().map(Enum::name).collect(Collectors.toSet());
    }

    public Optional<StoredQuestion> find(String token) {
        if (!StatusLink.wellFormed(token)) return Optional.empty();
        return database.read(handle -> questions.byStatusToken(handle, token));
    }

    /** Replaces her question; false when an advisor has taken it already or the link is unknown. */
    public boolean edit(String token, NewQuestion asked) {
        if (!StatusLink.wellFormed(token)) return false;
        return database.write(handle -> questions.byStatusToken(handle, token)
                .map(stored -> questions.replace(handle, stored.question().id(), asked, crisisIn(asked), clock.get()))
                .orElse(false));
    }

    public boolean withdraw(String token) {
        if (!StatusLink.wellFormed(token)) return false;
        return database.write(handle -> questions.byStatusToken(handle, token)
                .map(stored -> questions.withdraw(handle, stored.question().id(), clock.get()))
                .orElse(false));
    }

    /** Erases her, her children, her questions and every mail to her; false when the link is unknown. */
    public boolean deleteEverything(String token) {
        if (!StatusLink.wellFormed(token)) return false;
        return database.write(handle -> questions.byStatusToken(handle, token).map(stored -> {
            questions.erase(handle, stored.question().id());
            if (stored.asker().email() != null) outbox.forget(handle, stored.asker().email());
            return true;
        }).orElse(false));
    }
}

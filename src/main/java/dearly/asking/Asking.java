package dearly.asking;

import dearly.crisis.CrisisDirectory;
import dearly.language.Language;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
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
    private final CrisisDirectory crisisDirectory;
    private final Outbox outbox;
    private final AskerMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;
    private final EraseLinks eraseLinks;

    public Asking(Database database, QuestionRepository questions, CrisisSigns crisisSigns, CrisisDirectory crisisDirectory,
            Outbox outbox, AskerMail mail,
            Runnable mailWaiting, Supplier<Instant> clock) {
        this.database = database;
        this.questions = questions;
        this.crisisSigns = crisisSigns;
        this.crisisDirectory = crisisDirectory;
        this.outbox = outbox;
        this.mail = mail;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
        this.eraseLinks = new EraseLinks(outbox);
    }

    /**
     * Stores her question and queues the receipt mail. A second send of the same question with the
     * same retry key (a double tap, a browser or network retry) stores nothing and gets the same link
     * back; the same key with a different question stores nothing and gets {@link RetryKeyTaken}.
     *
     * @param statusUrl turns a status path into the absolute address to e-mail
     */
    public Sent ask(NewQuestion asked, Optional<RetryKey> typedKey, Function<String, String> statusUrl) {
        List<CrisisSign> signs = signsIn(asked);
        Set<String> crisis = kinds(signs);
        Asker asker = asked.asker();
        // Her receipt repeats the help her status page shows, read before the write so that it holds no lock.
        Optional<CrisisHelp> help = crisis.isEmpty() || asker.email() == null ? Optional.empty()
                : Optional.of(CrisisHelp.of(crisisDirectory, asker.country(), crisis, asker.language()));
        Optional<RetryKey> retryKey = typedKey.map(key -> key.scopedTo(asked));
        try {
            Sent sent = database.write(handle -> {
                Optional<Sent> earlier = retryKey.flatMap(key -> questions.retryReceipt(handle, key)
                        .map(sealed -> earlier(key, sealed, crisis)));
                if (earlier.isPresent()) return earlier.get();
                String token = StatusLink.newToken();
                Instant now = clock.get();
                questions.add(handle, asked, now, StatusLink.hash(token), retryKey, token, signs);
                // An unused erase link's mail still names an address: gone by the next question at the latest.
                eraseLinks.removeExpired(handle, now);
                if (asker.email() != null) {
                    outbox.enqueue(handle, mail.received(asker.email(), asker.firstName(), asked.title(),
                            statusUrl.apply(asker.language().address(StatusLink.path(token))), asker.language(), help), now);
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

    /** The signs of crisis in her title and body, each with the sentence that showed it. */
    private List<CrisisSign> signsIn(NewQuestion asked) {
        return crisisSigns.check(asked.title() + "\n" + asked.body());
    }

    private static Set<String> kinds(List<CrisisSign> signs) {
        return signs.stream().map(sign -> sign.kind().name()).collect(Collectors.toSet());
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
                .map(stored -> questions.replace(handle, stored.question().id(), asked, signsIn(asked), clock.get()))
                .orElse(false));
    }

    public boolean withdraw(String token) {
        if (!StatusLink.wellFormed(token)) return false;
        return database.write(handle -> questions.byStatusToken(handle, token)
                .map(stored -> questions.withdraw(handle, stored.question().id(), clock.get()))
                .orElse(false));
    }

    /** Puts back a question she withdrew before an advisor took it, within the undo window; false otherwise. */
    public boolean restore(String token) {
        if (!StatusLink.wellFormed(token)) return false;
        return database.write(handle -> questions.byStatusToken(handle, token)
                .map(stored -> {
                    Instant now = clock.get();
                    return questions.restore(handle, stored.question().id(), now.minus(StoredQuestion.UNDO_WINDOW), now);
                })
                .orElse(false));
    }

    /**
     * What "delete everything" did: whether her link was known, and the address that was mailed the
     * link erasing every other question sent from it (none when she gave no address).
     */
    public record Deleted(boolean found, Optional<String> mailedTo) {
        static final Deleted UNKNOWN = new Deleted(false, Optional.empty());
    }

    /**
     * Erases this question with her profile and children and every mail to her address, at once.
     * Her other questions are reached only through her mailbox, so a stranger who typed her address
     * erases nothing of hers: her address is mailed one link that erases every question sent from it.
     *
     * @param eraseUrl turns an erase path into the absolute address to e-mail
     */
    public Deleted deleteEverything(String token, Function<String, String> eraseUrl) {
        if (!StatusLink.wellFormed(token)) return Deleted.UNKNOWN;
        Deleted deleted = database.write(handle -> questions.byStatusToken(handle, token).map(stored -> {
            questions.erase(handle, stored.question().id());
            Asker asker = stored.asker();
            if (asker.email() == null) return new Deleted(true, Optional.empty());
            Instant now = clock.get();
            outbox.forget(handle, asker.email());
            eraseLinks.removeExpired(handle, now);
            // Queued after the forget above, which would take this mail too.
            String link = EraseLink.newToken();
            long mailId = outbox.enqueue(handle, mail.eraseAll(asker.email(), eraseUrl.apply(EraseLink.path(link)),
                    asker.language()), now);
            eraseLinks.add(handle, link, asker.email(), asker.language(), mailId, now);
            return new Deleted(true, Optional.of(asker.email()));
        }).orElse(Deleted.UNKNOWN));
        if (deleted.found()) database.checkpoint();
        if (deleted.mailedTo().isPresent()) mailWaiting.run();
        return deleted;
    }

    /** What an erase link opens: how many questions sent from her address are still kept, and in which language. */
    public record ErasePending(int questions, Language language) {}

    /** Reads what the link would erase, and erases nothing: mail scanners open links too. Empty when used, expired or unknown. */
    public Optional<ErasePending> eraseLink(String token) {
        if (!EraseLink.wellFormed(token)) return Optional.empty();
        return database.read(handle -> eraseLinks.find(handle, token, clock.get()).map(pending ->
                new ErasePending(questions.questionsOf(handle, askersUnder(handle, token, pending)), pending.language())));
    }

    /**
     * Erases every question sent from the link's address, with the askers, children and every mail to
     * that address, and the link itself. Empty when the link is used, expired or unknown: nothing is erased.
     */
    public Optional<ErasePending> eraseAll(String token) {
        if (!EraseLink.wellFormed(token)) return Optional.empty();
        Optional<ErasePending> erased = database.write(handle -> {
            Instant now = clock.get();
            Optional<ErasePending> done = eraseLinks.find(handle, token, now).map(pending -> {
                List<Long> askers = askersUnder(handle, token, pending);
                int count = questions.questionsOf(handle, askers);
                Set<String> addresses = new HashSet<>();
                askers.forEach(id -> questions.eraseAsker(handle, id).ifPresent(addresses::add));
                addresses.forEach(address -> outbox.forget(handle, address));
                eraseLinks.remove(handle, pending);
                return new ErasePending(count, pending.language());
            });
            eraseLinks.removeExpired(handle, now);
            return done;
        });
        if (erased.isPresent()) database.checkpoint();
        return erased;
    }

    private List<Long> askersUnder(Handle handle, String token, EraseLinks.Pending pending) {
        return questions.askersWhoseAddress(handle, email -> EraseLink.addressKey(token, email).equals(pending.addressKey()));
    }
}

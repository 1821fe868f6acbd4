package dearly.desk;

import dearly.asking.AskerMail;
import dearly.asking.DeskQuestion;
import dearly.asking.QuestionQueue;
import dearly.asking.QueuedQuestion;
import dearly.mail.Mail;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The editors' side of questions: the triage queue (urgent first, then the longest waiting) and a
 * kind decline that tells the asker by mail. The questions are intake's ({@link QuestionQueue});
 * the desk decides what happens to them and tells her, each action in one transaction.
 */
public final class QuestionDesk {
    private static final int QUEUE_LIMIT = 200;

    private final Database database;
    private final QuestionQueue questions;
    private final Outbox outbox;
    private final AskerMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;

    public QuestionDesk(Database database, QuestionQueue questions, Outbox outbox, AskerMail mail, Runnable mailWaiting,
            Supplier<Instant> clock) {
        this.database = database;
        this.questions = questions;
        this.outbox = outbox;
        this.mail = mail;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
    }

    /** Questions waiting for an answer: urgent ones first, then the oldest. */
    public List<QueuedQuestion> queue() {
        return database.read(handle -> questions.queue(handle, QUEUE_LIMIT));
    }

    public Optional<DeskQuestion> question(long id) {
        return database.read(handle -> questions.question(handle, id));
    }

    /**
     * Declines an open question with the editor's reply and queues the mail that tells her, in one
     * transaction; false when the question is no longer open.
     */
    public boolean decline(long id, String reply) {
        Instant now = clock.get();
        boolean declined = database.write(handle -> {
            if (!questions.decline(handle, id, reply, now)) return false;
            tellHer(handle, id, now, to -> mail.declined(to.email(), to.firstName(), to.questionTitle(), reply, to.language()));
            return true;
        });
        if (declined) mailWaiting.run();
        return declined;
    }

    /**
     * Marks her question answered by a published letter and queues the mail that tells her where to
     * read it, in the caller's transaction; the desk's publish action calls this beside
     * {@link dearly.letters.Publishing#publish}. Mail goes out once the caller's transaction commits
     * and {@link #mailWaiting()} runs.
     */
    public void published(Handle handle, long questionId, String letterUrl, Instant now) {
        questions.answered(handle, questionId, now);
        tellHer(handle, questionId, now,
                to -> mail.published(to.email(), to.firstName(), to.questionTitle(), letterUrl, to.language()));
    }

    /** Queues a mail to her in the caller's transaction, when she gave an address that mail can reach. */
    private void tellHer(Handle handle, long questionId, Instant now, Function<QuestionQueue.Recipient, Mail> write) {
        questions.recipient(handle, questionId)
                .filter(to -> to.email() != null && Mail.isAddress(to.email()))
                .map(write)
                .ifPresent(toHer -> outbox.enqueue(handle, toHer, now));
    }

    /** Sends queued mail now, after a commit that queued some. */
    public void mailWaiting() {
        mailWaiting.run();
    }
}

package dearly.desk;

import dearly.asking.AskerMail;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.asking.CrisisKind;
import dearly.asking.CrisisReviews;
import dearly.asking.DeskQuestion;
import dearly.asking.QuestionQueue;
import dearly.asking.QueuedQuestion;
import dearly.mail.Mail;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.time.Duration;
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
    private final CrisisReviews reviews = new CrisisReviews();
    private final Outbox outbox;
    private final AskerMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;
    private final AuditLog audit;

    public QuestionDesk(Database database, QuestionQueue questions, Outbox outbox, AskerMail mail, Runnable mailWaiting,
            Supplier<Instant> clock, AuditLog audit) {
        this.database = database;
        this.audit = audit;
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
    public boolean decline(long id, String reply, Actor editor) {
        return changeAndTellHer(id, (handle, now) -> questions.decline(handle, id, reply, now)
                        && audited(handle, editor, "question.declined", id, ""),
                to -> mail.declined(to.email(), to.firstName(), to.questionTitle(), reply, to.language()));
    }

    /**
     * Writes to her at once, before any letter: the message stays on her status page and a mail
     * tells her, in one transaction; false when the question is no longer open.
     */
    public boolean message(long id, String message, Actor editor) {
        return changeAndTellHer(id, (handle, now) -> questions.message(handle, id, message, now)
                        && audited(handle, editor, "question.messaged", id, ""),
                to -> mail.fromEditors(to.email(), to.firstName(), to.questionTitle(), message, to.language()));
    }

    /**
     * Records what an editor did to a question; true, so it follows the change it records with
     * {@code &&}. What was written to her stays out of the log (an erase could not take it back).
     */
    private boolean audited(Handle handle, Actor editor, String action, long id, String detail) {
        audit.record(handle, editor, action, Subject.of("question", id), detail);
        return true;
    }

    /** A change to her question in the desk's transaction; false when it could not be made. */
    private interface Change {
        boolean make(Handle handle, Instant now);
    }

    /** Makes the change and queues her mail in one transaction, then sends it; false when nothing changed. */
    private boolean changeAndTellHer(long id, Change change, Function<QuestionQueue.Recipient, Mail> write) {
        Instant now = clock.get();
        boolean changed = database.write(handle -> {
            if (!change.make(handle, now)) return false;
            tellHer(handle, id, now, write);
            return true;
        });
        if (changed) mailWaiting.run();
        return changed;
    }

    /** An editor judges one kind of sign a false alarm; false when the question does not show it. */
    public boolean clear(long id, CrisisKind kind, Actor editor) {
        return database.write(handle -> reviews.clear(handle, id, kind, editor.name(), clock.get())
                && audited(handle, editor, "crisis-sign.cleared", id, kind.name()));
    }

    /** An editor raises a sign the check missed, quoting the words that show it. */
    public boolean raise(long id, CrisisKind kind, String words, Actor editor) {
        return database.write(handle -> reviews.raise(handle, id, kind, words, editor.name(), clock.get())
                && audited(handle, editor, "crisis-sign.raised", id, kind.name()));
    }

    /** Every decision editors made about crisis signs, as labelled examples with private details masked. */
    public List<CrisisReviews.Example> examples() {
        return database.read(reviews::examples);
    }

    /** Marks an urgent question handled by this editor, with what was done; false when it is not open. */
    public boolean handled(long id, Actor editor, String note) {
        return database.write(handle -> questions.handled(handle, id, editor.name(), note, clock.get())
                && audited(handle, editor, "question.handled", id, ""));
    }

    /** Urgent questions no editor has handled that have waited longer than {@code wait}, the longest first. */
    public List<QueuedQuestion> overdue(Duration wait) {
        Instant now = clock.get();
        return database.read(handle -> questions.overdue(handle, now.minus(wait)));
    }

    /** How long a question has waited until now. */
    public Duration waited(Instant receivedAt) {
        return Duration.between(receivedAt, clock.get());
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

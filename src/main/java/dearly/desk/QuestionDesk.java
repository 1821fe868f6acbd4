package dearly.desk;

import static dearly.storage.Columns.instant;

import dearly.asking.AskerMail;
import dearly.asking.Question;
import dearly.asking.QuestionRepository;
import dearly.asking.QuestionStatus;
import dearly.asking.Role;
import dearly.language.Language;
import dearly.letters.AskerProfile;
import dearly.mail.Mail;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The editors' side of questions: the triage queue (urgent first, then the longest waiting) and a
 * kind decline that tells the asker by mail. Her surname is read only as its initial, her e-mail
 * only to address the mail.
 */
public final class QuestionDesk {
    private static final int QUEUE_LIMIT = 200;

    private final Database database;
    private final Outbox outbox;
    private final AskerMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;

    public QuestionDesk(Database database, Outbox outbox, AskerMail mail, Runnable mailWaiting, Supplier<Instant> clock) {
        this.database = database;
        this.outbox = outbox;
        this.mail = mail;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
    }

    /** Questions waiting for an answer: urgent ones first, then the oldest. */
    public List<QueuedQuestion> queue() {
        return database.read(handle -> handle.createQuery("""
                        SELECT q.id, q.title, q.language, q.received_at, q.status, q.crisis_kinds, a.first_name, a.country
                        FROM question q JOIN asker a ON a.id = q.asker_id
                        WHERE q.status IN ('RECEIVED', 'ASSIGNED')
                        ORDER BY q.urgent DESC, q.received_at ASC, q.id ASC
                        LIMIT :limit""")
                .bind("limit", QUEUE_LIMIT)
                .map((rs, ctx) -> new QueuedQuestion(rs.getLong("id"), rs.getString("title"),
                        Language.fromCode(rs.getString("language")).orElseThrow(), instant(rs, "received_at", ctx),
                        QuestionStatus.valueOf(rs.getString("status")), crisisKinds(rs), rs.getString("first_name"),
                        rs.getString("country")))
                .list());
    }

    public Optional<DeskQuestion> question(long id) {
        return database.read(handle -> handle.createQuery("""
                        SELECT q.id, q.title, q.body, q.language, q.received_at, q.status, q.crisis_kinds, q.decline_reply,
                               a.id AS asker_id, a.first_name, substr(a.surname, 1, 1) AS surname_initial, a.age, a.city,
                               a.country, a.role, a.pseudonym
                        FROM question q JOIN asker a ON a.id = q.asker_id
                        WHERE q.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> deskQuestion(handle, rs, ctx))
                .findOne());
    }

    /**
     * Declines an open question with the editor's reply and queues the mail that tells her, in one
     * transaction; false when the question is no longer open.
     */
    public boolean decline(long id, String reply) {
        Instant now = clock.get();
        boolean declined = database.write(handle -> {
            int changed = handle.createUpdate("""
                            UPDATE question SET status = 'DECLINED', decline_reply = :reply, updated_at = :now
                            WHERE id = :id AND status IN ('RECEIVED', 'ASSIGNED')""")
                    .bind("reply", reply)
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            if (changed == 0) return false;
            tellHer(handle, id, now, (to, firstName, title, language) -> mail.declined(to, firstName, title, reply, language));
            return true;
        });
        if (declined) mailWaiting.run();
        return declined;
    }

    /**
     * Marks her question answered by a published letter and queues the mail that tells her where to
     * read it, in the caller's transaction; the desk's publish action calls this beside
     * {@link Publishing#publish}. Mail goes out once the caller's transaction commits and
     * {@link #mailWaiting()} runs.
     */
    public void published(Handle handle, long questionId, String letterUrl, Instant now) {
        handle.createUpdate("UPDATE question SET status = 'PUBLISHED', updated_at = :now WHERE id = :id")
                .bind("now", now)
                .bind("id", questionId)
                .execute();
        tellHer(handle, questionId, now,
                (to, firstName, title, language) -> mail.published(to, firstName, title, letterUrl, language));
    }

    /** A mail to the asker, made from what it may say of her. */
    private interface MailToHer {
        Mail write(String to, String firstName, String questionTitle, Language language);
    }

    /** Queues a mail to her in the caller's transaction, when she gave an address that mail can reach. */
    private void tellHer(Handle handle, long questionId, Instant now, MailToHer write) {
        handle.createQuery("""
                        SELECT a.email, a.first_name, a.language, q.title
                        FROM question q JOIN asker a ON a.id = q.asker_id WHERE q.id = :id""")
                .bind("id", questionId)
                .map((rs, ctx) -> rs.getString("email") == null || !Mail.isAddress(rs.getString("email")) ? null
                        : write.write(rs.getString("email"), rs.getString("first_name"), rs.getString("title"),
                                Language.fromCode(rs.getString("language")).orElseThrow()))
                .findOne()
                .ifPresent(toHer -> outbox.enqueue(handle, toHer, now));
    }

    /** Sends queued mail now, after a commit that queued some. */
    public void mailWaiting() {
        mailWaiting.run();
    }

    private static DeskQuestion deskQuestion(Handle handle, ResultSet rs, StatementContext ctx) throws SQLException {
        Question question = QuestionRepository.question(rs, ctx);
        int age = rs.getInt("age");
        Integer askerAge = rs.wasNull() ? null : age;
        long askerId = rs.getLong("asker_id");
        AskerProfile profile = new AskerProfile(rs.getString("first_name"), rs.getString("surname_initial"), askerAge,
                rs.getString("city"), rs.getString("country"), Role.valueOf(rs.getString("role")),
                QuestionRepository.children(handle, askerId));
        return new DeskQuestion(question, profile, Optional.ofNullable(rs.getString("pseudonym")), crisisKinds(rs),
                Optional.ofNullable(rs.getString("decline_reply")));
    }

    private static Set<String> crisisKinds(ResultSet rs) throws SQLException {
        return QuestionRepository.crisisKinds(rs.getString("crisis_kinds"));
    }

}

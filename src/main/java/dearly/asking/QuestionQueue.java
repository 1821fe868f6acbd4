package dearly.asking;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Questions as the editors' desk sees them: the triage queue, one question with the profile its
 * byline is made from, and the changes the desk makes to a question. Her surname is read only as
 * its initial, her e-mail only to address a mail to her. Every method works inside the caller's
 * transaction.
 */
public final class QuestionQueue {

    public QuestionQueue(Database database) {
        QuestionRows.register(database);
    }

    private static final String OPEN_QUESTIONS = """
            SELECT q.id, q.title, q.language, q.received_at, q.status, q.crisis_kinds, q.handled_at, q.assigned_to,
                   a.first_name, a.country
            FROM question q JOIN asker a ON a.id = q.asker_id
            WHERE q.status IN (<open>)
            """;

    /** Open questions: urgent ones no editor has handled first, then the longest waiting. */
    public List<QueuedQuestion> queue(Handle handle, int limit) {
        return queued(handle, OPEN_QUESTIONS + """
                ORDER BY CASE WHEN q.urgent AND q.handled_at IS NULL THEN 0 ELSE 1 END, q.received_at ASC, q.id ASC
                LIMIT :limit""", Map.of("limit", limit));
    }

    /**
     * The open urgent questions no editor has handled that arrived before {@code receivedBefore},
     * the longest waiting first.
     */
    public List<QueuedQuestion> overdue(Handle handle, Instant receivedBefore) {
        return queued(handle, OPEN_QUESTIONS + """
                AND q.urgent AND q.handled_at IS NULL AND q.received_at < :before
                ORDER BY q.received_at ASC, q.id ASC""", Map.of("before", receivedBefore));
    }

    private static List<QueuedQuestion> queued(Handle handle, String sql, Map<String, ?> parameters) {
        return handle.createQuery(sql)
                .bindList("open", QuestionStatus.names(QuestionStatus.OPEN))
                .bindMap(parameters)
                .map((rs, ctx) -> new QueuedQuestion(rs.getLong("id"), rs.getString("title"),
                        Language.fromCode(rs.getString("language")).orElseThrow(), instant(rs, "received_at", ctx),
                        QuestionStatus.valueOf(rs.getString("status")), QuestionRows.crisisKinds(rs.getString("crisis_kinds")),
                        rs.getString("first_name"), rs.getString("country"), instant(rs, "handled_at", ctx) != null,
                        assignedTo(rs)))
                .list();
    }

    private static Long assignedTo(ResultSet rs) throws SQLException {
        long user = rs.getLong("assigned_to");
        return rs.wasNull() ? null : user;
    }

    /** The open questions assigned to this staff account, the longest waiting first. */
    public List<QueuedQuestion> assignedTo(Handle handle, long userId) {
        return queued(handle, OPEN_QUESTIONS + " AND q.assigned_to = :user ORDER BY q.received_at ASC, q.id ASC",
                Map.of("user", userId));
    }

    /** Who a question is (or was last) assigned to, the editor's note to her, and when. */
    public record Assignment(long userId, String note, Instant at) {}

    public Optional<Assignment> assignment(Handle handle, long questionId) {
        return handle.createQuery("""
                        SELECT assigned_to, assigned_note, assigned_at FROM question
                        WHERE id = :id AND assigned_to IS NOT NULL""")
                .bind("id", questionId)
                .map((rs, ctx) -> new Assignment(rs.getLong("assigned_to"), rs.getString("assigned_note"),
                        instant(rs, "assigned_at", ctx)))
                .findOne();
    }

    /**
     * Gives an open question to this staff account with the editor's note, or to another one: a
     * question whose letter is being written keeps that state (the draft stays with the question).
     * False when the question is no longer open.
     */
    public boolean assign(Handle handle, long id, long userId, String note, Instant now) {
        return handle.createUpdate("""
                        UPDATE question SET assigned_to = :user, assigned_note = :note, assigned_at = :now, updated_at = :now,
                               status = CASE WHEN status = 'DRAFTING' THEN 'DRAFTING' ELSE 'ASSIGNED' END
                        WHERE id = :id AND status IN (<assignable>)""")
                .bindList("assignable", QuestionStatus.names(QuestionStatus.ASSIGNABLE))
                .bind("user", userId)
                .bind("note", note)
                .bind("now", now)
                .bind("id", id)
                .execute() == 1;
    }

    /** Her question's letter is being written: an assigned question becomes DRAFTING; false otherwise. */
    public boolean drafting(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                        UPDATE question SET status = 'DRAFTING', updated_at = :now WHERE id = :id AND status = 'ASSIGNED'""")
                .bind("now", now)
                .bind("id", id)
                .execute() == 1;
    }

    /** Claims the one telling of editors that this question waited too long; false when told already. */
    public boolean claimOverdueNotice(Handle handle, long id, Instant now) {
        return handle.createUpdate("UPDATE question SET overdue_told_at = :now WHERE id = :id AND overdue_told_at IS NULL")
                .bind("now", now)
                .bind("id", id)
                .execute() == 1;
    }

    /** An editor's message to her, kept for her status page; false when the question is no longer open. */
    public boolean message(Handle handle, long id, String body, Instant now) {
        if (QuestionRows.find(handle, id).filter(question -> question.status().open()).isEmpty()) return false;
        handle.createUpdate("INSERT INTO editor_message (question_id, body, sent_at) VALUES (:id, :body, :now)")
                .bind("id", id)
                .bind("body", body)
                .bind("now", now)
                .execute();
        return true;
    }

    /** Marks an open urgent question handled, with what the editor did; false when it is not open. */
    public boolean handled(Handle handle, long id, String by, String note, Instant now) {
        return handle.createUpdate("""
                        UPDATE question SET handled_at = :now, handled_by = :by, handled_note = :note, updated_at = :now
                        WHERE id = :id AND status IN (<open>)""")
                .bindList("open", QuestionStatus.names(QuestionStatus.OPEN))
                .bind("now", now)
                .bind("by", by)
                .bind("note", note)
                .bind("id", id)
                .execute() == 1;
    }

    /** The editors' messages to her, oldest first. */
    static List<EditorMessage> messages(Handle handle, long questionId) {
        return handle.createQuery("SELECT body, sent_at FROM editor_message WHERE question_id = :id ORDER BY sent_at, id")
                .bind("id", questionId)
                .map((rs, ctx) -> new EditorMessage(rs.getString("body"), instant(rs, "sent_at", ctx)))
                .list();
    }

    public Optional<DeskQuestion> question(Handle handle, long id) {
        return handle.createQuery("""
                        SELECT q.id, q.title, q.body, q.language, q.received_at, q.status, q.crisis_kinds, q.decline_reply,
                               q.handled_at, q.handled_by, q.handled_note, a.id AS asker_id, a.first_name, substr(a.surname, 1, 1) AS surname_initial, a.age, a.city,
                               a.country, a.role, a.pseudonym
                        FROM question q JOIN asker a ON a.id = q.asker_id
                        WHERE q.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> deskQuestion(handle, rs, ctx))
                .findOne();
    }

    /**
     * Her public byline as a letter answering this question publishes it, in the letter's
     * language, with her children's ages on the day she asked in her zone ({@link AskerZones}).
     */
    public Optional<String> byline(Handle handle, long questionId, Language language, java.time.ZoneId instanceZone) {
        return question(handle, questionId).map(found -> found.byline(language, instanceZone));
    }

    /** Declines an open question with the editor's reply; false when it is no longer open. */
    public boolean decline(Handle handle, long id, String reply, Instant now) {
        return handle.createUpdate("""
                        UPDATE question SET status = 'DECLINED', decline_reply = :reply, updated_at = :now
                        WHERE id = :id AND status IN (<open>)""")
                .bindList("open", QuestionStatus.names(QuestionStatus.OPEN))
                .bind("reply", reply)
                .bind("now", now)
                .bind("id", id)
                .execute() == 1;
    }

    /** Marks her question answered by a published letter. */
    public void answered(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE question SET status = 'PUBLISHED', updated_at = :now WHERE id = :id")
                .bind("now", now)
                .bind("id", id)
                .execute();
    }

    /** Where a mail about her question goes, and what it may say of her. */
    public record Recipient(String email, String firstName, String questionTitle, Language language) {}

    /** Empty when she gave no address that mail can reach. */
    public Optional<Recipient> recipient(Handle handle, long questionId) {
        return handle.createQuery("""
                        SELECT a.email, a.first_name, a.language, q.title
                        FROM question q JOIN asker a ON a.id = q.asker_id WHERE q.id = :id""")
                .bind("id", questionId)
                .map((rs, ctx) -> new Recipient(rs.getString("email"), rs.getString("first_name"), rs.getString("title"),
                        Language.fromCode(rs.getString("language")).orElseThrow()))
                .findOne();
    }

    private static DeskQuestion deskQuestion(Handle handle, ResultSet rs, StatementContext ctx) throws SQLException {
        Question question = ctx.findRowMapperFor(Question.class).orElseThrow().map(rs, ctx);
        int age = rs.getInt("age");
        Integer askerAge = rs.wasNull() ? null : age;
        AskerProfile profile = new AskerProfile(rs.getString("first_name"), rs.getString("surname_initial"), askerAge,
                rs.getString("city"), rs.getString("country"), Role.valueOf(rs.getString("role")),
                QuestionRepository.children(handle, rs.getLong("asker_id")));
        Instant handledAt = instant(rs, "handled_at", ctx);
        Optional<DeskQuestion.Handled> handled = handledAt == null ? Optional.empty()
                : Optional.of(new DeskQuestion.Handled(handledAt, rs.getString("handled_by"), rs.getString("handled_note")));
        return new DeskQuestion(question, profile, Optional.ofNullable(rs.getString("pseudonym")),
                QuestionRows.crisisKinds(rs.getString("crisis_kinds")), Optional.ofNullable(rs.getString("decline_reply")),
                handled, messages(handle, question.id()), CrisisReviews.signs(handle, question.id()));
    }
}

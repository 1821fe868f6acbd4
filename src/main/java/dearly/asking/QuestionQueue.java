package dearly.asking;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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

    /** Open questions, urgent ones first, then the longest waiting. */
    public List<QueuedQuestion> queue(Handle handle, int limit) {
        return handle.createQuery("""
                        SELECT q.id, q.title, q.language, q.received_at, q.status, q.crisis_kinds, a.first_name, a.country
                        FROM question q JOIN asker a ON a.id = q.asker_id
                        WHERE q.status IN (<open>)
                        ORDER BY q.urgent DESC, q.received_at ASC, q.id ASC
                        LIMIT :limit""")
                .bindList("open", QuestionStatus.names(QuestionStatus.OPEN))
                .bind("limit", limit)
                .map((rs, ctx) -> new QueuedQuestion(rs.getLong("id"), rs.getString("title"),
                        Language.fromCode(rs.getString("language")).orElseThrow(), instant(rs, "received_at", ctx),
                        QuestionStatus.valueOf(rs.getString("status")), QuestionRows.crisisKinds(rs.getString("crisis_kinds")),
                        rs.getString("first_name"), rs.getString("country")))
                .list();
    }

    public Optional<DeskQuestion> question(Handle handle, long id) {
        return handle.createQuery("""
                        SELECT q.id, q.title, q.body, q.language, q.received_at, q.status, q.crisis_kinds, q.decline_reply,
                               a.id AS asker_id, a.first_name, substr(a.surname, 1, 1) AS surname_initial, a.age, a.city,
                               a.country, a.role, a.pseudonym
                        FROM question q JOIN asker a ON a.id = q.asker_id
                        WHERE q.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> deskQuestion(handle, rs, ctx))
                .findOne();
    }

    /**
     * Her public byline as a letter answering this question publishes it, in the letter's
     * language, with her children's ages on the day she asked.
     */
    public Optional<String> byline(Handle handle, long questionId, Language language) {
        return question(handle, questionId).map(found -> found.byline(language));
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
        return new DeskQuestion(question, profile, Optional.ofNullable(rs.getString("pseudonym")),
                QuestionRows.crisisKinds(rs.getString("crisis_kinds")), Optional.ofNullable(rs.getString("decline_reply")));
    }
}

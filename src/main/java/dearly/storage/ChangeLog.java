package dearly.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The log of changes to what the public sees: a writer appends, in its own transaction, what it
 * changed ({@code kind} and the subject's id, such as a letter's); a projection of the database,
 * such as a node's search index, follows the log to stay current. The log says only what to look at
 * again, never what it says now, so it holds no text and a change applied twice does no harm.
 *
 * <p>On PostgreSQL ids are handed out when a row is written, not when its transaction commits, so a
 * follower can see id 7 before id 6 commits: it must treat a gap as a change that may still come.
 */
public final class ChangeLog {

    /** One row: {@code kind} of thing, and which one. */
    public record Change(long id, String kind, long subjectId) {}

    public void append(Handle handle, String kind, long subjectId, Instant at) {
        appendAll(handle, kind, List.of(subjectId), at);
    }

    /** One row for each subject, in this order, as one prepared batch (an import writes hundreds at a time). */
    public void appendAll(Handle handle, String kind, Collection<Long> subjectIds, Instant at) {
        if (subjectIds.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("INSERT INTO change_log (kind, subject_id, at) VALUES (:kind, :subject, :at)");
        for (long subjectId : subjectIds) batch.bind("kind", kind).bind("subject", subjectId).bind("at", at).add();
        batch.execute();
        handle.getConfig(ChangeListeners.class).afterCommit(handle);
    }

    /** The changes after that id, oldest first, at most {@code limit}. */
    public List<Change> after(Handle handle, long id, int limit) {
        return handle.createQuery("SELECT id, kind, subject_id FROM change_log WHERE id > :id ORDER BY id LIMIT :limit")
                .bind("id", id)
                .bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("id"), rs.getString("kind"), rs.getLong("subject_id")))
                .list();
    }

    /** How many changes were logged after that id: a follower's lag. */
    public long countAfter(Handle handle, long id) {
        return handle.createQuery("SELECT COUNT(*) FROM change_log WHERE id > :id").bind("id", id).mapTo(Long.class).one();
    }

    /** The id of the newest change, or 0 when nothing was ever logged. */
    public long latest(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM change_log").mapTo(Long.class).one();
    }
}

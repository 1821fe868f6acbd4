package dearly.desk;

import static dearly.storage.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Drafts and their revisions. Each save names the version it was typed on: when the draft still
 * holds that version the save becomes the next one; otherwise (a second tab, a save sent after
 * signing in again) it is kept aside as a revision of its own and the newer words stay. Every
 * method works inside the caller's transaction.
 */
final class DraftRepository {
    private static final String WORDS = "headline, standfirst, salutation, body_markdown, sign_off, topics";

    /** What became of a save: saved as the new version, or kept aside as revision {@code keptAside}. */
    record Saved(boolean applied, int version, int keptAside) {}

    Optional<Draft> find(Handle handle, long questionId) {
        return drafts(handle, "question_id = :q", questionId);
    }

    Optional<Draft> byId(Handle handle, long draftId) {
        return drafts(handle, "id = :q", draftId);
    }

    private static Optional<Draft> drafts(Handle handle, String condition, long id) {
        return handle.createQuery("SELECT id, question_id, state, version, updated_at, publish_at, letter_id, " + WORDS
                        + " FROM draft WHERE " + condition)
                .bind("q", id)
                .map((rs, ctx) -> {
                    long letter = rs.getLong("letter_id");
                    Long letterId = rs.wasNull() ? null : letter;
                    return new Draft(rs.getLong("id"), rs.getLong("question_id"), DraftState.valueOf(rs.getString("state")),
                            rs.getInt("version"), words(rs), instant(rs, "updated_at", ctx), instant(rs, "publish_at", ctx), letterId);
                })
                .findOne();
    }

    /**
     * Moves the draft to another state when it stands in one of {@code from}; false when it does not
     * (someone else moved it first: on two nodes, only one of two moves applies).
     */
    boolean move(Handle handle, long draftId, java.util.Set<DraftState> from, DraftState to, Instant publishAt, Instant now) {
        return handle.createUpdate("""
                        UPDATE draft SET state = :to, publish_at = :at, updated_at = :now WHERE id = :id AND state IN (<from>)""")
                .bindList("from", from.stream().map(Enum::name).toList())
                .bind("to", to.name())
                .bind("at", publishAt)
                .bind("now", now)
                .bind("id", draftId)
                .execute() == 1;
    }

    void approvedBy(Handle handle, long draftId, dearly.audit.Actor editor) {
        handle.createUpdate("UPDATE draft SET approved_by_id = :id, approved_by = :name WHERE id = :d")
                .bind("id", editor.id()).bind("name", editor.name()).bind("d", draftId).execute();
    }

    /** The editor who approved the draft, for the audit entry of a publication that happens on its own. */
    Optional<dearly.audit.Actor> approvedBy(Handle handle, long draftId) {
        return handle.createQuery("SELECT approved_by_id, approved_by FROM draft WHERE id = :d AND approved_by IS NOT NULL")
                .bind("d", draftId)
                .map((rs, ctx) -> new dearly.audit.Actor(rs.getLong("approved_by_id"), rs.getString("approved_by")))
                .findOne();
    }

    void published(Handle handle, long draftId, long letterId) {
        handle.createUpdate("UPDATE draft SET letter_id = :letter WHERE id = :id").bind("letter", letterId).bind("id", draftId).execute();
    }

    void addNote(Handle handle, long draftId, DraftNote note) {
        handle.createUpdate("""
                        INSERT INTO draft_note (draft_id, kind, body, written_by, written_at) VALUES (:d, :kind, :body, :by, :at)""")
                .bind("d", draftId)
                .bind("kind", note.kind().name())
                .bind("body", note.body())
                .bind("by", note.writtenBy())
                .bind("at", note.writtenAt())
                .execute();
    }

    /** What editors wrote on the draft, the newest first. */
    List<DraftNote> notes(Handle handle, long draftId) {
        return handle.createQuery("SELECT kind, body, written_by, written_at FROM draft_note WHERE draft_id = :d ORDER BY written_at DESC, id DESC")
                .bind("d", draftId)
                .map((rs, ctx) -> new DraftNote(DraftNote.Kind.valueOf(rs.getString("kind")), rs.getString("body"),
                        rs.getString("written_by"), instant(rs, "written_at", ctx)))
                .list();
    }

    /**
     * Saves the words typed on version {@code basedOn} (0: before the draft existed). The draft is
     * made by its first save.
     */
    Saved save(Handle handle, long questionId, int basedOn, DraftWords words, String by, Instant now) {
        Optional<Draft> found = find(handle, questionId);
        if (found.isEmpty() && basedOn == 0) {
            long id = bind(handle.createQuery("INSERT INTO draft (question_id, state, version, created_at, updated_at, " + WORDS + """
                            ) VALUES (:q, :state, 1, :now, :now, :headline, :standfirst, :salutation, :body, :signOff, :topics)
                            RETURNING id""")
                    .bind("q", questionId)
                    .bind("state", DraftState.DRAFTING.name())
                    .bind("now", now), words)
                    .mapTo(Long.class)
                    .one();
            addRevision(handle, id, 1, 0, false, words, by, now);
            return new Saved(true, 1, 0);
        }
        if (found.isEmpty()) {
            // Typed on a version that is gone: keep nothing aside in a draft that does not exist; start it.
            return save(handle, questionId, 0, words, by, now);
        }
        Draft draft = found.get();
        int next = nextNumber(handle, draft.id());
        // Nothing to keep when the words are the ones the draft holds, whatever version they were typed on.
        if (draft.words().equals(words)) return new Saved(true, draft.version(), 0);
        if (draft.version() != basedOn) {
            // The same words sent again (a page reloaded with them still on the device) are kept aside once.
            Optional<Revision> same = revisions(handle, draft.id()).stream()
                    .filter(revision -> revision.offered() && revision.words().equals(words)).findFirst();
            if (same.isPresent()) return new Saved(false, draft.version(), same.get().number());
            addRevision(handle, draft.id(), next, basedOn, true, words, by, now);
            return new Saved(false, draft.version(), next);
        }
        // The version in the WHERE clause makes two saves on one version apply once, even on two nodes.
        int changed = bind(handle.createUpdate("""
                        UPDATE draft SET version = :next, updated_at = :now, headline = :headline, standfirst = :standfirst,
                               salutation = :salutation, body_markdown = :body, sign_off = :signOff, topics = :topics
                        WHERE id = :id AND version = :base""")
                .bind("next", next)
                .bind("now", now)
                .bind("id", draft.id())
                .bind("base", basedOn), words)
                .execute();
        addRevision(handle, draft.id(), next, basedOn, changed == 0, words, by, now);
        return changed == 1 ? new Saved(true, next, 0) : new Saved(false, draft.version(), next);
    }

    private static int nextNumber(Handle handle, long draftId) {
        return handle.createQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM draft_revision WHERE draft_id = :d")
                .bind("d", draftId).mapTo(Integer.class).one();
    }

    private static void addRevision(Handle handle, long draftId, int number, int basedOn, boolean keptAside, DraftWords words,
            String by, Instant now) {
        bind(handle.createUpdate("INSERT INTO draft_revision (draft_id, number, based_on, kept_aside, saved_by, saved_at, " + WORDS + """
                        ) VALUES (:d, :number, :base, :kept, :by, :now, :headline, :standfirst, :salutation, :body, :signOff, :topics)""")
                .bind("d", draftId)
                .bind("number", number)
                .bind("base", basedOn)
                .bind("kept", keptAside)
                .bind("by", by)
                .bind("now", now), words)
                .execute();
    }

    /** Every revision of the draft, the newest first. */
    List<Revision> revisions(Handle handle, long draftId) {
        return handle.createQuery("SELECT id, number, based_on, kept_aside, settled, saved_by, saved_at, " + WORDS
                        + " FROM draft_revision WHERE draft_id = :d ORDER BY number DESC")
                .bind("d", draftId)
                .map((rs, ctx) -> new Revision(rs.getLong("id"), rs.getInt("number"), rs.getInt("based_on"),
                        rs.getBoolean("kept_aside"), rs.getBoolean("settled"), words(rs), rs.getString("saved_by"),
                        instant(rs, "saved_at", ctx)))
                .list();
    }

    /** A save kept aside is taken back or let go: no longer offered. */
    void settle(Handle handle, long draftId, int number) {
        handle.createUpdate("UPDATE draft_revision SET settled = TRUE WHERE draft_id = :d AND number = :n AND kept_aside")
                .bind("d", draftId).bind("n", number).execute();
    }

    private static DraftWords words(ResultSet rs) throws SQLException {
        return new DraftWords(rs.getString("headline"), rs.getString("standfirst"), rs.getString("salutation"),
                rs.getString("body_markdown"), rs.getString("sign_off"), DraftWords.topicsFrom(rs.getString("topics")));
    }

    /** Binds the words as the statements above name them. */
    private static <S extends SqlStatement<S>> S bind(S statement, DraftWords words) {
        return statement.bind("headline", words.headline())
                .bind("standfirst", words.standfirst())
                .bind("salutation", words.salutation())
                .bind("body", words.body())
                .bind("signOff", words.signOff())
                .bind("topics", words.topicsText());
    }
}

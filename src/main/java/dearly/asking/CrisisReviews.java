package dearly.asking;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Why a question is urgent and what editors decided about it: the signs the check found, each
 * with its sentence, and the false alarms editors cleared or the signs they raised by hand, kept as
 * labelled examples. Every method works inside the caller's transaction.
 */
public final class CrisisReviews {

    /** An editor's decision, as a labelled example for the crisis data (private details masked). */
    public record Example(long id, Language language, CrisisKind kind, String decision, String words, Instant decidedAt) {
        /** What the words are an example of: the kind when an editor raised it, BENIGN when she cleared it. */
        public String label() {
            return "RAISED".equals(decision) ? kind.name() : "BENIGN";
        }
    }

    /** Keeps the signs found in what she wrote (at asking, or in an edit). */
    static void keep(Handle handle, long questionId, List<CrisisSign> signs, Instant now) {
        for (CrisisSign sign : signs) {
            handle.createUpdate("""
                            INSERT INTO crisis_sign (question_id, kind, sentence, layer, found_at)
                            VALUES (:id, :kind, :sentence, :layer, :now)""")
                    .bind("id", questionId)
                    .bind("kind", sign.kind().name())
                    .bind("sentence", sign.sentence())
                    .bind("layer", sign.layer().name())
                    .bind("now", now)
                    .execute();
        }
    }

    /** The signs kept for a question, in the order they were found, without repeats. */
    static List<CrisisSign> signs(Handle handle, long questionId) {
        return handle.createQuery("SELECT kind, sentence, layer FROM crisis_sign WHERE question_id = :id ORDER BY id")
                .bind("id", questionId)
                .map((rs, ctx) -> new CrisisSign(CrisisKind.valueOf(rs.getString("kind")), rs.getString("sentence"),
                        CrisisSign.Layer.valueOf(rs.getString("layer"))))
                .list()
                .stream().distinct().toList();
    }

    /**
     * An editor judges a sign a false alarm: the kind leaves the question (no longer urgent when it
     * was the last), and each sentence that raised it is kept as a benign example. False when the
     * question does not show that kind.
     */
    public boolean clear(Handle handle, long questionId, CrisisKind kind, String editor, Instant now) {
        Set<String> kinds = kindsOf(handle, questionId);
        if (!kinds.remove(kind.name())) return false;
        setKinds(handle, questionId, kinds, now);
        List<String> sentences = signs(handle, questionId).stream().filter(sign -> sign.kind() == kind)
                .map(CrisisSign::sentence).distinct().toList();
        for (String sentence : sentences) review(handle, questionId, kind, "CLEARED", sentence, editor, now);
        handle.createUpdate("DELETE FROM crisis_sign WHERE question_id = :id AND kind = :kind")
                .bind("id", questionId)
                .bind("kind", kind.name())
                .execute();
        return true;
    }

    /**
     * An editor raises a sign the check missed, quoting the words that show it: the question
     * becomes urgent with that kind, and the words are kept as an example of it.
     */
    public boolean raise(Handle handle, long questionId, CrisisKind kind, String words, String editor, Instant now) {
        Set<String> kinds = kindsOf(handle, questionId);
        if (QuestionRows.find(handle, questionId).isEmpty()) return false;
        kinds.add(kind.name());
        setKinds(handle, questionId, kinds, now);
        CrisisReviews.keep(handle, questionId, List.of(new CrisisSign(kind, words, CrisisSign.Layer.EDITOR)), now);
        review(handle, questionId, kind, "RAISED", words, editor, now);
        return true;
    }

    /** Every decision editors made, oldest first, with private details masked: for the crisis data. */
    public List<Example> examples(Handle handle) {
        return handle.createQuery("SELECT id, kind, decision, words, language, decided_at FROM crisis_review ORDER BY id")
                .map((rs, ctx) -> new Example(rs.getLong("id"), Language.fromCode(rs.getString("language")).orElseThrow(),
                        CrisisKind.valueOf(rs.getString("kind")), rs.getString("decision"),
                        MarkedText.of(rs.getString("words")).masked(), instant(rs, "decided_at", ctx)))
                .list();
    }

    private static void review(Handle handle, long questionId, CrisisKind kind, String decision, String words, String editor,
            Instant now) {
        handle.createUpdate("""
                        INSERT INTO crisis_review (question_id, kind, decision, words, language, decided_by, decided_at)
                        SELECT id, :kind, :decision, :words, language, :editor, :now FROM question WHERE id = :id""")
                .bind("id", questionId)
                .bind("kind", kind.name())
                .bind("decision", decision)
                .bind("words", words)
                .bind("editor", editor)
                .bind("now", now)
                .execute();
    }

    private static Set<String> kindsOf(Handle handle, long questionId) {
        return handle.createQuery("SELECT crisis_kinds FROM question WHERE id = :id").bind("id", questionId)
                .mapTo(String.class).findOne().map(QuestionRows::crisisKinds).map(TreeSet::new).orElseGet(TreeSet::new);
    }

    private static void setKinds(Handle handle, long questionId, Set<String> kinds, Instant now) {
        handle.createUpdate("UPDATE question SET crisis_kinds = :kinds, urgent = :urgent, updated_at = :now WHERE id = :id")
                .bind("kinds", QuestionRows.crisisKinds(kinds))
                .bind("urgent", !kinds.isEmpty())
                .bind("now", now)
                .bind("id", questionId)
                .execute();
    }
}

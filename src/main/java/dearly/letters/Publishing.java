package dearly.letters;

import dearly.language.Language;
import dearly.storage.ChangeLog;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes advisors, topics and letters, and keeps each letter's link to the question it answers.
 * Each method works inside the caller's transaction, so that one editorial action is one commit.
 * Every change to what a reader can see of a letter is also written to the change log in that
 * transaction ({@link #LETTER_CHANGED}), which each node's search index follows.
 */
public final class Publishing {
    /** The change log's kind for "look at this letter again": published, edited, unpublished or its byline taken off. */
    public static final String LETTER_CHANGED = "letter";
    /** The change log's kind for a topic added or renamed (its page and the topics list). */
    public static final String TOPIC_CHANGED = "topic";
    /** The change log's kind for an advisor's public profile: name, bio or photo. */
    public static final String ADVISOR_CHANGED = "advisor";

    private final ChangeLog changes = new ChangeLog();

    /**
     * A letter ready to publish; {@code publishAt} in the future schedules it.
     *
     * @param byline the asker's public byline as it is published (asking's {@code Byline}); empty without an asker
     */
    public record Draft(
            Long questionId, String slug, Words words, String byline, long advisorId, List<Long> topicIds,
            Language language, Instant publishAt) {
        public Draft {
            if (slug == null || slug.isBlank()) throw new IllegalArgumentException("a letter has a slug");
            if (words == null) throw new IllegalArgumentException("a letter has its words");
            byline = byline == null ? "" : byline;
            topicIds = List.copyOf(topicIds);
        }
    }

    /** True when no advisor and no letter exist yet, published or not. */
    public boolean nothingWritten(Handle handle) {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM advisor) + (SELECT COUNT(*) FROM letter)")
                .mapTo(Long.class)
                .one() == 0;
    }

    public long addAdvisor(Handle handle, String slug, String displayName, String bio, Instant now) {
        return handle.createQuery("""
                        INSERT INTO advisor (slug, display_name, bio, created_at)
                        VALUES (:slug, :displayName, :bio, :now) RETURNING id""")
                .bind("slug", slug)
                .bind("displayName", displayName)
                .bind("bio", bio)
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }

    /**
     * The advisor row a staff account signs her letters with: the one linked to the account, else a
     * new one made from her name. A name alone never hands her an existing page: an invitee chooses
     * her own name, and could otherwise choose another advisor's (see {@link #claimAdvisor}).
     */
    public Advisor advisorFor(Handle handle, long userId, String displayName, Instant now) {
        Optional<Advisor> linked = advisorWhere(handle, "user_id = :user", userId, displayName);
        if (linked.isPresent()) return linked.get();
        String base = Slugs.of(displayName), slug = base;
        for (int n = 2; handle.createQuery("SELECT COUNT(*) FROM advisor WHERE slug = :slug").bind("slug", slug)
                .mapTo(Integer.class).one() > 0; n++) {
            slug = base + "-" + n;
        }
        long id = addAdvisor(handle, slug, displayName, "", now);
        handle.createUpdate("UPDATE advisor SET user_id = :user WHERE id = :id").bind("user", userId).bind("id", id).execute();
        return new Advisor(id, slug, displayName, "", null);
    }

    /**
     * Links the account to the advisor row with exactly her name that no account holds yet (the demo's
     * "Lina P." when the operator adds Lina); false when there is none. Only the operator's
     * {@code dearly user add} calls this, since the operator knows who the name belongs to.
     */
    public boolean claimAdvisor(Handle handle, long userId, String displayName) {
        Optional<Advisor> named = advisorWhere(handle, "user_id IS NULL AND display_name = :name", userId, displayName);
        named.ifPresent(advisor -> handle.createUpdate("UPDATE advisor SET user_id = :user WHERE id = :id")
                .bind("user", userId).bind("id", advisor.id()).execute());
        return named.isPresent();
    }

    /** The advisor row linked to this staff account, if she has signed or been given a letter. */
    public Optional<Advisor> advisorOf(Handle handle, long userId) {
        return advisorWhere(handle, "user_id = :user", userId, "");
    }

    private static Optional<Advisor> advisorWhere(Handle handle, String condition, long userId, String displayName) {
        return handle.createQuery("SELECT id, slug, display_name, bio, photo_path FROM advisor WHERE " + condition + " ORDER BY id")
                .bind("user", userId)
                .bind("name", displayName)
                .map((rs, ctx) -> new Advisor(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"),
                        rs.getString("bio"), rs.getString("photo_path")))
                .findFirst();
    }

    public long addTopic(Handle handle, String slug, String nameEn, String nameEs) {
        return handle.createQuery("""
                        INSERT INTO topic (slug, name_en, name_es) VALUES (:slug, :nameEn, :nameEs) RETURNING id""")
                .bind("slug", slug)
                .bind("nameEn", nameEn)
                .bind("nameEs", nameEs)
                .mapTo(Long.class)
                .one();
    }

    public long publish(Handle handle, Draft draft, Instant now) {
        long letterId = handle.createQuery("""
                        INSERT INTO letter (question_id, slug, headline, byline, standfirst, salutation, body_markdown, sign_off,
                                            advisor_id, language, published_at, created_at, updated_at)
                        VALUES (:questionId, :slug, :headline, :byline, :standfirst, :salutation, :body, :signOff,
                                :advisorId, :language, :publishAt, :now, :now)
                        RETURNING id""")
                .bind("questionId", draft.questionId())
                .bind("slug", draft.slug())
                .bind("headline", draft.words().headline())
                .bind("byline", draft.byline())
                .bind("standfirst", draft.words().standfirst())
                .bind("salutation", draft.words().salutation())
                .bind("body", draft.words().bodyMarkdown())
                .bind("signOff", draft.words().signOff())
                .bind("advisorId", draft.advisorId())
                .bind("language", draft.language().code())
                .bind("publishAt", draft.publishAt())
                .bind("now", now)
                .mapTo(Long.class)
                .one();
        fileUnder(handle, letterId, draft.topicIds());
        changes.append(handle, LETTER_CHANGED, letterId, now);
        return letterId;
    }

    /** Files the letter under exactly these topics, in place of any it had. */
    static void fileUnder(Handle handle, long letterId, Collection<Long> topicIds) {
        fileUnder(handle, Map.of(letterId, topicIds));
    }

    /** Files each letter under exactly its topics, in place of any it had: two statements for a whole import batch. */
    static void fileUnder(Handle handle, Map<Long, ? extends Collection<Long>> topicsByLetter) {
        if (topicsByLetter.isEmpty()) return;
        handle.createUpdate("DELETE FROM letter_topic WHERE letter_id IN (<ids>)").bindList("ids", List.copyOf(topicsByLetter.keySet())).execute();
        PreparedBatch filed = handle.prepareBatch("INSERT INTO letter_topic (letter_id, topic_id) VALUES (:letterId, :topicId)");
        topicsByLetter.forEach((letterId, topicIds) -> {
            for (long topicId : new LinkedHashSet<>(topicIds)) filed.bind("letterId", letterId).bind("topicId", topicId).add();
        });
        if (filed.size() > 0) filed.execute();
    }

    /** A slug no letter has yet: the headline's, with -2, -3... when taken. */
    public String freeSlug(Handle handle, String headline) {
        return freeSlug(handle, Slugs.of(headline), -1);
    }

    /**
     * The slug, or the slug with -2, -3... when a letter other than {@code letterId} has it. Each try
     * is one lookup by the unique index; a LIKE would read the whole table on SQLite, once per letter.
     */
    static String freeSlug(Handle handle, String wanted, long letterId) {
        return freeSlug(handle, wanted, letterId, Set.of());
    }

    /** As above, also passing over the slugs an import batch has already given its other letters. */
    static String freeSlug(Handle handle, String wanted, long letterId, Set<String> given) {
        String slug = wanted;
        for (int n = 2; given.contains(slug) || handle.createQuery("SELECT COUNT(*) FROM letter WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", letterId).mapTo(Integer.class).one() > 0; n++) {
            slug = wanted + "-" + n;
        }
        return slug;
    }

    /** The slug of a letter, published or not. */
    public Optional<String> slugOf(Handle handle, long letterId) {
        return handle.createQuery("SELECT slug FROM letter WHERE id = :id").bind("id", letterId).mapTo(String.class).findOne();
    }

    /**
     * Changes a published letter's words and shows the editor's note for readers beside them; the
     * search index follows from the change log.
     */
    public void correct(Handle handle, long letterId, Words words, List<Long> topicIds, String note, Instant now) {
        handle.createUpdate("""
                        UPDATE letter SET headline = :headline, standfirst = :standfirst, salutation = :salutation,
                               body_markdown = :body, sign_off = :signOff, correction_note = :note, corrected_at = :now,
                               updated_at = :now
                        WHERE id = :id""")
                .bind("headline", words.headline())
                .bind("standfirst", words.standfirst())
                .bind("salutation", words.salutation())
                .bind("body", words.bodyMarkdown())
                .bind("signOff", words.signOff())
                .bind("note", note)
                .bind("now", now)
                .bind("id", letterId)
                .execute();
        fileUnder(handle, letterId, topicIds);
        changes.append(handle, LETTER_CHANGED, letterId, now);
    }

    /** Takes a letter down: gone from every list, search and the API; its page answers 410. False when already down. */
    public boolean unpublish(Handle handle, long letterId, Instant now) {
        boolean down = handle.createUpdate("""
                        UPDATE letter SET unpublished_at = :now, updated_at = :now WHERE id = :id AND unpublished_at IS NULL""")
                .bind("now", now).bind("id", letterId).execute() == 1;
        if (down) changes.append(handle, LETTER_CHANGED, letterId, now);
        return down;
    }

    /** The slug of the published letter that answers the question, for her status page. */
    public Optional<String> answerTo(Handle handle, long questionId) {
        return handle.createQuery("""
                        SELECT MIN(slug) FROM letter WHERE question_id = :id AND published_at IS NOT NULL AND unpublished_at IS NULL""")
                .bind("id", questionId)
                .mapTo(String.class)
                .findOne();
    }

    /**
     * Takes the asker's byline off the letters that answered these questions, when she erases
     * everything: the letters stay published, no longer saying who asked.
     */
    public void forgetAsker(Handle handle, List<Long> questionIds) {
        if (questionIds.isEmpty()) return;
        List<Long> letters = handle.createQuery("SELECT id FROM letter WHERE question_id IN (<ids>)")
                .bindList("ids", questionIds)
                .mapTo(Long.class)
                .list();
        handle.createUpdate("UPDATE letter SET byline = '', question_id = NULL WHERE question_id IN (<ids>)")
                .bindList("ids", questionIds)
                .execute();
        // The time is for whoever reads the log; followers go by its order, not by this.
        letters.forEach(letterId -> changes.append(handle, LETTER_CHANGED, letterId, Instant.now()));
    }

    /** A letter published before letters kept their byline, and the question it answers. */
    public record MissingByline(long letterId, long questionId, Language language) {}

    /** The letters whose byline was never taken (published by a version that did not keep it). */
    public List<MissingByline> missingBylines(Handle handle) {
        return handle.createQuery("""
                        SELECT id, question_id, language FROM letter WHERE byline IS NULL AND question_id IS NOT NULL""")
                .map((rs, ctx) -> new MissingByline(rs.getLong("id"), rs.getLong("question_id"),
                        Language.fromCode(rs.getString("language")).orElse(Language.EN)))
                .list();
    }

    public void keepByline(Handle handle, long letterId, String byline) {
        handle.createUpdate("UPDATE letter SET byline = :byline WHERE id = :id")
                .bind("byline", byline)
                .bind("id", letterId)
                .execute();
        changes.append(handle, LETTER_CHANGED, letterId, Instant.now());
    }
}

package dearly.desk;

import dearly.language.Language;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes advisors, topics and letters. Each method works inside the caller's transaction, so that
 * one editorial action is one commit.
 */
public final class Publishing {

    /** A letter ready to publish; {@code publishAt} in the future schedules it. */
    public record Draft(
            Long questionId,
            String slug,
            String headline,
            String standfirst,
            String salutation,
            String bodyMarkdown,
            String signOff,
            long advisorId,
            List<Long> topicIds,
            Language language,
            Instant publishAt) {
        public Draft {
            if (slug == null || slug.isBlank()) throw new IllegalArgumentException("a letter has a slug");
            if (headline == null || headline.isBlank()) throw new IllegalArgumentException("a letter has a headline");
            topicIds = List.copyOf(topicIds);
        }
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
                        INSERT INTO letter (question_id, slug, headline, standfirst, salutation, body_markdown, sign_off,
                                            advisor_id, language, published_at, created_at, updated_at)
                        VALUES (:questionId, :slug, :headline, :standfirst, :salutation, :body, :signOff,
                                :advisorId, :language, :publishAt, :now, :now)
                        RETURNING id""")
                .bind("questionId", draft.questionId())
                .bind("slug", draft.slug())
                .bind("headline", draft.headline())
                .bind("standfirst", draft.standfirst())
                .bind("salutation", draft.salutation())
                .bind("body", draft.bodyMarkdown())
                .bind("signOff", draft.signOff())
                .bind("advisorId", draft.advisorId())
                .bind("language", draft.language().code())
                .bind("publishAt", draft.publishAt())
                .bind("now", now)
                .mapTo(Long.class)
                .one();
        for (long topicId : draft.topicIds()) {
            handle.createUpdate("INSERT INTO letter_topic (letter_id, topic_id) VALUES (:letterId, :topicId)")
                    .bind("letterId", letterId)
                    .bind("topicId", topicId)
                    .execute();
        }
        return letterId;
    }
}

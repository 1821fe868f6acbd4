package dearly.letters;

import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.storage.ChangeLog;
import dearly.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The admins' changes to the column's topics: a slug (the topic's address, /topics/slug) and a name
 * in each language. Each change is one transaction with its audit entry. Topics are not deleted:
 * letters are filed under them and their addresses are shared.
 */
public final class TopicEditor {
    private final Database database;
    private final AuditLog audit;
    private final ChangeLog changes = new ChangeLog();

    public TopicEditor(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Every topic, by English name. */
    public List<Topic> all() {
        return database.read(handle -> handle.createQuery("SELECT id, slug, name_en, name_es FROM topic ORDER BY name_en, id")
                .map((rs, ctx) -> new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name_en"), rs.getString("name_es")))
                .list());
    }

    public Optional<Topic> find(long id) {
        return all().stream().filter(topic -> topic.id() == id).findFirst();
    }

    /** Adds a topic (its id is ignored); empty when another topic has its slug. */
    public Optional<Long> add(Topic topic, Actor admin) {
        return database.write(handle -> {
            if (slugTaken(handle, topic.slug(), -1)) return Optional.<Long>empty();
            long id = handle.createQuery("INSERT INTO topic (slug, name_en, name_es) VALUES (:slug, :nameEn, :nameEs) RETURNING id")
                    .bind("slug", topic.slug()).bind("nameEn", topic.nameEn()).bind("nameEs", topic.nameEs())
                    .mapTo(Long.class)
                    .one();
            recorded(handle, admin, "column-topic.added", id, topic);
            changes.append(handle, Publishing.TOPIC_CHANGED, id, Instant.now());
            return Optional.of(id);
        });
    }

    /** What became of a change: saved, the slug belongs to another topic, or the topic is gone. */
    public enum Outcome { SAVED, SLUG_TAKEN, GONE }

    public Outcome update(long id, Topic topic, Actor admin) {
        return database.write(handle -> {
            if (slugTaken(handle, topic.slug(), id)) return Outcome.SLUG_TAKEN;
            int changed = handle.createUpdate("UPDATE topic SET slug = :slug, name_en = :nameEn, name_es = :nameEs WHERE id = :id")
                    .bind("slug", topic.slug()).bind("nameEn", topic.nameEn()).bind("nameEs", topic.nameEs()).bind("id", id)
                    .execute();
            if (changed == 0) return Outcome.GONE;
            recorded(handle, admin, "column-topic.changed", id, topic);
            // Its letters name it on their pages and in the search index.
            changes.append(handle, Publishing.TOPIC_CHANGED, id, Instant.now());
            changes.appendAll(handle, Publishing.LETTER_CHANGED, handle.createQuery("SELECT letter_id FROM letter_topic WHERE topic_id = :id")
                    .bind("id", id).mapTo(Long.class).list(), Instant.now());
            return Outcome.SAVED;
        });
    }

    private static boolean slugTaken(Handle handle, String slug, long except) {
        return handle.createQuery("SELECT COUNT(*) FROM topic WHERE slug = :slug AND id <> :except")
                .bind("slug", slug).bind("except", except).mapTo(Integer.class).one() > 0;
    }

    private void recorded(Handle handle, Actor admin, String action, long id, Topic topic) {
        audit.record(handle, admin, action, Subject.of("topic", id), topic.slug() + " · " + topic.nameEn() + " / " + topic.nameEs());
    }
}

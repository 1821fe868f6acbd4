package dearly.desk;

import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.storage.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The decline templates admins keep (three kind ones come with the V16 migration). Each change is
 * one transaction with its audit entry; the entry names the template by its English title, never
 * a parent.
 */
public final class DeclineTemplates {
    private static final String COLUMNS = "id, title_en, title_es, text_en, text_es";

    private final Database database;
    private final AuditLog audit;

    public DeclineTemplates(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Every template, by English title. */
    public List<DeclineTemplate> all() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM decline_template ORDER BY title_en, id")
                .map((rs, ctx) -> new DeclineTemplate(rs.getLong("id"), rs.getString("title_en"), rs.getString("title_es"),
                        rs.getString("text_en"), rs.getString("text_es")))
                .list());
    }

    public Optional<DeclineTemplate> find(long id) {
        return all().stream().filter(template -> template.id() == id).findFirst();
    }

    /** Adds a template (its id is ignored); returns the new id. */
    public long add(DeclineTemplate template, Actor admin) {
        return database.write(handle -> {
            long id = handle.createQuery("""
                            INSERT INTO decline_template (title_en, title_es, text_en, text_es)
                            VALUES (:titleEn, :titleEs, :textEn, :textEs)
                            RETURNING id""")
                    .bindMap(columns(template))
                    .mapTo(Long.class)
                    .one();
            recorded(handle, admin, "decline-template.added", id, template);
            return id;
        });
    }

    /** Replaces a template's words; false when it is gone. */
    public boolean update(long id, DeclineTemplate template, Actor admin) {
        return database.write(handle -> {
            int changed = handle.createUpdate("""
                            UPDATE decline_template SET title_en = :titleEn, title_es = :titleEs, text_en = :textEn, text_es = :textEs
                            WHERE id = :id""")
                    .bindMap(columns(template))
                    .bind("id", id)
                    .execute();
            if (changed == 0) return false;
            recorded(handle, admin, "decline-template.changed", id, template);
            return true;
        });
    }

    /** Removes a template; false when it was already gone. */
    public boolean delete(long id, Actor admin) {
        Optional<DeclineTemplate> found = find(id);
        return database.write(handle -> {
            if (handle.createUpdate("DELETE FROM decline_template WHERE id = :id").bind("id", id).execute() == 0) return false;
            recorded(handle, admin, "decline-template.deleted", id, found.orElseThrow());
            return true;
        });
    }

    private void recorded(Handle handle, Actor admin, String action, long id, DeclineTemplate template) {
        audit.record(handle, admin, action, Subject.of("decline-template", id), template.titleEn() + " / " + template.titleEs());
    }

    private static Map<String, Object> columns(DeclineTemplate template) {
        return Map.of("titleEn", template.titleEn(), "titleEs", template.titleEs(), "textEn", template.textEn(),
                "textEs", template.textEs());
    }
}

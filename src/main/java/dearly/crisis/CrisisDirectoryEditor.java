package dearly.crisis;

import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.language.Language;
import dearly.storage.Database;
import dearly.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The admins' changes to the crisis directory that {@link CrisisDirectory} reads for
 * parents: each change is one transaction, so a parent never sees half of one. A country's resources
 * are listed by their position, which a change keeps as 0, 1, 2... in the order the admin sees.
 */
public final class CrisisDirectoryEditor {
    private final Database database;
    private final AuditLog audit;

    /** @param audit where each change is recorded, with who made it, in the change's own transaction */
    public CrisisDirectoryEditor(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Every resource, grouped by country (by ISO code), each country's in the order parents see them. */
    public List<EditableResource> all() {
        return database.read(handle -> handle.createQuery("SELECT id, position, " + CrisisRows.COLUMNS + """
                         FROM crisis_resource
                        ORDER BY country, position, id""")
                .map((rs, ctx) -> editable(rs))
                .list());
    }

    public Optional<EditableResource> find(long id) {
        return database.read(handle -> handle.createQuery("SELECT id, position, " + CrisisRows.COLUMNS + """
                         FROM crisis_resource
                        WHERE id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> editable(rs))
                .findOne());
    }

    /** Adds the resource last in its country's list; returns its id. */
    public long add(CrisisResource resource, Actor admin) {
        return database.write(handle -> {
            long id = CrisisRows.insert(handle, resource, order(handle, resource.country()).size());
            recorded(handle, admin, "crisis-directory.added", id, described(resource));
            return id;
        });
    }

    private void recorded(Handle handle, Actor admin, String action, long id, String detail) {
        audit.record(handle, admin, action, Subject.of("crisis-resource", id), detail);
    }

    /** What the log says of a resource: where it is listed, its name and its number, all public. */
    private static String described(CrisisResource resource) {
        return resource.country() + " · " + resource.name() + (resource.phone() == null ? "" : " · " + resource.phone());
    }

    /**
     * Replaces the resource; one moved to another country goes last in that country's list. False
     * when there is no such resource (another admin deleted it meanwhile).
     */
    public boolean update(long id, CrisisResource resource, Actor admin) {
        return database.write(handle -> {
            Optional<String> country = countryOf(handle, id);
            if (country.isEmpty()) return false;
            boolean sameCountry = country.get().equals(resource.country());
            int position = sameCountry ? positionOf(handle, id) : order(handle, resource.country()).size();
            handle.createUpdate("""
                            UPDATE crisis_resource
                            SET country = :country, position = :position, name = :name, phone = :phone, url = :url,
                                kind = :kind, languages = :languages, source = :source
                            WHERE id = :id""")
                    .bind("id", id)
                    .bind("position", position)
                    .bindMap(CrisisRows.columns(resource))
                    .execute();
            if (!sameCountry) renumber(handle, order(handle, country.get()));
            recorded(handle, admin, "crisis-directory.changed", id, described(resource));
            return true;
        });
    }

    /** Removes the resource; false when it was already gone. */
    public boolean delete(long id, Actor admin) {
        return database.write(handle -> {
            Optional<String> country = countryOf(handle, id);
            if (country.isEmpty()) return false;
            recorded(handle, admin, "crisis-directory.deleted", id, country.get());
            handle.createUpdate("DELETE FROM crisis_resource WHERE id = :id").bind("id", id).execute();
            renumber(handle, order(handle, country.get()));
            return true;
        });
    }

    /**
     * Moves the resource {@code delta} places within its country's list: -1 is up, towards the top
     * that parents read first. A move past either end stops there. False when there is no such resource.
     */
    public boolean move(long id, int delta, Actor admin) {
        return database.write(handle -> {
            Optional<String> country = countryOf(handle, id);
            if (country.isEmpty()) return false;
            List<Long> order = new ArrayList<>(order(handle, country.get()));
            int from = order.indexOf(id);
            int to = Math.clamp((long) from + delta, 0, order.size() - 1);
            order.add(to, order.remove(from));
            renumber(handle, order);
            recorded(handle, admin, "crisis-directory.moved", id, country.get() + " " + (from + 1) + " → " + (to + 1));
            return true;
        });
    }

    /** The stored texts for immediate danger; a language without one is absent. */
    public Map<Language, String> fallbacks() {
        Map<Language, String> fallbacks = new EnumMap<>(Language.class);
        database.read(handle -> handle.createQuery("SELECT language, message FROM crisis_fallback")
                        .map((rs, ctx) -> Map.entry(rs.getString("language"), rs.getString("message")))
                        .list())
                .forEach(row -> Language.fromCode(row.getKey()).ifPresent(language -> fallbacks.put(language, row.getValue())));
        return fallbacks;
    }

    /** Sets what to do in immediate danger, in one language. */
    public void setFallback(Language language, String message, Actor admin) {
        if (message == null || message.isBlank()) throw new IllegalArgumentException("the text for immediate danger is never empty");
        database.write(handle -> {
            handle.createUpdate("""
                            INSERT INTO crisis_fallback (language, message) VALUES (:language, :message)
                            ON CONFLICT (language) DO UPDATE SET message = excluded.message""")
                    .bind("language", language.code())
                    .bind("message", message)
                    .execute();
            audit.record(handle, admin, "crisis-directory.fallback-changed", new Subject("crisis-fallback", language.code()), "");
            return null;
        });
    }

    /**
     * The ids of a country's resources in their order. On PostgreSQL the rows are locked until the
     * transaction ends, so two admins reordering one country at once take turns instead of one
     * silently undoing the other; SQLite runs one write at a time anyway.
     */
    private List<Long> order(Handle handle, String country) {
        String lock = database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        return handle.createQuery("SELECT id FROM crisis_resource WHERE country = :country ORDER BY position, id" + lock)
                .bind("country", country)
                .mapTo(Long.class)
                .list();
    }

    private static void renumber(Handle handle, List<Long> order) {
        var batch = handle.prepareBatch("UPDATE crisis_resource SET position = :position WHERE id = :id");
        for (int position = 0; position < order.size(); position++) {
            batch.bind("position", position).bind("id", order.get(position)).add();
        }
        if (!order.isEmpty()) batch.execute();
    }

    private static Optional<String> countryOf(Handle handle, long id) {
        return handle.createQuery("SELECT country FROM crisis_resource WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    private static int positionOf(Handle handle, long id) {
        return handle.createQuery("SELECT position FROM crisis_resource WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    private static EditableResource editable(ResultSet rs) throws SQLException {
        return new EditableResource(rs.getLong("id"), rs.getInt("position"), CrisisRows.resource(rs));
    }
}

package dearly.audit;

import dearly.storage.Columns;
import dearly.storage.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The audit log: every editorial action, who did it, when and on what, kept for good. A feature
 * records inside its own transaction ({@link #record}), so an action and its entry are committed
 * together or not at all. There is no way here to change or remove an entry, and the database's
 * triggers refuse one too.
 *
 * <p>{@code detail} says what changed in words an admin reads ("urgent wait 120 → 60 minutes");
 * it must never carry a parent's words or what was written to her, which an erase could not take
 * back.
 */
public final class AuditLog {
    public static final int PAGE_SIZE = 50;
    static final int DETAIL_MAX = 2_000;

    private final Database database;
    private final Supplier<Instant> clock;

    public AuditLog(Database database, Supplier<Instant> clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records an action in the caller's transaction. */
    public void record(Handle handle, Actor who, String action, Subject on, String detail) {
        insert(handle, who, action, on, detail, null);
    }

    /** Records an override with the reason its author wrote, in the caller's transaction. */
    public void recordOverride(Handle handle, Actor who, String action, Subject on, String detail, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("an override needs a written reason");
        insert(handle, who, action, on, detail, reason);
    }

    private void insert(Handle handle, Actor who, String action, Subject on, String detail, String reason) {
        if (action == null || action.isBlank()) throw new IllegalArgumentException("an audited action has a name");
        handle.createUpdate("""
                        INSERT INTO audit_entry (at, actor_id, actor_name, action, subject_kind, subject_id, detail, reason)
                        VALUES (:at, :actorId, :actorName, :action, :subjectKind, :subjectId, :detail, :reason)""")
                .bind("at", clock.get())
                .bind("actorId", who.id())
                .bind("actorName", who.name())
                .bind("action", action)
                .bind("subjectKind", on.kind())
                .bind("subjectId", on.id())
                .bind("detail", shortened(detail == null ? "" : detail))
                .bind("reason", reason)
                .execute();
    }

    private static String shortened(String detail) {
        return detail.codePointCount(0, detail.length()) <= DETAIL_MAX ? detail
                : detail.substring(0, detail.offsetByCodePoints(0, DETAIL_MAX)) + "…";
    }

    /** One page of the entries the filter matches, newest first; one more than a page is read to tell whether more follow. */
    public List<AuditEntry> find(AuditFilter filter, int page) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor_id, actor_name, action, subject_kind, subject_id, detail, reason
                  FROM audit_entry WHERE 1 = 1""");
        Map<String, Object> binds = new LinkedHashMap<>();
        filter.actorId().ifPresent(id -> condition(sql, binds, " AND actor_id = :actorId", "actorId", id));
        filter.action().ifPresent(action -> condition(sql, binds, " AND action = :action", "action", action));
        filter.subjectKind().ifPresent(kind -> condition(sql, binds, " AND subject_kind = :kind", "kind", kind));
        filter.subjectId().ifPresent(id -> condition(sql, binds, " AND subject_id = :subjectId", "subjectId", id));
        filter.from().ifPresent(from -> condition(sql, binds, " AND at >= :from", "from", from));
        filter.until().ifPresent(until -> condition(sql, binds, " AND at < :until", "until", until));
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        binds.put("limit", PAGE_SIZE + 1);
        binds.put("offset", Math.max(0, page) * PAGE_SIZE);
        return database.read(handle -> {
            var query = handle.createQuery(sql.toString());
            binds.forEach(query::bind);
            return query.map((rs, ctx) -> new AuditEntry(rs.getLong("id"), Columns.instant(rs, "at", ctx),
                            new Actor(rs.getLong("actor_id"), rs.getString("actor_name")), rs.getString("action"),
                            new Subject(rs.getString("subject_kind"), rs.getString("subject_id")), rs.getString("detail"),
                            Optional.ofNullable(rs.getString("reason"))))
                    .list();
        });
    }

    private static void condition(StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
        sql.append(clause);
        binds.put(name, value);
    }

    /** Every action name and subject kind recorded so far, and who acted, for the filter's lists. */
    public Choices choices() {
        return database.read(handle -> new Choices(
                handle.createQuery("SELECT DISTINCT action FROM audit_entry ORDER BY action").mapTo(String.class).list(),
                handle.createQuery("SELECT DISTINCT subject_kind FROM audit_entry ORDER BY subject_kind").mapTo(String.class).list(),
                new ArrayList<>(handle.createQuery("""
                                SELECT actor_id, MAX(actor_name) AS actor_name FROM audit_entry
                                 GROUP BY actor_id ORDER BY MAX(actor_name)""")
                        .map((rs, ctx) -> new Actor(rs.getLong("actor_id"), rs.getString("actor_name"))).list())));
    }

    /** What the filter offers: the actions, subject kinds and people in the log. */
    public record Choices(List<String> actions, List<String> subjectKinds, List<Actor> people) {}
}

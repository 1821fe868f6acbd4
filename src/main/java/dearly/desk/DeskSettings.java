package dearly.desk;

import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.storage.Database;
import java.time.Duration;
import java.util.Optional;

/**
 * The desk's settings that admins change. Today one: how long an urgent question may wait, with no
 * editor marking it handled, before every editor is told.
 */
public final class DeskSettings {
    /** A mother in crisis was shown help at once; an editor should still have read her within hours. */
    public static final Duration DEFAULT_URGENT_WAIT = Duration.ofHours(2);
    public static final Duration SHORTEST_URGENT_WAIT = Duration.ofMinutes(5);
    public static final Duration LONGEST_URGENT_WAIT = Duration.ofDays(7);
    private static final String URGENT_WAIT = "urgent_wait_minutes";

    private final Database database;
    private final AuditLog audit;

    public DeskSettings(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    public Duration urgentWait() {
        return database.read(DeskSettings::urgentWait);
    }

    private static Duration urgentWait(org.jdbi.v3.core.Handle handle) {
        Optional<String> stored = handle.createQuery("SELECT value FROM desk_setting WHERE name = :name")
                .bind("name", URGENT_WAIT)
                .mapTo(String.class)
                .findOne();
        return stored.map(minutes -> Duration.ofMinutes(Long.parseLong(minutes))).orElse(DEFAULT_URGENT_WAIT);
    }

    /** Changes how long an urgent question may wait, and records who changed it from what. */
    public void setUrgentWait(Duration wait, Actor admin) {
        if (wait.compareTo(SHORTEST_URGENT_WAIT) < 0 || wait.compareTo(LONGEST_URGENT_WAIT) > 0) {
            throw new IllegalArgumentException("an urgent question's wait is between 5 minutes and 7 days");
        }
        database.write(handle -> {
            long before = urgentWait(handle).toMinutes();
            handle.createUpdate("""
                            INSERT INTO desk_setting (name, value) VALUES (:name, :value)
                            ON CONFLICT (name) DO UPDATE SET value = excluded.value""")
                    .bind("name", URGENT_WAIT)
                    .bind("value", Long.toString(wait.toMinutes()))
                    .execute();
            audit.record(handle, admin, "desk-settings.changed", new Subject("desk-setting", URGENT_WAIT),
                    URGENT_WAIT + ": " + before + " → " + wait.toMinutes());
            return null;
        });
    }
}

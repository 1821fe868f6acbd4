package dearly.storage;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The name this database was given once, at random: what a projection (a node's search index)
 * records to tell this database from another with the same schema. Every node asks the same row, so
 * all nodes on one PostgreSQL agree; the first to ask names it, and a second racing it keeps the
 * first's name.
 */
public final class DatabaseIdentity {

    public String of(Handle handle) {
        handle.createUpdate("INSERT INTO database_identity (id, name) VALUES (1, :name) ON CONFLICT (id) DO NOTHING")
                .bind("name", UUID.randomUUID().toString())
                .execute();
        return handle.createQuery("SELECT name FROM database_identity WHERE id = 1").mapTo(String.class).one();
    }

    /**
     * Names the database anew, after a restore: every search index built before it, from whatever
     * database, is then rebuilt, even one that had not yet seen the changes the restore undid.
     */
    public void renew(Handle handle) {
        of(handle);
        handle.createUpdate("UPDATE database_identity SET name = :name WHERE id = 1")
                .bind("name", UUID.randomUUID().toString())
                .execute();
    }
}

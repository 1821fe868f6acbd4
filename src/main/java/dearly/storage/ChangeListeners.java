package dearly.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Who this node tells, once a transaction that appended to the {@link ChangeLog} commits, that what
 * the public sees has changed (its page cache), without waiting to read the log back. Kept in the
 * database's JDBI configuration so that any handle finds it; every copy shares the one list.
 */
public final class ChangeListeners implements JdbiConfig<ChangeListeners> {
    private final List<Runnable> listeners;

    public ChangeListeners() {
        this(new CopyOnWriteArrayList<>());
    }

    private ChangeListeners(List<Runnable> listeners) {
        this.listeners = listeners;
    }

    void add(Runnable listener) {
        listeners.add(listener);
    }

    /** Runs every listener after this handle's transaction commits (none if it rolls back). */
    void afterCommit(Handle handle) {
        listeners.forEach(handle::afterCommit);
    }

    @Override
    public ChangeListeners createCopy() {
        return new ChangeListeners(listeners);
    }
}

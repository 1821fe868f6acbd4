package dearly.desk;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dearly.storage.Database;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * Letters approved for a set time, published when it comes, by db-scheduler: its task table lives
 * in Dearly's database, so a scheduled letter survives a restart, and each due task is claimed by
 * one node with a versioned update, so with several nodes on one PostgreSQL it is published once.
 * The task is written in the approval's own transaction ({@link #publishAt}): an approval that
 * commits has its task, one that fails leaves none.
 */
public final class LetterSchedule implements AutoCloseable {
    static final TaskDescriptor<Void> PUBLISH = TaskDescriptor.of("publish-letter");
    /** How often each node looks for letters due; a test asks it to look now ({@link #lookNow}). */
    private static final Duration POLLING = Duration.ofSeconds(10);

    private final Database database;
    private final Scheduler scheduler;

    private LetterSchedule(Database database, Scheduler scheduler) {
        this.database = database;
        this.scheduler = scheduler;
    }

    /**
     * Starts looking for due letters on this node.
     *
     * @param publishDue publishes the draft with that id (once: it does nothing to a draft already published)
     */
    public static LetterSchedule start(Database database, Supplier<Instant> clock, LongConsumer publishDue) {
        OneTimeTask<Void> publish = Tasks.oneTime(PUBLISH)
                .execute((instance, context) -> publishDue.accept(Long.parseLong(instance.getId())));
        Scheduler scheduler = Scheduler.create(database.taskDataSource(), publish)
                .jdbcCustomization(database.taskColumns())
                .clock(clock::get)
                .pollingInterval(POLLING)
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
        return new LetterSchedule(database, scheduler);
    }

    /** Schedules the draft's publication at that time, in the caller's transaction. */
    void publishAt(Handle handle, long draftId, Instant at) {
        SchedulerClient inTransaction = SchedulerClient.Builder.create(sameConnection(handle.getConnection()))
                .jdbcCustomization(database.taskColumns())
                .build();
        inTransaction.scheduleIfNotExists(PUBLISH.instance(Long.toString(draftId)).scheduledTo(at));
    }

    /** Looks for due letters now rather than at the next turn. */
    public void lookNow() {
        scheduler.triggerCheckForDueExecutions();
    }

    /**
     * The transaction's connection as a data source for db-scheduler's client: it neither commits
     * (the connection is not in auto-commit, and the client only commits when told to) nor closes it.
     */
    private static DataSource sameConnection(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(LetterSchedule.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) return null;
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(LetterSchedule.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> unclosable;
                    case "isWrapperFor" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the caller's transaction";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}

package dearly.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's one reader of the {@link ChangeLog}: every half second it reads what the log gained
 * (on any node) and hands the new changes to each subscriber in turn (the search index, then the page
 * cache), so a letter published on one node reaches every node within a second or so.
 *
 * <p>A subscriber that fails is logged and does not keep the others from hearing; the changes of that
 * turn are handed to every subscriber again at the next turn (a change applied twice does no harm), so
 * nothing is lost. On PostgreSQL a missing id is waited for ({@link #GAP_PATIENCE_NANOS}) while the
 * changes after it are handed over already.
 */
public final class ChangeFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    static final long PERIOD_MILLIS = 500;
    private static final int BATCH = 1000;
    /**
     * How long a missing change id is waited for. On PostgreSQL an id is taken when a row is written
     * and shows when its transaction commits, so id 7 can show before id 6; a publishing
     * transaction takes milliseconds, and a rolled-back one leaves a gap that never fills.
     */
    private static final long GAP_PATIENCE_NANOS = 60_000_000_000L;

    /** What follows the log here. */
    @FunctionalInterface
    public interface Subscriber {
        /**
         * Called at every turn, with the changes new since the last one (none on a quiet turn).
         *
         * @param upTo every change up to this id has now been handed over (a position to keep)
         */
        void follow(List<ChangeLog.Change> changes, long upTo) throws Exception;
    }

    private final Database database;
    private final ChangeLog log = new ChangeLog();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dearly-change-follower").daemon().factory());

    /** Every change up to this id has been handed over. */
    private long upTo;
    /** Changes after {@link #upTo} handed over already, while an earlier one is still missing. */
    private TreeSet<Long> handedBeyond = new TreeSet<>();
    private long gapSince;

    /** @param from the id of the last change the subscribers already hold (the search index's, read from its files) */
    public ChangeFollower(Database database, long from) {
        this.database = database;
        this.upTo = from;
    }

    /** Subscribers are called in the order they subscribed. */
    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Starts following, a turn every half second. */
    public ChangeFollower start() {
        timer.scheduleWithFixedDelay(this::scheduledTurn, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Reads what the log gained and hands it over now, rather than at the next turn (at start, before
     * the first request, and in tests).
     *
     * @throws Failed when a subscriber failed (after every subscriber had its turn)
     */
    public synchronized void turn() {
        List<ChangeLog.Change> fresh = new ArrayList<>();
        long from = upTo;
        while (true) {
            long after = from;
            List<ChangeLog.Change> read = database.read(handle -> log.after(handle, after, BATCH));
            for (ChangeLog.Change change : read) {
                if (!handedBeyond.contains(change.id())) fresh.add(change);
                from = change.id();
            }
            if (read.size() < BATCH) break;
        }
        TreeSet<Long> handed = new TreeSet<>(handedBeyond);
        fresh.forEach(change -> handed.add(change.id()));
        long reached = advance(handed);
        Failed failed = null;
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.follow(List.copyOf(fresh), reached);
            } catch (Exception e) {
                if (failed == null) failed = new Failed(e);
                else failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed; // the position stays: this turn's changes are handed over again
        handedBeyond = handed;
        upTo = reached;
    }

    /** The id {@link #upTo} moves to over those handed: past changes without a gap, or a gap waited for long enough. */
    private long advance(TreeSet<Long> handed) {
        long reached = upTo;
        while (!handed.isEmpty()) {
            long next = handed.first();
            if (next == reached + 1) {
                reached = next;
                handed.pollFirst();
                gapSince = 0;
            } else if (gapSince == 0) {
                gapSince = System.nanoTime();
                break;
            } else if (System.nanoTime() - gapSince > GAP_PATIENCE_NANOS) {
                reached = next - 1; // given up on: a transaction that rolled back
                gapSince = 0;
            } else {
                break;
            }
        }
        return reached;
    }

    private void scheduledTurn() {
        try {
            turn();
        } catch (Exception e) {
            // Exception types and code locations only: a message could carry a letter's words.
            Throwable cause = e instanceof Failed && e.getCause() != null ? e.getCause() : e;
            StackTraceElement where = cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : null;
            LOG.warn("could not follow the change log: {} at {}", cause.getClass().getName(), where);
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: interrupting a turn mid-commit closes the channel that holds the search index's
        // lock (Lucene's lock file is read through an interruptible channel), and the index then cannot
        // close. A turn takes milliseconds; it is let finish.
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A subscriber could not follow; the others had their turn, and the changes come again at the next. */
    public static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super("a subscriber could not follow the change log: " + cause.getClass().getName(), cause);
        }
    }
}

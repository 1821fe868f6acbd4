package dearly.search;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index current: every half second it applies what the change log gained, so a
 * letter published on any node is found here within a second or so. A failure (the database out of
 * reach) is logged and tried again at the next turn; what was not applied stays in the log.
 */
public final class IndexFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    static final long PERIOD_MILLIS = 500;

    private final SearchIndex index;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dearly-search-follower").daemon().factory());

    private IndexFollower(SearchIndex index) {
        this.index = index;
    }

    public static IndexFollower start(SearchIndex index) {
        IndexFollower follower = new IndexFollower(index);
        follower.timer.scheduleWithFixedDelay(follower::turn, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return follower;
    }

    private void turn() {
        try {
            index.catchUp();
        } catch (Exception e) {
            // Exception types and code locations only: a message could carry a letter's words.
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.warn("search index could not follow the change log: {} at {}", e.getClass().getName(), where);
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: interrupting a turn mid-commit closes the channel that holds the index's
        // lock (Lucene's lock file is read through an interruptible channel), and the index then
        // cannot close. A turn takes milliseconds; it is let finish.
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

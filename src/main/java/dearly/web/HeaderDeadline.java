package dearly.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers have not arrived whole within the deadline.
 * Jetty's idle timeout counts silence only, so a client that trickles a byte a second holds a
 * connection forever; Jetty has no deadline on headers, so this looks at every connection's parser
 * a few times per deadline. A request whose headers are in is never touched: a slow upload is the
 * idle timeout's.
 */
final class HeaderDeadline extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Server server;
    private final long deadlineNanos;
    private final long periodMillis;
    /** Each connection seen reading headers: which of its requests, and since when. */
    private Map<EndPoint, Reading> reading = new HashMap<>();
    private ScheduledExecutorService timer;

    private record Reading(long request, long since) {}

    HeaderDeadline(Server server, Duration deadline) {
        this.server = server;
        this.deadlineNanos = deadline.toNanos();
        this.periodMillis = Math.max(100, deadline.toMillis() / 4);
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dearly-header-deadline").daemon().factory());
        timer.scheduleWithFixedDelay(this::look, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
    }

    private void look() {
        try {
            long now = System.nanoTime();
            Map<EndPoint, Reading> stillReading = new HashMap<>();
            for (Connector connector : server.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (!(endPoint.getConnection() instanceof HttpConnection http)) continue;
                    HttpParser parser = http.getParser();
                    // START is a connection waiting for its next request: silence there is the idle timeout's.
                    if (parser.isStart() || !parser.inHeaderState()) continue;
                    Reading before = reading.get(endPoint);
                    Reading seen = before != null && before.request == http.getMessagesIn() ? before : new Reading(http.getMessagesIn(), now);
                    if (now - seen.since > deadlineNanos) {
                        LOG.info("closed a connection whose request headers took longer than {} ms", deadlineNanos / 1_000_000);
                        endPoint.close();
                    } else {
                        stillReading.put(endPoint, seen);
                    }
                }
            }
            reading = stillReading;
        } catch (RuntimeException | LinkageError e) { // anything thrown out of a turn would end every later one
            LOG.warn("could not look for slow request headers: {}", SafeErrors.names(e));
        }
    }
}

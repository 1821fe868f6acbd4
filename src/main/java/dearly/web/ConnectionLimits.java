package dearly.web;

import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * How long a connection may keep Dearly waiting, so slow or stalled clients cannot hold connections
 * (and the virtual threads behind them) by the thousand.
 *
 * @param idleTimeout {@code DEARLY_IDLE_TIMEOUT} (seconds, default 30): a connection silent this
 *     long is closed, between requests or in the middle of one
 * @param headerTimeout {@code DEARLY_HEADER_TIMEOUT} (seconds, default 10): a request's line and
 *     headers must arrive whole within this, however steadily they trickle in (a "slowloris" client
 *     sends a byte a second and is never idle)
 */
public record ConnectionLimits(Duration idleTimeout, Duration headerTimeout) {
    /** Request line and headers together; more is answered 431. Jetty's default, far above what a browser sends. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(Duration.ofSeconds(30), Duration.ofSeconds(10));

    public ConnectionLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("DEARLY_IDLE_TIMEOUT must be at least 1 second");
        if (headerTimeout.isNegative() || headerTimeout.isZero()) throw new IllegalArgumentException("DEARLY_HEADER_TIMEOUT must be at least 1 second");
    }

    public static ConnectionLimits fromEnvironment(Map<String, String> env) {
        return new ConnectionLimits(seconds(env, "DEARLY_IDLE_TIMEOUT", DEFAULT.idleTimeout),
                seconds(env, "DEARLY_HEADER_TIMEOUT", DEFAULT.headerTimeout));
    }

    /** For {@code javalin.jetty.modifyHttpConfiguration}. */
    public void apply(HttpConfiguration http) {
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setIdleTimeout(idleTimeout.toMillis());
    }

    /** For {@code javalin.jetty.modifyServer}: the connectors' idle timeout, and the watch on slow headers. */
    public void apply(Server server) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                // Javalin adds its connector after modifyServer; it is there once the server starts.
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector abstractConnector) abstractConnector.setIdleTimeout(idleTimeout.toMillis());
                }
            }
        });
        server.addBean(new HeaderDeadline(server, headerTimeout));
    }

    private static Duration seconds(Map<String, String> env, String name, Duration otherwise) {
        String text = env.get(name);
        if (text == null || text.isBlank()) return otherwise;
        try {
            return Duration.ofSeconds(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, not '" + text.strip() + "'");
        }
    }
}

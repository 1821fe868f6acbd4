package dearly.ops;

import dearly.web.JettyRefusals;
import dearly.web.PageCache;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one timing for every request Dearly answers, and a request id that the answer
 * carries in {@value #HEADER}, so a reader's "it broke at 3 a.m." can be found in the log.
 *
 * <p>The line holds what an operator needs and nothing about the reader: the method, the route
 * template ({@code /status/{token}}, never the address asked: a status page's address is the
 * parent's only key to her question), the status, the time taken and the bytes sent. No query
 * string (search words are hers), no client address, hashed or not: an IPv4 address hashes to one
 * of four billion values, found again by trying them all, and rate limits keep what abuse needs.
 *
 * <p>Pages served from the page cache never reach Javalin: it reports them here ({@link #served}),
 * and their line and timing say {@code cache=hit}; every other answer says {@code cache=miss}. Nor do
 * requests Jetty refuses before any route (a broken address): {@link JettyRefusals} reports them
 * ({@link #refused}), as {@code route=refused}.
 */
public final class RequestRecords implements PageCache.Hits, JettyRefusals.Refused {
    public static final String HEADER = PageCache.REQUEST_ID;
    private static final Logger LOG = LoggerFactory.getLogger("dearly.requests");
    private static final String ID = "dearly.request-id";
    /** The route of every request Jetty refused before Dearly's routes. */
    static final String REFUSED = "refused";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Metrics metrics;
    /** The timers of hits, found once per route, method and status (a hit should not build a meter's name). */
    private final Map<HitKey, Timer> hitTimers = new ConcurrentHashMap<>();
    private volatile InternalRouter router;

    private record HitKey(String method, String route, int status) {}

    public RequestRecords(Metrics metrics) {
        this.metrics = metrics;
    }

    /** The routes, so that a HEAD is named by the GET route that answers it (Javalin matches it to none). */
    public void routesFrom(InternalRouter router) {
        this.router = router;
    }

    /** A {@code before} handler, first of all: gives the request its id. */
    public static void identify(Context ctx) {
        String written = id();
        ctx.attribute(ID, written);
        ctx.header(HEADER, written);
    }

    /** Twelve hex digits. Not a secret (it is in the answer), only unique enough to find a line: no SecureRandom needed. */
    static String id() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) id[i] = HEX[(int) (bits >>> (4 * i)) & 0xf];
        return new String(id);
    }

    @Override
    public String newId() {
        return id();
    }

    /** A page served from the page cache: the same line and timing as any other, with {@code cache=hit}. */
    @Override
    public void served(String id, String method, String route, int status, long bytes, long nanos) {
        hitTimers.computeIfAbsent(new HitKey(method, route, status), key -> metrics.timer(method, route, status, "hit"))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        write(id, method, route, status, bytes, nanos, "hit");
    }

    /**
     * A request Jetty refused before any route ({@link JettyRefusals}): the same line and timing, with
     * {@code route=refused}. Its method is only named when it is one HTTP knows, since the request line
     * may be anything at all and a metric's labels must stay few.
     */
    @Override
    public void refused(String id, String method, int status, long bytes, long nanos) {
        String named = HttpMethod.fromString(method) == null ? "-" : method;
        metrics.timer(named, REFUSED, status, "miss").record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        write(id, named, REFUSED, status, bytes, nanos, "miss");
    }

    private static void write(String id, String method, String route, int status, long bytes, long nanos, String cache) {
        if (!LOG.isInfoEnabled()) return;
        long tenths = (nanos + 50_000) / 100_000;
        LOG.info(new StringBuilder(120).append("request id=").append(id).append(" method=").append(method).append(" route=")
                .append(route).append(" status=").append(status).append(" ms=").append(tenths / 10).append('.')
                .append(tenths % 10).append(" bytes=").append(bytes).append(" cache=").append(cache).toString());
    }

    /** Javalin's request logger: called once the answer is written. */
    public void answered(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        String method = ctx.method().name();
        metrics.timer(method, route, status, "miss").record((long) (millis * 1_000_000), java.util.concurrent.TimeUnit.NANOSECONDS);
        if (LOG.isInfoEnabled()) {
            String id = ctx.attribute(ID);
            LOG.info("request id={} method={} route={} status={} ms={} bytes={} cache=miss", id == null ? "-" : id, method, route, status,
                    String.format(Locale.ROOT, "%.1f", millis), bytes(ctx));
        }
    }

    /**
     * The route template that answered, or a fixed word: {@code /static/*} for a static file,
     * {@code unmatched} for anything else no route took (so a scan of made-up addresses adds no
     * labels).
     */
    String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) return matched.path;
        InternalRouter routes = router;
        if (ctx.method() == HandlerType.HEAD && routes != null) {
            ParsedEndpoint get = routes.findFirstHttpHandlerEntry(HandlerType.GET, ctx.path());
            if (get != null) return get.endpoint.path;
        }
        return ctx.path().startsWith("/static/") && ctx.statusCode() < 400 ? "/static/*" : "unmatched";
    }

    private static long bytes(Context ctx) {
        return ctx.res() instanceof ServletApiResponse response ? response.getContentCount() : -1;
    }
}

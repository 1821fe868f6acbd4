package dearly.ops;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
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
 */
public final class RequestRecords {
    public static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger("dearly.requests");
    private static final String ID = "dearly.request-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Metrics metrics;

    public RequestRecords(Metrics metrics) {
        this.metrics = metrics;
    }

    /** A {@code before} handler, first of all: gives the request its id. */
    public static void identify(Context ctx) {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String written = HexFormat.of().formatHex(id);
        ctx.attribute(ID, written);
        ctx.header(HEADER, written);
    }

    /** Javalin's request logger: called once the answer is written. */
    public void answered(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        String method = ctx.method().name();
        metrics.request(method, route, status, (long) (millis * 1_000_000));
        if (LOG.isInfoEnabled()) {
            String id = ctx.attribute(ID);
            LOG.info("request id={} method={} route={} status={} ms={} bytes={}", id == null ? "-" : id, method, route, status,
                    String.format(Locale.ROOT, "%.1f", millis), bytes(ctx));
        }
    }

    /**
     * The route template that answered, or a fixed word: {@code /static/*} for a static file,
     * {@code unmatched} for anything else no route took (so a scan of made-up addresses adds no
     * labels).
     */
    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) return matched.path;
        return ctx.path().startsWith("/static/") && ctx.statusCode() < 400 ? "/static/*" : "unmatched";
    }

    private static long bytes(Context ctx) {
        return ctx.res() instanceof ServletApiResponse response ? response.getContentCount() : -1;
    }
}

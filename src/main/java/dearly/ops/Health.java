package dearly.ops;

import dearly.search.SearchIndex;
import dearly.storage.Database;
import dearly.web.Feature;
import dearly.web.Open;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a load balancer or an orchestrator asks: {@code /health}, is the process alive (answered
 * without touching the database, so a slow database never gets a live node restarted), and
 * {@code /ready}, should it be sent readers: the database answers, its schema has every migration
 * this program holds, and the search index is within {@value #MAX_INDEX_LAG} changes of the log.
 */
public final class Health implements Feature {
    /** One batch of the index's follower: more means it fell behind, not that a turn is due. */
    static final long MAX_INDEX_LAG = 1000;

    private final Database database;
    private final SearchIndex searchIndex;

    public Health(Database database, SearchIndex searchIndex) {
        this.database = database;
        this.searchIndex = searchIndex;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")), Open.TO_ANYONE);
        routes.get("/ready", this::ready, Open.TO_ANYONE);
    }

    private void ready(Context ctx) {
        List<String> notReady = notReady();
        ctx.header("Cache-Control", "no-store");
        if (notReady.isEmpty()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(503).json(Map.of("status", "not ready", "not_ready", notReady));
        }
    }

    /** What keeps this node from taking readers, in a few fixed words each; empty when ready. */
    List<String> notReady() {
        if (!database.answers()) return List.of("database unreachable");
        List<String> reasons = new ArrayList<>();
        try {
            int pending = database.pendingMigrations();
            if (pending > 0) reasons.add(pending + " migration(s) pending");
        } catch (RuntimeException e) {
            reasons.add("migrations unknown");
        }
        try {
            long lag = searchIndex.lag();
            if (lag > MAX_INDEX_LAG) reasons.add("search index " + lag + " changes behind");
        } catch (RuntimeException e) {
            reasons.add("search index lag unknown");
        }
        return reasons;
    }
}

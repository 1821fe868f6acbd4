package dearly.ops;

import dearly.web.Feature;
import dearly.web.Open;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code /metrics} for whoever {@link MetricsAccess} admits; for anyone else an address that is not there (404). */
public final class MetricsPage implements Feature {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final MetricsAccess access;

    public MetricsPage(Metrics metrics, MetricsAccess access) {
        this.metrics = metrics;
        this.access = access;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        // Open to anyone as a route: the token or address is checked here, so a stranger sees the usual 404.
        routes.get("/metrics", this::show, Open.TO_ANYONE);
    }

    private void show(Context ctx) {
        if (!access.admits(ctx)) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }
}

package dearly.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * Where the JSON API's routes are registered, each by the feature that answers it. Every API route
 * is open to anyone, since the API takes no credentials (no cookie signs anyone in there), and
 * each draws on the client's allowance for what it does: a read on {@code api-read}, a write on
 * {@code api-write}. So a feature says only whether its route reads or writes:
 *
 * <pre>{@code
 * api.post("/api/v1/questions", this::ask);
 * api.get("/api/v1/status/{token}", this::status);
 * }</pre>
 */
public final class ApiRoutes {
    private final RoutesConfig routes;
    private final RateLimits rateLimits;

    public ApiRoutes(RoutesConfig routes, RateLimits rateLimits) {
        this.routes = Objects.requireNonNull(routes);
        this.rateLimits = Objects.requireNonNull(rateLimits);
    }

    /** A read: counted under {@code api-read}. */
    public void get(String path, Handler handler) {
        rateLimits.limit(path, HandlerType.GET, RateLimits.Group.API_READ);
        routes.get(path, handler, Open.TO_ANYONE);
    }

    /** A write: counted under {@code api-write}. */
    public void post(String path, Handler handler) {
        rateLimits.limit(path, HandlerType.POST, RateLimits.Group.API_WRITE);
        routes.post(path, handler, Open.TO_ANYONE);
    }
}

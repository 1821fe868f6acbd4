package dearly.web;

import io.javalin.config.RoutesConfig;

/**
 * A part of Dearly that answers some addresses. It registers its own routes, each with the role
 * that may open it (or {@link Open#TO_ANYONE}), and names the rate-limit groups of its own routes
 * beside them, so adding a feature to {@code App} is one line.
 */
public interface Feature {
    void routes(RoutesConfig routes, RateLimits rateLimits);
}

package dearly.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * Absolute addresses for share links, feeds and canonical tags: from DEARLY_BASE_URL when it is set,
 * otherwise from the address the request came to.
 */
public final class Links {
    private final Optional<URI> baseUrl;

    public Links(Optional<URI> baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String absolute(Context ctx, String path) {
        String base = baseUrl.map(URI::toString).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        return base + path;
    }
}

package dearly.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * Absolute addresses for everything that leaves the request: status links in mail, canonical and
 * share links, the API's {@code status_url}, and later feeds and share images. They come from
 * {@code DEARLY_BASE_URL}, or where it is unset from the address Dearly announced at start
 * ({@code http://localhost:PORT}), and never from the request's {@code Host} header: whoever sends a
 * request writes that header, and a status link mailed as {@code http://evil.example/status/...}
 * would hand a mother's private question to a stranger.
 *
 * <p>Only the scheme may come from the request. A visitor who came over https (directly, or through
 * a trusted proxy that says so: see {@link TrustedProxies#scheme(Context)}) gets https links, so a
 * link never leads her back to plain http; the host and port stay Dearly's own.
 */
public final class Links {
    private final Optional<URI> configured;
    private volatile URI listening;

    /**
     * @param baseUrl DEARLY_BASE_URL, if set
     * @param port the port Dearly will listen on, or 0 when it is chosen at start; then
     *     {@link #listeningOn} must be called once it is known
     */
    public Links(Optional<URI> baseUrl, int port) {
        this.configured = baseUrl;
        if (port > 0) listeningOn(port);
    }

    /** Dearly is listening on this port: where DEARLY_BASE_URL is unset, links point here. */
    public void listeningOn(int port) {
        listening = URI.create("http://localhost:" + port);
    }

    /** The address links are built on, as announced at start (without the scheme a request may upgrade). */
    public URI base() {
        return configured.or(() -> Optional.ofNullable(listening))
                .orElseThrow(() -> new IllegalStateException("links are wanted before Dearly knows its own address"));
    }

    /**
     * Whether cookies for this visitor must be Secure: she came over https, or Dearly's public
     * address is https (a proxy in front ends TLS even if it does not say so).
     */
    public boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(base().getScheme());
    }

    /** @param path starting with "/" */
    public String absolute(Context ctx, String path) {
        URI base = base();
        if ("https".equalsIgnoreCase(ctx.scheme()) && !"https".equalsIgnoreCase(base.getScheme())) base = https(base);
        return base + path;
    }

    private static URI https(URI base) {
        return URI.create("https" + base.toString().substring(base.getScheme().length()));
    }
}

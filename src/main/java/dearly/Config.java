package dearly;

import dearly.mail.SmtpSettings;
import dearly.ops.MetricsAccess;
import dearly.web.ConnectionLimits;
import dearly.web.RateLimitSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Dearly's settings, read once from the environment. Every variable is documented in the README.
 *
 * @param port DEARLY_PORT, default 8080; 0 picks a free port
 * @param dataDir DEARLY_DATA_DIR, default ./data: the SQLite database and the search index
 * @param databaseUrl DEARLY_DATABASE_URL: empty for SQLite in the data directory, or a jdbc:postgresql:// URL
 * @param baseUrl DEARLY_BASE_URL: the public address for absolute links (mail, canonical tags, the API);
 *     empty means http://localhost:PORT, the address printed at start, never the request's Host header
 * @param smtp DEARLY_SMTP_*: where mail goes; empty keeps it in the outbox, for the admin page
 * @param rateLimits DEARLY_RATE_LIMITS and DEARLY_TRUSTED_PROXIES: limits per client on forms and the API
 * @param timeZone DEARLY_TIME_ZONE, default UTC: the instance's zone, for a parent whose country tells none
 * @param searchIndexDir DEARLY_SEARCH_INDEX: this node's search index; empty means {@code index} in the data directory
 * @param metrics DEARLY_METRICS_TOKEN and DEARLY_METRICS_FROM: who may read /metrics (no one by default)
 * @param connections DEARLY_IDLE_TIMEOUT and DEARLY_HEADER_TIMEOUT: how long slow clients may hold a connection
 * @param pageCacheBytes DEARLY_PAGE_CACHE_MB, default 64: memory for rendered public pages (web.PageCache); 0 keeps none
 */
public record Config(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<URI> baseUrl,
        Optional<SmtpSettings> smtp,
        RateLimitSettings rateLimits,
        ZoneId timeZone,
        Optional<Path> searchIndexDir,
        MetricsAccess metrics,
        ConnectionLimits connections,
        long pageCacheBytes) {

    public Config {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("DEARLY_PORT must be a port number, not " + port);
        if (dataDir == null) throw new IllegalArgumentException("a data directory is needed");
        if (pageCacheBytes < 0) throw new IllegalArgumentException("DEARLY_PAGE_CACHE_MB must be 0 or more");
        databaseUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:sqlite:")) {
                throw new IllegalArgumentException("DEARLY_DATABASE_URL must be a jdbc:postgresql:// or jdbc:sqlite: URL");
            }
        });
    }

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                port(env.getOrDefault("DEARLY_PORT", "8080")),
                Path.of(nonBlank(env.get("DEARLY_DATA_DIR")).orElse("data")),
                nonBlank(env.get("DEARLY_DATABASE_URL")),
                nonBlank(env.get("DEARLY_BASE_URL")).map(Config::baseUrl),
                SmtpSettings.fromEnvironment(env),
                RateLimitSettings.fromEnvironment(env),
                timeZone(env.get("DEARLY_TIME_ZONE")),
                nonBlank(env.get("DEARLY_SEARCH_INDEX")).map(Path::of),
                MetricsAccess.fromEnvironment(env),
                ConnectionLimits.fromEnvironment(env),
                megabytes(env.getOrDefault("DEARLY_PAGE_CACHE_MB", String.valueOf(DEFAULT_PAGE_CACHE_MB))));
    }

    private static final long DEFAULT_PAGE_CACHE_MB = 64;

    public Config withPageCacheBytes(long bytes) {
        return new Config(port, dataDir, databaseUrl, baseUrl, smtp, rateLimits, timeZone, searchIndexDir, metrics, connections, bytes);
    }

    public boolean embedded() {
        return databaseUrl.isEmpty();
    }

    /** The embedded default in a data directory, on any free port, limits off: for tests and tools. */
    public static Config embedded(Path dataDir) {
        return new Config(0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(), RateLimitSettings.off(), ZoneOffset.UTC,
                Optional.empty(), MetricsAccess.CLOSED, ConnectionLimits.DEFAULT, DEFAULT_PAGE_CACHE_MB << 20);
    }

    public Config withDatabaseUrl(String url) {
        return new Config(port, dataDir, Optional.of(url), baseUrl, smtp, rateLimits, timeZone, searchIndexDir, metrics, connections, pageCacheBytes);
    }

    public Config withSmtp(SmtpSettings settings) {
        return new Config(port, dataDir, databaseUrl, baseUrl, Optional.of(settings), rateLimits, timeZone, searchIndexDir, metrics, connections, pageCacheBytes);
    }

    public Config withRateLimits(RateLimitSettings limits) {
        return new Config(port, dataDir, databaseUrl, baseUrl, smtp, limits, timeZone, searchIndexDir, metrics, connections, pageCacheBytes);
    }

    public Config withBaseUrl(URI url) {
        return new Config(port, dataDir, databaseUrl, Optional.of(url), smtp, rateLimits, timeZone, searchIndexDir, metrics, connections, pageCacheBytes);
    }

    public Config withPort(int port) {
        return new Config(port, dataDir, databaseUrl, baseUrl, smtp, rateLimits, timeZone, searchIndexDir, metrics, connections, pageCacheBytes);
    }

    public Config withSearchIndexDir(Path directory) {
        return new Config(port, dataDir, databaseUrl, baseUrl, smtp, rateLimits, timeZone, Optional.of(directory), metrics, connections, pageCacheBytes);
    }

    /** Where this node keeps its search index: DEARLY_SEARCH_INDEX, or {@code index} in the data directory. */
    public Path searchIndex() {
        return searchIndexDir.orElseGet(() -> dataDir.resolve("index"));
    }

    public Config withTimeZone(ZoneId zone) {
        return new Config(port, dataDir, databaseUrl, baseUrl, smtp, rateLimits, zone, searchIndexDir, metrics, connections, pageCacheBytes);
    }

    /** An IANA zone such as America/Bogota, or UTC when unset. */
    private static ZoneId timeZone(String text) {
        if (text == null || text.isBlank()) return ZoneOffset.UTC;
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("DEARLY_TIME_ZONE must be a time zone such as America/Bogota or UTC, not '"
                    + text.strip() + "'");
        }
    }

    private static long megabytes(String text) {
        try {
            return Long.parseLong(text.strip()) << 20;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DEARLY_PAGE_CACHE_MB must be a number of megabytes, not '" + text + "'");
        }
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DEARLY_PORT must be a port number, not '" + text + "'");
        }
    }

    private static URI baseUrl(String text) {
        String trimmed = text.strip().replaceAll("/+$", "");
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("DEARLY_BASE_URL must be an absolute URL such as https://dearly.example");
        }
        return uri;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

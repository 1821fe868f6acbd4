package dearly.web;

import dearly.language.Messages;
import io.github.bucket4j.TimeMeter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-client rate limits on public forms and the API (Bucket4j, in memory on each node). Each
 * {@link Group} is one allowance per client, shared by every route limited under it: a parent's
 * posts to the ask form and to her status page draw on the same "forms" allowance. A client is its
 * address (see {@link TrustedProxies}); a request over the limit gets 429, a {@code Retry-After}
 * header and a kind page or JSON in her language, and goes no further.
 *
 * <pre>{@code
 * rateLimits.limit(javalin.routes, "/ask", HandlerType.POST, RateLimits.Group.FORMS);
 * rateLimits.limit(javalin.routes, "/api/*", HandlerType.GET, RateLimits.Group.API_READ);
 * }</pre>
 *
 * <p>Register limits before handlers that read the body (CSRF checks), so a refused request costs
 * nothing more.
 *
 * <p>Addresses are never logged: only how many requests each group refused, at most once a minute.
 */
public final class RateLimits {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    /** The routes that share one allowance per client; names as in {@code DEARLY_RATE_LIMITS}. */
    public enum Group {
        FORMS("forms"),
        API_WRITE("api-write"),
        API_READ("api-read");

        private final String settingName;

        Group(String settingName) {
            this.settingName = settingName;
        }

        public String settingName() {
            return settingName;
        }

        static Optional<Group> bySettingName(String name) {
            return Arrays.stream(values()).filter(group -> group.settingName.equals(name)).findFirst();
        }
    }

    private final RateLimitSettings settings;
    private final Refusals refusals;
    private final Map<Group, ClientBuckets> buckets = new EnumMap<>(Group.class);
    private final Map<Group, AtomicLong> refused = new EnumMap<>(Group.class);
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());

    public RateLimits(RateLimitSettings settings, Pages pages, Links links) {
        this.settings = settings;
        this.refusals = new Refusals(pages, links);
        for (Group group : Group.values()) {
            settings.limit(group).ifPresent(limit -> {
                buckets.put(group, new ClientBuckets(limit, settings.maxClientsPerGroup(), TimeMeter.SYSTEM_MILLISECONDS));
                refused.put(group, new AtomicLong());
            });
        }
        if (!settings.on()) {
            LOG.warn("rate limits are off ({}=off): use this only for benchmarks and local testing", RateLimitSettings.VARIABLE);
        }
    }

    /**
     * Limits requests with this method to this path (a Javalin path, wildcards allowed) under the
     * group's allowance. Does nothing when the group is not limited. A request that several limits
     * of one group match is counted once.
     */
    public void limit(RoutesConfig routes, String path, HandlerType method, Group group) {
        ClientBuckets groupBuckets = buckets.get(group);
        if (groupBuckets == null) return;
        String counted = "dearly.rate-limit-counted." + group.settingName();
        routes.before(path, ctx -> {
            if (!ctx.method().equals(method) || ctx.attribute(counted) != null) return;
            ctx.attribute(counted, true);
            String client = settings.trustedProxies().clientKey(ctx.req().getRemoteAddr(), forwardedFor(ctx));
            groupBuckets.take(client).ifPresent(wait -> refuse(ctx, group, wait));
        });
    }

    private void refuse(Context ctx, Group group, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        long minutes = Math.max(1, (seconds + 59) / 60);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        ctx.header("Retry-After", Long.toString(seconds));
        refusals.send(ctx, HttpStatus.TOO_MANY_REQUESTS,
                Map.of("error", t.format("toomany.api", seconds), "retry_after_seconds", seconds),
                "errors/too-many.jte", "toomany.title", Map.of("minutes", minutes));
        ctx.skipRemainingHandlers();
        report(group);
    }

    private void report(Group group) {
        refused.get(group).incrementAndGet();
        long last = lastReport.get();
        long now = System.nanoTime();
        if (now - last < REPORT_EVERY_NANOS || !lastReport.compareAndSet(last, now)) return;
        for (var entry : refused.entrySet()) {
            long count = entry.getValue().getAndSet(0);
            if (count > 0) LOG.info("rate limit reached: group={} refused={} since the last report", entry.getKey().settingName(), count);
        }
    }

    private static List<String> forwardedFor(Context ctx) {
        return Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    }
}

package dearly.web;

import dearly.language.Messages;
import io.github.bucket4j.TimeMeter;
import io.javalin.config.RouterConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.router.matcher.PathParser;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-client rate limits on public forms and the API (Bucket4j, in memory on each node). Each
 * {@link Group} is one allowance per client, shared by every route limited under it. A client is its
 * address (see {@link TrustedProxies}); a request over the limit gets 429, a {@code Retry-After}
 * header and a kind page or JSON in her language, and goes no further.
 *
 * <p>What is counted is what is worth counting: a question sent, a change to one sent, a sign-in
 * attempt, each in its own group, so a mother who fixes a mistake and edits once never shares an
 * allowance with a colleague signing in behind the same address. The form's own round trips ("add a
 * child", "remove") are not sends and are counted only by the {@code forms} ceiling on every post,
 * which only a machine reaches.
 *
 * <p>Each feature limits its own routes where it registers them, and the application places the
 * two checks once, in the order the request needs them:
 *
 * <pre>{@code
 * // the feature, beside its routes:
 * rateLimits.limit("/ask", HandlerType.POST, RateLimits.Group.FORMS);
 * rateLimits.limitSends("/ask", HandlerType.POST, RateLimits.Group.ASK);
 * // the application, once:
 * rateLimits.checkBeforeTheBody(javalin.routes);   // before anything reads the body (CSRF checks)
 * rateLimits.checkSends(javalin.routes);           // after the size limit and the check the body can be read
 * }</pre>
 *
 * <p>So a request refused by the {@code forms} ceiling costs nothing more, and a limit whose test
 * reads the form reads only a body known to be readable.
 *
 * <p>Addresses are never logged: only how many requests each group refused, at most once a minute.
 */
public final class RateLimits {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    /** Paths matched as Dearly's router matches them (trailing slashes ignored, case kept). */
    private static final RouterConfig PATHS = new RouterConfig();

    static {
        PATHS.ignoreTrailingSlashes = true;
    }

    /** The routes that share one allowance per client; names as in {@code DEARLY_RATE_LIMITS}. */
    public enum Group {
        /** Every post to a public form, round trips included: a ceiling against floods. */
        FORMS("forms"),
        /** A question sent from the ask form, whether it is received or comes back to be fixed. */
        ASK("ask"),
        /** A change sent from her status page: an edit, withdrawing, undoing it, erasing. */
        EDIT("edit"),
        /** A staff sign-in attempt, per address. */
        SIGN_IN("sign-in"),
        /** A staff sign-in attempt, per account named (its normalised e-mail), whoever sends it. */
        SIGN_IN_ACCOUNT("sign-in-account"),
        /** "I've felt this too" on a letter. */
        REACT("react"),
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
    // Filled while the features register their routes, read by every request after the server starts.
    private final List<Limited> beforeTheBody = new CopyOnWriteArrayList<>();
    private final List<Limited> sends = new CopyOnWriteArrayList<>();

    public RateLimits(RateLimitSettings settings, Refusals refusals) {
        this.settings = settings;
        this.refusals = refusals;
        for (Group group : Group.values()) {
            settings.limit(group).ifPresent(limit -> {
                buckets.put(group, new ClientBuckets(limit, settings.maxClientsPerGroup(), TimeMeter.SYSTEM_MILLISECONDS));
                refused.put(group, new AtomicLong());
            });
        }
        settings.limit(Group.FORMS).filter(limit -> limit.requests() * 600_000L / limit.period().toMillis() < 100).ifPresent(limit ->
                LOG.warn("{}: forms={}/{}s is a ceiling on every form post, adding a child included; sending a question, an edit"
                        + " and signing in have allowances of their own (ask, edit, sign-in). Below 100 per 10 minutes parents may reach it",
                        RateLimitSettings.VARIABLE, limit.requests(), limit.period().toSeconds()));
        if (!settings.on()) {
            LOG.warn("rate limits are off ({}=off): use this only for benchmarks and local testing", RateLimitSettings.VARIABLE);
        }
    }

    /**
     * Limits requests with this method to this path (a Javalin path, wildcards allowed) under the
     * group's allowance, counted before anything reads the body. Does nothing when the group is
     * not limited. A request that several limits of one group match is counted once.
     */
    public void limit(String path, HandlerType method, Group group) {
        add(path, method, group, ctx -> true, beforeTheBody);
    }

    /**
     * Like {@link #limit}, counting only posts that send the form ({@link #sendsTheForm}); counted
     * after the body is known to be readable, since the test reads it.
     */
    public void limitSends(String path, HandlerType method, Group group) {
        add(path, method, group, RateLimits::sendsTheForm, sends);
    }

    /** Registers, at this place among the {@code before} handlers, the limits that read no body. */
    public void checkBeforeTheBody(RoutesConfig routes) {
        routes.before(ctx -> check(ctx, beforeTheBody));
    }

    /** Registers, at this place among the {@code before} handlers, the limits that read the form. */
    public void checkSends(RoutesConfig routes) {
        routes.before(ctx -> check(ctx, sends));
    }

    private void add(String path, HandlerType method, Group group, Predicate<Context> counts, List<Limited> phase) {
        ClientBuckets groupBuckets = buckets.get(group);
        if (groupBuckets == null) return;
        phase.add(new Limited(new PathParser(path, PATHS), method, group, groupBuckets, counts));
    }

    private void check(Context ctx, List<Limited> phase) {
        for (Limited limited : phase) {
            String counted = "dearly.rate-limit-counted." + limited.group().settingName();
            if (!ctx.method().equals(limited.method()) || ctx.attribute(counted) != null
                    || !limited.path().matches(ctx.path()) || !limited.counts().test(ctx)) continue;
            ctx.attribute(counted, true);
            String client = settings.trustedProxies().clientKey(ctx.req().getRemoteAddr(), forwardedFor(ctx));
            Optional<Duration> wait = limited.buckets().take(client);
            if (wait.isPresent()) {
                refuse(ctx, limited.group(), wait.get());
                return;
            }
        }
    }

    /** One limited route: the path as Javalin matches it, and the group's buckets it draws on. */
    private record Limited(PathParser path, HandlerType method, Group group, ClientBuckets buckets, Predicate<Context> counts) {}

    /**
     * Whether a post sends a form (a question, an edit) rather than asking the server to add or
     * remove a row of it: the {@code rows} button the handlers read too, so what is not counted is
     * never stored. Reads the form, so register it after the {@code forms} ceiling.
     */
    private static boolean sendsTheForm(Context ctx) {
        String rows = ctx.formParam("rows");
        return rows == null || rows.isEmpty();
    }

    /**
     * One allowance per key that is not an address, such as the account a sign-in names. The
     * answer is empty when the request may go ahead, otherwise how long to wait; a group that is
     * not limited always lets it go ahead.
     */
    public Function<String, Optional<Duration>> perKey(Group group) {
        ClientBuckets groupBuckets = buckets.get(group);
        if (groupBuckets == null) return key -> Optional.empty();
        return key -> {
            Optional<Duration> wait = groupBuckets.take(key);
            if (wait.isPresent()) report(group);
            return wait;
        };
    }

    /** Whole seconds to wait, at least one, for a {@code Retry-After} header. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Whole minutes to wait, at least one, for a page. */
    public static long minutes(Duration wait) {
        return Math.max(1, (seconds(wait) + 59) / 60);
    }

    private void refuse(Context ctx, Group group, Duration wait) {
        long seconds = seconds(wait);
        long minutes = minutes(wait);
        Messages t = Messages.of(LanguageChoice.of(ctx));
        ctx.header("Retry-After", Long.toString(seconds));
        refusals.send(ctx, HttpStatus.TOO_MANY_REQUESTS,
                Map.of("error", t.format("toomany.api", seconds), "retry_after_seconds", seconds),
                "toomany.title", (templates, meta) -> templates.errorsTooMany(meta, minutes));
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

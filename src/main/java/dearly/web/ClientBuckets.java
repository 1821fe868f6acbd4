package dearly.web;

import dearly.web.RateLimitSettings.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * One group's allowance for each client (a Bucket4j token bucket per client key), with memory kept
 * bounded. A client idle for a whole period has a full bucket again, so forgetting it loses
 * nothing; beyond {@code maxClients} the least recently seen client is forgotten even if not idle,
 * so a flood of distinct addresses costs at most {@code maxClients} buckets (and, while it lasts,
 * makes the limits approximate rather than making Dearly run out of memory).
 */
final class ClientBuckets {
    private static final class Allowance {
        final Bucket bucket;
        long lastSeenNanos;

        Allowance(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    private final Bandwidth bandwidth;
    private final long periodNanos;
    private final int maxClients;
    private final TimeMeter clock;
    /** In access order: the first entry is the client seen longest ago. */
    private final LinkedHashMap<String, Allowance> byClient = new LinkedHashMap<>(64, 0.75f, true);

    ClientBuckets(Limit limit, int maxClients, TimeMeter clock) {
        // Greedy refill: after hitting the limit a client waits period/requests, not a whole period.
        this.bandwidth = Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build();
        this.periodNanos = limit.period().toNanos();
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Takes one request from the client's allowance: empty when it may go ahead, otherwise how long to wait. */
    synchronized Optional<Duration> take(String client) {
        long now = clock.currentTimeNanos();
        forgetIdle(now);
        Allowance allowance = byClient.get(client);
        if (allowance == null) {
            if (byClient.size() >= maxClients) forgetLeastRecent();
            allowance = new Allowance(Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build());
            byClient.put(client, allowance);
        }
        allowance.lastSeenNanos = now;
        ConsumptionProbe probe = allowance.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    synchronized int clientsRemembered() {
        return byClient.size();
    }

    private void forgetIdle(long now) {
        Iterator<Allowance> oldestFirst = byClient.values().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().lastSeenNanos >= periodNanos) oldestFirst.remove();
    }

    private void forgetLeastRecent() {
        Iterator<Allowance> oldestFirst = byClient.values().iterator();
        oldestFirst.next();
        oldestFirst.remove();
    }
}

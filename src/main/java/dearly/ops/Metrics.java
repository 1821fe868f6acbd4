package dearly.ops;

import dearly.mail.Outbox;
import dearly.search.SearchIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * This node's measurements, read by Prometheus at {@code /metrics}. A feature that has figures of
 * its own binds them to {@link #registry()} (a page cache its hit ratio, with Micrometer's
 * {@code CaffeineCacheMetrics}); requests are timed by {@link RequestRecords}.
 *
 * <p>Request timings are labelled by route template ({@code /letters/{slug}}), never by the
 * address asked: a label per letter, or per parent's status token, would put secrets in the figures
 * and grow without end.
 */
public final class Metrics implements AutoCloseable {
    /** Fixed buckets, so that each route's histogram stays a dozen lines long. */
    private static final List<Duration> BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The column's own figures: mail not sent yet and how long the oldest has waited (the outbox
     * counts them), and how many changes this node's search index has still to apply.
     */
    public void watch(Outbox outbox, SearchIndex searchIndex, Supplier<Instant> clock) {
        Gauge.builder("dearly.outbox.unsent", () -> orNaN(() -> outbox.waiting().count()))
                .description("Mails in the outbox not sent yet").register(registry);
        Gauge.builder("dearly.outbox.oldest.age", () -> orNaN(() -> outbox.waiting().oldest()
                        .map(oldest -> Duration.between(oldest, clock.get()).toMillis() / 1000.0).orElse(0.0)))
                .description("Seconds the oldest unsent mail has waited; 0 when none waits").baseUnit("seconds").register(registry);
        Gauge.builder("dearly.search.index.lag", () -> orNaN(searchIndex::lag))
                .description("Changes in the change log this node's search index has not applied yet").register(registry);
    }

    /** A figure that needs the database: NaN while it is out of reach, which Prometheus shows as a gap. */
    private static double orNaN(Supplier<? extends Number> figure) {
        try {
            return figure.get().doubleValue();
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }

    /** Jetty's threads: busy, idle, the most it may start. */
    public void watch(ThreadPool threads) {
        new JettyServerThreadPoolMetrics(threads, List.of()).bindTo(registry);
    }

    /**
     * The timer of requests answered with this route, method, status class and {@code cache} ({@code hit}: served
     * from the page cache; {@code miss}: everything else).
     *
     * @param route the route template, or a fixed word (see {@link RequestRecords#route})
     */
    Timer timer(String method, String route, int status, String cache) {
        return Timer.builder("http.server.requests")
                .description("Requests answered, by route template, method, status class and whether the page cache answered")
                .tag("method", method)
                .tag("route", route)
                .tag("status", status / 100 + "xx")
                .tag("cache", cache)
                .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
                .register(registry);
    }

    /** Everything measured, in Prometheus's text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

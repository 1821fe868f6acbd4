package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.web.RateLimitSettings.Limit;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each client's allowance, refilled steadily, in memory that a flood of addresses cannot grow. */
class ClientBucketsTest {

    private static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final Clock clock = new Clock();

    @Test
    void aClientMaySendItsLimitThenIsToldHowLongToWait() {
        ClientBuckets buckets = new ClientBuckets(new Limit(10, Duration.ofMinutes(10)), 100, clock);
        for (int i = 0; i < 10; i++) assertThat(buckets.take("203.0.113.9")).isEmpty();
        assertThat(buckets.take("203.0.113.9")).contains(Duration.ofMinutes(1));
        assertThat(buckets.take("203.0.113.10")).as("another client").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(buckets.take("203.0.113.9")).isEmpty();
        assertThat(buckets.take("203.0.113.9")).isPresent();
    }

    @Test
    void clientsIdleForAWholePeriodAreForgottenWithNothingLost() {
        ClientBuckets buckets = new ClientBuckets(new Limit(2, Duration.ofMinutes(10)), 1000, clock);
        for (int i = 0; i < 100; i++) buckets.take("198.51.100." + i);
        buckets.take("203.0.113.9");
        buckets.take("203.0.113.9");
        assertThat(buckets.clientsRemembered()).isEqualTo(101);
        clock.advance(Duration.ofMinutes(10));
        assertThat(buckets.take("192.0.2.1")).isEmpty();
        assertThat(buckets.clientsRemembered()).isEqualTo(1);
        // Forgotten after a whole period, the busy client has its full allowance, as it would anyway.
        assertThat(buckets.take("203.0.113.9")).isEmpty();
        assertThat(buckets.take("203.0.113.9")).isEmpty();
        assertThat(buckets.take("203.0.113.9")).isPresent();
    }

    @Test
    void aFloodOfDistinctAddressesCannotGrowMemoryBeyondTheBound() {
        ClientBuckets buckets = new ClientBuckets(new Limit(10, Duration.ofMinutes(10)), 1000, clock);
        for (int i = 0; i < 200_000; i++) {
            buckets.take("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            if (i % 1000 == 0) clock.advance(Duration.ofMillis(1));
        }
        assertThat(buckets.clientsRemembered()).isEqualTo(1000);
    }

    @Test
    void aClientSeenRecentlyIsKeptWhenTheBoundIsReached() {
        ClientBuckets buckets = new ClientBuckets(new Limit(1, Duration.ofMinutes(10)), 3, clock);
        buckets.take("a");
        buckets.take("b");
        buckets.take("c");
        assertThat(buckets.take("a")).as("a is refused, and so seen again").isPresent();
        buckets.take("d"); // forgets b, the least recently seen
        assertThat(buckets.take("a")).isPresent();
        assertThat(buckets.take("b")).isEmpty();
    }
}

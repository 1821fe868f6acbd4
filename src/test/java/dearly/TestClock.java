package dearly;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The time as a {@link TestServer}'s Dearly reads it: the system's, until a test moves it on. It
 * keeps running after a move, so rows a test writes with {@code Instant.now()} stay in step with it.
 */
public final class TestClock implements Supplier<Instant> {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant get() {
        return Instant.now().plus(ahead.get());
    }

    /** Moves Dearly's time on, as if that long had passed. */
    public void advance(Duration duration) {
        ahead.updateAndGet(total -> total.plus(duration));
    }
}

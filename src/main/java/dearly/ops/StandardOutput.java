package dearly.ops;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logback's appender for standard output, written in batches: lines gather in one buffer, which is
 * written out when full and at least every {@value #FLUSH_MILLIS} ms. Every request (a page-cache hit
 * too) gets a line, so one write to the terminal per line would cost as much as the hit itself.
 * Every appender of this kind shares the buffer, and a line is written to it whole, so lines never mix.
 */
public final class StandardOutput<E> extends OutputStreamAppender<E> {
    static final long FLUSH_MILLIS = 100;
    /** Through System.out, not its file descriptor: whoever replaced System.out (a test runner) still gets every line. */
    private static final OutputStream SHARED = new BufferedOutputStream(System.out, 64 * 1024);
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "log-flush");
        thread.setDaemon(true);
        return thread;
    });

    static {
        FLUSHER.scheduleWithFixedDelay(StandardOutput::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(StandardOutput::flush, "log-flush-at-exit"));
    }

    @Override
    public void start() {
        setImmediateFlush(false);
        // Not closed when this appender stops: the other appenders and the flusher still write to it.
        setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                SHARED.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                SHARED.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                SHARED.flush();
            }
        });
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        flush();
    }

    private static void flush() {
        try {
            SHARED.flush();
        } catch (IOException closed) {
            // Standard output is gone: nothing to write to.
        }
    }
}

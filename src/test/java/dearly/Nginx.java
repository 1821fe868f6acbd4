package dearly;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * nginx as the load balancer in front of two Dearly nodes on loopback, with the configuration
 * {@code ops/two-nodes} uses ({@code ops/two-nodes.nginx.conf}), run in the foreground as this test's
 * child process from a temporary directory. Debian's {@code nginx}; where it is missing the test is
 * skipped, except on CI (the {@code CI} variable set), where it fails.
 */
public final class Nginx implements AutoCloseable {
    /** Which node answered, as nginx names it: {@code 127.0.0.1:PORT}. */
    public static final String UPSTREAM_HEADER = "X-Dearly-Upstream";

    private final Process process;
    private final int port;
    private final Path prefix;

    private Nginx(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    /** nginx listening on that loopback port (see {@link #freePort}), balancing between the two nodes' ports. */
    public static Nginx balancing(int port, int firstNode, int secondNode) {
        Path nginx = Path.of(System.getProperty("dearly.nginx", "/usr/sbin/nginx"));
        if (!Files.isExecutable(nginx)) {
            String missing = "nginx is not installed (looked for " + nginx + ")";
            if (System.getenv("CI") != null) fail(missing + ": apt-get install nginx");
            Assumptions.assumeTrue(false, missing + ": apt-get install nginx");
        }
        try {
            Path prefix = Files.createTempDirectory("dearly-nginx-");
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, Files.readString(Path.of("ops/two-nodes.nginx.conf"))
                    .replace("@PREFIX@", prefix.toString())
                    .replace("@LISTEN@", Integer.toString(port))
                    .replace("@NODE1@", Integer.toString(firstNode))
                    .replace("@NODE2@", Integer.toString(secondNode)));
            Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                    "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("output.log").toFile())
                    .start();
            Nginx started = new Nginx(process, port, prefix);
            started.awaitListening();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(prefix.resolve("output.log"))
                        + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) throw new IllegalStateException("nginx never listened on " + port);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** A loopback port free now, for nginx to listen on; the nodes learn it first, as their public address. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

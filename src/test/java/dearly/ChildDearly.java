package dearly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** `dearly serve` in a JVM of its own, for tests that kill or stop it as an operator would. */
public final class ChildDearly {
    private ChildDearly() {}

    /** Starts `dearly serve` over the SQLite database in that directory and waits, with a deadline, until it says where it runs. */
    public static Process serve(Path data, int port) throws IOException {
        return serve(data, port, line -> { });
    }

    /** The same, handing every line it prints after that to {@code laterLines}. */
    public static Process serve(Path data, int port, Consumer<String> laterLines) throws IOException {
        return serve(data, port, Map.of(), laterLines);
    }

    /** The same, with settings of its own beside the defaults (DEARLY_SMTP_HOST, say). */
    public static Process serve(Path data, int port, Map<String, String> settings, Consumer<String> laterLines) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dearly.Dearly", "serve");
        builder.environment().put("DEARLY_PORT", Integer.toString(port));
        builder.environment().put("DEARLY_DATA_DIR", data.toString());
        builder.environment().put("DEARLY_RATE_LIMITS", "off");
        builder.environment().remove("DEARLY_DATABASE_URL");
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    if (line.startsWith("Dearly is running at")) return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        Instant deadline = Instant.now().plus(Duration.ofSeconds(360));
        while (!started.isDone() && Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                started.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException waiting) {
                // keep waiting until the deadline
            } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                break;
            }
        }
        if (!started.getNow(false)) {
            process.destroyForcibly();
            throw new AssertionError("dearly serve did not start within 360 s");
        }
        // Keep draining its output so it never blocks on a full pipe.
        CompletableFuture.runAsync(() -> output.lines().forEach(laterLines));
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

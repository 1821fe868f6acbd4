package dearly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dearly.Config;
import dearly.Dearly;
import dearly.Server;
import dearly.TestServer;
import dearly.asking.AskFlow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `dearly backup` while parents ask, `dearly restore` into a new data directory, and Dearly starts on it with nothing missing. */
class BackupRestoreTest {
    private final HttpClient http = HttpClient.newHttpClient();

    /** What a command printed, and how it ended. */
    private record Ran(int exitCode, String out, String err) {}

    private static Ran run(Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Dearly.commandLine(Map.of("DEARLY_DATA_DIR", dataDir.toString()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Ran(exitCode, out.toString(), err.toString());
    }

    @Test
    void aBackupTakenWhileParentsAskRestoresEverythingAcknowledgedBeforeIt() throws Exception {
        Path backup = Files.createTempDirectory("dearly-backup-").resolve("dearly-backup.db");
        List<String> acknowledged = new ArrayList<>();
        try (TestServer server = TestServer.start(); ExecutorService parents = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < 5; n++) {
                JsonNode receipt = AskFlow.ask(server, AskFlow.question().put("title", "Asked before the backup " + n));
                acknowledged.add(URI.create(receipt.get("status_api_url").asText()).getPath());
            }
            AtomicBoolean asking = new AtomicBoolean(true);
            Future<Integer> during = parents.submit(() -> {
                int asked = 0;
                while (asking.get()) AskFlow.ask(server, AskFlow.question().put("title", "Asked during the backup " + asked++));
                return asked;
            });

            Ran backedUp = run(server.dataDir(), "backup", backup.toString());
            asking.set(false);
            assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
            assertThat(backedUp.out()).contains("Backed up to");
            assertThat(during.get()).as("asks went on while the backup ran").isPositive();

            Ran refused = run(server.dataDir(), "restore", backup.toString());
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("Dearly is running on this data: stop it");
            assertThat(run(server.dataDir(), "backup", backup.toString()).err()).as("a backup never overwrites").contains("exists already");
        }

        Path fresh = Files.createTempDirectory("dearly-restored-");
        Ran restored = run(fresh, "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored");
        try (Server server = Server.start(Config.embedded(fresh), false, Instant::now)) {
            for (int n = 0; n < acknowledged.size(); n++) {
                HttpResponse<String> status = get(server, acknowledged.get(n));
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(AskFlow.json(status.body()).get("title").asText()).isEqualTo("Asked before the backup " + n);
            }
            JsonNode found = AskFlow.json(get(server, "/api/v1/search?q=partner").body());
            assertThat(found.get("results").findValuesAsText("headline"))
                    .contains("Why do I miss my partner even when we’re in the same room?");
        }
    }

    @Test
    void restoreRefusesAFileThatIsNotADearlyBackup() throws Exception {
        Path notABackup = Files.writeString(Files.createTempFile("not-a-backup-", ".db"), "hello");
        Path data = Files.createTempDirectory("dearly-restore-");
        Ran refused = run(data, "restore", notABackup.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(Files.exists(Database.fileIn(data))).as("nothing put in place").isFalse();
    }

    private HttpResponse<String> get(Server server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.address() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

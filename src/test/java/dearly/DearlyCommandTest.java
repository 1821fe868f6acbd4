package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line an admin uses, run as `dearly COMMAND` would run it. */
class DearlyCommandTest {

    private static String run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = Dearly.commandLine(env);
        command.setOut(new PrintWriter(out));
        assertThat(command.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void helpListsEveryCommandWithItsPurpose() {
        CommandLine dearly = Dearly.commandLine(Map.of());
        assertThat(dearly.getSubcommands().keySet()).contains("serve", "migrate", "outbox", "user", "help");
        for (String help : new String[] {"--help", "help"}) {
            String shown = run(Map.of(), help);
            assertThat(shown).contains("Usage: dearly");
            dearly.getSubcommands().keySet().forEach(name -> assertThat(shown)
                    .as("%s lists %s", help, name)
                    .containsPattern("(?m)^  " + name + " +[A-Z]"));
        }
        assertThat(run(Map.of(), "help", "user")).contains("Usage: dearly user").contains("add").contains("list");
    }

    @Test
    void migrateBringsANewDatabaseUpToDateOnce() throws Exception {
        Map<String, String> env = Map.of("DEARLY_DATA_DIR", Files.createTempDirectory("dearly-cli-").toString());
        assertThat(run(env, "migrate")).startsWith("Applied ");
        assertThat(run(env, "migrate")).contains("The database is up to date.");
    }

    @Test
    void outboxShowsHerStatusLinkWhenThereIsNoSmtp() throws Exception {
        Path data = Files.createTempDirectory("dearly-cli-");
        String statusUrl;
        try (Server server = Server.start(Config.embedded(data), false, java.time.Instant::now)) {
            statusUrl = askThroughTheApi(server.port());
        }
        String shown = run(Map.of("DEARLY_DATA_DIR", data.toString()), "outbox");
        assertThat(shown).contains("to paula.gomez@example.com").contains("[waiting]").contains(statusUrl);
    }

    private static String askThroughTheApi(int port) throws Exception {
        String question = """
                {"title": "¿Cuándo dormirá toda la noche?", "first_name": "Paula", "surname": "Gómez",
                 "body": "Mi bebé de cinco meses se despierta cada dos horas y ya no sé qué hacer para descansar.",
                 "country": "CO", "role": "mama", "language": "es", "email": "paula.gomez@example.com", "consent": true}""";
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/questions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(question)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        return new ObjectMapper().readTree(created.body()).get("status_url").asText();
    }

    @Test
    void anEmptyOutboxSaysSo() throws Exception {
        Map<String, String> env = Map.of("DEARLY_DATA_DIR", Files.createTempDirectory("dearly-cli-").toString());
        assertThat(run(env, "outbox")).contains("The outbox is empty.");
    }
}

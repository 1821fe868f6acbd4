package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.asking.AskFlow;
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
    void outboxShowsHerStatusLinkWhenThereIsNoSmtp() {
        Path data;
        String statusUrl;
        try (TestServer server = TestServer.start()) {
            data = server.dataDir();
            statusUrl = AskFlow.ask(server, AskFlow.question()).get("status_url").asText();
        }
        String shown = run(Map.of("DEARLY_DATA_DIR", data.toString()), "outbox");
        assertThat(shown).contains("to maria@example.com").contains("[waiting]").contains(statusUrl);
    }

    @Test
    void anEmptyOutboxSaysSo() throws Exception {
        Map<String, String> env = Map.of("DEARLY_DATA_DIR", Files.createTempDirectory("dearly-cli-").toString());
        assertThat(run(env, "outbox")).contains("The outbox is empty.");
    }
}

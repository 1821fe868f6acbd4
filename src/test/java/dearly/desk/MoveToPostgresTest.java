package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.Dearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.asking.AskFlow;
import dearly.demo.DemoContent;
import dearly.storage.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A column built on the embedded SQLite, through the ways people use it (asks, accounts, a letter
 * published from the desk, a reaction, an import), moved to PostgreSQL with {@code dearly migrate-to}
 * while it runs, then served from PostgreSQL with nothing missing.
 */
class MoveToPostgresTest {
    private static final String IMPORTED = "Colic at night: the witching hour";

    record Run(int status, String out, String err) {}

    static Run dearly(Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Dearly.commandLine(Map.of("DEARLY_DATA_DIR", dataDir.toString()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aRunningColumnMovesToPostgresWithNothingLostAndANonEmptyTargetIsRefused() throws Exception {
        Assumptions.assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.POSTGRESQL),
                TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        try (TestServer sqlite = TestServer.start(); TestDatabase postgres = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            User advisor = SignedIn.as(sqlite, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(sqlite, advisor, "es", "mama");
            ReviewFlow.write(sqlite, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            User editor = SignedIn.as(sqlite, Role.EDITOR);
            assertThat(ReviewFlow.send(sqlite, asked.id(), "approve", Map.of("when", "now")).statusCode()).isEqualTo(303);
            String letter = ReviewFlow.letterPath(sqlite, asked.status());
            assertThat(sqlite.postForm(letter + "/felt", Map.of("lang", "es")).statusCode()).isEqualTo(303);
            String letterPage = sqlite.page(letter).select("main").text();
            String otherStatus = AskFlow.ask(sqlite, AskFlow.questionWithEveryField()).get("status_url").asText()
                    .replace(sqlite.url(""), "");
            Path archive = Files.createTempFile("dearly-archive-", ".jsonl");
            Files.writeString(archive, new ObjectMapper().createObjectNode().put("external_id", "colic-1").put("title", IMPORTED)
                    .put("question", "My daughter screams every evening.").put("answer", "Mama,\n\nThe evening crying ends.")
                    .put("advisor", "Ana Ruiz").put("language", "en").put("published_at", "2021-03-04T05:06:07Z") + "\n");
            assertThat(dearly(sqlite.dataDir(), "import", archive.toString()).status()).isZero();

            Run moved = dearly(sqlite.dataDir(), "migrate-to", postgres.jdbcUrl());
            assertThat(moved.status()).as(moved.err()).isZero();
            assertThat(moved.out()).contains("each table's count and content checked").contains("scheduled_tasks")
                    .contains("change_log").contains("audit_entry").contains("mail_outbox").contains("session");

            Run again = dearly(sqlite.dataDir(), "migrate-to", postgres.jdbcUrl());
            assertThat(again.status()).as("a target that holds tables is refused").isEqualTo(1);
            assertThat(again.err()).contains("Nothing copied").contains("--force");

            try (TestServer served = TestServer.startOn(postgres)) {
                assertThat(served.page("/").text()).contains(DemoContent.seedLines().get(0)).contains(IMPORTED);
                assertThat(served.page(letter).select("main").text()).isEqualTo(letterPage);
                assertThat(served.page(asked.status()).select("a.button[href*=/letters/]").attr("href")).endsWith(letter);
                assertThat(served.get(otherStatus).statusCode()).isEqualTo(200);
                assertThat(served.page("/search?q=colic").text()).contains(IMPORTED);

                SignedIn.again(served, editor);
                assertThat(served.get("/desk").statusCode()).isEqualTo(200);
                assertThat(served.page("/desk").text()).as("a question asked on SQLite waits on the desk").contains("How do I get my baby to nap?");
                // PostgreSQL numbers new rows past the copied ones.
                assertThat(AskFlow.ask(served, AskFlow.question()).get("status_url").asText()).isNotBlank();
            }
        }
    }
}

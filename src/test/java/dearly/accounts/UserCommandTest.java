package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Config;
import dearly.Dearly;
import dearly.Server;
import dearly.storage.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An admin makes accounts from the command line, as `dearly user ...` runs it, with the password on standard input. */
class UserCommandTest {
    private final InputStream originalIn = System.in;
    private Path data;

    @BeforeEach
    void dataDirectory() throws Exception {
        data = Files.createTempDirectory("dearly-user-");
    }

    @AfterEach
    void restoreStandardInput() {
        System.setIn(originalIn);
    }

    private record Run(int exitCode, String out, String err) {}

    private Run run(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Dearly.commandLine(Map.of("DEARLY_DATA_DIR", data.toString()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void anAdminAddedWithThePasswordOnStandardInputCanSignIn() {
        Run added = run("a long enough passphrase\n", "user", "add", "Lina@Example.org", "--name", "Lina P.", "--role", "admin");

        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).isEqualTo("Added admin lina@example.org." + System.lineSeparator());
        try (Database database = Server.openDatabase(Config.embedded(data))) {
            UserRepository users = new UserRepository(database);
            assertThat(users.authenticate("lina@example.org", "a long enough passphrase".toCharArray()))
                    .hasValueSatisfying(user -> {
                        assertThat(user.displayName()).isEqualTo("Lina P.");
                        assertThat(user.roles()).containsExactly(Role.ADMIN);
                    });
            assertThat(users.authenticate("lina@example.org", "a long enough passphrase\n".toCharArray())).isEmpty();
            assertThat(new dearly.audit.AuditLog(database, java.time.Instant::now).find(dearly.audit.AuditFilter.ALL, 0))
                    .extracting(entry -> entry.who().name() + " | " + entry.action() + " | " + entry.detail())
                    .containsExactly("Dearly | staff-account.added-from-command-line | as admin");
        }
    }

    @Test
    void aWindowsLineEndingIsNotPartOfThePassword() {
        assertThat(run("a long enough passphrase\r\nmore\n", "user", "add", "lina@example.org", "--name", "Lina P.", "--role", "editor")
                .exitCode()).isZero();
        try (Database database = Server.openDatabase(Config.embedded(data))) {
            assertThat(new UserRepository(database).authenticate("lina@example.org", "a long enough passphrase".toCharArray())).isPresent();
        }
    }

    @Test
    void listShowsEveryAccountWithNameAndRole() {
        run("a long enough passphrase\n", "user", "add", "lina@example.org", "--name", "Lina P.", "--role", "advisor");
        run("another long passphrase\n", "user", "add", "marta@example.org", "--name", "Marta R.", "--role", "Editor");

        Run listed = run("", "user", "list");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines()).hasSize(2);
        assertThat(listed.out().lines().toList().get(0)).contains("lina@example.org").contains("Lina P.").endsWith("advisor");
        assertThat(listed.out().lines().toList().get(1)).contains("marta@example.org").contains("Marta R.").endsWith("editor");
    }

    @Test
    void listOnANewInstanceSaysHowToAddTheFirstAccount() {
        assertThat(run("", "user", "list").out()).startsWith("There are no accounts yet.");
    }

    @Test
    void aShortPasswordIsRefusedWithAClearMessageAndNothingIsAdded() {
        Run refused = run("too short\n", "user", "add", "lina@example.org", "--name", "Lina P.", "--role", "admin");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("The password must be at least 12 characters long.");
        assertThat(run("", "user", "list").out()).startsWith("There are no accounts yet.");
    }

    @Test
    void aSecondAccountForTheSameEmailIsRefused() {
        run("a long enough passphrase\n", "user", "add", "lina@example.org", "--name", "Lina P.", "--role", "admin");
        Run refused = run("a long enough passphrase\n", "user", "add", "LINA@example.org", "--name", "Lina", "--role", "advisor");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("There is already an account for lina@example.org.");
    }

    @Test
    void anUnknownRoleIsRefusedBeforeAskingForAPassword() {
        Run refused = run("a long enough passphrase\n", "user", "add", "lina@example.org", "--name", "Lina P.", "--role", "owner");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--role must be advisor, editor or admin, not 'owner'");
    }
}

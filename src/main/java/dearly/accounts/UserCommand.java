package dearly.accounts;

import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.letters.Publishing;
import dearly.storage.Database;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dearly user add EMAIL --name "Lina P." --role admin} and {@code dearly user list}: the
 * accounts of advisors, editors and admins, from the command line, so that the first admin of a
 * new instance can be made before any page exists to make her.
 *
 * <p>The password is never an argument (it would stay in the shell's history and in the process
 * list): it is typed twice without echo, or, when there is no terminal, read from the first line of
 * standard input, for scripts.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage the accounts of advisors, editors and admins.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
public final class UserCommand implements Runnable {
    private final Supplier<Database> openDatabase;

    @Spec
    CommandSpec spec;

    /** @param openDatabase opens the configured database with its schema up to date; the command closes it */
    public UserCommand(Supplier<Database> openDatabase) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What each {@code dearly user} subcommand works on: the accounts in the configured database, and the command line. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        /** The configured database, schema up to date; the subcommand closes it. */
        Database openDatabase() {
            return parent.openDatabase.get();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account; asks for its password.")
    static final class Add extends Subcommand {
        @Parameters(paramLabel = "EMAIL", description = "The e-mail address she signs in with.")
        String email;

        @Option(names = "--name", required = true, description = "The name colleagues see, such as \"Lina P.\".")
        String name;

        @Option(names = "--role", required = true, paramLabel = "advisor|editor|admin",
                description = "What she may do: advisor, editor or admin; several separated by commas (advisor,editor).")
        String role;

        @Override
        public Integer call() {
            Set<Role> chosen = roles(role);
            PrintWriter out = out();
            PrintWriter err = err();
            char[] password = readPassword(email, err);
            if (password == null) return 1;
            try (Database database = openDatabase()) {
                long id = new UserRepository(database).add(email, name, chosen, password, Instant.now());
                // Whoever ran the command is not an account: the log says the command line made her.
                AuditLog audit = new AuditLog(database, Instant::now);
                database.write(handle -> {
                    audit.record(handle, Accounts.DEARLY, "staff-account.added-from-command-line", Subject.of("staff-account", id),
                            "as " + names(chosen));
                    if (chosen.contains(Role.ADVISOR) || chosen.contains(Role.ADMIN)) {
                        new Publishing().claimAdvisor(handle, id, name);
                    }
                    return null;
                });
            } catch (IllegalArgumentException refused) {
                err.println(refused.getMessage());
                err.flush();
                return 1;
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("Added " + names(chosen) + " " + UserRepository.emailKey(email) + ".");
            out.flush();
            return 0;
        }

        private Set<Role> roles(String text) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : text.split(",", -1)) {
                roles.add(Role.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--role must be advisor, editor or admin, not '" + text + "'")));
            }
            return roles;
        }

        /** Typed twice without echo at a terminal; otherwise the first line of standard input. Null after a mistake. */
        private static char[] readPassword(String email, PrintWriter err) {
            Console console = interactiveConsole();
            if (console == null) return firstLine(System.in);
            char[] first = console.readPassword("Password for %s (at least %d characters): ", email, UserRepository.MIN_PASSWORD_LENGTH);
            char[] second = first == null ? null : console.readPassword("The same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                if (first != null) Arrays.fill(first, '\0');
                if (second != null) Arrays.fill(second, '\0');
                err.println("The two passwords don't match. Nothing was added.");
                err.flush();
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }

        /**
         * The console when a person is typing. JDK 22 and later return a console even when input is
         * piped; only their {@code isTerminal()} (absent from JDK 21, hence reflection) tells.
         */
        private static Console interactiveConsole() {
            Console console = System.console();
            if (console == null) return null;
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
            } catch (ReflectiveOperationException jdk21) {
                return console;
            }
        }

        /** Reads up to the first line break into a char array, without making a String of the password. */
        static char[] firstLine(java.io.InputStream input) {
            Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8);
            char[] buffer = new char[64];
            int length = 0;
            try {
                for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                    if (length == buffer.length) {
                        char[] larger = Arrays.copyOf(buffer, buffer.length * 2);
                        Arrays.fill(buffer, '\0');
                        buffer = larger;
                    }
                    buffer[length++] = (char) c;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input", e);
            }
            if (length > 0 && buffer[length - 1] == '\r') length--;
            char[] line = Arrays.copyOf(buffer, length);
            Arrays.fill(buffer, '\0');
            return line;
        }
    }

    /** The roles as the command line spells them, in the order of {@link Role}: "advisor,admin". */
    static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::key).collect(Collectors.joining(","));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts: e-mail, name and role.")
    static final class ListUsers extends Subcommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Database database = openDatabase()) {
                var users = new UserRepository(database).all();
                if (users.isEmpty()) out.println("There are no accounts yet. Add one with: dearly user add EMAIL --name NAME --role admin");
                for (User user : users) {
                    out.printf("%-40s  %-30s  %s%n", user.email(), user.displayName(), names(user.roles()));
                }
            }
            out.flush();
            return 0;
        }
    }
}

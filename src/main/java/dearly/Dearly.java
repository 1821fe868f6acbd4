package dearly;

import dearly.accounts.UserCommand;
import dearly.accounts.UserRepository;
import dearly.mail.Outbox;
import dearly.mail.OutboxMail;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Dearly's command line: {@code serve} runs the site, {@code migrate} brings the database up to
 * date, {@code outbox} shows the mail waiting to go out, {@code user} manages accounts. Settings
 * come from the environment.
 */
@Command(
        name = "dearly",
        mixinStandardHelpOptions = true,
        description = "An advice column for new parents.",
        subcommands = {Dearly.Serve.class, Dearly.Migrate.class, Dearly.ShowOutbox.class, UserCommand.class})
public final class Dearly implements Runnable {
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    public Dearly(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Dearly(System.getenv())).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public Config config() {
        return Config.fromEnvironment(environment);
    }

    @Command(name = "serve", description = "Start the web server (configured by the DEARLY_* environment variables).")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        Dearly dearly;

        @Option(names = "--demo", description = "Publish the first letter on an empty database (always done on the embedded SQLite).")
        boolean demo;

        @Override
        public Integer call() throws InterruptedException {
            Config config = dearly.config();
            Server server = Server.start(config, demo, java.time.Instant::now);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            String storage = config.embedded()
                    ? "SQLite in " + config.dataDir().toAbsolutePath().normalize()
                    : "PostgreSQL";
            System.out.println("Dearly is running at " + server.address() + "/  (" + storage + "; Ctrl+C stops it)");
            if (new UserRepository(server.database()).all().isEmpty()) {
                System.out.println("No staff account yet. Create the first admin with:"
                        + "  ./dearly user add you@example.org --name \"Your Name\" --role admin");
            }
            stopped.await();
            return 0;
        }
    }

    @Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        Dearly dearly;

        @Override
        public Integer call() {
            try (var database = Server.openDatabase(dearly.config())) {
                int applied = database.migrate();
                dearly.spec.commandLine().getOut()
                        .println(applied == 0 ? "The database is up to date." : "Applied " + applied + " migration(s).");
            }
            return 0;
        }
    }

    /**
     * The admin's view of the mail outbox from a shell, beside /admin/outbox. Without SMTP (the
     * embedded default) this is where a parent's status link can be read. It prints to the admin's
     * own terminal, never to a log.
     */
    @Command(name = "outbox", description = "Show the newest mail in the outbox, pending or sent, newest first.")
    static final class ShowOutbox implements Callable<Integer> {
        @ParentCommand
        Dearly dearly;

        @Option(names = "--limit", defaultValue = "10", description = "How many mails to show (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = dearly.spec.commandLine().getOut();
            try (var database = Server.openDatabase(dearly.config())) {
                database.migrate();
                var mails = new Outbox(database).recent(Math.max(1, limit));
                if (mails.isEmpty()) out.println("The outbox is empty.");
                for (OutboxMail mail : mails) {
                    String state = mail.sent() ? "sent " + mail.sentAt().orElseThrow()
                            : "waiting" + (mail.attempts() > 0 ? " (" + mail.attempts() + " failed attempts)" : "");
                    out.printf("#%d  %s  to %s  [%s]%n  %s%n", mail.id(), mail.createdAt(), mail.recipient(), state, mail.subject());
                    mail.text().ifPresent(text -> text.lines().forEach(line -> out.println("    " + line)));
                    out.println();
                }
            }
            out.flush();
            return 0;
        }
    }
}

package dearly;

import dearly.accounts.UserCommand;
import dearly.archive.ExportCommand;
import dearly.archive.ImportCommand;
import dearly.mail.OutboxCommand;
import dearly.search.ReindexCommand;
import dearly.search.SearchIndex;
import dearly.storage.BackupCommand;
import dearly.storage.Database;
import dearly.storage.MigrateToCommand;
import dearly.storage.RestoreCommand;
import java.nio.file.Path;
import java.util.Optional;
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
 * date, {@code outbox} shows the mail waiting to go out, {@code user} manages accounts, {@code reindex}
 * rebuilds the search index, {@code import} and {@code export} bring archives in and out, {@code backup}
 * and {@code restore} copy the embedded database out and back. Settings
 * come from the environment. Each feature's command lives beside its feature and is handed what it
 * needs (a way to open the database), so no feature depends on this class.
 */
@Command(
        name = "dearly",
        mixinStandardHelpOptions = true,
        description = "An advice column for new parents.",
        subcommands = {Dearly.Serve.class, Dearly.Migrate.class})
public final class Dearly implements Runnable {
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    public Dearly(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The whole command line, every feature's command included, as {@code dearly ...} runs it. */
    public static CommandLine commandLine(Map<String, String> environment) {
        Dearly dearly = new Dearly(environment);
        return new CommandLine(dearly)
                .addSubcommand(new OutboxCommand(dearly::openMigratedDatabase))
                .addSubcommand(new UserCommand(dearly::openMigratedDatabase))
                .addSubcommand(new ReindexCommand(dearly::openMigratedDatabase, () -> dearly.config().searchIndex()))
                .addSubcommand(new ImportCommand(dearly::openMigratedDatabase))
                .addSubcommand(new ExportCommand(dearly::openMigratedDatabase))
                .addSubcommand(new MigrateToCommand(dearly::openMigratedDatabase))
                .addSubcommand(new BackupCommand(dearly::openMigratedDatabase))
                .addSubcommand(new RestoreCommand(dearly::sqliteFile, dearly::openMigratedDatabase, work -> {
                    try {
                        SearchIndex.whileStopped(dearly.config().searchIndex(), work);
                        return true;
                    } catch (SearchIndex.InUse running) {
                        return false;
                    }
                }))
                .addSubcommand(new CommandLine.HelpCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Config config() {
        return Config.fromEnvironment(environment);
    }

    /** The file of the configured SQLite database; empty on PostgreSQL. */
    Optional<Path> sqliteFile() {
        Config config = config();
        return config.embedded() ? Optional.of(Database.fileIn(config.dataDir())) : Database.fileOf(config.databaseUrl().orElseThrow());
    }

    /** The configured database with its schema brought up to date, for a command that reads or writes it. */
    Database openMigratedDatabase() {
        Database database = Server.openDatabase(config());
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
                System.out.println("Dearly is stopping: finishing the requests in flight (up to "
                        + App.STOP_TIMEOUT.toSeconds() + " s), then mail, schedules, the search index and the database.");
                server.close();
                System.out.println("Dearly stopped.");
                stopped.countDown();
            }));
            String storage = config.embedded()
                    ? "SQLite in " + config.dataDir().toAbsolutePath().normalize()
                    : "PostgreSQL";
            System.out.println("Dearly is running at " + server.address() + "/  (" + storage + "; Ctrl+C stops it)");
            server.setupLink().ifPresent(link -> System.out.println("No admin account yet. Open this link within an hour to"
                    + " create the first admin (it works once; restart Dearly for a new one):\n  " + link
                    + "\nOr, from a script: ./dearly user add you@example.org --name \"Your Name\" --role admin"));
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
}

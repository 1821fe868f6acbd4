package dearly;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Dearly's command line: {@code serve} runs the site, {@code migrate} brings the database up to date. */
@Command(
        name = "dearly",
        mixinStandardHelpOptions = true,
        description = "An advice column for new parents.",
        subcommands = {Dearly.Serve.class, Dearly.Migrate.class})
public final class Dearly implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Dearly()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static Config config() {
        return Config.fromEnvironment(System.getenv());
    }

    @Command(name = "serve", description = "Start the web server (configured by the DEARLY_* environment variables).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--demo", description = "Publish the first letter on an empty database (always done on the embedded SQLite).")
        boolean demo;

        @Override
        public Integer call() throws InterruptedException {
            Config config = config();
            Server server = Server.start(config, demo);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            String storage = config.embedded()
                    ? "SQLite in " + config.dataDir().toAbsolutePath().normalize()
                    : "PostgreSQL";
            String address = config.baseUrl().map(Object::toString).orElse("http://localhost:" + server.port());
            System.out.println("Dearly is running at " + address + "/  (" + storage + "; Ctrl+C stops it)");
            stopped.await();
            return 0;
        }
    }

    @Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
    static final class Migrate implements Callable<Integer> {
        @Override
        public Integer call() {
            try (var database = Server.openDatabase(config())) {
                int applied = database.migrate();
                System.out.println(applied == 0 ? "The database is up to date." : "Applied " + applied + " migration(s).");
            }
            return 0;
        }
    }
}

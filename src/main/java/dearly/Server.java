package dearly;

import dearly.asking.QuestionRepository;
import dearly.demo.DemoContent;
import dearly.desk.Publishing;
import dearly.letters.LetterRepository;
import dearly.storage.Database;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A running Dearly: its database brought up to date, the first letter published on a new embedded
 * instance (or when asked), and the web application listening.
 */
public final class Server implements AutoCloseable {
    private final Database database;
    private final Javalin app;

    private Server(Database database, Javalin app) {
        this.database = database;
        this.app = app;
    }

    public static Database openDatabase(Config config) {
        return config.databaseUrl().map(Database::at).orElseGet(() -> Database.sqlite(config.dataDir()));
    }

    /**
     * @param demo publish the first letter if nothing has been written yet, whatever the database;
     *     on the embedded default that happens anyway
     */
    public static Server start(Config config, boolean demo) {
        Supplier<Instant> clock = Instant::now;
        Database database = openDatabase(config);
        try {
            database.migrate();
            if (demo || config.embedded()) {
                LetterRepository letters = new LetterRepository(database, clock);
                if (letters.nothingWritten()) {
                    new DemoContent(database, new Publishing(), new QuestionRepository()).publishFirstLetter(clock.get());
                }
            }
            Javalin app = App.create(config, database, clock).start(config.port());
            return new Server(database, app);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        app.stop();
        database.close();
    }
}

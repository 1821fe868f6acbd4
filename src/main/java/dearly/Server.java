package dearly;

import dearly.asking.QuestionRepository;
import dearly.crisis.CrisisDirectory;
import dearly.demo.DemoContent;
import dearly.desk.Publishing;
import dearly.letters.LetterRepository;
import dearly.mail.MailDispatcher;
import dearly.mail.Outbox;
import dearly.storage.Database;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A running Dearly: its database brought up to date, the crisis directory and the first letter
 * seeded on a new instance, mail on its way when SMTP is configured, and the web application
 * listening.
 */
public final class Server implements AutoCloseable {
    private final Database database;
    private final Optional<MailDispatcher> mail;
    private final Javalin app;

    private Server(Database database, Optional<MailDispatcher> mail, Javalin app) {
        this.database = database;
        this.mail = mail;
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
        Optional<MailDispatcher> mail = Optional.empty();
        try {
            database.migrate();
            new CrisisDirectory(database).seedIfEmpty();
            if (demo || config.embedded()) {
                LetterRepository letters = new LetterRepository(database, clock);
                if (letters.nothingWritten()) {
                    new DemoContent(database, new Publishing(), new QuestionRepository()).publishFirstLetter(clock.get());
                }
            }
            mail = config.smtp().map(smtp -> MailDispatcher.start(new Outbox(database), smtp, clock));
            Runnable mailWaiting = mail.<Runnable>map(dispatcher -> dispatcher::wake).orElse(() -> {});
            Javalin app = App.create(config, database, clock, mailWaiting).start(config.port());
            return new Server(database, mail, app);
        } catch (RuntimeException e) {
            mail.ifPresent(MailDispatcher::close);
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
        mail.ifPresent(MailDispatcher::close);
        database.close();
    }
}

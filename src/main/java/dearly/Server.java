package dearly;

import dearly.accounts.AccountMail;
import dearly.accounts.Accounts;
import dearly.accounts.UserRepository;
import dearly.asking.QuestionQueue;
import dearly.asking.QuestionRepository;
import dearly.crisis.CrisisDirectory;
import dearly.demo.DemoContent;
import dearly.audit.AuditLog;
import dearly.desk.BylineSnapshots;
import dearly.desk.DeskSettings;
import dearly.desk.LetterPublisher;
import dearly.desk.LetterSchedule;
import dearly.desk.QuestionDesk;
import dearly.asking.AskerMail;
import dearly.desk.UrgentWatch;
import dearly.letters.LetterRepository;
import dearly.letters.Publishing;
import dearly.search.SearchIndex;
import dearly.mail.MailDispatcher;
import dearly.mail.Outbox;
import dearly.ops.Metrics;
import dearly.storage.ChangeFollower;
import dearly.storage.Database;
import dearly.web.Links;
import dearly.web.PageCache;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import dearly.accounts.Sessions;
import gg.jte.generated.precompiled.StaticTemplates;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Dearly: its database brought up to date, the crisis directory and the first letter
 * seeded on a new instance, mail on its way when SMTP is configured, and the web application
 * listening.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Database database;
    private final Optional<MailDispatcher> mail;
    private final Javalin app;
    private final Links links;
    private final UrgentWatch urgentWatch;
    private final Optional<URI> setupLink;
    private final SearchIndex searchIndex;
    private final ChangeFollower changeFollower;
    private final LetterSchedule schedule;
    private final Metrics metrics;
    private final PageCache pageCache;

    private Server(Database database, Optional<MailDispatcher> mail, Javalin app, Links links, UrgentWatch urgentWatch,
            Optional<URI> setupLink, SearchIndex searchIndex, ChangeFollower changeFollower, LetterSchedule schedule, Metrics metrics,
            PageCache pageCache) {
        this.pageCache = pageCache;
        this.schedule = schedule;
        this.metrics = metrics;
        this.setupLink = setupLink;
        this.database = database;
        this.mail = mail;
        this.app = app;
        this.links = links;
        this.urgentWatch = urgentWatch;
        this.searchIndex = searchIndex;
        this.changeFollower = changeFollower;
    }

    public static Database openDatabase(Config config) {
        return config.databaseUrl().map(Database::at).orElseGet(() -> Database.sqlite(config.dataDir()));
    }

    /**
     * @param demo publish the first letter if nothing has been written yet, whatever the database;
     *     on the embedded default that happens anyway
     * @param clock the time as Dearly reads it everywhere: the system's, or a test's that it moves
     */
    public static Server start(Config config, boolean demo, Supplier<Instant> clock) {
        Database database = openDatabase(config);
        Optional<MailDispatcher> mail = Optional.empty();
        SearchIndex searchIndex = null;
        ChangeFollower changeFollower = null;
        LetterSchedule schedule = null;
        Metrics metrics = new Metrics();
        try {
            database.migrate();
            new CrisisDirectory(database).seed();
            Publishing publishing = new Publishing();
            new BylineSnapshots(database, new QuestionQueue(database), publishing, config.timeZone()).takeMissing();
            if (demo || config.embedded()) {
                new DemoContent(database, publishing, new QuestionRepository(database, publishing)).publishIfEmpty(clock.get());
            }
            searchIndex = SearchIndex.open(config.searchIndex(), database, new LetterRepository(database, clock), clock);
            // Public pages kept rendered: emptied at once on this node when a change commits here, and on
            // every node when its change follower hands the change over, after the search index (so related
            // letters are current) and whether or not the index could apply it.
            PageCache pageCache = new PageCache(config.pageCacheBytes(), Sessions.COOKIE, clock);
            database.afterLoggedChange(pageCache::clear);
            searchIndex.whenLettersComeDue(pageCache::clear);
            changeFollower = new ChangeFollower(database, searchIndex.applied());
            changeFollower.subscribe(searchIndex::follow);
            changeFollower.subscribe((changes, upTo) -> {
                if (!changes.isEmpty()) pageCache.clear();
            });
            // The index brought up to date before the first request, then kept current from the change log.
            changeFollower.turn();
            changeFollower.start();
            mail = config.smtp().map(smtp -> MailDispatcher.start(new Outbox(database), smtp, clock));
            Runnable mailWaiting = mail.<Runnable>map(dispatcher -> dispatcher::wake).orElse(() -> {});
            Links links = new Links(config.baseUrl(), config.port());
            // Letters approved for a set time: this node publishes those that come due (once, whichever node claims one).
            AuditLog audit = new AuditLog(database, clock);
            QuestionQueue questions = new QuestionQueue(database);
            schedule = LetterSchedule.start(database, clock, new LetterPublisher(database, questions, publishing,
                    new QuestionDesk(database, questions, new Outbox(database), new AskerMail(new StaticTemplates()), mailWaiting, clock,
                            audit), audit, links, clock, config.timeZone())::publishDue);
            metrics.watch(new Outbox(database), searchIndex, clock);
            // The cache's hit ratio beside the request figures.
            CaffeineCacheMetrics.monitor(metrics.registry(), pageCache.cache(), "pages");
            Javalin app = App.create(config, database, clock, mailWaiting, links, searchIndex, schedule, metrics, pageCache)
                    .start(config.port());
            links.listeningOn(app.port());
            if (config.baseUrl().isEmpty()) {
                LOG.warn("DEARLY_BASE_URL is not set: links in mail (a parent's status link), canonical tags and the API"
                        + " point at {}/ (never at the address a request names); set DEARLY_BASE_URL to the public address",
                        links.base());
            }
            UrgentWatch urgentWatch = new UrgentWatch(database, new QuestionQueue(database), new DeskSettings(database, new AuditLog(database, clock)),
                    new UserRepository(database), new Outbox(database), new StaticTemplates(), links, mailWaiting, clock).start();
            // No admin yet: a one-time link to create her, for serve to print (only its hash is stored).
            Optional<URI> setupLink = new Accounts(database, new UserRepository(database), new Outbox(database),
                    new AccountMail(new StaticTemplates()), mailWaiting, clock, Duration.ZERO, new AuditLog(database, clock)).offerSetup()
                    .map(token -> URI.create(links.base() + "/setup/" + token));
            return new Server(database, mail, app, links, urgentWatch, setupLink, searchIndex, changeFollower, schedule, metrics,
                    pageCache);
        } catch (RuntimeException e) {
            if (schedule != null) schedule.close();
            mail.ifPresent(MailDispatcher::close);
            if (changeFollower != null) changeFollower.close();
            if (searchIndex != null) searchIndex.close();
            database.close();
            metrics.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    /** The address Dearly's links are built on: DEARLY_BASE_URL, or this server's own. */
    public URI address() {
        return links.base();
    }

    /** The first admin's setup link, printed once by serve, when this start found no active admin. */
    public Optional<URI> setupLink() {
        return setupLink;
    }

    public Database database() {
        return database;
    }

    /** This node's search index. */
    public SearchIndex searchIndex() {
        return searchIndex;
    }

    /** This node's reader of the change log; a test asks it to follow the log now rather than at its next turn. */
    public ChangeFollower changeFollower() {
        return changeFollower;
    }

    /** Public pages kept rendered; its {@code cache()} has the hit counts for metrics. */
    public PageCache pageCache() {
        return pageCache;
    }

    /** What tells editors about urgent questions that waited too long; a test asks it to look now. */
    public UrgentWatch urgentWatch() {
        return urgentWatch;
    }

    /** Publishes letters approved for a set time; a test asks it to look for due ones now. */
    public LetterSchedule letterSchedule() {
        return schedule;
    }

    /** This node's measurements, for a feature that binds figures of its own. */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Stops in order: no new connections, requests in flight let finish (up to {@link App#STOP_TIMEOUT}),
     * then what they may have set going (mail, the schedulers, the change follower), the index, the database.
     */
    @Override
    public void close() {
        app.stop();
        mail.ifPresent(MailDispatcher::close);
        schedule.close();
        urgentWatch.close();
        changeFollower.close();
        searchIndex.close();
        database.close();
        metrics.close();
    }
}

package dearly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.accounts.Access;
import dearly.accounts.AccountAdminPages;
import dearly.accounts.AccountLinkPages;
import dearly.accounts.AccountMail;
import dearly.accounts.AccountPages;
import dearly.accounts.Accounts;
import dearly.accounts.OwnAccountPages;
import dearly.accounts.Sessions;
import dearly.accounts.UserRepository;
import dearly.admin.AdminPages;
import dearly.admin.AuditPages;
import dearly.admin.TopicsAndTemplatesPages;
import dearly.audit.AuditLog;
import dearly.desk.DeclineTemplates;
import dearly.letters.TopicEditor;
import dearly.asking.AskPages;
import dearly.asking.AskerMail;
import dearly.asking.Asking;
import dearly.asking.CrisisSigns;
import dearly.asking.QuestionApi;
import dearly.asking.QuestionQueue;
import dearly.asking.QuestionRepository;
import dearly.crisis.CrisisDirectory;
import dearly.crisis.CrisisDirectoryEditor;
import dearly.desk.AdvisorProfilePages;
import dearly.desk.Assigning;
import dearly.desk.DeskPages;
import dearly.desk.DraftPages;
import dearly.desk.Drafts;
import dearly.desk.DeskSettings;
import dearly.desk.QuestionDesk;
import dearly.letters.AdvisorProfiles;
import dearly.desk.LetterPublisher;
import dearly.desk.LetterSchedule;
import dearly.desk.PublishChecks;
import dearly.desk.Review;
import dearly.desk.ReviewPages;
import dearly.feeds.FeedPages;
import dearly.letters.LetterApi;
import dearly.letters.PortraitFiles;
import dearly.letters.FeltThisToo;
import dearly.letters.LetterPages;
import dearly.letters.Reactions;
import dearly.reference.ApiReference;
import dearly.letters.LetterRepository;
import dearly.letters.Publishing;
import dearly.mail.Outbox;
import dearly.ops.Health;
import dearly.ops.Metrics;
import dearly.ops.MetricsPage;
import dearly.ops.RequestRecords;
import dearly.search.LetterSearch;
import dearly.search.SearchIndex;
import dearly.search.SearchPages;
import dearly.search.SimilarLetters;
import dearly.storage.Database;
import dearly.web.Csrf;
import dearly.web.ErrorPages;
import dearly.web.Feature;
import dearly.web.JettyRefusals;
import dearly.web.LanguageAddresses;
import dearly.web.LanguagePrefix;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.PageCache;
import dearly.web.StaticFiles;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import dearly.web.Refusals;
import dearly.web.RequestLimits;
import dearly.web.SecurityHeaders;
import dearly.web.UnreadableAddresses;
import dearly.web.UnreadableRequests;
import gg.jte.generated.precompiled.StaticTemplates;
import gg.jte.generated.precompiled.Templates;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.time.Duration;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Builds Dearly's web application from its features. */
public final class App {
    private static final long MAX_REQUEST_BYTES = 2 * 1024 * 1024;
    /** How long a stop waits for requests in flight: a page takes milliseconds, a slow phone's upload seconds. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    /** The checks' name models take about a second to load: once per program, whatever the number of apps a test builds. */
    private static final Supplier<PublishChecks> CHECKS = new Supplier<>() {
        private volatile PublishChecks checks;

        @Override
        public synchronized PublishChecks get() {
            if (checks == null) checks = new PublishChecks();
            return checks;
        }
    };

    private App() {}

    /**
     * @param mailWaiting called after a commit that queued mail, so it goes out at once
     * @param links Dearly's own address, for every absolute link (told the port once it listens)
     * @param searchIndex this node's search index, kept current by the server
     * @param schedule letters approved for a set time, published by the server when it comes
     * @param metrics this node's measurements, which requests are timed into and features may bind figures to
     * @param pageCache public pages kept rendered, in front of everything else (emptied by the server on every change)
     */
    public static Javalin create(Config config, Database database, Supplier<Instant> clock, Runnable mailWaiting, Links links,
            SearchIndex searchIndex, LetterSchedule schedule, Metrics metrics, PageCache pageCache) {
        Templates templates = new StaticTemplates();
        LetterRepository letters = new LetterRepository(database, clock);
        FeedPages feedPages = new FeedPages(letters, templates, links, clock);
        PageMetas metas = new PageMetas(links, feedPages::siteHead);
        Refusals refusals = new Refusals(templates, metas);
        ErrorPages errors = new ErrorPages(refusals);
        RateLimits rateLimits = new RateLimits(config.rateLimits(), refusals);
        RequestLimits requestLimits = new RequestLimits(MAX_REQUEST_BYTES, refusals);
        Csrf csrf = new Csrf(refusals, links);
        Access access = new Access(refusals);

        Publishing publishing = new Publishing();
        CrisisDirectory crisisDirectory = new CrisisDirectory(database);
        Asking asking = new Asking(database, new QuestionRepository(database, publishing), CrisisSigns.load(), crisisDirectory,
                new Outbox(database),
                new AskerMail(templates), mailWaiting, clock);
        Sessions sessions = new Sessions(database, links, clock);
        AuditLog audit = new AuditLog(database, clock);
        DeclineTemplates declineTemplates = new DeclineTemplates(database, audit);
        UserRepository users = new UserRepository(database);
        Accounts accounts = new Accounts(database, users, new Outbox(database), new AccountMail(templates), mailWaiting, clock,
                config.rateLimits().limit(RateLimits.Group.SIGN_IN_ACCOUNT).map(limit -> limit.period()).orElse(java.time.Duration.ofHours(1)), audit);
        var attemptsPerAccount = rateLimits.perKey(RateLimits.Group.SIGN_IN_ACCOUNT);
        AdvisorProfiles advisorProfiles = new AdvisorProfiles(database, publishing, audit, clock);
        QuestionQueue questions = new QuestionQueue(database);
        Assigning assigning = new Assigning(database, questions, publishing, users, new Outbox(database), templates, links,
                mailWaiting, clock, audit);
        QuestionDesk desk = new QuestionDesk(database, questions, new Outbox(database), new AskerMail(templates), mailWaiting, clock, audit);
        Review review = new Review(database, new LetterPublisher(database, questions, publishing, desk, audit, links, clock,
                config.timeZone()), schedule, publishing, new QuestionRepository(database, publishing), users, new Outbox(database),
                templates, links, audit, CHECKS.get(), mailWaiting, clock);
        SimilarLetters similar = new SimilarLetters(searchIndex, clock);
        DraftPages draftPages = new DraftPages(new Drafts(database, questions, publishing, letters, users, clock, config.timeZone(), audit),
                assigning, review, csrf, templates, metas, config.timeZone(), similar);


        Reactions reactions = new Reactions(database);
        LetterPages letterPages = new LetterPages(letters, similar, reactions, templates, metas, feedPages);
        // Each feature registers its own routes, roles and rate limits: a new one is one more line here.
        List<Feature> features = List.of(
                letterPages,
                new FeltThisToo(letters, reactions, csrf, links, pageCache),
                new LanguageAddresses(links),
                new LetterApi(letters, links),
                feedPages,
                new SearchPages(new LetterSearch(searchIndex, clock), similar, letters, templates, metas, links),
                new AskPages(asking, crisisDirectory, csrf, templates, metas, links, clock, similar),
                new QuestionApi(asking, crisisDirectory, links, clock),
                new ApiReference(templates, metas),
                new AccountPages(users, sessions, csrf, templates, metas, attemptsPerAccount, accounts, links),
                new AccountLinkPages(accounts, sessions, csrf, templates, metas, links),
                new OwnAccountPages(accounts, sessions, csrf, templates, metas, links, attemptsPerAccount),
                new AccountAdminPages(accounts, users, csrf, templates, metas, links),
                new DeskPages(desk, assigning, new DeskSettings(database, audit), declineTemplates,
                        csrf, templates, metas, config.timeZone()),
                draftPages,
                new ReviewPages(review, draftPages, csrf, config.timeZone()),
                new AdminPages(new CrisisDirectoryEditor(database, audit), new Outbox(database), config.smtp().isPresent(), csrf,
                        templates, metas),
                new AdvisorProfilePages(advisorProfiles, csrf, templates, metas),
                new PortraitFiles(advisorProfiles),
                new AuditPages(audit, templates, metas),
                new TopicsAndTemplatesPages(new TopicEditor(database, audit), declineTemplates, csrf, templates, metas),
                new Health(database, searchIndex),
                new MetricsPage(metrics, config.metrics()));
        RequestRecords requests = new RequestRecords(metrics);
        pageCache.recordHits(requests);

        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Multipart bodies are parsed by Jetty, not read by Javalin: the same ceiling, or a chunked one has none.
            javalin.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
            javalin.router.ignoreTrailingSlashes = true;
            // Every Throwable ends in the calm 500 page, Errors included (see ErrorPages.errorsAsFailures).
            javalin.router.handlerWrapper(ErrorPages::errorsAsFailures);
            javalin.router.javaLangErrorHandler(ErrorPages::lastResort);
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), true));
            // ctx.scheme() is https only over TLS or when a trusted proxy says so: HSTS, Secure cookies, https links.
            javalin.contextResolver.scheme = config.rateLimits().trustedProxies()::scheme;
            javalin.jetty.modifyHttpConfiguration(config.connections()::apply);
            javalin.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyRefusals(templates, metas, requests));
                // Outermost, GracefulHandler: on stop, requests in flight are let finish (up to the stop timeout).
                // Then the page cache: a kept page is answered before anything else runs. Then /es/ask reaches
                // the routes as /ask, in Spanish (Javalin puts its servlet inside LanguagePrefix).
                pageCache.setHandler(new LanguagePrefix());
                server.setHandler(new GracefulHandler(pageCache));
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                config.connections().apply(server);
                metrics.watch(server.getThreadPool());
            });
            // HTTP/1.1 and, for a proxy or client that speaks it, HTTP/2 in clear text (h2c) on the same port.
            javalin.jetty.addConnector((server, http) -> {
                // One acceptor; a selector per core, since page-cache hits are answered on the selector threads.
                ServerConnector connector = new ServerConnector(server, 1, Runtime.getRuntime().availableProcessors(),
                        new UnreadableAddresses(http), new HTTP2CServerConnectionFactory(http));
                connector.setPort(config.port());
                return connector;
            });
            javalin.requestLogger.http(requests::answered);
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                // Pages link them by a hash of their content (StaticFiles.url), so an address never changes its bytes.
                files.headers = Map.of("Cache-Control", StaticFiles.IMMUTABLE);
            });
            javalin.routes.before(RequestRecords::identify);
            javalin.routes.before(SecurityHeaders::apply);
            javalin.routes.before(LanguageAddresses.redirectOldLinks(letterPages::movedTo));
            javalin.routes.after(LanguageAddresses::keepRedirectsInLanguage);
            // Whatever a handler said, an answer for one person (signed in, a cookie, a form token) is never kept or shared.
            javalin.routes.after(PageCache::keepPrivate);
            // Limits first: the CSRF check reads the body, which a flood should never get to. Each
            // feature names the routes it limits beside them (rateLimits.limit, below); this is where they are counted.
            rateLimits.checkBeforeTheBody(javalin.routes);
            requestLimits.routes(javalin.routes);
            javalin.routes.before(UnreadableRequests::check);
            // These read the form to tell a send from "add a child": after the ceiling, the size limit
            // and the check that the body can be read at all (rateLimits.limitSends).
            rateLimits.checkSends(javalin.routes);
            javalin.routes.before(csrf::requireFormBodies);
            // After the limits, so a flood never reaches the session table; before the access check.
            javalin.routes.before(sessions::attach);
            // Once for every matched route, by the role it declares (Role, or Open.TO_ANYONE).
            javalin.routes.beforeMatched(access::check);
            javalin.routes.beforeMatched(LanguageAddresses::sendToHerLanguage);

            features.forEach(feature -> feature.routes(javalin.routes, rateLimits));
            // Nothing here answers: an imported site's old permalink may (checked only then, so it costs a page nothing).
            javalin.routes.error(404, ctx -> {
                if (!letterPages.redirectedOldLink(ctx)) errors.notFound(ctx);
            });
            javalin.routes.exception(BadRequestResponse.class, errors::badRequest);
            javalin.routes.exception(Exception.class, errors::failure);
        });
        requests.routesFrom(app.unsafe.internalRouter);
        return app;
    }
}

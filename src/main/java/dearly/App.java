package dearly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.accounts.Access;
import dearly.accounts.AccountPages;
import dearly.accounts.Sessions;
import dearly.accounts.UserRepository;
import dearly.admin.AdminPages;
import dearly.admin.CrisisDirectoryEditor;
import dearly.asking.AskPages;
import dearly.asking.AskerMail;
import dearly.asking.Asking;
import dearly.asking.CrisisSigns;
import dearly.asking.QuestionApi;
import dearly.asking.QuestionRepository;
import dearly.crisis.CrisisDirectory;
import dearly.desk.DeskPages;
import dearly.desk.QuestionDesk;
import dearly.letters.LetterApi;
import dearly.letters.LetterPages;
import dearly.reference.ApiReference;
import dearly.letters.LetterRepository;
import dearly.mail.MailTemplates;
import dearly.mail.Outbox;
import dearly.storage.Database;
import dearly.web.ApiRoutes;
import dearly.web.Csrf;
import dearly.web.ErrorPages;
import dearly.web.JettyRefusals;
import dearly.web.Links;
import dearly.web.Open;
import dearly.web.Pages;
import dearly.web.RateLimits;
import dearly.web.RequestLimits;
import dearly.web.SecurityHeaders;
import dearly.web.UnreadableRequests;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** Builds Dearly's web application from its features. */
public final class App {
    private static final long MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    private App() {}

    /**
     * @param mailWaiting called after a commit that queued mail, so it goes out at once
     * @param links Dearly's own address, for every absolute link (told the port once it listens)
     */
    public static Javalin create(Config config, Database database, Supplier<Instant> clock, Runnable mailWaiting, Links links) {
        Pages pages = new Pages();
        ErrorPages errors = new ErrorPages(pages, links);
        RateLimits rateLimits = new RateLimits(config.rateLimits(), pages, links);
        RequestLimits requestLimits = new RequestLimits(MAX_REQUEST_BYTES, pages, links);
        Csrf csrf = new Csrf(pages, links);
        Access access = new Access(pages, links);

        LetterRepository letters = new LetterRepository(database, clock);
        LetterPages letterPages = new LetterPages(letters, pages, links);
        LetterApi letterApi = new LetterApi(letters, links);

        CrisisDirectory crisisDirectory = new CrisisDirectory(database);
        Asking asking = new Asking(database, new QuestionRepository(), CrisisSigns.load(), new Outbox(database),
                new AskerMail(new MailTemplates()), mailWaiting, clock);
        AskPages askPages = new AskPages(asking, crisisDirectory, csrf, pages, links, clock);
        QuestionApi questionApi = new QuestionApi(asking, crisisDirectory, links, clock);
        ApiReference apiReference = new ApiReference(pages, links);

        UserRepository users = new UserRepository(database);
        Sessions sessions = new Sessions(database, links, clock);
        AccountPages accountPages = new AccountPages(users, sessions, csrf, pages, links,
                rateLimits.perKey(RateLimits.Group.SIGN_IN_ACCOUNT));
        DeskPages deskPages = new DeskPages(new QuestionDesk(database, new Outbox(database), new AskerMail(new MailTemplates()),
                mailWaiting, clock), csrf, pages, links);
        AdminPages adminPages = new AdminPages(new CrisisDirectoryEditor(database), new Outbox(database),
                config.smtp().isPresent(), csrf, pages, links);

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.router.ignoreTrailingSlashes = true;
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), true));
            // ctx.scheme() is https only over TLS or when a trusted proxy says so: HSTS, Secure cookies, https links.
            javalin.contextResolver.scheme = config.rateLimits().trustedProxies()::scheme;
            javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyRefusals(pages, links)));
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=86400");
            });
            javalin.routes.before(SecurityHeaders::apply);
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

            letterPages.routes(javalin.routes);
            ApiRoutes api = new ApiRoutes(javalin.routes, rateLimits);
            letterApi.routes(api);
            askPages.routes(javalin.routes, rateLimits);
            questionApi.routes(api);
            apiReference.routes(javalin.routes, api);
            accountPages.routes(javalin.routes, rateLimits);
            deskPages.routes(javalin.routes);
            adminPages.routes(javalin.routes);
            javalin.routes.get("/health", ctx -> {
                boolean up = database.answers();
                ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database unreachable"));
            }, Open.TO_ANYONE);
            javalin.routes.error(404, errors::notFound);
            javalin.routes.exception(BadRequestResponse.class, errors::badRequest);
            javalin.routes.exception(Exception.class, errors::failure);
        });
    }
}

package dearly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.letters.LetterApi;
import dearly.letters.LetterPages;
import dearly.letters.LetterRepository;
import dearly.storage.Database;
import dearly.web.ErrorPages;
import dearly.web.Links;
import dearly.web.Pages;
import dearly.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** Builds Dearly's web application from its features. */
public final class App {
    private static final long MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    private App() {}

    public static Javalin create(Config config, Database database, Supplier<Instant> clock) {
        Pages pages = new Pages();
        Links links = new Links(config.baseUrl());
        ErrorPages errors = new ErrorPages(pages, links);
        LetterRepository letters = new LetterRepository(database, clock);
        LetterPages letterPages = new LetterPages(letters, pages, links);
        LetterApi letterApi = new LetterApi(letters, links);

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.router.ignoreTrailingSlashes = true;
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), true));
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=86400");
            });
            javalin.routes.before(SecurityHeaders::apply);
            letterPages.routes(javalin.routes);
            letterApi.routes(javalin.routes);
            javalin.routes.get("/health", ctx -> {
                boolean up = database.answers();
                ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database unreachable"));
            });
            javalin.routes.error(404, errors::notFound);
            javalin.routes.exception(Exception.class, errors::failure);
        });
    }
}

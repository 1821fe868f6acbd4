package dearly.web;

import gg.jte.generated.precompiled.StaticTemplates;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A small Javalin app configured as {@code dearly.App} configures Dearly (security headers, the
 * 2 MB request limit, the error pages), with the routes a test gives it, on a free port.
 */
final class WebTestApp implements AutoCloseable {
    static final long MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private WebTestApp(Javalin app) {
        this.app = app;
    }

    /** @param routes given the routes to add to, and the app's refusals and links */
    static WebTestApp start(BiConsumer<RoutesConfig, Parts> routes) {
        return start(new Links(Optional.empty(), 0), routes);
    }

    static WebTestApp start(Links links, BiConsumer<RoutesConfig, Parts> routes) {
        Parts parts = new Parts(new Refusals(new StaticTemplates(), new PageMetas(links)), links);
        ErrorPages errors = new ErrorPages(parts.refusals());
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.router.ignoreTrailingSlashes = true;
            javalin.routes.before(SecurityHeaders::apply);
            routes.accept(javalin.routes, parts);
            javalin.routes.error(404, errors::notFound);
            javalin.routes.exception(Exception.class, errors::failure);
        });
        app.start(0);
        links.listeningOn(app.port());
        return new WebTestApp(app);
    }

    record Parts(Refusals refusals, Links links) {}

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return dearly.TestServer.exchange(http, request.build());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }

    HttpResponse<String> postForm(String path, String form, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }

    @Override
    public void close() {
        app.stop();
    }
}

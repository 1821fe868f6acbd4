package dearly.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import dearly.web.Csrf;
import dearly.web.ErrorPages;
import dearly.web.Links;
import dearly.web.PageMetas;
import dearly.web.Refusals;
import dearly.web.SecurityHeaders;
import gg.jte.generated.precompiled.StaticTemplates;
import gg.jte.generated.precompiled.Templates;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The accounts feature wired as {@code dearly.App} wires it, over a fresh database, plus the pages
 * that only tests need: {@code /editors} and {@code /api/editors}, guarded for editors, and
 * {@code /advisors}, guarded for advisors. Its clock stands still until a test moves it, and its
 * client keeps cookies as a browser does.
 */
final class AccountsTestApp implements AutoCloseable {
    static final String PASSWORD = "a long enough passphrase";

    private final TestDatabase testDatabase;
    private final Database database;
    private final AtomicReference<Instant> now;
    private final UserRepository users;
    private final Javalin app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();

    private AccountsTestApp(TestDatabase testDatabase, Database database, AtomicReference<Instant> now, UserRepository users,
            Javalin app) {
        this.testDatabase = testDatabase;
        this.database = database;
        this.now = now;
        this.users = users;
        this.app = app;
    }

    static AccountsTestApp start() {
        return start(TestDatabase.Kind.SQLITE);
    }

    static AccountsTestApp start(TestDatabase.Kind kind) {
        TestDatabase testDatabase = TestDatabase.create(kind);
        Database database = testDatabase.open();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T09:00:00Z"));
        Templates templates = new StaticTemplates();
        Links links = new Links(Optional.empty(), 0);
        PageMetas metas = new PageMetas(links);
        Refusals refusals = new Refusals(templates, metas);
        Csrf csrf = new Csrf(refusals, links);
        ErrorPages errors = new ErrorPages(refusals);
        UserRepository users = new UserRepository(database);
        Sessions sessions = new Sessions(database, links, now::get);
        AccountPages accountPages = new AccountPages(users, sessions, csrf, templates, metas);
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.router.ignoreTrailingSlashes = true;
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), true));
            javalin.routes.before(SecurityHeaders::apply);
            javalin.routes.before(sessions::attach);
            javalin.routes.before("/editors", Access.require(Role.EDITOR, links));
            javalin.routes.before("/api/editors", Access.require(Role.EDITOR, links));
            javalin.routes.before("/advisors", Access.require(Role.ADVISOR, links));
            accountPages.routes(javalin.routes);
            javalin.routes.get("/", ctx -> ctx.html("<p>home</p>"));
            javalin.routes.get("/editors", ctx -> ctx.html("<h1>For editors</h1><p>"
                    + Sessions.user(ctx).map(User::displayName).orElse("nobody") + "</p>"));
            javalin.routes.get("/api/editors", ctx -> ctx.json(Map.of("for", "editors")));
            javalin.routes.get("/advisors", ctx -> ctx.html("<h1>For advisors</h1>"));
            javalin.routes.error(404, errors::notFound);
            javalin.routes.exception(Exception.class, errors::failure);
        });
        try {
            app.start(0);
            links.listeningOn(app.port());
            return new AccountsTestApp(testDatabase, database, now, users, app);
        } catch (RuntimeException e) {
            database.close();
            testDatabase.close();
            throw e;
        }
    }

    UserRepository users() {
        return users;
    }

    Database database() {
        return database;
    }

    /** Adds an account with {@link #PASSWORD}. */
    User addUser(String email, String name, Role role) {
        long id = users.add(email, name, role, PASSWORD.toCharArray(), now.get());
        return users.byId(id).orElseThrow();
    }

    void advanceClock(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        return send(http, request);
    }

    /** A request carrying only the given Cookie header, from a client that keeps none: a stolen or kept cookie. */
    HttpResponse<String> getWithCookie(String path, String cookie) {
        HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return send(bare, HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie).GET());
    }

    Document page(String path) {
        return Jsoup.parse(get(path).body(), url(path));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(http, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the sign-in page (for its CSRF token) and signs in; returns the answer to the post. */
    HttpResponse<String> signIn(String loginPath, String email, String password) {
        Document form = page(loginPath);
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").val());
        fields.put("next", form.selectFirst("input[name=next]").val());
        fields.put("email", email);
        fields.put("password", password);
        return postForm(form.selectFirst("form").attr("action"), fields);
    }

    /** The browser's dearly_session cookie as a Cookie header value, if it has one. */
    Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(Sessions.COOKIE))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .findFirst();
    }

    /** Forgets the browser's cookies, as a new browser would have none. */
    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    int count(String sql) {
        return database.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        return dearly.TestServer.exchange(client, request.build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.stop();
        database.close();
        testDatabase.close();
    }
}

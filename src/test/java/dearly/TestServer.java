package dearly;

import dearly.storage.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Dearly started for real, as {@code serve} starts it, on a free port over a fresh database. */
public final class TestServer implements AutoCloseable {
    private final TestDatabase database;
    private final Server server;
    private final TestClock clock;
    /** False for a second node, which shares the first one's database and leaves it to the first to drop. */
    private final boolean ownsDatabase;
    /** 0: requests go to this node; else to the load balancer on that port, in front of this node and others. */
    private final int balancerPort;
    private final CookieManager cookies = new CookieManager();
    // HTTP/1.1, as browsers speak to a server without TLS: Dearly also serves h2c now, and a request's own
    // Host header (which tests set to play a hostile client) is only itself over HTTP/1.1 (PageCacheTest speaks h2c).
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();

    private TestServer(TestDatabase database, Server server, TestClock clock, boolean ownsDatabase) {
        this(database, server, clock, ownsDatabase, 0);
    }

    private TestServer(TestDatabase database, Server server, TestClock clock, boolean ownsDatabase, int balancerPort) {
        this.database = database;
        this.server = server;
        this.clock = clock;
        this.ownsDatabase = ownsDatabase;
        this.balancerPort = balancerPort;
    }

    /**
     * A client of this Dearly that sends its requests to the load balancer on that loopback port
     * instead (with cookies of its own), as a visitor reaches a column run on several nodes. Closing it
     * leaves the nodes running.
     */
    public TestServer behindBalancer(int port) {
        return new TestServer(database, server, clock, false, port);
    }

    /** The embedded default: SQLite in a new data directory, the first letter published. */
    public static TestServer start() {
        return start(TestDatabase.Kind.SQLITE, true);
    }

    public static TestServer start(TestDatabase.Kind kind, boolean demo) {
        return start(kind, demo, UnaryOperator.identity());
    }

    /** @param settings changes to the configuration, such as an SMTP server */
    public static TestServer start(TestDatabase.Kind kind, boolean demo, UnaryOperator<Config> settings) {
        TestDatabase database = TestDatabase.create(kind);
        return start(database, demo, () -> settings.apply(configFor(database)));
    }

    /** Dearly configured on this database: the embedded default in its data directory, or its PostgreSQL URL. */
    public static Config configFor(TestDatabase database) {
        Config embedded = Config.embedded(database.dataDir());
        return database.kind() == TestDatabase.Kind.SQLITE ? embedded : embedded.withDatabaseUrl(database.jdbcUrl());
    }

    /**
     * The embedded default configured as a user configures Dearly: from these environment variables
     * ({@code DEARLY_RATE_LIMITS}, {@code DEARLY_BASE_URL}, ...), read by {@link Config#fromEnvironment}, with a
     * free port and a fresh data directory added. What the environment leaves unset keeps the shipped
     * default, rate limits included.
     */
    public static TestServer start(Map<String, String> environment) {
        TestDatabase database = TestDatabase.create(TestDatabase.Kind.SQLITE);
        Map<String, String> env = new HashMap<>(environment);
        env.put("DEARLY_PORT", "0");
        env.put("DEARLY_DATA_DIR", database.dataDir().toString());
        return start(database, false, () -> Config.fromEnvironment(env));
    }

    /** Dearly on a database a test prepared (a PostgreSQL schema a command filled in), which the test closes. */
    public static TestServer startOn(TestDatabase database) {
        TestClock clock = new TestClock();
        return new TestServer(database, Server.start(configFor(database), false, clock), clock, false);
    }

    private static TestServer start(TestDatabase database, boolean demo, Supplier<Config> config) {
        TestClock clock = new TestClock();
        try {
            return new TestServer(database, Server.start(config.get(), demo, clock), clock, true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Server server() {
        return server;
    }

    /**
     * Another node of the same Dearly, as a second machine behind a load balancer runs it: its own
     * server on this one's database, with a search index of its own. Closing it leaves the database.
     */
    public TestServer anotherNode() {
        try {
            return anotherNode(java.nio.file.Files.createTempDirectory("dearly-node-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This Dearly stopped and started again on the same database and clock, as after a deploy or a
     * crash: what it kept in memory is gone, what it kept in the database is not. The new one has no
     * cookies (sign in again).
     */
    public TestServer restarted() {
        server.close();
        return new TestServer(database, Server.start(configFor(database), false, clock), clock, ownsDatabase);
    }

    /** Another node keeping its search index in that directory: started again on it, it finds what it left there. */
    public TestServer anotherNode(java.nio.file.Path searchIndex) {
        return anotherNode(searchIndex, UnaryOperator.identity());
    }

    /** Another node with its index in that directory and these changes to its configuration (trusted proxies, say). */
    public TestServer anotherNode(java.nio.file.Path searchIndex, UnaryOperator<Config> settings) {
        Config config = settings.apply(configFor(database).withSearchIndexDir(searchIndex));
        return new TestServer(database, Server.start(config, false, clock), clock, false);
    }

    /** Dearly's time: a test moves it on to see what happens later. */
    public TestClock clock() {
        return clock;
    }

    /**
     * Another web app built by the same factory serve uses, over this server's database, index,
     * schedule and metrics, with no mail and no page cache; not started. A test reads its routes, or
     * adds a handler of its own and starts it.
     */
    public io.javalin.Javalin appLikeThisOne() {
        return appLikeThisOne(new dearly.web.Links(Optional.empty(), 0));
    }

    /** As {@link #appLikeThisOne()}, writing its links with that {@code Links} (tell it the port once started). */
    public io.javalin.Javalin appLikeThisOne(dearly.web.Links links) {
        return App.create(Config.embedded(dataDir()), server.database(), java.time.Instant::now, () -> {}, links,
                server.searchIndex(), server.letterSchedule(), server.metrics(),
                new dearly.web.PageCache(0, dearly.accounts.Sessions.COOKIE, java.time.Instant::now));
    }

    /** Where the embedded database keeps its files. */
    public java.nio.file.Path dataDir() {
        return database.dataDir();
    }

    public String url(String path) {
        return "http://localhost:" + (balancerPort == 0 ? server.port() : balancerPort) + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }

    /**
     * Posts a form as a browser would (this client keeps cookies, as a browser does).
     *
     * @param headers more headers, name then value (a {@code Host} header too: the tests run with
     *     {@code jdk.httpclient.allowRestrictedHeaders=host})
     */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)));
        for (int i = 0; i + 1 < headers.length; i += 2) request.setHeader(headers[i], headers[i + 1]);
        return send(request);
    }

    /** Any request, built by the test, sent with this client's cookies. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) request.setHeader(headers[i], headers[i + 1]);
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return exchange(http, request.build());
    }

    /** Sends the request with that client (its own cookies, or none) and reads the answer as text. */
    public static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This client's cookie of that name as a Cookie header value ({@code name=value}), if it has one. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .findFirst();
    }

    /** Forgets this client's cookies, as a new browser would have none. */
    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** A request carrying only the given Cookie header, from a client that keeps none: a stolen or kept cookie. */
    public HttpResponse<String> getWithCookie(String path, String cookie) {
        return sendWithoutCookies(request(path).header("Cookie", cookie).GET());
    }

    /** Sends from a client that keeps no cookies: the request carries only the Cookie header the test writes, if any. */
    public HttpResponse<String> sendWithoutCookies(HttpRequest.Builder request) {
        return exchange(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), request.build());
    }

    /** The fields as a browser encodes a form ({@code application/x-www-form-urlencoded}). */
    public static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Fetches a page and parses it as a browser would. */
    public Document page(String path, String... headers) {
        HttpResponse<String> response = get(path, headers);
        return Jsoup.parse(response.body(), url(path));
    }

    @Override
    public void close() {
        if (balancerPort != 0) return;
        server.close();
        if (ownsDatabase) database.close();
    }
}

package dearly;

import dearly.storage.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Dearly started for real, as {@code serve} starts it, on a free port over a fresh database. */
public final class TestServer implements AutoCloseable {
    private final TestDatabase database;
    private final Server server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(TestDatabase database, Server server) {
        this.database = database;
        this.server = server;
    }

    /** The embedded default: SQLite in a new data directory, the first letter published. */
    public static TestServer start() {
        return start(TestDatabase.Kind.SQLITE, true);
    }

    public static TestServer start(TestDatabase.Kind kind, boolean demo) {
        TestDatabase database = TestDatabase.create(kind);
        Optional<String> url = kind == TestDatabase.Kind.SQLITE ? Optional.empty() : Optional.of(database.jdbcUrl());
        Config config = new Config(0, database.dataDir(), url, Optional.empty());
        try {
            return new TestServer(database, Server.start(config, demo));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Server server() {
        return server;
    }

    public String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches a page and parses it as a browser would. */
    public Document page(String path, String... headers) {
        HttpResponse<String> response = get(path, headers);
        return Jsoup.parse(response.body(), url(path));
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}

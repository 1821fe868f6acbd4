package dearly.accounts;

import dearly.SignedIn;
import dearly.TestServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One browser of its own (its own cookies) on a {@link TestServer}: for tests where two people, or
 * one person on two devices, are signed in at once. Forms are sent as the page shows them: to the
 * form's action, with its hidden fields (the CSRF token) and what the test types.
 */
final class StaffBrowser {
    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    StaffBrowser(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    /** A new browser signed in through the login form. */
    static StaffBrowser signedIn(TestServer server, String email, String password) {
        StaffBrowser browser = new StaffBrowser(server);
        HttpResponse<String> answer = browser.submit("/login", "form.login", Map.of("email", email, "password", password));
        if (answer.statusCode() != 303) throw new AssertionError("could not sign in as " + email + ": " + answer.statusCode());
        return browser;
    }

    /** A new account holding these roles, and a browser signed in as her. */
    static StaffBrowser newAccount(TestServer server, String email, Role... roles) {
        new UserRepository(server.server().database()).add(email, "Ana " + email.charAt(0) + ".", java.util.Set.of(roles),
                SignedIn.PASSWORD.toCharArray(), Instant.now());
        return signedIn(server, email, SignedIn.PASSWORD);
    }

    HttpResponse<String> get(String path) {
        return TestServer.exchange(http, HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
    }

    Document page(String path) {
        return Jsoup.parse(get(path).body(), server.url(path));
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return TestServer.exchange(http, HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.formBody(fields))).build());
    }

    /** Posts a form body as written, for a field sent several times (ticked boxes of one name). */
    HttpResponse<String> postRaw(String path, String body) {
        return TestServer.exchange(http, HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Opens the page and sends the form the selector finds, with its hidden fields and these typed ones. */
    HttpResponse<String> submit(String path, String formSelector, Map<String, String> typed) {
        Document page = page(path);
        Element form = page.selectFirst(formSelector);
        if (form == null) throw new AssertionError("no " + formSelector + " on " + path + ":\n" + page.body().text());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element hidden : form.select("input[type=hidden]")) fields.put(hidden.attr("name"), hidden.val());
        fields.putAll(typed);
        String action = form.attr("action");
        return post(action.isEmpty() ? path : action, fields);
    }

    /** The form token the page at this path carries. */
    String csrf(String path) {
        Element token = page(path).selectFirst("input[name=_csrf]");
        if (token == null) throw new AssertionError("no form token on " + path);
        return token.val();
    }

    /** Whether this browser is signed in: its account page opens rather than sending it to sign in. */
    boolean isSignedIn() {
        return get("/account").statusCode() == 200;
    }

    /** This browser's cookie of that name, if it has one. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }
}

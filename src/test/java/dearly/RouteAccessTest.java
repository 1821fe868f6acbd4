package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.accounts.Role;
import dearly.accounts.UserRepository;
import dearly.storage.TestDatabase;
import dearly.web.Open;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every route the real application registers, so that a page added later without saying
 * who may open it fails the build: each route declares a role, and each route not open to anyone
 * sends a visitor without a session to sign in (401 on the API) and shows everyone signed in
 * with too small a role the kind 403 page.
 */
class RouteAccessTest {
    private static TestServer server;
    private static List<Endpoint> routes;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.Kind.SQLITE, false);
        // The same factory serve uses, never started: only its route list is read.
        Javalin app = server.appLikeThisOne();
        routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .sorted(Comparator.comparing((Endpoint endpoint) -> endpoint.path).thenComparing(endpoint -> endpoint.method.name()))
                .toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteSaysWhoMayOpenIt() {
        assertThat(routes).as("routes found").hasSizeGreaterThan(20);
        List<String> undeclared = routes.stream().filter(endpoint -> declared(endpoint).isEmpty()).map(RouteAccessTest::name).toList();
        assertThat(undeclared).as("routes that declare no role (Open.TO_ANYONE if anyone may open them)").isEmpty();
    }

    @Test
    void noStaffRouteIsOpenToAnyoneButTheLinkMailedToANewAddress() {
        // Opened from her new mailbox, maybe on another device: the token is the credential.
        Set<String> mailedLinks = Set.of("/account/email/{token}");
        List<String> open = routes.stream()
                .filter(endpoint -> endpoint.path.matches("/(desk|admin|account)(/.*)?"))
                .filter(endpoint -> declared(endpoint).contains(Open.TO_ANYONE) && !mailedLinks.contains(endpoint.path))
                .map(RouteAccessTest::name).toList();
        assertThat(open).as("staff routes (desk, admin, account) open to anyone").isEmpty();
    }

    @Test
    void everyGuardedRouteSendsAVisitorWithoutASessionToSignIn() {
        List<Endpoint> guarded = guarded();
        assertThat(guarded.stream().map(RouteAccessTest::name)).as("guarded routes").contains("GET /desk", "GET /admin");
        HttpClient noSession = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : guarded) {
            String path = concrete(endpoint.path);
            HttpResponse<String> answer = send(noSession, endpoint.method, path);
            boolean refused = path.startsWith("/api/")
                    ? answer.statusCode() == 401
                    : answer.statusCode() == 303 && answer.headers().firstValue("Location")
                            .equals(Optional.of("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
            if (!refused) open.add(name(endpoint) + " answered " + answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""));
        }
        assertThat(open).as("guarded routes a visitor without a session was not sent to sign in from").isEmpty();
    }

    @Test
    void everyGuardedRouteRefusesEveryRoleTooSmallForItWithTheKindPage() {
        List<String> open = new ArrayList<>();
        int refusals = 0;
        for (Role role : Role.values()) {
            HttpClient signedIn = signIn(role);
            for (Endpoint endpoint : guarded()) {
                if (admits(endpoint, role)) continue;
                String path = concrete(endpoint.path);
                HttpResponse<String> answer = send(signedIn, endpoint.method, path);
                refusals++;
                boolean refused = answer.statusCode() == 403 && (path.startsWith("/api/")
                        ? answer.body().contains("\"error\"")
                        : Jsoup.parse(answer.body()).select("h1").text().equals("This page is not part of your work here"));
                if (!refused) open.add(name(endpoint) + " answered " + answer.statusCode() + " to " + role);
            }
        }
        assertThat(refusals).as("refusals tried").isPositive();
        assertThat(open).as("guarded routes someone with too small a role was not refused").isEmpty();
    }

    @Test
    void everyGuardedRouteLetsInTheRolesItNames() {
        List<String> refused = new ArrayList<>();
        for (Role role : Role.values()) {
            HttpClient signedIn = signIn(role);
            for (Endpoint endpoint : guarded()) {
                if (!admits(endpoint, role) || endpoint.method != HandlerType.GET) continue;
                HttpResponse<String> answer = send(signedIn, endpoint.method, concrete(endpoint.path));
                if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() == 303) {
                    refused.add(name(endpoint) + " answered " + answer.statusCode() + " to " + role);
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    /** Every route but those open to anyone, a route that declares nothing included. */
    private static List<Endpoint> guarded() {
        return routes.stream().filter(endpoint -> !declared(endpoint).contains(Open.TO_ANYONE)).toList();
    }

    private static Set<RouteRole> declared(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }

    /** Whether someone with this role may open the route: a role it declares is one she includes. */
    private static boolean admits(Endpoint endpoint, Role role) {
        return declared(endpoint).stream().anyMatch(declared -> declared instanceof Role needed && role.includes(needed));
    }

    private static String name(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }

    /** The route's path with each parameter or wildcard filled in, as a browser would ask for it. */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}|<[^>]+>", "1").replace("*", "x");
    }

    /** A new browser signed in through the real form as someone with this role. */
    private static HttpClient signIn(Role role) {
        String email = "route-access-" + role.name().toLowerCase(Locale.ROOT) + "@example.org";
        if (new UserRepository(server.server().database()).byEmail(email).isEmpty()) {
            new UserRepository(server.server().database()).add(email, "Ana " + role.name().charAt(0) + ".", role,
                    SignedIn.PASSWORD.toCharArray(), Instant.now());
        }
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
        Document login = Jsoup.parse(send(browser, HandlerType.GET, "/login").body());
        String token = login.selectFirst("input[name=_csrf]").val();
        HttpResponse<String> signedIn = send(browser, HandlerType.POST, "/login",
                "email=" + encode(email) + "&password=" + encode(SignedIn.PASSWORD) + "&_csrf=" + encode(token) + "&next=%2F");
        assertThat(signedIn.statusCode()).as("signing in as " + role).isEqualTo(303);
        return browser;
    }

    private static HttpResponse<String> send(HttpClient client, HandlerType method, String path) {
        return send(client, method, path, "");
    }

    /** A form body on everything but GET and HEAD, as Dearly's pages send (the API is refused before it reads one). */
    private static HttpResponse<String> send(HttpClient client, HandlerType method, String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (Arrays.asList(HandlerType.GET, HandlerType.HEAD).contains(method)) {
            request.method(method.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method.name(), HttpRequest.BodyPublishers.ofString(form));
        }
        return TestServer.exchange(client, request.build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

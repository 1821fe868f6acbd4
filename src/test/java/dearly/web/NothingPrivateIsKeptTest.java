package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.accounts.Role;
import dearly.asking.AskFlow;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What is for one person is never kept or handed to another: every route not open to anyone (walked
 * from the routes the application registers, so a new one is covered without a line more), her status
 * page, the forms that carry a CSRF token, and public pages opened by someone signed in.
 */
class NothingPrivateIsKeptTest {
    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void noRouteClosedToTheAnonymousIsKeptOrServedToAnotherVisitor() {
        try (TestServer server = TestServer.start()) {
            dearly.SignedIn.as(server, Role.ADMIN); // an admin opens every staff page
            List<String> kept = new ArrayList<>();
            int walked = 0;
            for (Endpoint endpoint : closedGetRoutes(server)) {
                String path = endpoint.path.replaceAll("\\{[^}]+}|<[^>]+>", "1").replace("*", "x");
                HttpResponse<String> hers = server.get(path);
                walked++;
                String cacheControl = hers.headers().firstValue("Cache-Control").orElse("");
                if (!cacheControl.contains("no-store") || cacheControl.contains("public")) {
                    kept.add(endpoint.path + " said Cache-Control: " + cacheControl);
                }
                HttpResponse<String> another = anonymous(server, path);
                if (another.statusCode() == 200 || another.body().contains("sign-out")) {
                    kept.add(endpoint.path + " answered " + another.statusCode() + " to another visitor");
                }
            }
            assertThat(walked).as("closed routes walked").isGreaterThan(15);
            assertThat(kept).isEmpty();
            assertThat(keptAddresses(server)).noneMatch(address -> address.matches("/(es/)?(desk|admin|account).*"));
        }
    }

    @Test
    void aPublicPageOpenedBySomeoneSignedInIsHersAloneAndNeverReachesAReader() {
        try (TestServer server = TestServer.start()) {
            dearly.SignedIn.as(server, Role.EDITOR);
            for (String path : List.of("/", "/topics", "/search?q=partner")) {
                HttpResponse<String> hers = server.get(path);
                assertThat(hers.statusCode()).isEqualTo(200);
                assertThat(hers.body()).as("her menu in the header").contains("href=\"/desk\"", "class=\"sign-out\"");
                assertThat(hers.headers().firstValue("Cache-Control")).as(path).hasValue(PageCache.PRIVATE);
                assertThat(hers.headers().firstValue("ETag")).as(path + " is not served from the cache").isEmpty();
                assertThat(anonymous(server, path).body()).as(path + " to a reader").doesNotContain("href=\"/desk\"")
                        .doesNotContain("sign-out");
            }
        }
    }

    @Test
    void formsWithATokenAndHerStatusPageAreNeverKept() {
        try (TestServer server = TestServer.start()) {
            for (String form : List.of("/ask", "/es/ask", "/login", "/reset")) {
                HttpResponse<String> first = anonymous(server, form);
                HttpResponse<String> second = anonymous(server, form);
                assertThat(first.headers().firstValue("Cache-Control").orElse("")).as(form).contains("no-store");
                assertThat(token(first)).as(form + " gives each visitor her own token").isNotEqualTo(token(second));
            }
            String status = URI.create(AskFlow.ask(server, AskFlow.question()).get("status_url").asText()).getPath();
            HttpResponse<String> hers = anonymous(server, status);
            assertThat(hers.statusCode()).isEqualTo(200);
            assertThat(hers.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            assertThat(keptAddresses(server)).noneMatch(address -> address.contains("/status") || address.contains("ask")
                    || address.contains("login") || address.contains("reset"));
        }
    }

    private static String token(HttpResponse<String> page) {
        return Optional.ofNullable(Jsoup.parse(page.body()).selectFirst("input[name=_csrf]")).map(input -> input.val()).orElseThrow();
    }

    private static List<String> keptAddresses(TestServer server) {
        return server.server().pageCache().cache().asMap().keySet().stream()
                .map(key -> ((PageCache.Key) key).address()).toList();
    }

    private static HttpResponse<String> anonymous(TestServer server, String path) {
        return TestServer.exchange(ANONYMOUS, HttpRequest.newBuilder(URI.create(server.url(path))).build());
    }

    /** The GET routes that name a role (not {@link Open#TO_ANYONE}), as RouteAccessTest finds them. */
    private static List<Endpoint> closedGetRoutes(TestServer server) {
        Javalin app = server.appLikeThisOne();
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method == HandlerType.GET)
                .filter(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    return roles != null && !roles.getRoles().contains(Open.TO_ANYONE);
                })
                .toList();
    }
}

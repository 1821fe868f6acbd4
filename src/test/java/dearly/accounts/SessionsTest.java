package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-side sessions over real HTTP, on SQLite and (when a server is given) PostgreSQL. The
 * editors' desk stands for any page that needs a session; the server's clock is moved on to see
 * a session end.
 */
class SessionsTest {
    private static final String EDITORS = "/desk";
    private static final String MARTA = "marta@example.org";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    private static TestServer withMarta(TestDatabase.Kind kind) {
        TestServer server = TestServer.start(kind, false);
        new UserRepository(server.server().database())
                .add(MARTA, "Marta R.", Role.EDITOR, SignedIn.PASSWORD.toCharArray(), server.clock().get());
        return server;
    }

    private static TestServer signedInEditor(TestDatabase.Kind kind) {
        TestServer server = withMarta(kind);
        assertThat(signIn(server, MARTA).statusCode()).isEqualTo(303);
        return server;
    }

    /** Opens the sign-in page (for its CSRF token) and signs in; returns the answer to the post. */
    private static HttpResponse<String> signIn(TestServer server, String email) {
        Document form = server.page("/login");
        return server.postForm("/login", Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(),
                "next", form.selectFirst("input[name=next]").val(), "email", email, "password", SignedIn.PASSWORD));
    }

    private static int count(TestServer server, String sql) {
        return server.server().database().read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theCookieHoldsARandomTokenAndTheDatabaseOnlyItsHash(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            String token = server.cookie(Sessions.COOKIE).orElseThrow().substring((Sessions.COOKIE + "=").length());

            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            String stored = server.server().database().read(handle ->
                    handle.createQuery("SELECT token_hash FROM session").mapTo(String.class).one());
            assertThat(stored).isEqualTo(Sessions.hash(token)).isNotEqualTo(token).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndForTheWholeSite() {
        try (TestServer server = withMarta(TestDatabase.Kind.SQLITE)) {
            String cookie = signIn(server, MARTA).headers().allValues("Set-Cookie")
                    .stream().filter(header -> header.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();

            assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/")
                    .contains("Max-Age=" + Duration.ofDays(7).toSeconds()).doesNotContain("Secure");
        }
    }

    // Secure behind a trusted https proxy, and only then: see dearly.web.BehindTlsTest, which runs the whole app.

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionEndsAfterTwelveHoursWithoutARequest(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            server.clock().advance(Duration.ofHours(11));
            assertThat(server.get(EDITORS).statusCode()).isEqualTo(200);
            server.clock().advance(Duration.ofHours(11));
            assertThat(server.get(EDITORS).statusCode()).as("a request 11 hours ago kept it alive").isEqualTo(200);

            server.clock().advance(Duration.ofHours(12));
            assertThat(server.get(EDITORS).statusCode()).isEqualTo(303);
            assertThat(count(server, "SELECT COUNT(*) FROM session")).as("deleted when next presented").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionEndsSevenDaysAfterSigningInHoweverOftenItIsUsed(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            for (int hours = 10; hours < 7 * 24; hours += 10) {
                server.clock().advance(Duration.ofHours(10));
                assertThat(server.get(EDITORS).statusCode()).as("after %d hours", hours).isEqualTo(200);
            }
            server.clock().advance(Duration.ofHours(10));
            assertThat(server.get(EDITORS).statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void signingInAgainReplacesTheBrowsersOldSession(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            String first = server.cookie(Sessions.COOKIE).orElseThrow();
            // The sign-in page sends someone already signed in onward, so post the form itself.
            String token = server.page("/logout").selectFirst("input[name=_csrf]").val();
            server.postForm("/login", Map.of("_csrf", token, "email", MARTA, "password", SignedIn.PASSWORD));
            String second = server.cookie(Sessions.COOKIE).orElseThrow();

            assertThat(second).isNotEqualTo(first);
            assertThat(server.getWithCookie(EDITORS, first).statusCode()).isEqualTo(303);
            assertThat(server.getWithCookie(EDITORS, second).statusCode()).isEqualTo(200);
            assertThat(count(server, "SELECT COUNT(*) FROM session")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void signingInClearsAwayOtherPeoplesExpiredSessions(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            server.forgetCookies();
            server.clock().advance(Duration.ofDays(8));
            signIn(server, MARTA);

            assertThat(count(server, "SELECT COUNT(*) FROM session")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void disablingAnAccountEndsItsSessions(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            server.server().database().write(handle -> handle.createUpdate("UPDATE app_user SET disabled_at = created_at").execute());
            assertThat(server.get(EDITORS).statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletingAnAccountDeletesItsSessions(TestDatabase.Kind kind) {
        try (TestServer server = signedInEditor(kind)) {
            server.server().database().write(handle -> handle.createUpdate("DELETE FROM app_user").execute());
            assertThat(count(server, "SELECT COUNT(*) FROM session")).isZero();
            assertThat(server.get(EDITORS).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aMadeUpCookieSignsNoOneInAndIsCleared() {
        try (TestServer server = withMarta(TestDatabase.Kind.SQLITE)) {
            for (String forged : new String[] {"A".repeat(43), "not a token", "' OR 1=1 --"}) {
                HttpResponse<String> response = server.getWithCookie(EDITORS, Sessions.COOKIE + "=\"" + forged + "\"");
                assertThat(response.statusCode()).as(forged).isEqualTo(303);
            }
            HttpResponse<String> response = server.getWithCookie(EDITORS, Sessions.COOKIE + "=" + "A".repeat(43));
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(Sessions.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        }
    }
}

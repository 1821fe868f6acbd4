package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Server-side sessions over real HTTP, on SQLite and (when a server is given) PostgreSQL. */
class SessionsTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    private static AccountsTestApp signedInEditor(TestDatabase.Kind kind) {
        AccountsTestApp app = AccountsTestApp.start(kind);
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
        assertThat(app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD).statusCode()).isEqualTo(303);
        return app;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theCookieHoldsARandomTokenAndTheDatabaseOnlyItsHash(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            String token = app.sessionCookie().orElseThrow().substring((Sessions.COOKIE + "=").length());

            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            String stored = app.database().read(handle -> handle.createQuery("SELECT token_hash FROM session").mapTo(String.class).one());
            assertThat(stored).isEqualTo(Sessions.hash(token)).isNotEqualTo(token).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndForTheWholeSite() {
        try (AccountsTestApp app = AccountsTestApp.start()) {
            app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
            String cookie = app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD).headers().allValues("Set-Cookie")
                    .stream().filter(header -> header.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();

            assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/")
                    .contains("Max-Age=" + Duration.ofDays(7).toSeconds()).doesNotContain("Secure");
        }
    }

    // Secure behind a trusted https proxy, and only then: see dearly.web.BehindTlsTest, which runs the whole app.

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionEndsAfterTwelveHoursWithoutARequest(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            app.advanceClock(Duration.ofHours(11));
            assertThat(app.get("/editors").statusCode()).isEqualTo(200);
            app.advanceClock(Duration.ofHours(11));
            assertThat(app.get("/editors").statusCode()).as("a request 11 hours ago kept it alive").isEqualTo(200);

            app.advanceClock(Duration.ofHours(12));
            assertThat(app.get("/editors").statusCode()).isEqualTo(303);
            assertThat(app.count("SELECT COUNT(*) FROM session")).as("deleted when next presented").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionEndsSevenDaysAfterSigningInHoweverOftenItIsUsed(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            for (int hours = 10; hours < 7 * 24; hours += 10) {
                app.advanceClock(Duration.ofHours(10));
                assertThat(app.get("/editors").statusCode()).as("after %d hours", hours).isEqualTo(200);
            }
            app.advanceClock(Duration.ofHours(10));
            assertThat(app.get("/editors").statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void signingInAgainReplacesTheBrowsersOldSession(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            String first = app.sessionCookie().orElseThrow();
            // The sign-in page sends someone already signed in onward, so post the form itself.
            String token = app.page("/logout").selectFirst("input[name=_csrf]").val();
            app.postForm("/login", Map.of("_csrf", token, "email", "marta@example.org", "password", AccountsTestApp.PASSWORD));
            String second = app.sessionCookie().orElseThrow();

            assertThat(second).isNotEqualTo(first);
            assertThat(app.getWithCookie("/editors", first).statusCode()).isEqualTo(303);
            assertThat(app.getWithCookie("/editors", second).statusCode()).isEqualTo(200);
            assertThat(app.count("SELECT COUNT(*) FROM session")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void signingInClearsAwayOtherPeoplesExpiredSessions(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            app.forgetCookies();
            app.advanceClock(Duration.ofDays(8));
            app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD);

            assertThat(app.count("SELECT COUNT(*) FROM session")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void disablingAnAccountEndsItsSessions(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            app.database().write(handle -> handle.createUpdate("UPDATE app_user SET disabled_at = created_at").execute());
            assertThat(app.get("/editors").statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletingAnAccountDeletesItsSessions(TestDatabase.Kind kind) {
        try (AccountsTestApp app = signedInEditor(kind)) {
            app.database().write(handle -> handle.createUpdate("DELETE FROM app_user").execute());
            assertThat(app.count("SELECT COUNT(*) FROM session")).isZero();
            assertThat(app.get("/editors").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aMadeUpCookieSignsNoOneInAndIsCleared() {
        try (AccountsTestApp app = AccountsTestApp.start()) {
            app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
            for (String forged : new String[] {"A".repeat(43), "not a token", "' OR 1=1 --"}) {
                HttpResponse<String> response = app.getWithCookie("/editors", Sessions.COOKIE + "=\"" + forged + "\"");
                assertThat(response.statusCode()).as(forged).isEqualTo(303);
            }
            HttpResponse<String> response = app.getWithCookie("/editors", Sessions.COOKIE + "=" + "A".repeat(43));
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(Sessions.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        }
    }
}

package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing in and out over real HTTP, through real templates and a real database, on Dearly as
 * {@code serve} starts it: the editors' desk stands for a page that needs an editor, /admin for one
 * that needs an admin. The test's client keeps cookies as a browser does.
 */
class AccountPagesTest {
    private static final String MISMATCH = "That e-mail and password don't match.";
    private static final String PASSWORD = "a long enough passphrase";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // a fresh Dearly for each test, started and stopped by dearly

    /** Adds an account with {@link #PASSWORD}. */
    private void addUser(String email, String name, Role role) {
        new UserRepository(server.server().database()).add(email, name, role, PASSWORD.toCharArray(), server.clock().get());
    }

    /** Opens the sign-in page (for its CSRF token) and signs in; returns the answer to the post. */
    private HttpResponse<String> signIn(String loginPath, String email, String password) {
        Document form = server.page(loginPath);
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").val());
        fields.put("next", form.selectFirst("input[name=next]").val());
        fields.put("email", email);
        fields.put("password", password);
        return server.postForm(form.selectFirst("main form").attr("action"), fields);
    }

    private java.util.Optional<String> sessionCookie() {
        return server.cookie(Sessions.COOKIE);
    }

    private int count(String sql) {
        return server.server().database().read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void signingInWithTheRightPasswordGoesToTheDesk() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> signedIn = signIn("/login", "Marta@Example.org", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/desk");
        assertThat(server.get("/desk").statusCode()).isEqualTo(200);
        assertThat(server.page("/logout").text()).contains("You are signed in as Marta R. (marta@example.org).");
    }

    @Test
    void theSignInFormAsksForEmailAndPasswordAndIsNeverCached() {
        HttpResponse<String> response = server.get("/login");
        Document form = Jsoup.parse(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Sign in");
        assertThat(form.selectFirst("main form").attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=email]").attr("autocomplete")).isEqualTo("username");
        assertThat(form.selectFirst("input[name=password]").attr("type")).isEqualTo("password");
        assertThat(form.selectFirst("input[name=password]").attr("autocomplete")).isEqualTo("current-password");
        assertThat(form.selectFirst("input[name=_csrf]").val()).matches("[A-Za-z0-9_-]{43}");
        assertThat(form.selectFirst("input[name=next]").val()).isEqualTo("/desk");
        assertThat(form.selectFirst("button.primary").text()).isEqualTo("Sign in");
    }

    @Test
    void theSignInFormSpeaksSpanish() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);
        Document form = server.page("/es/login");
        assertThat(form.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Entrar");

        HttpResponse<String> wrong = signIn("/es/login", "marta@example.org", "no es la contraseña");
        assertThat(Jsoup.parse(wrong.body()).selectFirst(".notice").text()).isEqualTo("Ese correo y esa contraseña no coinciden.");
    }

    @Test
    void aWrongPasswordShowsOneCalmMessageAndKeepsTheEmail() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> response = signIn("/login", "marta@example.org", "not her password at all");

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".notice")).singleElement().extracting(element -> element.text()).isEqualTo(MISMATCH);
        assertThat(page.selectFirst("input[name=email]").val()).isEqualTo("marta@example.org");
        assertThat(page.selectFirst("input[name=password]").val()).isEmpty();
        assertThat(sessionCookie()).isEmpty();
        assertThat(server.get("/desk").statusCode()).isEqualTo(303);
    }

    @Test
    void anUnknownEmailGetsExactlyTheSameAnswerAsAWrongPassword() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);

        Document wrongPassword = Jsoup.parse(signIn("/login", "marta@example.org", "not her password at all").body());
        Document unknownEmail = Jsoup.parse(signIn("/login", "nobody@example.org", "not her password at all").body());

        assertThat(unknownEmail.selectFirst(".notice").text()).isEqualTo(MISMATCH);
        assertThat(withoutEmailAndToken(unknownEmail)).isEqualTo(withoutEmailAndToken(wrongPassword));
    }

    private static String withoutEmailAndToken(Document page) {
        Document copy = page.clone();
        copy.selectFirst("input[name=email]").val("");
        copy.selectFirst("input[name=_csrf]").val("");
        return copy.outerHtml();
    }

    @Test
    void afterSigningInSheIsBackOnThePageSheWanted() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> sentAway = server.get("/es/desk");
        assertThat(sentAway.statusCode()).isEqualTo(303);
        String login = sentAway.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/es/login?next=" + URLEncoder.encode("/desk", StandardCharsets.UTF_8));

        HttpResponse<String> signedIn = signIn(login, "marta@example.org", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).contains("/es/desk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/desk", "/\\evil.example", "/\t/evil.example", "evil.example",
        "javascript:alert(1)", ""})
    void aNextAddressOnAnotherSiteGoesToTheDeskInstead(String next) {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);
        Document form = server.page("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(form.selectFirst("input[name=next]").val()).isEqualTo("/desk");

        Map<String, String> fields = new HashMap<>(Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(),
                "email", "marta@example.org", "password", PASSWORD, "next", next));
        HttpResponse<String> signedIn = server.postForm("/login", fields);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/desk");
    }

    @Test
    void hostileInputInTheFormIsShownAsTextNeverRun() {
        String hostile = "\"><script>alert('e-mail')</script>";
        String hostileNext = "/desk\"><script>alert('next')</script>";

        Document form = server.page("/login?next=" + URLEncoder.encode(hostileNext, StandardCharsets.UTF_8));
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(),
                "email", hostile, "password", "whatever it may be", "next", hostileNext));
        HttpResponse<String> response = server.postForm("/login", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("<script>alert");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("script[src]")).allSatisfy(script -> assertThat(script.data()).isEmpty());
        assertThat(page.select("script").stream().filter(script -> !script.hasAttr("src"))).isEmpty();
        assertThat(page.selectFirst("input[name=email]").val()).isEqualTo(hostile);
        assertThat(page.selectFirst("input[name=next]").val()).isEqualTo(hostileNext);
    }

    @Test
    void withoutItsCsrfTokenTheFormComesBackWithAMessageAndNoOneIsSignedIn() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> response = server.postForm("/login",
                Map.of("email", "marta@example.org", "password", PASSWORD, "next", "/topics"));

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".notice").text()).startsWith("This page was open for a long time");
        assertThat(page.selectFirst("input[name=email]").val()).isEqualTo("marta@example.org");
        assertThat(page.selectFirst("input[name=next]").val()).isEqualTo("/topics");
        assertThat(sessionCookie()).isEmpty();

        // The page that came back carries a fresh token, so pressing the button again works.
        Map<String, String> again = new HashMap<>(Map.of("_csrf", page.selectFirst("input[name=_csrf]").val(),
                "email", "marta@example.org", "password", PASSWORD, "next", "/topics"));
        assertThat(server.postForm("/login", again).headers().firstValue("Location")).contains("/topics");
    }

    @Test
    void anEditorMayOpenEditorsPagesAndAnAdvisorIsKindlyTurnedAway() {
        addUser("lina@example.org", "Lina P.", Role.ADVISOR);
        addUser("marta@example.org", "Marta R.", Role.EDITOR);

        signIn("/login", "lina@example.org", PASSWORD);
        HttpResponse<String> refused = server.get("/desk");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(refused.headers().firstValue("X-Robots-Tag")).contains("noindex");
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("This page is not part of your work here");
        assertThat(page.text()).contains("You are signed in as Lina P., and this page is for editors.");
        assertThat(server.page("/logout").text()).as("still signed in").contains("Lina P.");

        server.forgetCookies();
        signIn("/login", "marta@example.org", PASSWORD);
        assertThat(server.get("/desk").statusCode()).isEqualTo(200);
        // A page for admins turns an editor away just as kindly.
        HttpResponse<String> admins = server.get("/admin");
        assertThat(admins.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(admins.body()).text()).contains("You are signed in as Marta R., and this page is for admins.");
    }

    @Test
    void aStaffCookieGrantsNothingOnTheApi() {
        // The API skips the form token, so a cookie the browser sends by itself must sign no one in there.
        addUser("ana@example.org", "Ana M.", Role.ADMIN);
        signIn("/login", "ana@example.org", PASSWORD);
        assertThat(server.get("/desk").statusCode()).isEqualTo(200);

        // Her cookie is not read there: the API answers her as it answers anyone, and sets no cookie.
        HttpResponse<String> api = server.get("/api/v1/letters");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).isEqualTo(server.sendWithoutCookies(server.request("/api/v1/letters").GET()).body());
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
        String unknown = Sessions.COOKIE + "=" + "A".repeat(43);
        assertThat(server.getWithCookie("/api/v1/letters", unknown).headers().allValues("Set-Cookie")).isEmpty();
        assertThat(server.getWithCookie("/desk", unknown).headers().allValues("Set-Cookie")).as("a page clears a cookie it does not know")
                .anySatisfy(cookie -> assertThat(cookie).startsWith(Sessions.COOKIE + "=;"));

        // Nor does reading the API keep her session alive, as opening a page would.
        server.clock().advance(Sessions.IDLE.minusMinutes(30));
        assertThat(server.get("/api/v1/letters").statusCode()).isEqualTo(200);
        server.clock().advance(Duration.ofMinutes(31));
        assertThat(server.get("/desk").statusCode()).isEqualTo(303);
    }

    @Test
    void anAdminMayOpenEditorsPages() {
        addUser("ana@example.org", "Ana M.", Role.ADMIN);
        signIn("/login", "ana@example.org", PASSWORD);
        assertThat(server.get("/desk").statusCode()).isEqualTo(200);
        assertThat(server.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void signedOutAGuardedPageSendsHerToSignIn() {
        for (String guarded : new String[] {"/desk", "/admin"}) {
            HttpResponse<String> page = server.get(guarded);
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).contains("/login?next=" + URLEncoder.encode(guarded, StandardCharsets.UTF_8));
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void signingOutEndsTheSessionSoTheOldCookieNoLongerWorks() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);
        signIn("/login", "marta@example.org", PASSWORD);
        String oldCookie = sessionCookie().orElseThrow();
        assertThat(server.getWithCookie("/desk", oldCookie).statusCode()).isEqualTo(200);

        Document confirm = server.page("/logout");
        assertThat(confirm.text()).contains("You are signed in as Marta R. (marta@example.org).");
        assertThat(confirm.selectFirst("main form").attr("action")).isEqualTo("/logout");
        HttpResponse<String> signedOut = server.postForm("/logout", Map.of("_csrf", confirm.selectFirst("input[name=_csrf]").val()));

        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).contains("/");
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith(Sessions.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(server.getWithCookie("/desk", oldCookie).statusCode()).isEqualTo(303);
        assertThat(server.get("/desk").statusCode()).isEqualTo(303);
        assertThat(count("SELECT COUNT(*) FROM session")).isZero();
    }

    @Test
    void signingOutWithoutItsTokenAsksAgainAndKeepsHerSignedIn() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);
        signIn("/login", "marta@example.org", PASSWORD);

        HttpResponse<String> refused = server.postForm("/logout", Map.of());

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).contains("/logout?expired");
        assertThat(server.get("/desk").statusCode()).isEqualTo(200);
        assertThat(server.page("/logout?expired").selectFirst(".notice").text()).startsWith("That took too long");
    }

    @Test
    void theSignOutPageSendsSomeoneNotSignedInHome() {
        HttpResponse<String> response = server.get("/logout");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/");
    }

    @Test
    void theSignInPageSendsSomeoneAlreadySignedInOnward() {
        addUser("marta@example.org", "Marta R.", Role.EDITOR);
        signIn("/login", "marta@example.org", PASSWORD);

        HttpResponse<String> response = server.get("/login?next=%2Ftopics");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/topics");
    }
}

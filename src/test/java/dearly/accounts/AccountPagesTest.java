package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signing in and out over real HTTP, through real templates and a real database. */
class AccountPagesTest {
    private static final String MISMATCH = "That e-mail and password don't match.";

    private AccountsTestApp app;

    @BeforeEach
    void start() {
        app = AccountsTestApp.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void signingInWithTheRightPasswordGoesToTheDesk() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> signedIn = app.signIn("/login", "Marta@Example.org", AccountsTestApp.PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/desk");
        HttpResponse<String> editors = app.get("/editors");
        assertThat(editors.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(editors.body()).text()).contains("Marta R.");
    }

    @Test
    void theSignInFormAsksForEmailAndPasswordAndIsNeverCached() {
        HttpResponse<String> response = app.get("/login");
        Document form = Jsoup.parse(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Sign in");
        assertThat(form.selectFirst("form").attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=email]").attr("autocomplete")).isEqualTo("username");
        assertThat(form.selectFirst("input[name=password]").attr("type")).isEqualTo("password");
        assertThat(form.selectFirst("input[name=password]").attr("autocomplete")).isEqualTo("current-password");
        assertThat(form.selectFirst("input[name=_csrf]").val()).matches("[A-Za-z0-9_-]{43}");
        assertThat(form.selectFirst("input[name=next]").val()).isEqualTo("/desk");
        assertThat(form.selectFirst("button.primary").text()).isEqualTo("Sign in");
    }

    @Test
    void theSignInFormSpeaksSpanish() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
        Document form = app.page("/login?lang=es");
        assertThat(form.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Entrar");

        HttpResponse<String> wrong = app.signIn("/login?lang=es", "marta@example.org", "no es la contraseña");
        assertThat(Jsoup.parse(wrong.body()).selectFirst(".notice").text()).isEqualTo("Ese correo y esa contraseña no coinciden.");
    }

    @Test
    void aWrongPasswordShowsOneCalmMessageAndKeepsTheEmail() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> response = app.signIn("/login", "marta@example.org", "not her password at all");

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".notice")).singleElement().extracting(element -> element.text()).isEqualTo(MISMATCH);
        assertThat(page.selectFirst("input[name=email]").val()).isEqualTo("marta@example.org");
        assertThat(page.selectFirst("input[name=password]").val()).isEmpty();
        assertThat(app.sessionCookie()).isEmpty();
        assertThat(app.get("/editors").statusCode()).isEqualTo(303);
    }

    @Test
    void anUnknownEmailGetsExactlyTheSameAnswerAsAWrongPassword() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);

        Document wrongPassword = Jsoup.parse(app.signIn("/login", "marta@example.org", "not her password at all").body());
        Document unknownEmail = Jsoup.parse(app.signIn("/login", "nobody@example.org", "not her password at all").body());

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
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> sentAway = app.get("/editors?tab=urgent");
        assertThat(sentAway.statusCode()).isEqualTo(303);
        String login = sentAway.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/login?next=" + URLEncoder.encode("/editors?tab=urgent", StandardCharsets.UTF_8));

        HttpResponse<String> signedIn = app.signIn(login, "marta@example.org", AccountsTestApp.PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).contains("/editors?tab=urgent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/desk", "/\\evil.example", "/\t/evil.example", "evil.example",
        "javascript:alert(1)", ""})
    void aNextAddressOnAnotherSiteGoesToTheDeskInstead(String next) {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
        Document form = app.page("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(form.selectFirst("input[name=next]").val()).isEqualTo("/desk");

        Map<String, String> fields = new HashMap<>(Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(),
                "email", "marta@example.org", "password", AccountsTestApp.PASSWORD, "next", next));
        HttpResponse<String> signedIn = app.postForm("/login", fields);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/desk");
    }

    @Test
    void hostileInputInTheFormIsShownAsTextNeverRun() {
        String hostile = "\"><script>alert('e-mail')</script>";
        String hostileNext = "/desk\"><script>alert('next')</script>";

        Document form = app.page("/login?next=" + URLEncoder.encode(hostileNext, StandardCharsets.UTF_8));
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(),
                "email", hostile, "password", "whatever it may be", "next", hostileNext));
        HttpResponse<String> response = app.postForm("/login", fields);

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
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);

        HttpResponse<String> response = app.postForm("/login",
                Map.of("email", "marta@example.org", "password", AccountsTestApp.PASSWORD, "next", "/editors"));

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".notice").text()).startsWith("This page was open for a long time");
        assertThat(page.selectFirst("input[name=email]").val()).isEqualTo("marta@example.org");
        assertThat(page.selectFirst("input[name=next]").val()).isEqualTo("/editors");
        assertThat(app.sessionCookie()).isEmpty();

        // The page that came back carries a fresh token, so pressing the button again works.
        Map<String, String> again = new HashMap<>(Map.of("_csrf", page.selectFirst("input[name=_csrf]").val(),
                "email", "marta@example.org", "password", AccountsTestApp.PASSWORD, "next", "/editors"));
        assertThat(app.postForm("/login", again).headers().firstValue("Location")).contains("/editors");
    }

    @Test
    void anEditorMayOpenEditorsPagesAndAnAdvisorIsKindlyTurnedAway() {
        app.addUser("lina@example.org", "Lina P.", Role.ADVISOR);
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);

        app.signIn("/login", "lina@example.org", AccountsTestApp.PASSWORD);
        HttpResponse<String> refused = app.get("/editors");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(refused.headers().firstValue("X-Robots-Tag")).contains("noindex");
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("This page is not part of your work here");
        assertThat(page.text()).contains("You are signed in as Lina P., and this page is for editors.");
        assertThat(app.get("/advisors").statusCode()).isEqualTo(200);

        app.forgetCookies();
        app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD);
        assertThat(app.get("/editors").statusCode()).isEqualTo(200);
        assertThat(app.get("/advisors").statusCode()).isEqualTo(200);
    }

    @Test
    void aStaffCookieGrantsNothingOnTheApi() {
        // The API skips the form token, so a cookie the browser sends by itself must sign no one in there.
        app.addUser("ana@example.org", "Ana M.", Role.ADMIN);
        app.signIn("/login", "ana@example.org", AccountsTestApp.PASSWORD);
        assertThat(app.get("/editors").statusCode()).isEqualTo(200);

        HttpResponse<String> api = app.get("/api/editors");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).isEqualTo("{\"error\":\"Please sign in first.\"}");
        assertThat(app.getWithCookie("/api/editors", app.sessionCookie().orElseThrow()).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminMayOpenEditorsPages() {
        app.addUser("ana@example.org", "Ana M.", Role.ADMIN);
        app.signIn("/login", "ana@example.org", AccountsTestApp.PASSWORD);
        assertThat(app.get("/editors").statusCode()).isEqualTo(200);
    }

    @Test
    void signedOutAGuardedPageSendsHerToSignInAndTheApiAnswers401() {
        HttpResponse<String> page = app.get("/editors");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Feditors");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> api = app.get("/api/editors");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(api.body()).isEqualTo("{\"error\":\"Please sign in first.\"}");
    }

    @Test
    void signingOutEndsTheSessionSoTheOldCookieNoLongerWorks() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
        app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD);
        String oldCookie = app.sessionCookie().orElseThrow();
        assertThat(app.getWithCookie("/editors", oldCookie).statusCode()).isEqualTo(200);

        Document confirm = app.page("/logout");
        assertThat(confirm.text()).contains("You are signed in as Marta R. (marta@example.org).");
        assertThat(confirm.selectFirst("form").attr("action")).isEqualTo("/logout");
        HttpResponse<String> signedOut = app.postForm("/logout", Map.of("_csrf", confirm.selectFirst("input[name=_csrf]").val()));

        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).contains("/");
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith(Sessions.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(app.getWithCookie("/editors", oldCookie).statusCode()).isEqualTo(303);
        assertThat(app.get("/editors").statusCode()).isEqualTo(303);
        assertThat(app.count("SELECT COUNT(*) FROM session")).isZero();
    }

    @Test
    void signingOutWithoutItsTokenAsksAgainAndKeepsHerSignedIn() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
        app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD);

        HttpResponse<String> refused = app.postForm("/logout", Map.of());

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).contains("/logout?expired");
        assertThat(app.get("/editors").statusCode()).isEqualTo(200);
        assertThat(app.page("/logout?expired").selectFirst(".notice").text()).startsWith("That took too long");
    }

    @Test
    void theSignOutPageSendsSomeoneNotSignedInHome() {
        HttpResponse<String> response = app.get("/logout");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/");
    }

    @Test
    void theSignInPageSendsSomeoneAlreadySignedInOnward() {
        app.addUser("marta@example.org", "Marta R.", Role.EDITOR);
        app.signIn("/login", "marta@example.org", AccountsTestApp.PASSWORD);

        HttpResponse<String> response = app.get("/login?next=%2Feditors");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/editors");
    }
}

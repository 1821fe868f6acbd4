package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.UserRepository;
import dearly.storage.TestDatabase;
import dearly.web.RateLimitSettings;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Rate limits with their defaults on, as an instance runs: a mother asking, fixing, adding children,
 * editing, withdrawing and asking again never meets one, nor does a colleague signing in behind the
 * same address; a flood of any one kind is still refused, kindly, with Retry-After.
 */
class AskRateLimitTest {
    private static final String PASSWORD = "a long passphrase only this test knows";

    private static TestServer withDefaults() {
        return TestServer.start(TestDatabase.Kind.SQLITE, false, config -> config.withRateLimits(RateLimitSettings.defaults()));
    }

    @Test
    void aMotherWhoAsksFixesAddsTwoChildrenEditsAndAStaffSignInFromHerAddressMeetNoLimit() {
        try (TestServer server = withDefaults()) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            fields.put("age", "5");
            HttpResponse<String> mistake = server.postForm("/es/ask", fields);
            assertThat(mistake.statusCode()).isEqualTo(422);

            Map<String, String> halfFixed = AskFlow.fieldsOf(Jsoup.parse(mistake.body()));
            halfFixed.put("age", "35");
            halfFixed.remove("consent");
            HttpResponse<String> another = server.postForm("/es/ask", halfFixed);
            assertThat(another.statusCode()).isEqualTo(422);

            Map<String, String> fixed = AskFlow.fieldsOf(Jsoup.parse(another.body()));
            fixed.put("consent", "on");
            fixed.put("rows", "add");
            Map<String, String> twoChildren = AskFlow.fieldsOf(Jsoup.parse(ok(server.postForm("/es/ask", fixed)).body()));
            twoChildren.put("children[1].age_months", "30");
            twoChildren.put("rows", "add");
            Map<String, String> three = AskFlow.fieldsOf(Jsoup.parse(ok(server.postForm("/es/ask", twoChildren)).body()));
            three.put("children[2].age_months", "36");
            String status = AskFlow.askAndFollow(server, three);

            Map<String, String> editing = AskFlow.fieldsOf(server.page(status + "/edit"));
            editing.put("rows", "add");
            Map<String, String> edit = AskFlow.fieldsOf(Jsoup.parse(ok(server.postForm(status + "/edit", editing)).body()));
            edit.put("children[3].age_months", "1");
            edit.put("title", "¿Por qué mi bebé llora tanto al atardecer?");
            assertThat(ok(server.postForm(status + "/edit", edit)).headers().firstValue("Location")).contains(status + "?edited");

            String withdrawCsrf = server.page(status + "/withdraw").selectFirst("form input[name=_csrf]").val();
            assertThat(ok(server.postForm(status + "/withdraw", Map.of("_csrf", withdrawCsrf))).headers().firstValue("Location"))
                    .contains(status + "?withdrawn");
            String undoCsrf = server.page(status).selectFirst("form.restore input[name=_csrf]").val();
            assertThat(ok(server.postForm(status + "/restore", Map.of("_csrf", undoCsrf))).headers().firstValue("Location"))
                    .contains(status + "?restored");

            String again = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            String deleteCsrf = server.page(again + "/delete").selectFirst("form input[name=_csrf]").val();
            ok(server.postForm(again + "/delete", Map.of("_csrf", deleteCsrf)));

            // SignedIn fails unless the sign-in answers 303.
            SignedIn.as(server, Role.ADMIN);
        }
    }

    @Test
    void aFloodOfQuestionsIsRefusedWithRetryAfterInHerLanguage() {
        try (TestServer server = withDefaults()) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            fields.put("age", "5");
            for (int i = 1; i <= 30; i++) assertThat(server.postForm("/es/ask", fields).statusCode()).as("send %d", i).isEqualTo(422);
            HttpResponse<String> refused = server.postForm("/es/ask", fields);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 120L);
            assertThat(Jsoup.parse(refused.body()).text()).contains("Lo que escribiste no se ha perdido");
            // Adding a child is no send: it still answers.
            fields.put("rows", "add");
            assertThat(server.postForm("/es/ask", fields).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFloodOfChangesToASentQuestionIsRefusedWithRetryAfter() {
        try (TestServer server = withDefaults()) {
            String status = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            // Without a form token nothing changes; each post is still a change sent.
            for (int i = 1; i <= 30; i++) assertThat(server.postForm(status + "/withdraw", Map.of()).statusCode()).as("post %d", i).isEqualTo(303);
            HttpResponse<String> refused = server.postForm(status + "/withdraw", Map.of());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            // Her sends are their own allowance.
            AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
        }
    }

    @Test
    void aFloodOfSignInsFromOneAddressIsRefusedWithRetryAfter() {
        try (TestServer server = withDefaults()) {
            String csrf = server.page("/login").selectFirst("input[name=_csrf]").val();
            for (int i = 1; i <= 30; i++) {
                Map<String, String> attempt = Map.of("email", "guess-" + i + "@example.org", "password", "not it", "_csrf", csrf);
                assertThat(server.postForm("/login", attempt).statusCode()).as("attempt %d", i).isEqualTo(422);
            }
            HttpResponse<String> refused = server.postForm("/login", Map.of("email", "x@example.org", "password", "p", "_csrf", csrf));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            // A parent behind the same address can still ask.
            AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
        }
    }

    @Test
    void signInsToOneAccountAreLimitedFromEveryAddressWithoutSayingWhetherItExists() {
        RateLimitSettings behindProxy = RateLimitSettings.fromEnvironment(Map.of("DEARLY_TRUSTED_PROXIES", "127.0.0.1, ::1"));
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false, config -> config.withRateLimits(behindProxy))) {
            new UserRepository(server.server().database()).add("lina@example.org", "Lina P.", Role.EDITOR, PASSWORD.toCharArray(), Instant.now());
            String csrf = server.page("/login").selectFirst("input[name=_csrf]").val();

            String[] refusals = new String[2];
            String[] accounts = {"lina@example.org", "nobody@example.org"};
            for (int a = 0; a < accounts.length; a++) {
                for (int i = 1; i <= 10; i++) {
                    HttpResponse<String> wrong = server.postForm("/login", Map.of("email", accounts[a], "password", "guess " + i, "_csrf", csrf),
                            "X-Forwarded-For", "203.0.113." + (a * 20 + i));
                    assertThat(wrong.statusCode()).as("%s attempt %d", accounts[a], i).isEqualTo(422);
                }
                // Another address, another spelling of the same account: still that account's allowance.
                HttpResponse<String> refused = server.postForm("/login",
                        Map.of("email", " " + accounts[a].toUpperCase() + " ", "password", PASSWORD, "_csrf", csrf), "X-Forwarded-For", "198.51.100.9");
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                Document page = Jsoup.parse(refused.body());
                assertThat(page.selectFirst("form.login input[name=email]")).isNotNull();
                refusals[a] = page.selectFirst("#login-message").text();
            }
            assertThat(refusals[0])
                    .isEqualTo(refusals[1])
                    .startsWith("There have been many attempts to sign in with this e-mail address.");

            String editor = SignedIn.as(server, Role.EDITOR).email();
            assertThat(editor).isNotEqualTo("lina@example.org");
        }
    }

    @Test
    void hostileAndHugeAddressesAreCountedAndShownBackAsText() {
        RateLimitSettings twoPerAccount = RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", "sign-in-account=2/1h"));
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false, config -> config.withRateLimits(twoPerAccount))) {
            String csrf = server.page("/login").selectFirst("input[name=_csrf]").val();
            for (String hostile : new String[] {"\"><script>alert('x')</script>@example.org", "' OR 1=1 --", "\u202Eorg.elpmaxe@anil 😀\u0007",
                    "a".repeat(100_000) + "@example.org", ""}) {
                Map<String, String> attempt = Map.of("email", hostile, "password", "guess", "_csrf", csrf);
                assertThat(server.postForm("/login", attempt).statusCode()).as(hostile).isEqualTo(422);
                assertThat(server.postForm("/login", attempt).statusCode()).as(hostile).isEqualTo(422);
                HttpResponse<String> refused = server.postForm("/login", attempt);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).doesNotContain("<script>alert");
                assertThat(Jsoup.parse(refused.body()).selectFirst("input[name=email]").val()).isEqualTo(hostile.strip());
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("no limit for a mother:\n%s", response.body()).isNotEqualTo(429).isLessThan(400);
        return response;
    }
}

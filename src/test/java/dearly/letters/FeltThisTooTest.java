package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.TestServer;
import dearly.language.Language;
import dearly.storage.TestDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "I've felt this too" over HTTP: once per reader per letter, counted on the page, refused from another
 * site's page and past its allowance, and stored as a count with nothing that could say who.
 */
class FeltThisTooTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "Mozilla/5.0 (ReaderPhone-7f3a91) Felt/1.0";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReaderIsCountedOnceAndEveryoneSeesTheCount(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            String letter = LetterFlow.publish(server, "Why does she wake at 3am?", Language.EN);
            assertThat(count(server, letter)).isEmpty();

            HttpResponse<String> felt = server.postForm(letter + "/felt", Map.of("lang", "en"));
            assertThat(felt.statusCode()).isEqualTo(303);
            assertThat(felt.headers().firstValue("Location")).contains(letter + "#felt");
            assertThat(count(server, letter)).isEqualTo("One reader has felt this too");

            assertThat(server.postForm(letter + "/felt", Map.of()).statusCode()).as("the same reader again").isEqualTo(303);
            assertThat(count(server, letter)).isEqualTo("One reader has felt this too");

            server.forgetCookies(); // another reader
            server.postForm(letter + "/felt", Map.of());
            assertThat(count(server, letter)).isEqualTo("2 readers have felt this too");
            assertThat(server.page(letter).selectFirst("form.felt .felt-done").text())
                    .isEqualTo("Thank you for saying so. You are not the only one.");
        }
    }

    @Test
    void theScriptGetsTheNewCountInThePagesLanguage() throws Exception {
        try (TestServer server = TestServer.start()) {
            String letter = LetterFlow.publish(server, "¿Por qué se despierta a las 3?", Language.ES);
            HttpResponse<String> felt = server.postForm(letter + "/felt", Map.of("lang", "es"), "Accept", "application/json");

            assertThat(felt.statusCode()).isEqualTo(200);
            assertThat(felt.headers().firstValue("Cache-Control")).contains("no-store");
            JsonNode answer = JSON.readTree(felt.body());
            assertThat(answer.path("felt").asInt()).isEqualTo(1);
            assertThat(answer.path("said").asText()).isEqualTo("Una persona también lo ha sentido");
            assertThat(server.page("/es" + letter).selectFirst("form.felt button").text()).isEqualTo("Yo también lo he sentido");
        }
    }

    @Test
    void herDeviceRemembersWhichLettersAndNothingElse() {
        try (TestServer server = TestServer.start()) {
            String first = LetterFlow.publish(server, "First letter about naps", Language.EN);
            String second = LetterFlow.publish(server, "Second letter about naps", Language.EN);
            long firstId = letterId(server, first);
            long secondId = letterId(server, second);

            HttpResponse<String> felt = server.postForm(first + "/felt", Map.of());
            String cookie = felt.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dearly_felt=")).findFirst().orElseThrow();
            assertThat(cookie).startsWith("dearly_felt=" + firstId + ";").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Max-Age=");
            server.postForm(second + "/felt", Map.of());
            assertThat(server.cookie("dearly_felt")).contains("dearly_felt=" + firstId + "." + secondId);
        }
    }

    @Test
    void emptyHugeAndHostileInputIsCountedOnceAndChangesNothingElse() {
        try (TestServer server = TestServer.start()) {
            String letter = LetterFlow.publish(server, "Hostile input letter", Language.EN);
            long id = letterId(server, letter);
            String hostile = "<script>alert(1)</script>\"'; DROP TABLE letter_reaction; --" + "x".repeat(100_000);

            HttpResponse<String> felt = server.sendWithoutCookies(server.request(letter + "/felt")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "dearly_felt=" + id + "x.-1.99999999999999999999999.<b>")
                    .POST(HttpRequest.BodyPublishers.ofString("lang=" + hostile.substring(0, 2000) + "&felt=" + hostile)));
            assertThat(felt.statusCode()).isEqualTo(303);
            assertThat(felt.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dearly_felt=" + id + ";"));
            HttpResponse<String> empty = server.sendWithoutCookies(server.request(letter + "/felt")
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(empty.statusCode()).isEqualTo(303);
            assertThat(count(server, letter)).isEqualTo("2 readers have felt this too");

            assertThat(server.postForm("/letters/no-such-letter/felt", Map.of()).statusCode()).isEqualTo(404);
            assertThat(server.postForm("/letters/" + "%3Cb%3E".repeat(500) + "/felt", Map.of()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theFormComesBackToTheAddressSheReadItAtAndNowhereElse() {
        try (TestServer server = TestServer.start()) {
            String letter = LetterFlow.publish(server, "Where the form comes back to", Language.ES);
            String slug = letter.substring("/letters/".length());
            assertThat(server.page(letter).selectFirst("form.felt input[name=back]").val()).isEqualTo(letter);

            for (String back : List.of("/es/cartas/" + slug, letter)) {
                server.forgetCookies();
                assertThat(server.postForm(letter + "/felt", Map.of("back", back)).headers().firstValue("Location"))
                        .contains(back + "#felt");
            }
            for (String elsewhere : List.of("//evil.example/" + slug, "https://evil.example/" + slug, "/\\evil.example/" + slug,
                    "/letters/another-letter", "/es/cartas/" + slug + "?x=1", "", "/" + "a/".repeat(200) + slug)) {
                server.forgetCookies();
                assertThat(server.postForm(letter + "/felt", Map.of("back", elsewhere)).headers().firstValue("Location"))
                        .as(elsewhere).contains(letter + "#felt");
            }
        }
    }

    @Test
    void aPostFromAnotherSitesPageIsRefused() {
        try (TestServer server = TestServer.start()) {
            String letter = LetterFlow.publish(server, "Cross-site letter", Language.EN);
            String own = server.url("");

            for (String[] headers : List.of(
                    new String[] {"Origin", "https://evil.example"},
                    new String[] {"Origin", "null"},
                    new String[] {"Origin", own + ".evil.example"},
                    new String[] {"Sec-Fetch-Site", "cross-site"},
                    new String[] {"Sec-Fetch-Site", "same-site"},
                    new String[] {"Sec-Fetch-Site", "cross-site", "Origin", own})) {
                HttpResponse<String> refused = server.postForm(letter + "/felt", Map.of(), headers);
                assertThat(refused.statusCode()).as(String.join(" ", headers)).isEqualTo(403);
                assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("dearly_felt="));
            }
            assertThat(count(server, letter)).isEmpty();

            assertThat(server.postForm(letter + "/felt", Map.of(), "Sec-Fetch-Site", "same-origin", "Origin", own).statusCode()).isEqualTo(303);
            server.forgetCookies();
            assertThat(server.postForm(letter + "/felt", Map.of(), "Origin", own).statusCode()).isEqualTo(303);
            assertThat(count(server, letter)).isEqualTo("2 readers have felt this too");
        }
    }

    @Test
    void theOriginMustBeDearlysPublicAddressNotTheOneTheRequestNames() {
        try (TestServer server = TestServer.start(Map.of("DEARLY_BASE_URL", "https://letters.example.org"))) {
            String letter = LetterFlow.publish(server, "Behind a proxy", Language.EN);
            assertThat(server.postForm(letter + "/felt", Map.of(), "Origin", "https://letters.example.org").statusCode()).isEqualTo(303);
            for (String[] headers : List.of(
                    new String[] {"Origin", "http://letters.example.org"},
                    new String[] {"Origin", server.url("")},
                    new String[] {"Origin", "https://evil.example", "Host", "evil.example"})) {
                assertThat(server.postForm(letter + "/felt", Map.of(), headers).statusCode()).as(String.join(" ", headers)).isEqualTo(403);
            }
        }
    }

    @Test
    void manyReactionsFromOneAddressMeetTheAllowance() {
        try (TestServer server = TestServer.start(Map.of("DEARLY_RATE_LIMITS", "react=3/1h"))) {
            String letter = LetterFlow.publish(server, "Rate limited letter", Language.EN);
            for (int reader = 0; reader < 3; reader++) {
                assertThat(asANewReader(server, letter).statusCode()).isEqualTo(303);
            }
            HttpResponse<String> refused = asANewReader(server, letter);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(count(server, letter)).isEqualTo("3 readers have felt this too");
            assertThat(server.get(letter).statusCode()).as("reading is never limited by it").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTableKeepsACountPerLetterAndNoAddressOrBrowser(TestDatabase.Kind kind) throws IOException {
        try (TestServer server = TestServer.start(kind, false)) {
            String letter = LetterFlow.publish(server, "Private reactions letter", Language.EN);
            for (String address : List.of("203.0.113.77", "198.51.100.23")) {
                server.sendWithoutCookies(server.request(letter + "/felt")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("User-Agent", BROWSER).header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString("lang=en")));
            }

            List<Map<String, Object>> rows = server.server().database().read(handle ->
                    handle.createQuery("SELECT * FROM letter_reaction").mapToMap().list());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).keySet()).containsExactlyInAnyOrder("letter_id", "felt");
            assertThat(((Number) rows.get(0).get("felt")).intValue()).isEqualTo(2);
            if (kind == TestDatabase.Kind.SQLITE) {
                try (Stream<Path> files = Files.list(server.dataDir())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        assertThat(bytes).as(file.toString()).doesNotContain("ReaderPhone-7f3a91", "203.0.113.77", "198.51.100.23", "127.0.0.1");
                    }
                }
            }
        }
    }

    private static HttpResponse<String> asANewReader(TestServer server, String letter) {
        return server.sendWithoutCookies(server.request(letter + "/felt")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("lang=en")));
    }

    private static String count(TestServer server, String letter) {
        return server.page(letter).selectFirst("form.felt .felt-count").text();
    }

    private static long letterId(TestServer server, String letter) {
        return Long.parseLong(server.page(letter).selectFirst("form.felt").attr("data-letter"));
    }
}

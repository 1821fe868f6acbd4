package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import dearly.web.RateLimitSettings;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The ask form is rate limited per client, with a kind message in her language. */
class AskRateLimitTest {

    @Test
    void tooManySendsGetAKindPauseInHerLanguage() {
        RateLimitSettings twoPerTenMinutes = RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", "forms=2/10m"));
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false, config -> config.withRateLimits(twoPerTenMinutes))) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/ask?lang=es"));
            fields.put("age", "5");
            assertThat(server.postForm("/ask?lang=es", fields).statusCode()).isEqualTo(422);
            assertThat(server.postForm("/ask?lang=es", fields).statusCode()).isEqualTo(422);
            HttpResponse<String> third = server.postForm("/ask?lang=es", fields);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(Jsoup.parse(third.body()).text()).contains("Lo que escribiste no se ha perdido");
        }
    }
}

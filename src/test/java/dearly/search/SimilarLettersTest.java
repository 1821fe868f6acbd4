package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.language.Language;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The letters closest to a question being written: as JSON, on her status page and under a letter. */
class SimilarLettersTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    private static final String NAPS = "Contact naps: why she only sleeps in my arms";
    private static final String NURSING = "Does breastfeeding have to hurt this much?";
    private static final String COLIC = "¿Cómo sobrevivir a los cólicos de cada noche?";
    private static final String SCHEDULED = "Crib naps for the arms-only sleeper, coming soon";

    @BeforeAll
    static void publish() {
        SearchFlow.publish(server, Language.EN, NAPS, "A mother whose daughter naps only on her.",
                "Contact naps are normal at four months. Put her down drowsy in the crib once a day.", "sleep");
        SearchFlow.publish(server, Language.EN, NURSING, "A mother with cracked nipples.",
                "Pain while nursing usually means the latch needs help. See a lactation consultant.", "feeding");
        SearchFlow.publish(server, Language.ES, COLIC, "Una madre agotada por el llanto.",
                "El cólico pasa. Mécela, sal a caminar, pide ayuda por las noches.", "sleep");
        SearchFlow.publishAt(server, server.clock().get().plus(Duration.ofDays(3)), Language.EN, SCHEDULED,
                "Not public yet.", "Arms naps crib sleeper nap sleep.");
        SearchFlow.foundUntil(server, "colicos", Instant.now().plus(SearchFlow.PATIENCE), found -> found.contains(COLIC));
    }

    private static JsonNode similar(String parameters) {
        HttpResponse<String> response = server.get("/api/v1/similar?" + parameters);
        assertThat(response.statusCode()).as(parameters).isEqualTo(200);
        return AskFlow.json(response.body());
    }

    private static List<String> headlines(JsonNode answer) {
        List<String> headlines = new ArrayList<>();
        answer.get("results").forEach(letter -> headlines.add(letter.get("headline").asText()));
        return headlines;
    }

    @Test
    void aQuestionInHerOwnWordsFindsTheLetterOnTheSameWorryFirst() {
        JsonNode answer = similar("q=" + SearchFlow.query(
                "She won't nap unless I hold her\nMy four month old only sleeps in my arms, never in the crib."));
        assertThat(headlines(answer)).first().isEqualTo(NAPS);
        JsonNode first = answer.get("results").get(0);
        assertThat(first.get("url").asText()).startsWith(server.url("/letters/"));
        assertThat(first.get("snippet").asText()).isEqualTo("A mother whose daughter naps only on her.");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("external_id").isNull()).isTrue();
        assertThat(first.get("source_url").isNull()).isTrue();
        assertThat(headlines(similar("q=" + SearchFlow.query("nursing hurts, cracked nipples")))).first().isEqualTo(NURSING);
    }

    @Test
    void aQuestionInOtherWordsFindsTheLetterByWhatTheyMean() {
        // Neither "feed" nor "agony" is in any letter: "nursing" and "hurt" are (SearchSynonyms).
        assertThat(headlines(similar("q=" + SearchFlow.query("Every feed is agony")))).first().isEqualTo(NURSING);
    }

    @Test
    void aScheduledLetterIsNeverOffered() {
        assertThat(headlines(similar("q=" + SearchFlow.query("arms naps crib sleeper") + "&limit=20"))).doesNotContain(SCHEDULED);
    }

    @Test
    void languageAndLimitNarrowTheAnswer() {
        String words = SearchFlow.query("mi bebé llora cada noche, cólicos, my baby cries every night and naps");
        assertThat(headlines(similar("q=" + words + "&lang=es"))).containsExactly(COLIC);
        assertThat(headlines(similar("q=" + words + "&limit=1"))).hasSize(1);
        assertThat(headlines(similar("q=" + words + "&limit=500")).size()).isLessThanOrEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "q=", "q=%20%20", "q=%22", "q=*", "q=naps%20AND%20(crib", "q=%00%01%1F", "limit=-3&q=naps",
            "limit=abc&q=naps", "lang=xx&q=naps", "q=%F0%9F%98%AD%E2%80%AEnaps"})
    void oddQueriesAnswerCalmly(String parameters) {
        assertThat(similar(parameters).get("results").isArray()).isTrue();
    }

    @Test
    void aVeryLongQuestionStillAnswers() {
        String words = "sleep arms crib naps ".repeat(260); // past the 5,000 characters read, within an address
        assertThat(headlines(similar("q=" + SearchFlow.query(words)))).contains(NAPS);
    }

    @Test
    void herStatusPageOffersLettersOnTheSameWorry() {
        Map<String, String> mother = AskFlow.spanishMother(server.page("/ask"));
        mother.putAll(Map.of("title", "Why won't my baby nap in her crib?",
                "body", "My daughter is four months old and only naps in my arms. The crib wakes her every time.",
                "language", "en"));
        String status = AskFlow.askAndFollow(server, mother);
        Document page = server.page(status);
        assertThat(page.select("aside.related h2").text()).isEqualTo("Letters on the same worry");
        assertThat(page.select("aside.related li a").eachText()).first().isEqualTo(NAPS);
        assertThat(page.selectFirst("aside.related li a").attr("href")).startsWith("/letters/");
    }

    @Test
    void besideCrisisHelpHerStatusPageOffersNoLetters() {
        Map<String, String> mother = AskFlow.spanishMother(server.page("/ask"));
        mother.putAll(Map.of("title", "Why won't my baby nap in her crib?",
                "body", "Some nights I think about ending my life. My daughter only naps in my arms and nobody helps me at home.",
                "language", "en"));
        Document page = server.page(AskFlow.askAndFollow(server, mother));
        assertThat(page.select("main > .crisis a.phone")).as("the help for her country").isNotEmpty();
        assertThat(page.select("aside.related")).as("letters matched on her words, beside the help").isEmpty();
    }

    @Test
    void aLetterPageShowsRelatedLettersButNotItself() {
        String path = SearchFlow.api(server, "q=" + SearchFlow.query("contact naps")).at("/results/0/url").asText()
                .replace(server.url(""), "");
        SearchFlow.publish(server, Language.EN, "Naps in the crib after months of contact naps", "A father asks.",
                "Start with the first nap of the day, drowsy but awake.", "sleep");
        Document page = server.page(path);
        List<String> related = page.select("aside.related li a").eachText();
        assertThat(related).doesNotContain(NAPS).doesNotContain(SCHEDULED);
        assertThat(page.select("aside.related h2").text()).isEqualTo("Letters on the same worry");
    }

    @Test
    void theSimilarApiDrawsOnTheReadAllowanceLikeEveryPublicEndpoint() {
        try (TestServer limited = TestServer.start(Map.of("DEARLY_RATE_LIMITS", "api-read=3/1m"))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) statuses.add(limited.get("/api/v1/similar?q=naps").statusCode());
            assertThat(statuses).containsExactly(200, 200, 200, 429);
        }
    }

    @Test
    void herWordsNeverReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            similar("q=" + SearchFlow.query("zanzibarquokka my husband and I never talk"));
            server.get("/api/v1/similar?q=zanzibarquokka&limit=" + "9".repeat(5000));
        } finally {
            root.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains("zanzibarquokka"));
    }
}

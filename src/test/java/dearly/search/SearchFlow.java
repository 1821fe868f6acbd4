package dearly.search;

import com.fasterxml.jackson.databind.JsonNode;
import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Slugs;
import dearly.letters.Words;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Publishes letters the way Dearly does (through {@link Publishing}, in one transaction) and searches as a reader does. */
final class SearchFlow {
    /** Long enough for a loaded machine; a search that works answers within a second. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private SearchFlow() {}

    /** A letter to publish now, as a row of a test's table: its language, its words and its topic's slug. */
    record Letter(Language language, String headline, String standfirst, String body, String topic) {}

    /**
     * Publishes the letters in order, then searches for the last one's {@code word} until it is found:
     * every letter published before it is then in the index too.
     */
    static void publishAll(TestServer server, String word, Letter... letters) {
        for (Letter letter : letters) {
            publish(server, letter.language(), letter.headline(), letter.standfirst(), letter.body(), letter.topic());
        }
        String last = letters[letters.length - 1].headline();
        until(server, word, page -> page.select("ol.results h2").eachText().contains(last));
    }

    /** A letter by the first advisor, filed under topics named by their slugs (each made if missing), published now. */
    static long publish(TestServer server, Language language, String headline, String standfirst, String body,
            String... topics) {
        return publishAt(server, server.clock().get().minusSeconds(1), language, headline, standfirst, body, topics);
    }

    /** The same, public from that time on (a time to come schedules it). */
    static long publishAt(TestServer server, Instant publishAt, Language language, String headline, String standfirst,
            String body, String... topics) {
        Publishing publishing = new Publishing();
        Instant now = server.clock().get();
        return server.server().database().write(handle -> {
            long advisor = handle.createQuery("SELECT MIN(id) FROM advisor").mapTo(Long.class).one();
            List<Long> topicIds = new ArrayList<>();
            for (String slug : topics) {
                topicIds.add(handle.createQuery("SELECT id FROM topic WHERE slug = :slug").bind("slug", slug)
                        .mapTo(Long.class).findOne()
                        .orElseGet(() -> publishing.addTopic(handle, slug, capitalised(slug), capitalised(slug) + " (es)")));
            }
            String slug = Slugs.of(headline) + "-" + System.nanoTime();
            return publishing.publish(handle, new Publishing.Draft(null, slug,
                    new Words(headline, standfirst, language == Language.ES ? "Querida," : "Dear one,", body, "Love,"),
                    "", advisor, topicIds, language, publishAt), now);
        });
    }

    private static String capitalised(String slug) {
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
    }

    static String query(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    /** The search page for those words (and any more of the address, such as {@code &language=es}). */
    static Document page(TestServer server, String words, String more) {
        return server.page("/search?q=" + query(words) + more);
    }

    /** The headlines the search page shows for those words. */
    static List<String> headlines(TestServer server, String words) {
        return page(server, words, "").select("ol.results h2").eachText();
    }

    /** Searches until what the page shows satisfies the test, or fails after {@link #PATIENCE}. */
    static Document until(TestServer server, String words, Predicate<Document> shows) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Document page = page(server, words, "");
            if (shows.test(page)) return page;
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the search for '" + words + "' never showed what was expected:\n"
                        + page.select("main").text());
            }
            sleepBriefly();
        }
    }

    static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode api(TestServer server, String parameters) {
        var response = server.get("/api/v1/search?" + parameters);
        if (response.statusCode() != 200) throw new AssertionError(response.statusCode() + "\n" + response.body());
        return AskFlow.json(response.body());
    }

    /** The headlines {@code /api/v1/search} answers for those words, best first. */
    static List<String> found(TestServer server, String words) {
        List<String> headlines = new ArrayList<>();
        api(server, "q=" + query(words)).get("results").forEach(hit -> headlines.add(hit.get("headline").asText()));
        return headlines;
    }

    /** Asks the API until its headlines satisfy the test, or fails once the deadline passes. */
    static List<String> foundUntil(TestServer server, String words, Instant deadline, Predicate<List<String>> shows) {
        while (true) {
            List<String> headlines = found(server, words);
            if (shows.test(headlines)) return headlines;
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the search for '" + words + "' still answered " + headlines);
            }
            sleepBriefly();
        }
    }

    static Document parse(String html) {
        return Jsoup.parse(html);
    }
}

package dearly.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.language.Language;
import dearly.letters.LetterRepository;
import dearly.letters.Publishing;
import dearly.letters.Words;
import dearly.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code bench/search/run}: Dearly's search beside a peer, SQLite FTS5 (BM25, Porter stemmer, accents
 * folded), over the same letters in the same run. The archive is the letters of
 * bench/search/letters.jsonl among a few thousand generated ones that share their vocabulary; the
 * queries of bench/search/queries.jsonl each name the letter that should come first. Prints MRR@10
 * and hit@1 for both, then query latency (p50, p99) for both and for similar letters.
 */
public final class SearchBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 5;

    record Target(String key, Language language, String headline, String standfirst, String body) {}

    record Query(String text, String expected) {}

    public static void main(String[] args) throws Exception {
        int generated = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path bench = Path.of("bench/search");
        List<Target> targets = read(bench.resolve("letters.jsonl"), json -> new Target(json.get("key").asText(),
                Language.fromCode(json.get("language").asText()).orElseThrow(), json.get("headline").asText(),
                json.get("standfirst").asText(), json.get("body").asText()));
        List<Query> queries = read(bench.resolve("queries.jsonl"),
                json -> new Query(json.get("query").asText(), json.get("expected").asText()));
        List<Target> archive = new ArrayList<>(targets);
        archive.addAll(Filler.letters(generated, new Random(20261203)));

        Path dir = Files.createTempDirectory("dearly-bench-search-");
        Supplier<Instant> clock = Instant::now;
        try (Database database = Database.sqlite(dir.resolve("data"));
                Connection fts = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            database.migrate();
            publish(database, archive);
            long before = System.nanoTime();
            try (SearchIndex index = SearchIndex.rebuild(dir.resolve("index"), database, new LetterRepository(database, clock), clock)) {
                double buildSeconds = (System.nanoTime() - before) / 1e9;
                before = System.nanoTime();
                Peer peer = new Peer(fts, archive);
                double peerSeconds = (System.nanoTime() - before) / 1e9;
                LetterSearch search = new LetterSearch(index, clock);
                SimilarLetters similar = new SimilarLetters(index, clock);
                Function<String, List<String>> dearly = text -> search.search(new LetterSearch.Request(text, Optional.empty(),
                        Optional.empty(), 1)).hits().stream().map(LetterSearch.Hit::slug).toList();

                System.out.printf(Locale.ROOT, "%d letters (%d to be found, %d generated), %d queries (bench/search/queries.jsonl)%n%n",
                        archive.size(), targets.size(), generated, queries.size());
                System.out.println("ranking            MRR@10   hit@1");
                ranking("Dearly (Lucene)", queries, dearly);
                ranking("SQLite FTS5 BM25", queries, peer::search);
                if (Files.exists(bench.resolve("heldout.jsonl"))) {
                    // Written by someone who saw only the letters, never the analyzer: the figure to report.
                    List<Query> heldOut = read(bench.resolve("heldout.jsonl"),
                            json -> new Query(json.get("query").asText(), json.get("expected").asText()));
                    System.out.printf(Locale.ROOT, "%nheld out: %d queries (bench/search/heldout.jsonl)%n", heldOut.size());
                    System.out.println("ranking            MRR@10   hit@1");
                    ranking("Dearly (Lucene)", heldOut, dearly);
                    ranking("SQLite FTS5 BM25", heldOut, peer::search);
                }
                System.out.println();
                System.out.printf(Locale.ROOT, "index build: Dearly %.1f s (from the database), FTS5 %.1f s (from memory)%n%n",
                        buildSeconds, peerSeconds);
                List<String> texts = new ArrayList<>(queries.stream().map(Query::text).toList());
                Random random = new Random(7);
                for (int i = 0; i < 200; i++) texts.add(Filler.query(random));
                System.out.println("latency per query (" + texts.size() + " queries x " + ROUNDS + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores)   p50       p99");
                latency("Dearly search", texts, dearly::apply);
                latency("SQLite FTS5", texts, peer::search);
                List<String> questions = targets.stream().map(target -> target.headline() + "\n" + target.body()).toList();
                latency("Dearly similar (a whole question)", questions,
                        text -> similar.closestTo(text, Optional.empty(), 5, Optional.empty()));
            }
        }
    }

    private static void ranking(String name, List<Query> queries, Function<String, List<String>> search) {
        double reciprocal = 0;
        int first = 0;
        for (Query query : queries) {
            List<String> found = search.apply(query.text());
            int rank = found.indexOf(query.expected());
            if (rank >= 0 && rank < 10) reciprocal += 1.0 / (rank + 1);
            if (rank == 0) first++;
        }
        System.out.printf(Locale.ROOT, "%-18s %.3f    %.3f%n", name, reciprocal / queries.size(), (double) first / queries.size());
    }

    private static void latency(String name, List<String> texts, Function<String, ?> run) {
        for (String text : texts) run.apply(text); // warm up
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String text : texts) {
                long before = System.nanoTime();
                run.apply(text);
                nanos.add(System.nanoTime() - before);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-36s %6.2f ms %6.2f ms%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6);
    }

    private static void publish(Database database, List<Target> archive) {
        Publishing publishing = new Publishing();
        Instant now = Instant.now();
        database.write(handle -> {
            long advisor = publishing.addAdvisor(handle, "bench-advisor", "Bench Advisor", "", now);
            for (Target letter : archive) {
                publishing.publish(handle, new Publishing.Draft(null, letter.key(), new Words(letter.headline(),
                        letter.standfirst(), "Dear one,", letter.body(), "Love,"), "", advisor, List.of(), letter.language(),
                        now.minusSeconds(60)), now);
            }
            return null;
        });
    }

    private static <T> List<T> read(Path file, Function<JsonNode, T> each) throws IOException {
        List<T> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) rows.add(each.apply(JSON.readTree(line)));
        }
        return rows;
    }

    /** The peer: the same letters in an SQLite FTS5 table, ranked by BM25 with the headline weighted as Dearly weights it. */
    private static final class Peer {
        private final PreparedStatement query;

        Peer(Connection connection, List<Target> archive) throws SQLException {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE VIRTUAL TABLE letter USING fts5(key UNINDEXED, headline, standfirst, body,"
                        + " tokenize = 'porter unicode61 remove_diacritics 2')");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO letter (key, headline, standfirst, body) VALUES (?, ?, ?, ?)")) {
                for (Target letter : archive) {
                    insert.setString(1, letter.key());
                    insert.setString(2, letter.headline());
                    insert.setString(3, letter.standfirst());
                    insert.setString(4, letter.body());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            query = connection.prepareStatement(
                    "SELECT key FROM letter WHERE letter MATCH ? ORDER BY bm25(letter, 0, 3.0, 1.5, 1.0) LIMIT 10");
        }

        /** Any of the query's words (as a search box would send them: each quoted, so nothing is syntax). */
        List<String> search(String text) {
            String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            String match = String.join(" OR ", Arrays.stream(words).filter(word -> !word.isEmpty())
                    .map(word -> "\"" + word + "\"").toList());
            if (match.isEmpty()) return List.of();
            try {
                query.setString(1, match);
                List<String> keys = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) keys.add(rows.getString(1));
                }
                return keys;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

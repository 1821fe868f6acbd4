package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Dearly;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import dearly.letters.Advisor;
import dearly.letters.Letter;
import dearly.letters.Words;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * A node started again finds every published letter and nothing else, whatever it finds in its
 * index's directory: nothing, garbage, a truncated file, an index the database moved past, one from
 * another schema version or another database, or what a crash left mid-update. Each test keeps a
 * node's index in a directory of its own, stops the node, does that to the directory and starts it.
 */
class IndexRebuildTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    private static final String PHANTOM = "Phantom letter about quokkas";

    @Test
    void aMissingIndexIsBuiltAtStart() throws IOException {
        Path dir = indexWith("Why does my baby hate the car seat?");
        deleteTree(dir);
        try (TestServer node = server.anotherNode(dir)) {
            assertThat(SearchFlow.found(node, "car seat")).contains("Why does my baby hate the car seat?");
        }
    }

    @Test
    void garbageInTheDirectoryIsThrownAwayAndTheIndexRebuilt() throws IOException {
        Path dir = indexWith("How do I wean my son off the dummy?");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Files.write(dir.resolve("segments_zz"), junk);
        Files.write(dir.resolve("_zz.cfs"), junk);
        Files.writeString(dir.resolve("notes.txt"), "not an index");
        try (TestServer node = server.anotherNode(dir)) {
            assertThat(SearchFlow.found(node, "wean dummy")).contains("How do I wean my son off the dummy?");
        }
    }

    @Test
    void aTruncatedSegmentIsNoticedAndTheIndexRebuilt() throws IOException {
        Path dir = indexWith("When will my daughter sleep through the night?");
        Path largest;
        try (Stream<Path> files = Files.list(dir)) {
            largest = files.filter(file -> !file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME))
                    .max(Comparator.comparingLong(IndexRebuildTest::size)).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        try (TestServer node = server.anotherNode(dir)) {
            assertThat(SearchFlow.found(node, "sleep through the night"))
                    .contains("When will my daughter sleep through the night?");
        }
    }

    @Test
    void lettersPublishedWhileTheNodeWasDownAreFoundWhenItStarts() throws IOException {
        Path dir = indexWith("Is teething why she drools so much?");
        SearchFlow.publish(server, Language.EN, "Should I worry about flat head syndrome?", "A mother asks.", "Tummy time.");
        try (TestServer node = server.anotherNode(dir)) {
            assertThat(SearchFlow.found(node, "flat head")).contains("Should I worry about flat head syndrome?");
            assertThat(SearchFlow.found(node, "teething drools")).contains("Is teething why she drools so much?");
        }
    }

    @Test
    void anIndexFromAnotherSchemaVersionIsRebuilt() throws IOException {
        Path dir = indexWith("How can I make bath time calmer?");
        commitPhantom(dir, Map.of(SearchIndex.SCHEMA, "0"));
        try (TestServer node = server.anotherNode(dir)) {
            assertThat(SearchFlow.found(node, "bath time")).contains("How can I make bath time calmer?");
            assertThat(SearchFlow.found(node, "quokkas")).doesNotContain(PHANTOM);
        }
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseIsRebuilt() throws IOException {
        Path foreign = Files.createTempDirectory("dearly-foreign-index-");
        try (TestServer elsewhere = TestServer.start(); TestServer node = elsewhere.anotherNode(foreign)) {
            SearchFlow.publish(elsewhere, Language.EN, "Teething necklaces: safe or not?", "Elsewhere.", "Another column.");
            SearchFlow.foundUntil(node, "teething necklaces", Instant.now().plus(SearchFlow.PATIENCE),
                    found -> found.contains("Teething necklaces: safe or not?"));
        }
        // This database has logged at least as many changes, so only its name tells the index is not its own.
        for (int i = 0; i < 3; i++) {
            SearchFlow.publish(server, Language.EN, "Our own letter number " + i, "Here.", "This column.");
        }
        try (TestServer node = server.anotherNode(foreign)) {
            assertThat(SearchFlow.found(node, "teething necklaces")).doesNotContain("Teething necklaces: safe or not?");
            assertThat(SearchFlow.found(node, "our own letter number")).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void whatACrashLeavesMidUpdateIsNeverFoundAndTheIndexKeepsWorking() throws IOException {
        Path dir = indexWith("Why does my baby wake at 5am?");
        Path crashed = Files.createTempDirectory("dearly-crashed-index-");
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(LetterAnalysis.forIndex())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false))) {
            writer.addDocument(SearchFields.of(phantom()));
            writer.flush(); // the new segment is on disk, no commit names it: as if the power went now
            copyFiles(dir, crashed);
            writer.rollback();
        }
        try (TestServer node = server.anotherNode(crashed)) {
            assertThat(SearchFlow.found(node, "quokkas")).doesNotContain(PHANTOM);
            assertThat(SearchFlow.found(node, "wake 5am")).contains("Why does my baby wake at 5am?");
            SearchFlow.publish(server, Language.EN, "How do I pump at work?", "A mother asks.", "Plan ahead.");
            SearchFlow.foundUntil(node, "pump at work", Instant.now().plus(SearchFlow.PATIENCE),
                    found -> found.contains("How do I pump at work?"));
        }
    }

    @Test
    void reindexThroughTheCommandLineRebuildsANodesIndexFromTheDatabase() throws IOException {
        Path dir = indexWith("Can I drink coffee while breastfeeding?");
        commitPhantom(dir, Map.of());
        Map<String, String> env = new HashMap<>();
        env.put("DEARLY_DATA_DIR", server.dataDir().toString());
        env.put("DEARLY_SEARCH_INDEX", dir.toString());
        StringWriter out = new StringWriter();
        CommandLine dearly = Dearly.commandLine(env);
        dearly.setOut(new PrintWriter(out));
        assertThat(dearly.execute("reindex")).isZero();
        int letters = server.server().database().read(handle ->
                handle.createQuery("SELECT COUNT(*) FROM letter WHERE published_at IS NOT NULL").mapTo(Integer.class).one());
        assertThat(out.toString()).startsWith("Indexed " + letters + " letters in " + dir.toAbsolutePath().normalize());
        try (TestServer node = server.anotherNode(dir)) {
            assertThat(SearchFlow.found(node, "quokkas")).doesNotContain(PHANTOM);
            assertThat(SearchFlow.found(node, "coffee breastfeeding")).contains("Can I drink coffee while breastfeeding?");
        }
    }

    @Test
    void reindexRefusesAnIndexARunningDearlyHolds() {
        Map<String, String> env = Map.of("DEARLY_DATA_DIR", server.dataDir().toString());
        StringWriter err = new StringWriter();
        CommandLine dearly = Dearly.commandLine(env);
        dearly.setErr(new PrintWriter(err));
        assertThat(dearly.execute("reindex")).isEqualTo(1);
        assertThat(err.toString()).contains("A running Dearly is using the search index");
        assertThat(SearchFlow.found(server, "miss my partner")).isNotEmpty();
    }

    /** A node's index directory holding that letter (published now), with the node stopped again. */
    private static Path indexWith(String headline) throws IOException {
        Path dir = Files.createTempDirectory("dearly-index-");
        SearchFlow.publish(server, Language.EN, headline, "A parent asks.", "A letter.");
        try (TestServer node = server.anotherNode(dir)) {
            SearchFlow.foundUntil(node, headline, Instant.now().plus(SearchFlow.PATIENCE), found -> found.contains(headline));
        }
        return dir;
    }

    /** Adds a letter the database never had, committed with these entries changed in the commit's data. */
    private static void commitPhantom(Path dir, Map<String, String> changed) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(LetterAnalysis.forIndex())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
            data.putAll(changed);
            writer.addDocument(SearchFields.of(phantom()));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    private static Letter phantom() {
        return new Letter(999_999, "phantom", new Words(PHANTOM, "Never published.", "Dear,", "Quokkas.", "Love,"), "",
                new Advisor(1, "nobody", "Nobody", "", null), List.of(), Language.EN, Instant.parse("2020-01-01T00:00:00Z"));
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

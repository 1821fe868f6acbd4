package dearly.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Config;
import dearly.Server;
import dearly.TestServer;
import dearly.asking.QuestionRepository;
import dearly.letters.Publishing;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;

/** {@code serve --demo} started on two nodes at the same moment, on one empty PostgreSQL: the first letter, once. */
class DemoOnTwoNodesTest {

    @RepeatedTest(3)
    void twoNodesStartedAtOnceOnOneEmptyDatabasePublishTheFirstLetterOnce() throws Exception {
        Assumptions.assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.POSTGRESQL),
                TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            // Migrated and seeded beforehand, so that both nodes arrive at the first letter together rather than in Flyway's queue.
            try (var migrated = database.open()) {
                new dearly.crisis.CrisisDirectory(migrated).seed();
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Server>> nodes = List.of(node(database, go), node(database, go));
            go.countDown();
            List<Server> started = nodes.stream().map(CompletableFuture::join).toList();
            try {
                for (Server node : started) {
                    String counts = node.database().read(handle -> handle.createQuery(
                            "SELECT (SELECT COUNT(*) FROM letter) || ' ' || (SELECT COUNT(*) FROM advisor) || ' ' || (SELECT COUNT(*) FROM question)")
                            .mapTo(String.class).one());
                    assertThat(counts).as("letters, advisors, questions").isEqualTo("1 1 1");
                }
            } finally {
                started.forEach(Server::close);
            }
        }
    }

    /** The same race without the servers around it, many times over: two nodes' first-letter checks at one moment. */
    @RepeatedTest(10)
    void twoFirstLetterChecksAtOneMomentPublishOnce() throws Exception {
        Assumptions.assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.POSTGRESQL),
                TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                var first = database.open(); var second = Database.at(database.jdbcUrl())) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> checks = java.util.stream.Stream.of(first, second).map(node -> CompletableFuture.supplyAsync(() -> {
                Publishing publishing = new Publishing();
                DemoContent demo = new DemoContent(node, publishing, new QuestionRepository(node, publishing));
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return demo.publishIfEmpty(Instant.now());
            })).toList();
            go.countDown();
            assertThat(checks.stream().map(CompletableFuture::join).filter(Boolean::booleanValue)).hasSize(1);
            int letters = first.read(handle -> handle.createQuery("SELECT COUNT(*) FROM letter").mapTo(Integer.class).one());
            assertThat(letters).isEqualTo(1);
        }
    }

    private static CompletableFuture<Server> node(TestDatabase database, CountDownLatch go) throws Exception {
        Config config = TestServer.configFor(database).withSearchIndexDir(Files.createTempDirectory("dearly-node-"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Server.start(config, true, Instant::now);
        });
    }
}

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code serve --demo} started on two nodes at the same moment, on one empty PostgreSQL: the first letter, once. */
class DemoOnTwoNodesTest {

    @Test
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

    /**
     * The same race, made to happen: a third connection holds the advisor table, so both nodes'
     * checks are waiting (for it, or for each other) before either reads; then it lets go. Without
     * the lock around the check, both would read an empty database and both would publish.
     */
    @Test
    void twoFirstLetterChecksHeldAtTheSameMomentPublishOnce() throws Exception {
        Assumptions.assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.POSTGRESQL),
                TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                var first = database.open(); var second = Database.at(database.jdbcUrl());
                Connection holder = DriverManager.getConnection(database.jdbcUrl());
                var nodes = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE advisor IN ACCESS EXCLUSIVE MODE");
            }
            List<CompletableFuture<Boolean>> checks = java.util.stream.Stream.of(first, second).map(node -> CompletableFuture.supplyAsync(() -> {
                Publishing publishing = new Publishing();
                return new DemoContent(node, publishing, new QuestionRepository(node, publishing)).publishIfEmpty(Instant.now());
            }, nodes)).toList();
            waitUntilWaiting(holder, 2);
            holder.rollback();
            assertThat(checks.stream().map(CompletableFuture::join).filter(Boolean::booleanValue)).hasSize(1);
            int letters = first.read(handle -> handle.createQuery("SELECT COUNT(*) FROM letter").mapTo(Integer.class).one());
            assertThat(letters).isEqualTo(1);
        }
    }

    /** Until that many other sessions wait for a lock (the holder's table, or each other's). */
    private static void waitUntilWaiting(Connection holder, int sessions) throws Exception {
        for (int tries = 0; tries < 600; tries++) {
            try (Statement statement = holder.createStatement();
                    ResultSet waiting = statement.executeQuery("SELECT COUNT(DISTINCT pid) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                waiting.next();
                if (waiting.getInt(1) >= sessions) return;
            }
            Thread.sleep(50);
        }
        StringBuilder seen = new StringBuilder();
        try (Statement statement = holder.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pid, datname, state, wait_event_type, wait_event, query FROM pg_stat_activity")) {
            while (rows.next()) seen.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3)).append(' ').append(rows.getString(4)).append(' ').append(rows.getString(5)).append(' ').append(rows.getString(6)).append('\n');
        }
        throw new AssertionError("the two checks never both waited\n" + seen);
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

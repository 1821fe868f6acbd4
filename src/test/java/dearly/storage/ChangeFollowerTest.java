package dearly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node's one reader of the change log hands every change to every subscriber: one that fails (a
 * search index that cannot write) keeps none of the others (the page cache) from hearing, and hears
 * the change again at the next turn; a change that commits late on PostgreSQL is handed over too.
 */
class ChangeFollowerTest {
    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSubscriberThatFailsKeepsNoOtherFromHearingAndHearsTheChangeAgain(TestDatabase.Kind kind) {
        try (TestDatabase data = TestDatabase.create(kind); Database database = data.open()) {
            ChangeFollower follower = new ChangeFollower(database, database.read(new ChangeLog()::latest));
            List<List<Long>> failing = new ArrayList<>();
            List<List<Long>> heard = new ArrayList<>();
            follower.subscribe((changes, upTo) -> {
                failing.add(ids(changes));
                if (failing.size() == 1) throw new java.io.IOException("the index cannot write");
            });
            follower.subscribe((changes, upTo) -> heard.add(ids(changes)));

            long id = append(database, 41);
            assertThatThrownBy(follower::turn).isInstanceOf(ChangeFollower.Failed.class);
            assertThat(heard).as("the second subscriber hears it while the first fails").containsExactly(List.of(id));

            follower.turn();
            follower.turn();
            assertThat(failing).as("the one that failed hears it again, then nothing new").containsExactly(List.of(id), List.of(id), List.of());
            assertThat(heard).containsExactly(List.of(id), List.of(id), List.of());
        }
    }

    /** On PostgreSQL an id taken first can commit last: it is handed over when it shows, once. */
    @Test
    void aChangeThatCommitsAfterALaterOneIsHandedOverWhenItShows() throws Exception {
        TestDatabase.Kind kind = TestDatabase.Kind.POSTGRESQL;
        // SQLite has one writer: the first transaction would hold the second back, and no gap can open.
        assumeTrue(TestDatabase.kinds().contains(kind), TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        try (TestDatabase data = TestDatabase.create(kind); Database database = data.open()) {
            ChangeFollower follower = new ChangeFollower(database, database.read(new ChangeLog()::latest));
            List<Long> heard = new ArrayList<>();
            follower.subscribe((changes, upTo) -> heard.addAll(ids(changes)));
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Long> early = CompletableFuture.supplyAsync(() -> database.write(handle -> {
                new ChangeLog().append(handle, "letter", 1, Instant.now());
                long own = new ChangeLog().latest(handle);
                written.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return own;
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            long late = append(database, 2);

            follower.turn();
            assertThat(heard).containsExactly(late);
            commit.countDown();
            long first = early.get(30, TimeUnit.SECONDS);
            assertThat(first).isLessThan(late);
            follower.turn();
            follower.turn();
            assertThat(heard).containsExactly(late, first);
        }
    }

    private static long append(Database database, long subject) {
        return database.write(handle -> {
            new ChangeLog().append(handle, "letter", subject, Instant.now());
            return new ChangeLog().latest(handle);
        });
    }

    private static List<Long> ids(List<ChangeLog.Change> changes) {
        return changes.stream().map(ChangeLog.Change::id).toList();
    }
}

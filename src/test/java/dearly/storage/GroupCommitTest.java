package dearly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Writes that share one commit on SQLite still succeed or fail one by one, as if each had its own. */
class GroupCommitTest {

    @Test
    void aFailingWriteIsUndoneAloneWhileTheWritesCommittedWithItStay() throws Exception {
        try (TestDatabase data = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = data.open();
                ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            database.write(handle -> handle.execute("CREATE TABLE scratch (n INTEGER NOT NULL)"));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> writes = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                int value = n;
                writes.add(writers.submit(() -> {
                    go.await();
                    return database.write(handle -> {
                        handle.execute("INSERT INTO scratch (n) VALUES (?)", value);
                        if (value % 7 == 0) throw new IllegalArgumentException("write " + value + " fails");
                        return value;
                    });
                }));
            }
            go.countDown();
            int failed = 0;
            for (Future<Integer> write : writes) {
                try {
                    write.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("fails");
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(29);
            List<Integer> kept = database.read(handle -> handle.createQuery("SELECT n FROM scratch ORDER BY n").mapTo(Integer.class).list());
            assertThat(kept).hasSize(200 - 29).noneMatch(n -> n % 7 == 0);
        }
    }

    @Test
    void aCheckedExceptionReachesItsCallerAsThrown() throws Exception {
        try (TestDatabase data = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = data.open()) {
            assertThatThrownBy(() -> database.write(handle -> {
                throw new java.io.IOException("disk said no");
            })).isInstanceOf(java.io.IOException.class).hasMessage("disk said no");
            int answered = database.write(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(answered).as("the next write still commits").isEqualTo(1);
        }
    }
}

package dearly.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox on SQLite and (when a server is given) PostgreSQL. */
class OutboxTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    private static Mail mail(String to, String subject) {
        return new Mail(to, subject, "Hola, Paula: tu pregunta llegó.", "<p>Hola, Paula: tu pregunta llegó.</p>");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void mailEnqueuedInATransactionThatRollsBackIsNeverSent(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);

            assertThatThrownBy(() -> database.write(handle -> {
                outbox.enqueue(handle, mail("paula@example.com", "Tu pregunta llegó a Dearly"), NOW);
                throw new IllegalStateException("the question could not be stored");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(outbox.recent(10)).isEmpty();
            assertThat(outbox.due(NOW.plusSeconds(60), 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enqueuedMailIsPendingAndDueAtOnceNewestListedFirst(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            long first = database.write(handle -> outbox.enqueue(handle, mail("paula@example.com", "First"), NOW));
            long second = database.write(handle -> outbox.enqueue(handle, mail("lucia@example.com", "¿Cómo estás? 👶"),
                    NOW.plusSeconds(1)));

            assertThat(outbox.due(NOW.plusSeconds(1), 10)).containsExactly(first, second);
            List<OutboxMail> recent = outbox.recent(10);
            assertThat(recent).extracting(OutboxMail::id).containsExactly(second, first);
            OutboxMail newest = recent.getFirst();
            assertThat(newest.recipient()).isEqualTo("lucia@example.com");
            assertThat(newest.subject()).isEqualTo("¿Cómo estás? 👶");
            assertThat(newest.text()).contains("Hola, Paula: tu pregunta llegó.");
            assertThat(newest.html()).contains("<p>Hola, Paula: tu pregunta llegó.</p>");
            assertThat(newest.createdAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(newest.sent()).isFalse();
            assertThat(newest.attempts()).isZero();
            assertThat(outbox.recent(1)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void forgetDeletesEveryMailToThatAddressWhateverItsCaseAndNoOther(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            database.write(handle -> outbox.enqueue(handle, mail("Paula.G@Example.com", "Received"), NOW));
            database.write(handle -> outbox.enqueue(handle, mail("paula.g@example.com", "Published"), NOW));
            long lucia = database.write(handle -> outbox.enqueue(handle, mail("lucia@example.com", "Received"), NOW));

            int forgotten = database.write(handle -> outbox.forget(handle, "PAULA.G@example.COM"));

            assertThat(forgotten).isEqualTo(2);
            assertThat(outbox.recent(10)).extracting(OutboxMail::id).containsExactly(lucia);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofTwoNodesClaimingOneMailOnlyOneWins(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            Mail mail = mail("paula@example.com", "Received");
            long id = database.write(handle -> outbox.enqueue(handle, mail, NOW));

            assertThat(outbox.claim(id, "node-a", NOW)).hasValueSatisfying(claimed -> {
                assertThat(claimed.mail()).isEqualTo(mail);
                assertThat(claimed.attempts()).isZero();
            });
            assertThat(outbox.claim(id, "node-b", NOW.plusSeconds(1))).isEmpty();
            assertThat(outbox.due(NOW.plusSeconds(1), 10)).isEmpty();
            assertThat(outbox.markSent(id, "node-b", NOW.plusSeconds(2))).isFalse();
            assertThat(outbox.markSent(id, "node-a", NOW.plusSeconds(2))).isTrue();
            assertThat(outbox.claim(id, "node-b", NOW.plus(Outbox.CLAIM_LEASE).plusSeconds(60))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nodesClaimingAtTheSameTimeNeverShareAMail(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open();
                ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Outbox outbox = new Outbox(database);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(database.write(handle -> outbox.enqueue(handle, mail("paula@example.com", "Received"), NOW)));
            }

            List<Future<Set<Long>>> claims = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                Callable<Set<Long>> claimAll = () -> {
                    Set<Long> won = new HashSet<>();
                    for (long id : ids) outbox.claim(id, node, NOW).ifPresent(claimed -> won.add(claimed.id()));
                    return won;
                };
                claims.add(nodes.submit(claimAll));
            }
            Set<Long> a = claims.get(0).get();
            Set<Long> b = claims.get(1).get();

            assertThat(Collections.disjoint(a, b)).as("no mail claimed by both nodes").isTrue();
            assertThat(a.size() + b.size()).isEqualTo(ids.size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClaimLeftByANodeThatDiedIsTakenOverOnceStale(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            long id = database.write(handle -> outbox.enqueue(handle, mail("paula@example.com", "Received"), NOW));
            assertThat(outbox.claim(id, "node-that-dies", NOW)).isPresent();

            Instant later = NOW.plus(Outbox.CLAIM_LEASE).plusSeconds(1);
            assertThat(outbox.due(later, 10)).containsExactly(id);
            assertThat(outbox.claim(id, "node-b", later)).isPresent();
            assertThat(outbox.markSent(id, "node-that-dies", later)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failedMailStaysPendingAndIsRetriedLaterEachTime(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            long id = database.write(handle -> outbox.enqueue(handle, mail("paula@example.com", "Received"), NOW));

            Outbox.Claimed first = outbox.claim(id, "node-a", NOW).orElseThrow();
            outbox.markFailed(first, "node-a", NOW, "jakarta.mail.MessagingException < java.net.ConnectException");

            Duration firstWait = Outbox.retryAfter(1);
            assertThat(outbox.due(NOW.plus(firstWait).minusSeconds(1), 10)).isEmpty();
            assertThat(outbox.due(NOW.plus(firstWait), 10)).containsExactly(id);
            OutboxMail pending = outbox.recent(1).getFirst();
            assertThat(pending.sent()).isFalse();
            assertThat(pending.attempts()).isEqualTo(1);
            assertThat(pending.lastError()).contains("jakarta.mail.MessagingException < java.net.ConnectException");

            Instant retried = NOW.plus(firstWait);
            Outbox.Claimed second = outbox.claim(id, "node-a", retried).orElseThrow();
            assertThat(second.attempts()).isEqualTo(1);
            outbox.markFailed(second, "node-a", retried, "jakarta.mail.MessagingException");
            assertThat(outbox.recent(1).getFirst().nextAttemptAt()).isEqualTo(retried.plus(Outbox.retryAfter(2)));
            assertThat(Outbox.retryAfter(2)).isGreaterThan(firstWait);
            assertThat(Outbox.retryAfter(1_000)).isEqualTo(Duration.ofHours(1));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sentMailKeepsNoBodySoNoStatusLinkOutlivesDelivery(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            long id = database.write(handle -> outbox.enqueue(handle,
                    new Mail("paula@example.com", "Received", "https://dearly.example/status/secret", null), NOW));
            outbox.claim(id, "node-a", NOW).orElseThrow();

            assertThat(outbox.markSent(id, "node-a", NOW.plusSeconds(3))).isTrue();

            OutboxMail sent = outbox.recent(1).getFirst();
            assertThat(sent.sent()).isTrue();
            assertThat(sent.sentAt()).contains(NOW.plusSeconds(3));
            assertThat(sent.text()).isEmpty();
            assertThat(sent.html()).isEmpty();
            assertThat(sent.subject()).isEqualTo("Received");
            assertThat(outbox.due(NOW.plusSeconds(86_400), 10)).isEmpty();
        }
    }
}

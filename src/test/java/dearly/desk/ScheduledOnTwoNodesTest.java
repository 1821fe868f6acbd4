package dearly.desk;

import static dearly.desk.ReviewFlow.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.storage.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two Dearly nodes on one PostgreSQL, both looking for due letters at the same moment: the letter
 * approved for later is published once, and she gets one mail.
 */
class ScheduledOnTwoNodesTest {

    @Test
    void twoNodesPublishAScheduledLetterExactlyOnce() {
        Assumptions.assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.POSTGRESQL),
                TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        try (TestServer first = TestServer.start(TestDatabase.Kind.POSTGRESQL, false); TestServer second = first.anotherNode()) {
            User advisor = SignedIn.as(first, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(first, advisor, "es", "mama");
            ReviewFlow.write(first, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            SignedIn.as(first, Role.EDITOR);
            assertThat(ReviewFlow.send(first, asked.id(), "approve", Map.of("when", "later",
                    "publish_at", ReviewAndPublishingTest.at(first, Duration.ofMinutes(30)))).statusCode()).isEqualTo(303);

            first.clock().advance(Duration.ofHours(1));
            eventually("a node publishes the letter", () -> {
                CompletableFuture.allOf(CompletableFuture.runAsync(() -> first.server().letterSchedule().lookNow()),
                        CompletableFuture.runAsync(() -> second.server().letterSchedule().lookNow())).join();
                return second.get(asked.status()).body().contains("/letters/");
            });
            eventually("the task is done on every node", () -> ReviewAndPublishingTest.tasksLeft(first) == 0);

            String letter = ReviewFlow.letterPath(second, asked.status());
            assertThat(first.get(letter).statusCode()).isEqualTo(200);
            int letters = first.server().database().read(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM letter WHERE question_id = :q").bind("q", asked.id()).mapTo(Integer.class).one());
            assertThat(letters).isEqualTo(1);
            assertThat(ReviewFlow.actions(first).stream().filter("column-letter.published"::equals)).hasSize(1);
            assertThat(ReviewFlow.mailTo(first, "valentina@example.com").stream().filter(mail -> mail.contains(letter))).hasSize(1);
        }
    }
}

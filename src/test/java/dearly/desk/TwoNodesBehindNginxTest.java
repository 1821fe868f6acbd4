package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Config;
import dearly.Nginx;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.UserRepository;
import dearly.web.RateLimitSettings;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two Dearly nodes on one PostgreSQL behind nginx as a round-robin load balancer on loopback, as
 * {@code ops/two-nodes} runs them: a staff session works on both nodes, a letter published through one
 * is seen on both, a correction shows on both within seconds, and search finds a new letter on both
 * within two seconds.
 */
class TwoNodesBehindNginxTest {
    /** The README's promise for search; a correction is given the same few seconds on every node. */
    private static final Duration SEARCH_PROMISE = Duration.ofSeconds(2);
    private static final Duration EDIT_PATIENCE = Duration.ofSeconds(5);

    /** What each node is told: the public address is nginx's, and nginx is a proxy to believe. */
    private static UnaryOperator<Config> behindNginx(int port) {
        return config -> config.withBaseUrl(java.net.URI.create("http://localhost:" + port)).withRateLimits(
                RateLimitSettings.fromEnvironment(Map.of("DEARLY_RATE_LIMITS", "off", "DEARLY_TRUSTED_PROXIES", "127.0.0.1/32")));
    }

    @Test
    void aStaffSessionAPublicationAnEditAndSearchWorkOnBothNodes() throws Exception {
        Assumptions.assumeTrue(dearly.storage.TestDatabase.kinds().contains(dearly.storage.TestDatabase.Kind.POSTGRESQL),
                dearly.storage.TestDatabase.POSTGRES_URL_VARIABLE + " names no PostgreSQL server");
        int port = Nginx.freePort();
        try (TestServer first = TestServer.start(dearly.storage.TestDatabase.Kind.POSTGRESQL, true, behindNginx(port));
                TestServer second = first.anotherNode(Files.createTempDirectory("dearly-node-"), behindNginx(port));
                Nginx nginx = Nginx.balancing(port, first.server().port(), second.server().port())) {
            TestServer visitor = first.behindBalancer(nginx.port());
            Set<String> bothNodes = Set.of("127.0.0.1:" + first.server().port(), "127.0.0.1:" + second.server().port());

            // A staff session signed in through one node is good on both.
            SignedIn.as(visitor, Role.EDITOR);
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> desk = visitor.get("/desk");
                assertThat(desk.statusCode()).as("the desk, request %d", i).isEqualTo(200);
                assertThat(desk.body()).contains("Sign out");
                answered.add(desk.headers().firstValue(Nginx.UPSTREAM_HEADER).orElseThrow());
            }
            assertThat(answered).as("the nodes that answered the signed-in editor").isEqualTo(bothNodes);

            // A letter published through the balancer (the desk's forms landing on either node) is on both.
            long advisor = new UserRepository(first.server().database())
                    .add("advisor-nginx@example.org", "Ana N.", Role.ADVISOR, SignedIn.PASSWORD.toCharArray(), Instant.now());
            DraftFlow.Asked asked = DraftFlow.ask(visitor, "es", "mama");
            assertThat(DraftFlow.assign(visitor, asked.id(), new dearly.accounts.User(advisor, "advisor-nginx@example.org", "Ana N.",
                    Role.ADVISOR), "").statusCode()).isEqualTo(303);
            ReviewFlow.write(visitor, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            assertThat(ReviewFlow.send(visitor, asked.id(), "approve", Map.of("when", "now")).statusCode()).isEqualTo(303);
            Instant published = Instant.now();
            String letter = ReviewFlow.letterPath(visitor, asked.status());
            // Search finds it on both nodes within two seconds of its publication.
            for (TestServer node : List.of(first, second)) {
                within(SEARCH_PROMISE, published, "search on node " + node.server().port() + " finds the new letter",
                        () -> !node.page("/search?q=llore+noches").select("a[href$='" + letter + "']").isEmpty());
            }
            for (TestServer node : List.of(first, second)) {
                assertThat(node.page(letter).text()).contains(ReviewFlow.STANDFIRST);
            }

            // A correction through one node shows on both.
            String added = "Duerme cuando él duerma.";
            ReviewFlow.write(visitor, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY + "\n\n" + added);
            assertThat(ReviewFlow.send(visitor, asked.id(), "correct", Map.of("correction", "Añadimos un consejo sobre el sueño."))
                    .statusCode()).isEqualTo(303);
            Instant corrected = Instant.now();
            for (TestServer node : List.of(first, second)) {
                within(EDIT_PATIENCE, corrected, "node " + node.server().port() + " shows the correction",
                        () -> node.page(letter).text().contains(added));
            }
            Set<String> readers = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> page = visitor.get(letter);
                assertThat(page.body()).contains(added);
                readers.add(page.headers().firstValue(Nginx.UPSTREAM_HEADER).orElseThrow());
            }
            assertThat(readers).as("the nodes that showed the corrected letter through nginx").isEqualTo(bothNodes);
        }
    }

    /** Polls until it holds; fails if it still does not at a check begun after {@code promise} from {@code since}. */
    private static void within(Duration promise, Instant since, String what, java.util.function.BooleanSupplier holds) {
        Instant deadline = since.plus(promise);
        while (true) {
            // A check begun in time counts even if a loaded machine answers it late.
            boolean late = Instant.now().isAfter(deadline);
            if (holds.getAsBoolean()) return;
            if (late) throw new AssertionError(what + ": not within " + promise);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

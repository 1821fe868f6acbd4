package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts on SQLite and (when a server is given) PostgreSQL. */
class UserRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String PASSWORD = "a long enough passphrase";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAddedUserIsFoundByIdAndByEmailInAnyCase(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            UserRepository users = new UserRepository(database);
            long id = users.add("  Lina@Example.ORG ", "Lina P.", Role.ADVISOR, PASSWORD.toCharArray(), NOW);

            User lina = new User(id, "lina@example.org", "Lina P.", Role.ADVISOR);
            assertThat(users.byId(id)).contains(lina);
            assertThat(users.byEmail("LINA@example.org")).contains(lina);
            assertThat(users.byEmail("someone@example.org")).isEmpty();
            assertThat(users.byId(id + 1)).isEmpty();
            assertThat(users.all()).containsExactly(lina);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theRightPasswordSignsInAndAnythingElseDoesNot(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            UserRepository users = new UserRepository(database);
            long id = users.add("marta@example.org", "Marta R.", Role.EDITOR, PASSWORD.toCharArray(), NOW);

            assertThat(users.authenticate("Marta@Example.org", PASSWORD.toCharArray())).map(User::id).contains(id);
            assertThat(users.authenticate("marta@example.org", "a long enough passphrasE".toCharArray())).isEmpty();
            assertThat(users.authenticate("nobody@example.org", PASSWORD.toCharArray())).isEmpty();
            assertThat(users.authenticate(null, null)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDisabledAccountCannotSignIn(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            UserRepository users = new UserRepository(database);
            long id = users.add("marta@example.org", "Marta R.", Role.EDITOR, PASSWORD.toCharArray(), NOW);
            database.write(handle -> handle.createUpdate("UPDATE app_user SET disabled_at = :now WHERE id = :id")
                    .bind("now", NOW).bind("id", id).execute());

            assertThat(users.authenticate("marta@example.org", PASSWORD.toCharArray())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondAccountForTheSameEmailIsRefused(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            UserRepository users = new UserRepository(database);
            users.add("lina@example.org", "Lina P.", Role.ADVISOR, PASSWORD.toCharArray(), NOW);

            assertThatThrownBy(() -> users.add("LINA@example.org", "Another Lina", Role.ADMIN, PASSWORD.toCharArray(), NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("There is already an account for lina@example.org.");
            assertThat(users.all()).singleElement().extracting(User::roles).isEqualTo(java.util.Set.of(Role.ADVISOR));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPasswordShorterThanTwelveCharactersIsRefused(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            UserRepository users = new UserRepository(database);

            assertThatThrownBy(() -> users.add("lina@example.org", "Lina P.", Role.ADVISOR, "elevenchars".toCharArray(), NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The password must be at least 12 characters long.");
            assertThat(users.all()).isEmpty();
            users.add("lina@example.org", "Lina P.", Role.ADVISOR, "twelve chars".toCharArray(), NOW);
            assertThat(users.all()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theStoredPasswordIsAnArgon2idHash(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            new UserRepository(database).add("lina@example.org", "Lina P.", Role.ADVISOR, PASSWORD.toCharArray(), NOW);

            String stored = database.read(handle -> handle.createQuery("SELECT password_hash FROM app_user").mapTo(String.class).one());
            assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain(PASSWORD);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMalformedEmailOrMissingNameIsRefused(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            UserRepository users = new UserRepository(database);

            assertThatThrownBy(() -> users.add("lina", "Lina P.", Role.ADVISOR, PASSWORD.toCharArray(), NOW))
                    .hasMessage("'lina' is not an e-mail address.");
            assertThatThrownBy(() -> users.add("lina@example.org", " ", Role.ADVISOR, PASSWORD.toCharArray(), NOW))
                    .hasMessageContaining("Please give a name");
            assertThat(users.all()).isEmpty();
        }
    }
}

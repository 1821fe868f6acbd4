package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An admin can do what every role can; an editor and an advisor each only their own (an account
 * holding both may do both: see {@link User#holds}).
 */
class RoleTest {

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource({
        "ADMIN,   ADMIN,   true",
        "ADMIN,   EDITOR,  true",
        "ADMIN,   ADVISOR, true",
        "EDITOR,  ADMIN,   false",
        "EDITOR,  EDITOR,  true",
        "EDITOR,  ADVISOR, false",
        "ADVISOR, ADMIN,   false",
        "ADVISOR, EDITOR,  false",
        "ADVISOR, ADVISOR, true",
    })
    void adminIncludesEveryRoleAndTheOthersOnlyTheirOwn(Role held, Role needed, boolean included) {
        assertThat(held.includes(needed)).isEqualTo(included);
    }

    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @CsvSource({
        "ADVISOR;EDITOR, ADVISOR, true",
        "ADVISOR;EDITOR, EDITOR,  true",
        "ADVISOR;EDITOR, ADMIN,   false",
        "ADVISOR;ADMIN,  EDITOR,  true",
        "'',             ADVISOR, false",
    })
    void anAccountWithSeveralRolesMayDoWhatEachAllows(String held, Role needed, boolean holds) {
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String name : held.split(";")) Role.named(name).ifPresent(roles::add);
        assertThat(new User(1, "lina@example.org", "Lina P.", roles).holds(needed)).isEqualTo(holds);
    }
}

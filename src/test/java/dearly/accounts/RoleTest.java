package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An admin can do what an editor can, and an editor what an advisor can; never the other way. */
class RoleTest {

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource({
        "ADMIN,   ADMIN,   true",
        "ADMIN,   EDITOR,  true",
        "ADMIN,   ADVISOR, true",
        "EDITOR,  ADMIN,   false",
        "EDITOR,  EDITOR,  true",
        "EDITOR,  ADVISOR, true",
        "ADVISOR, ADMIN,   false",
        "ADVISOR, EDITOR,  false",
        "ADVISOR, ADVISOR, true",
    })
    void eachRoleIncludesTheOnesBelowIt(Role held, Role needed, boolean included) {
        assertThat(held.includes(needed)).isEqualTo(included);
    }
}

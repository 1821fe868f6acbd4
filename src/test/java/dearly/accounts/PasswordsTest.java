package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Passwords are kept as Argon2id PHC strings that only the right password matches. */
class PasswordsTest {
    private static final String PASSWORD = "correct horse battery staple ñ";

    @Test
    void aHashMatchesThePasswordItWasMadeFrom() {
        String hash = Passwords.hash(PASSWORD.toCharArray());
        assertThat(Passwords.matches(PASSWORD.toCharArray(), hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = Passwords.hash(PASSWORD.toCharArray());
        assertThat(Passwords.matches("correct horse battery stapler".toCharArray(), hash)).isFalse();
        assertThat(Passwords.matches("Correct horse battery staple ñ".toCharArray(), hash)).isFalse();
        assertThat(Passwords.matches(new char[0], hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseEachHasItsOwnSalt() {
        String first = Passwords.hash(PASSWORD.toCharArray());
        String second = Passwords.hash(PASSWORD.toCharArray());
        assertThat(first).isNotEqualTo(second);
        assertThat(salt(first)).isNotEqualTo(salt(second));
    }

    @Test
    void aHashIsAStandardPhcStringWithOwaspParameters() {
        assertThat(Passwords.hash(PASSWORD.toCharArray()))
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    /** Made by the reference C implementation (libargon2, argon2id_hash_encoded), so other tools can read Dearly's hashes and Dearly theirs. */
    @Test
    void aHashFromTheReferenceImplementationMatches() {
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$ZGVhcmx5LXNhbHQtMTIzNA$3MZ0XjMW2v5aXfToupbEMo5h+v4dfOeOG9LEWzT8mio";
        assertThat(Passwords.matches(PASSWORD.toCharArray(), reference)).isTrue();
        assertThat(Passwords.matches("correct horse battery staple n".toCharArray(), reference)).isFalse();
    }

    @Test
    void aTamperedHashMatchesNothing() {
        String hash = Passwords.hash(PASSWORD.toCharArray());
        int last = hash.length() - 2;
        String flippedHash = hash.substring(0, last) + (hash.charAt(last) == 'A' ? 'B' : 'A') + hash.charAt(last + 1);
        String otherSalt = hash.replace(salt(hash), "ZGVhcmx5LXNhbHQtMTIzNA");
        String otherCost = hash.replace("t=2", "t=3");
        String otherVariant = hash.replace("$argon2id$", "$argon2i$");
        for (String tampered : new String[] {flippedHash, otherSalt, otherCost, otherVariant}) {
            assertThat(Passwords.matches(PASSWORD.toCharArray(), tampered)).as(tampered).isFalse();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "correct horse battery staple ñ",
        "$argon2id$v=19$m=19456,t=2,p=1$",
        "$argon2id$v=19$m=19456,t=2,p=1$ZGVhcmx5LXNhbHQtMTIzNA",
        "$argon2id$v=19$m=19456,t=2,p=1$not base64!$3MZ0XjMW2v5aXfToupbEMo5h+v4dfOeOG9LEWzT8mio",
        "$argon2id$v=19$m=99999999,t=2,p=1$ZGVhcmx5LXNhbHQtMTIzNA$3MZ0XjMW2v5aXfToupbEMo5h+v4dfOeOG9LEWzT8mio",
        "$argon2id$v=19$m=19456,t=-2,p=1$ZGVhcmx5LXNhbHQtMTIzNA$3MZ0XjMW2v5aXfToupbEMo5h+v4dfOeOG9LEWzT8mio",
        "$argon2id$v=16$m=19456,t=2,p=1$ZGVhcmx5LXNhbHQtMTIzNA$3MZ0XjMW2v5aXfToupbEMo5h+v4dfOeOG9LEWzT8mio",
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
    })
    void aStringThatIsNotAnArgon2idHashMatchesNothing(String encoded) {
        assertThat(Passwords.matches(PASSWORD.toCharArray(), encoded)).isFalse();
    }

    private static String salt(String hash) {
        return hash.split("\\$")[4];
    }
}

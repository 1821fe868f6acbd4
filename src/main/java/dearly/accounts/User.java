package dearly.accounts;

import java.util.Locale;

/**
 * Someone who signs in to work on the column: an advisor, an editor or an admin. Parents who ask
 * never have accounts.
 *
 * @param email lower-cased; the sign-in name
 * @param displayName how colleagues see her, e.g. "Lina P."
 */
public record User(long id, String email, String displayName, Role role) {
    public User {
        if (email == null || email.isBlank()) throw new IllegalArgumentException("a user needs an e-mail address");
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("a user needs a name");
        if (role == null) throw new IllegalArgumentException("a user needs a role");
        email = email.toLowerCase(Locale.ROOT);
    }
}

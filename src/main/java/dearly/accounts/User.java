package dearly.accounts;

import dearly.audit.Actor;
import java.util.Locale;
import java.util.Set;

/**
 * Someone who signs in to work on the column: an advisor, an editor, an admin, or several of these.
 * Parents who ask never have accounts.
 *
 * @param email lower-cased; the sign-in name
 * @param displayName how colleagues see her, e.g. "Lina P."
 * @param roles the roles she holds; none when an admin took them all away (she can then open only her own account page)
 */
public record User(long id, String email, String displayName, Set<Role> roles) {
    public User {
        if (email == null || email.isBlank()) throw new IllegalArgumentException("a user needs an e-mail address");
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("a user needs a name");
        if (roles == null) throw new IllegalArgumentException("a user's roles may be empty, not null");
        email = email.toLowerCase(Locale.ROOT);
        roles = Set.copyOf(roles);
    }

    /** Someone holding one role. */
    public User(long id, String email, String displayName, Role role) {
        this(id, email, displayName, Set.of(role));
    }

    /** Whether she may do what this role allows: she holds it, or she is an admin (see {@link Role#includes}). */
    public boolean holds(Role needed) {
        return roles.stream().anyMatch(held -> held.includes(needed));
    }

    /** Her as the audit log names whoever acted: her id and her name as it is now. */
    public Actor actor() {
        return new Actor(id, displayName);
    }
}

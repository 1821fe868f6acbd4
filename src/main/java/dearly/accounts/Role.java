package dearly.accounts;

import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in person may do. An account holds one or more roles ({@link User#roles()}). An
 * admin may open every staff page (she can grant herself any role anyway, so withholding pages from
 * her would protect nothing); advisor and editor are separate, so that an editor who does not write
 * letters is not offered as an advisor, and an advisor sees only her own work. A route declares the
 * roles that open it ({@code routes.get("/desk", this::queue, Role.EDITOR)}, several for pages
 * shared by advisors and editors); {@link Access#check} enforces it.
 */
public enum Role implements RouteRole {
    /** Writes the letters. */
    ADVISOR,
    /** Triages, assigns, edits and publishes. */
    EDITOR,
    /** Runs the instance: accounts, settings, crisis resources. */
    ADMIN;

    /** Whether someone holding this role may do what {@code needed} allows: the same role, or any for an admin. */
    public boolean includes(Role needed) {
        return this == needed || this == ADMIN;
    }

    /** Its name as a form or the command line gives it ("advisor", "Editor"), if it is one. */
    public static Optional<Role> named(String name) {
        if (name == null) return Optional.empty();
        for (Role role : values()) {
            if (role.name().equals(name.strip().toUpperCase(Locale.ROOT))) return Optional.of(role);
        }
        return Optional.empty();
    }

    /** Lower case, as forms and message keys spell it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

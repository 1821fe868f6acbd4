package dearly.accounts;

import io.javalin.security.RouteRole;

/**
 * What a signed-in person may do. Each role includes the ones before it: an admin can do what an
 * editor can, and an editor what an advisor can. Stored by name, so the order here is the ladder.
 * A route declares the least role that opens it ({@code routes.get("/desk", this::queue, Role.EDITOR)});
 * {@link Access#check} enforces it.
 */
public enum Role implements RouteRole {
    /** Writes the letters. */
    ADVISOR,
    /** Triages, assigns, edits and publishes. */
    EDITOR,
    /** Runs the instance: accounts, settings, crisis resources. */
    ADMIN;

    /** Whether someone with this role may do what {@code needed} allows. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }
}

package dearly.web;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The staff member signed in on a request, as every page's header shows her: her name and the
 * staff pages her role opens (their paths, e.g. {@code /desk}). The shared layer knows no feature:
 * the accounts feature finds who is signed in and tells it here, once per request.
 */
public record SignedIn(String displayName, Set<String> staffPages) {
    private static final String ATTRIBUTE = "dearly.signedIn";

    public SignedIn {
        Objects.requireNonNull(displayName);
        staffPages = Set.copyOf(staffPages);
    }

    /** Says who is signed in on this request, or (empty) that no one is. */
    public static void on(Context ctx, Optional<SignedIn> signedIn) {
        ctx.attribute(ATTRIBUTE, signedIn.orElse(null));
    }

    /** Who is signed in on this request, as told by {@link #on}. */
    public static Optional<SignedIn> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Whether her role opens the staff pages at this path (the menu links only those). */
    public boolean mayOpen(String path) {
        return staffPages.contains(path);
    }
}

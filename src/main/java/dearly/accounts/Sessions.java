package dearly.accounts;

import static dearly.storage.Columns.instant;

import dearly.storage.Database;
import dearly.web.Csrf;
import dearly.web.LanguageChoice;
import dearly.web.Links;
import dearly.web.Secrets;
import dearly.web.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Server-side sessions for advisors, editors and admins. The {@value #COOKIE} cookie holds 256
 * random bits; the {@code session} table keeps only their SHA-256, so a copy of the database signs
 * no one in, and signing out (or an admin disabling an account) ends a session everywhere at once,
 * on every node.
 *
 * <p>A session ends after {@link #IDLE} without a request, and in any case {@link #ABSOLUTE} after
 * it began. Expired rows are deleted when they are next presented and whenever someone signs in.
 *
 * <p>{@link #attach} runs before every request and makes the signed-in user available to
 * handlers through {@link #user(Context)} and to the page header through {@link SignedIn}; never
 * on the JSON API (/api/), where a cookie is no authentication: the API skips the form token, so
 * a cookie that a browser sends by itself must open nothing there.
 */
public final class Sessions {
    public static final String COOKIE = "dearly_session";
    static final Duration IDLE = Duration.ofHours(12);
    static final Duration ABSOLUTE = Duration.ofDays(7);
    /** How stale last_seen_at may get before a request writes it again: most requests then only read. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final String ATTRIBUTE = "dearly.user";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Database database;
    private final Links links;
    private final Supplier<Instant> clock;

    /** @param links whether the cookie must be Secure: see {@link Links#secure} */
    public Sessions(Database database, Links links, Supplier<Instant> clock) {
        this.database = Objects.requireNonNull(database);
        this.links = Objects.requireNonNull(links);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A {@code before} handler for every request: finds who is signed in, if anyone. */
    public void attach(Context ctx) {
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/api/")) return;
        String token = ctx.cookie(COOKIE);
        if (token == null) return;
        if (!WELL_FORMED.matcher(token).matches()) {
            clearCookie(ctx);
            return;
        }
        Instant now = clock.get();
        Optional<Found> found = database.read(handle -> handle.createQuery("SELECT " + UserRepository.COLUMNS + """
                        , s.id AS session_id, s.created_at, s.last_seen_at, s.expires_at
                        FROM session s JOIN app_user u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND u.disabled_at IS NULL""")
                .bind("hash", hash(token))
                .map((rs, statement) -> new Found(UserRepository.user(rs), rs.getLong("session_id"),
                        instant(rs, "created_at", statement), instant(rs, "last_seen_at", statement),
                        instant(rs, "expires_at", statement)))
                .findOne());
        if (found.isEmpty()) {
            clearCookie(ctx);
            return;
        }
        Found session = found.get();
        if (!now.isBefore(session.expiresAt())) {
            database.write(handle -> handle.createUpdate("DELETE FROM session WHERE id = :id").bind("id", session.id()).execute());
            clearCookie(ctx);
            return;
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
            database.write(handle -> handle.createUpdate(
                            "UPDATE session SET last_seen_at = :now, expires_at = :expires WHERE id = :id")
                    .bind("now", now)
                    .bind("expires", expiry(session.createdAt(), now))
                    .bind("id", session.id())
                    .execute());
        }
        remember(ctx, session.user(), token);
    }

    /**
     * Signs the user in on this browser: a new session with a new token, replacing any session the
     * browser had (so a token planted before sign-in is worthless after it).
     */
    public void start(Context ctx, User user) {
        Instant now = clock.get();
        String token = newToken();
        String previous = ctx.cookie(COOKIE);
        database.write(handle -> {
            if (previous != null && WELL_FORMED.matcher(previous).matches()) {
                handle.createUpdate("DELETE FROM session WHERE token_hash = :hash").bind("hash", hash(previous)).execute();
            }
            handle.createUpdate("DELETE FROM session WHERE expires_at <= :now").bind("now", now).execute();
            // The language she signs in in is the one the desk's mail to her speaks (AdvisorMail, UrgentWatch).
            handle.createUpdate("UPDATE app_user SET language = :language WHERE id = :user")
                    .bind("language", LanguageChoice.of(ctx).code())
                    .bind("user", user.id())
                    .execute();
            return handle.createUpdate("""
                            INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at)
                            VALUES (:hash, :user, :now, :now, :expires)""")
                    .bind("hash", hash(token))
                    .bind("user", user.id())
                    .bind("now", now)
                    .bind("expires", expiry(now, now))
                    .execute();
        });
        ctx.cookie(new Cookie(COOKIE, token, "/", (int) ABSOLUTE.toSeconds(), links.secure(ctx), true, null, SameSite.LAX));
        remember(ctx, user, token);
    }

    /** Ends every session of hers but the one on this browser, as after she changes her password. */
    public void endOthers(Context ctx, User user) {
        String token = ctx.cookie(COOKIE);
        String kept = token == null ? "" : hash(token);
        database.write(handle -> handle.createUpdate("DELETE FROM session WHERE user_id = :user AND token_hash <> :kept")
                .bind("user", user.id()).bind("kept", kept).execute());
    }

    /** Ends every session of the account inside the caller's transaction (deactivation, a password reset). */
    static void endAll(org.jdbi.v3.core.Handle handle, long userId) {
        handle.createUpdate("DELETE FROM session WHERE user_id = :user").bind("user", userId).execute();
    }

    /** Signs out on this browser: the session is deleted, so its cookie opens nothing even if kept. */
    public void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null && WELL_FORMED.matcher(token).matches()) {
            database.write(handle -> handle.createUpdate("DELETE FROM session WHERE token_hash = :hash")
                    .bind("hash", hash(token)).execute());
        }
        clearCookie(ctx);
        forget(ctx);
    }

    /** Who is signed in on this request, as found by {@link #attach}. */
    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /**
     * Keeps who is signed in for this request, tells the page header (which knows no accounts), and
     * binds the forms' CSRF token to this session, so a token from another session, or a cookie
     * planted by a sibling site, is worth nothing while she is signed in.
     */
    private static void remember(Context ctx, User user, String token) {
        ctx.attribute(ATTRIBUTE, user);
        SignedIn.on(ctx, Optional.of(new SignedIn(user.displayName(), staffPages(user))));
        Csrf.bindToSession(ctx, token);
    }

    private static void forget(Context ctx) {
        ctx.attribute(ATTRIBUTE, null);
        SignedIn.on(ctx, Optional.empty());
        Csrf.bindToSession(ctx, null);
    }

    /** The staff pages her roles open, for the menu: her own questions for advisors, the desk for editors, /admin for admins, her account for all. */
    private static Set<String> staffPages(User user) {
        Set<String> pages = new LinkedHashSet<>();
        if (user.holds(Role.ADVISOR)) pages.add("/desk/mine");
        if (user.holds(Role.EDITOR)) pages.add("/desk");
        if (user.holds(Role.ADMIN)) pages.add("/admin");
        pages.add("/account");
        return pages;
    }

    private static Instant expiry(Instant createdAt, Instant lastSeenAt) {
        Instant idle = lastSeenAt.plus(IDLE);
        Instant absolute = createdAt.plus(ABSOLUTE);
        return idle.isBefore(absolute) ? idle : absolute;
    }

    private void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, links.secure(ctx), true, null, SameSite.LAX));
    }

    private static String newToken() {
        return Secrets.newToken();
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }

    private record Found(User user, long id, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}
}

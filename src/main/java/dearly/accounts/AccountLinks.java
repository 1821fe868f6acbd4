package dearly.accounts;

import dearly.web.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The single-use links accounts send or print (the {@code account_link} table): a random token in
 * the link, only its SHA-256 kept, valid until it expires or is used once. Everything here runs in
 * the caller's transaction, so a link is used in the same transaction as what it does.
 */
final class AccountLinks {
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What a link is for, and how long it stays valid. */
    enum Purpose {
        /** The first admin of a new instance, printed by serve. */
        SETUP(Duration.ofHours(1)),
        /** An admin invites someone to an account. */
        INVITE(Duration.ofDays(7)),
        /** A forgotten password. */
        RESET(Duration.ofHours(1)),
        /** A new e-mail address, confirmed from its mailbox. */
        EMAIL(Duration.ofDays(1));

        final Duration validFor;

        Purpose(Duration validFor) {
            this.validFor = validFor;
        }
    }

    /** A valid link's row: the account it is for (resets, e-mail changes), the address and roles it carries. */
    record Link(long id, Optional<Long> userId, String email, Set<Role> roles) {}

    private AccountLinks() {}

    /** A new link's token (to put in the address); only its hash is stored. */
    static String issue(Handle handle, Purpose purpose, Optional<Long> userId, String email, Set<Role> roles, Instant now) {
        String token = Secrets.newToken();
        handle.createUpdate("""
                        INSERT INTO account_link (token_hash, purpose, user_id, email, roles, created_at, expires_at)
                        VALUES (:hash, :purpose, :user, :email, :roles, :now, :expires)""")
                .bind("hash", Secrets.sha256(token))
                .bind("purpose", purpose.name())
                .bind("user", userId.orElse(null))
                .bind("email", email)
                .bind("roles", roles.isEmpty() ? null : roles.stream().sorted().map(Role::name).collect(Collectors.joining(",")))
                .bind("now", now)
                .bind("expires", now.plus(purpose.validFor))
                .execute();
        return token;
    }

    /** The link this token opens for this purpose, if it is known, unused and not expired. */
    static Optional<Link> valid(Handle handle, Purpose purpose, String token, Instant now) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) return Optional.empty();
        return handle.createQuery("""
                        SELECT id, user_id, email, roles FROM account_link
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", Secrets.sha256(token))
                .bind("purpose", purpose.name())
                .bind("now", now)
                .map((rs, ctx) -> new Link(rs.getLong("id"),
                        rs.getObject("user_id") == null ? Optional.empty() : Optional.of(rs.getLong("user_id")),
                        rs.getString("email"), roles(rs.getString("roles"))))
                .findOne();
    }

    /**
     * Uses the link: true for the one caller that marks it used, false if it was used meanwhile (two
     * tabs, two nodes), so it does its work once.
     */
    static boolean use(Handle handle, Link link, Instant now) {
        return handle.createUpdate("UPDATE account_link SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .bind("now", now).bind("id", link.id()).execute() == 1;
    }

    /** How many links of this purpose the account was given since then, used or not. */
    static int issuedSince(Handle handle, Purpose purpose, long userId, Instant since) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM account_link WHERE purpose = :purpose AND user_id = :user AND created_at > :since""")
                .bind("purpose", purpose.name()).bind("user", userId).bind("since", since)
                .mapTo(Integer.class).one();
    }

    /** Ends every unused link of this purpose (for this account, when given): a new one replaces them. */
    static void withdraw(Handle handle, Purpose purpose, Optional<Long> userId, Instant now) {
        var update = handle.createUpdate("UPDATE account_link SET used_at = :now WHERE purpose = :purpose AND used_at IS NULL"
                        + (userId.isPresent() ? " AND user_id = :user" : ""))
                .bind("now", now).bind("purpose", purpose.name());
        userId.ifPresent(id -> update.bind("user", id));
        update.execute();
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (stored == null) return roles;
        for (String name : stored.split(",")) Role.named(name).ifPresent(roles::add);
        return roles;
    }
}

package dearly.accounts;

import dearly.language.Language;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The accounts of advisors, editors and admins. E-mail addresses are kept lower-cased and unique;
 * passwords only as Argon2id hashes (see {@link Passwords}).
 *
 * <p>The caller owns the {@code char[]} passwords it passes and should wipe them afterwards.
 */
public final class UserRepository {
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Far above any passphrase; only keeps a pasted book from being hashed. */
    public static final int MAX_PASSWORD_LENGTH = 1000;

    /** An account's columns and the roles it holds, one boolean each, the same on SQLite and PostgreSQL. */
    static final String COLUMNS = "u.id, u.email, u.display_name"
            + ", EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = 'ADVISOR') AS holds_advisor"
            + ", EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = 'EDITOR') AS holds_editor"
            + ", EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = 'ADMIN') AS holds_admin";

    /**
     * Checked when the e-mail is unknown, so that a wrong address takes as long as a wrong password and
     * the time of an answer does not tell which addresses have accounts.
     */
    private static final class Dummy {
        static final String HASH = Passwords.hash("not anyone's password".toCharArray());
    }

    private final Database database;

    public UserRepository(Database database) {
        this.database = database;
        // Made now rather than on the first unknown e-mail, whose answer would otherwise be the slow one.
        Objects.requireNonNull(Dummy.HASH);
    }

    /** Adds an account holding one role; see {@link #add(String, String, Set, char[], Instant)}. */
    public long add(String email, String displayName, Role role, char[] password, Instant now) {
        if (role == null) throw new IllegalArgumentException("Please give a role: advisor, editor or admin.");
        return add(email, displayName, Set.of(role), password, now);
    }

    /**
     * Adds an account and returns its id.
     *
     * @throws IllegalArgumentException with a message for the admin when the e-mail is malformed or
     *     already has an account, the name is blank, no role is given, or the password is shorter than
     *     {@value #MIN_PASSWORD_LENGTH} characters
     */
    public long add(String email, String displayName, Set<Role> roles, char[] password, Instant now) {
        String key = emailKey(email);
        AccountRules.emailProblem(email).ifPresent(problem -> {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address.");
        });
        AccountRules.nameProblem(displayName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.equals(AccountRules.NAME_LONG)
                    ? "The name must be " + AccountRules.MAX_NAME_LENGTH + " characters or fewer."
                    : "Please give a name, such as \"Lina P.\".");
        });
        if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("Please give a role: advisor, editor or admin.");
        AccountRules.passwordProblem(password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.equals(AccountRules.PASSWORD_LONG)
                    ? "The password must be at most " + MAX_PASSWORD_LENGTH + " characters long."
                    : "The password must be at least " + MIN_PASSWORD_LENGTH + " characters long.");
        });
        // Hashed before the transaction: on SQLite writers queue on one connection, and Argon2 is slow on purpose.
        String hash = Passwords.hash(password);
        return database.write(handle -> add(handle, key, displayName.strip(), roles, hash, now)
                .orElseThrow(() -> new IllegalArgumentException("There is already an account for " + key + ".")));
    }

    /** Adds an account inside the caller's transaction, or (empty) none when the address has one already. */
    Optional<Long> add(Handle handle, String email, String displayName, Set<Role> roles, String passwordHash, Instant now) {
        if (idOf(handle, email).isPresent()) return Optional.empty();
        long id = handle.createQuery("""
                        INSERT INTO app_user (email, display_name, password_hash, created_at)
                        VALUES (:email, :name, :hash, :now)
                        RETURNING id""")
                .bind("email", emailKey(email))
                .bind("name", displayName)
                .bind("hash", passwordHash)
                .bind("now", now)
                .mapTo(Long.class)
                .one();
        setRoles(handle, id, roles);
        return Optional.of(id);
    }

    private static Optional<Long> idOf(Handle handle, String email) {
        return handle.createQuery("SELECT id FROM app_user WHERE email = :email")
                .bind("email", emailKey(email)).mapTo(Long.class).findOne();
    }

    static void setRoles(Handle handle, long id, Set<Role> roles) {
        handle.createUpdate("DELETE FROM app_user_role WHERE user_id = :id").bind("id", id).execute();
        for (Role role : roles) {
            handle.createUpdate("INSERT INTO app_user_role (user_id, role) VALUES (:id, :role)")
                    .bind("id", id).bind("role", role.name()).execute();
        }
    }

    public Optional<User> byId(long id) {
        return database.read(handle -> byId(handle, id));
    }

    Optional<User> byId(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM app_user u WHERE u.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> user(rs))
                .findOne();
    }

    /** Whatever the case of the address given. */
    public Optional<User> byEmail(String email) {
        if (email == null) return Optional.empty();
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM app_user u WHERE u.email = :email")
                .bind("email", emailKey(email))
                .map((rs, ctx) -> user(rs))
                .findOne());
    }

    /** Every account, disabled ones too, in e-mail order. */
    public List<User> all() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM app_user u ORDER BY u.email")
                .map((rs, ctx) -> user(rs))
                .list());
    }

    /** The accounts that can write letters (those who hold the advisor role), not disabled ones, by name. */
    public List<User> advisors() {
        return database.read(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM app_user u WHERE u.disabled_at IS NULL ORDER BY u.display_name, u.id")
                .map((rs, ctx) -> user(rs))
                .list()).stream().filter(user -> user.roles().contains(Role.ADVISOR)).toList();
    }

    /**
     * The user with this e-mail and password, unless the account is disabled. Takes about as long
     * whether or not the e-mail has an account.
     */
    public Optional<User> authenticate(String email, char[] password) {
        char[] given = password == null ? new char[0] : password;
        Optional<Account> account = email == null ? Optional.empty() : database.read(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + ", u.password_hash, u.disabled_at FROM app_user u WHERE u.email = :email")
                .bind("email", emailKey(email))
                .map((rs, ctx) -> new Account(user(rs), rs.getString("password_hash"), rs.getObject("disabled_at") != null))
                .findOne());
        if (account.isEmpty() || given.length > MAX_PASSWORD_LENGTH) {
            Passwords.matches(given, Dummy.HASH);
            return Optional.empty();
        }
        boolean matches = Passwords.matches(given, account.get().passwordHash());
        return matches && !account.get().disabled() ? Optional.of(account.get().user()) : Optional.empty();
    }

    private record Account(User user, String passwordHash, boolean disabled) {}

    /** An account as admins see it in the list: who, and whether she may sign in. */
    public record StaffAccount(User user, boolean active) {}

    /** Every account with whether it is active, in e-mail order. */
    public List<StaffAccount> accounts() {
        return database.read(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + ", u.disabled_at FROM app_user u ORDER BY u.email")
                .map((rs, ctx) -> new StaffAccount(user(rs), rs.getObject("disabled_at") == null))
                .list());
    }

    public Optional<StaffAccount> account(long id) {
        return database.read(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + ", u.disabled_at FROM app_user u WHERE u.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new StaffAccount(user(rs), rs.getObject("disabled_at") == null))
                .findOne());
    }

    /** Whether any active account holds the admin role: if none does, serve offers a setup link. */
    public boolean hasActiveAdmin() {
        return database.read(UserRepository::hasActiveAdmin);
    }

    static boolean hasActiveAdmin(Handle handle) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id
                        WHERE r.role = 'ADMIN' AND u.disabled_at IS NULL""")
                .mapTo(Integer.class).one() > 0;
    }

    /** Turns the account off and ends its sessions, inside the caller's transaction; false when it was off already. */
    static boolean disable(Handle handle, long id, Instant now) {
        int changed = handle.createUpdate("UPDATE app_user SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL")
                .bind("id", id).bind("now", now).execute();
        Sessions.endAll(handle, id);
        return changed == 1;
    }

    /** Turns the account on again, inside the caller's transaction; false when it was on already. */
    static boolean enable(Handle handle, long id) {
        return handle.createUpdate("UPDATE app_user SET disabled_at = NULL WHERE id = :id AND disabled_at IS NOT NULL")
                .bind("id", id).execute() == 1;
    }

    /** Whether this is the account's password now (false for a disabled or unknown account). */
    public boolean passwordMatches(long id, char[] password) {
        Optional<String> hash = database.read(handle -> handle.createQuery(
                        "SELECT password_hash FROM app_user WHERE id = :id AND disabled_at IS NULL")
                .bind("id", id).mapTo(String.class).findOne());
        if (hash.isEmpty() || password == null || password.length > MAX_PASSWORD_LENGTH) return false;
        return Passwords.matches(password, hash.get());
    }

    /** Stores a new password's hash inside the caller's transaction; the caller has checked it with {@link AccountRules}. */
    static void setPassword(Handle handle, long id, String passwordHash) {
        handle.createUpdate("UPDATE app_user SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash).bind("id", id).execute();
    }

    /** Moves the account to a new address inside the caller's transaction, unless another account has it. */
    static boolean setEmail(Handle handle, long id, String email) {
        Optional<Long> holder = idOf(handle, email);
        if (holder.isPresent()) return holder.get() == id;
        handle.createUpdate("UPDATE app_user SET email = :email WHERE id = :id")
                .bind("email", emailKey(email)).bind("id", id).execute();
        return true;
    }

    /** Whether an account has this address, inside the caller's transaction. */
    static boolean exists(Handle handle, String email) {
        return idOf(handle, email).isPresent();
    }

    /**
     * The active account with this address, marked as told of a lockout now, unless she was told
     * within {@code window}: one mail per lockout, whichever node sees the attempts.
     */
    static Optional<User> claimLockoutMail(Handle handle, String email, Instant now, java.time.Duration window) {
        int claimed = handle.createUpdate("""
                        UPDATE app_user SET lockout_mailed_at = :now
                        WHERE email = :email AND disabled_at IS NULL
                          AND (lockout_mailed_at IS NULL OR lockout_mailed_at < :since)""")
                .bind("now", now).bind("since", now.minus(window)).bind("email", emailKey(email)).execute();
        if (claimed != 1) return Optional.empty();
        return handle.createQuery("SELECT " + COLUMNS + " FROM app_user u WHERE u.email = :email")
                .bind("email", emailKey(email)).map((rs, ctx) -> user(rs)).findOne();
    }

    /** The active account with this address, inside the caller's transaction. */
    static Optional<User> active(Handle handle, String email) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM app_user u WHERE u.email = :email AND u.disabled_at IS NULL")
                .bind("email", emailKey(email)).map((rs, ctx) -> user(rs)).findOne();
    }

    /** Maps the {@link #COLUMNS} of a row. */
    static User user(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (rs.getBoolean("holds_" + role.key())) roles.add(role);
        }
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), roles);
    }

    static String emailKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The language she last signed in in, which the desk's mail to her speaks; empty until she signs in. */
    public Optional<Language> language(long userId) {
        return database.read(handle -> handle.createQuery("SELECT language FROM app_user WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .list())
                .stream().filter(java.util.Objects::nonNull).findFirst().flatMap(Language::fromCode);
    }
}

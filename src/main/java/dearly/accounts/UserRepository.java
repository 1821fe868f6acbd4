package dearly.accounts;

import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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

    static final String COLUMNS = "u.id, u.email, u.display_name, u.role";

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

    /**
     * Adds an account and returns its id.
     *
     * @throws IllegalArgumentException with a message for the admin when the e-mail is malformed or
     *     already has an account, the name is blank, or the password is shorter than
     *     {@value #MIN_PASSWORD_LENGTH} characters
     */
    public long add(String email, String displayName, Role role, char[] password, Instant now) {
        String key = emailKey(email);
        if (!key.matches("[^@\\s]+@[^@\\s]+") || key.length() > 320) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address.");
        }
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("Please give a name, such as \"Lina P.\".");
        if (displayName.strip().length() > 120) throw new IllegalArgumentException("The name must be 120 characters or fewer.");
        if (role == null) throw new IllegalArgumentException("Please give a role: advisor, editor or admin.");
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must be at least " + MIN_PASSWORD_LENGTH + " characters long.");
        }
        if (length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must be at most " + MAX_PASSWORD_LENGTH + " characters long.");
        }
        // Hashed before the transaction: on SQLite writers queue on one connection, and Argon2 is slow on purpose.
        String hash = Passwords.hash(password);
        return database.write(handle -> {
            boolean taken = handle.createQuery("SELECT COUNT(*) FROM app_user WHERE email = :email")
                    .bind("email", key).mapTo(Integer.class).one() > 0;
            if (taken) throw new IllegalArgumentException("There is already an account for " + key + ".");
            return handle.createQuery("""
                            INSERT INTO app_user (email, display_name, role, password_hash, created_at)
                            VALUES (:email, :name, :role, :hash, :now)
                            RETURNING id""")
                    .bind("email", key)
                    .bind("name", displayName.strip())
                    .bind("role", role.name())
                    .bind("hash", hash)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
        });
    }

    public Optional<User> byId(long id) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM app_user u WHERE u.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> user(rs))
                .findOne());
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

    /** The accounts that can write letters (each role includes advising), not disabled ones, by name. */
    public List<User> advisors() {
        return database.read(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM app_user u WHERE u.disabled_at IS NULL ORDER BY u.display_name, u.id")
                .map((rs, ctx) -> user(rs))
                .list()).stream().filter(user -> user.role().includes(Role.ADVISOR)).toList();
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

    /** Maps the {@link #COLUMNS} of a row. */
    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")));
    }

    static String emailKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}

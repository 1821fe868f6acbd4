package dearly.accounts;

import dearly.accounts.AccountLinks.Link;
import dearly.accounts.AccountLinks.Purpose;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.language.Language;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What accounts do beyond signing in, with no HTTP in it: the first admin's setup link, invitations,
 * password resets, a new e-mail address, and the mail after a lockout. Each action is one
 * transaction, its link used and its mail queued in the outbox inside it; the page then wakes the
 * mail sender. Passwords arrive already checked against {@link AccountRules} and are hashed here,
 * before the transaction (Argon2 is slow on purpose).
 *
 * <p>Each action is recorded in the audit log in its own transaction ({@code staff-account.*}, on the
 * account's number): who did it, and in the detail never a password, a token, or another person's
 * full address ({@link #masked}). What nobody signed in did (a reset asked for, a lockout) is
 * recorded as done by {@link #DEARLY}.
 */
public final class Accounts {
    /** Reset links one account may be mailed in an hour. */
    static final int RESETS_AN_HOUR = 3;

    /** What became of a link when someone used it. */
    public enum Outcome {
        DONE,
        /** Unknown, tampered with, expired or used already: one kind answer for all. */
        INVALID,
        /** The address has an account already (an invitation, a new e-mail address). */
        TAKEN,
        /** The setup link after an admin exists. */
        NOT_NEEDED
    }

    /** The outcome, and the account it was for when it worked. */
    public record Used(Outcome outcome, Optional<User> user) {
        static Used failed(Outcome outcome) {
            return new Used(outcome, Optional.empty());
        }
    }

    private final Database database;
    private final UserRepository users;
    private final Outbox outbox;
    private final AccountMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;
    private final Duration lockoutWindow;
    private final AuditLog audit;

    /** The actor of what no signed-in person did: a reset asked for from the sign-in page, a lockout. */
    public static final Actor DEARLY = new Actor(0, "Dearly");

    /** @param lockoutWindow how long one lockout lasts at most: one mail to the holder per window */
    public Accounts(Database database, UserRepository users, Outbox outbox, AccountMail mail, Runnable mailWaiting,
            Supplier<Instant> clock, Duration lockoutWindow, AuditLog audit) {
        this.database = database;
        this.users = users;
        this.outbox = outbox;
        this.mail = mail;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
        this.lockoutWindow = lockoutWindow;
        this.audit = audit;
    }

    /**
     * When no active account holds the admin role: a new setup link's token (older ones stop
     * working), valid {@link Purpose#SETUP one hour}, for serve to print. Empty once an admin exists.
     */
    public Optional<String> offerSetup() {
        Instant now = clock.get();
        return database.write(handle -> {
            if (UserRepository.hasActiveAdmin(handle)) return Optional.empty();
            AccountLinks.withdraw(handle, Purpose.SETUP, Optional.empty(), now);
            return Optional.of(AccountLinks.issue(handle, Purpose.SETUP, Optional.empty(), null, Set.of(), now));
        });
    }

    /** Whether the setup page should show its form for this token. */
    public Outcome setupOffered(String token) {
        Instant now = clock.get();
        return database.read(handle -> {
            if (UserRepository.hasActiveAdmin(handle)) return Outcome.NOT_NEEDED;
            return AccountLinks.valid(handle, Purpose.SETUP, token, now).isPresent() ? Outcome.DONE : Outcome.INVALID;
        });
    }

    /** Creates the first admin with the setup link, once. */
    public Used createFirstAdmin(String token, String email, String name, char[] password) {
        String hash = Passwords.hash(password);
        Instant now = clock.get();
        return unlessTaken(() -> database.write(handle -> {
            if (UserRepository.hasActiveAdmin(handle)) return Used.failed(Outcome.NOT_NEEDED);
            Optional<Link> link = AccountLinks.valid(handle, Purpose.SETUP, token, now);
            if (link.isEmpty() || !AccountLinks.use(handle, link.get(), now)) return Used.failed(Outcome.INVALID);
            long id = users.add(handle, email, name.strip(), Set.of(Role.ADMIN), hash, now).orElseThrow(Taken::new);
            audit.record(handle, new Actor(id, name.strip()), "staff-account.first-admin-created", account(id), "with the setup link");
            return new Used(Outcome.DONE, users.byId(handle, id));
        }));
    }

    /** Sends an invitation to this address with these roles; TAKEN when it has an account already. */
    public Outcome invite(String email, Set<Role> roles, User inviter, Language language, String baseUrl) {
        Instant now = clock.get();
        String address = UserRepository.emailKey(email);
        Outcome outcome = database.write(handle -> {
            if (UserRepository.exists(handle, address)) return Outcome.TAKEN;
            String token = AccountLinks.issue(handle, Purpose.INVITE, Optional.empty(), address, roles, now);
            audit.record(handle, inviter.actor(), "staff-account.invited", new Subject("invitation", ""),
                    masked(address) + " as " + roleList(roles));
            outbox.enqueue(handle, mail.invitation(address, inviter.displayName(), roles,
                    baseUrl + language.address("/invitation/" + token), Purpose.INVITE.validFor, language), now);
            return Outcome.DONE;
        });
        if (outcome == Outcome.DONE) mailWaiting.run();
        return outcome;
    }

    /** The address and roles a valid invitation offers, for its page. */
    public Optional<Link> invitation(String token) {
        Instant now = clock.get();
        return database.read(handle -> AccountLinks.valid(handle, Purpose.INVITE, token, now));
    }

    /** Creates the invited person's account, once. */
    public Used acceptInvitation(String token, String name, char[] password) {
        String hash = Passwords.hash(password);
        Instant now = clock.get();
        return unlessTaken(() -> database.write(handle -> {
            Optional<Link> link = AccountLinks.valid(handle, Purpose.INVITE, token, now);
            if (link.isEmpty() || !AccountLinks.use(handle, link.get(), now)) return Used.failed(Outcome.INVALID);
            long id = users.add(handle, link.get().email(), name.strip(), link.get().roles(), hash, now).orElseThrow(Taken::new);
            audit.record(handle, new Actor(id, name.strip()), "staff-account.invitation-accepted", account(id),
                    "as " + roleList(link.get().roles()));
            return new Used(Outcome.DONE, users.byId(handle, id));
        }));
    }

    /**
     * Mails a reset link when an active account has this address; nothing otherwise. The page says
     * the same either way, so nobody learns which addresses have accounts. At most
     * {@link #RESETS_AN_HOUR} links an account an hour, counted in the database so every node
     * agrees: past that, a stranger typing her address cannot fill her inbox.
     */
    public void requestReset(String email, Language language, String baseUrl) {
        Instant now = clock.get();
        boolean sent = database.write(handle -> {
            Optional<User> user = UserRepository.active(handle, email);
            if (user.isEmpty()) return false;
            Optional<Long> id = Optional.of(user.get().id());
            if (AccountLinks.issuedSince(handle, Purpose.RESET, user.get().id(), now.minus(Duration.ofHours(1))) >= RESETS_AN_HOUR) {
                audit.record(handle, DEARLY, "staff-account.reset-held", account(user.get().id()),
                        "no link mailed: " + RESETS_AN_HOUR + " already this hour");
                return false;
            }
            AccountLinks.withdraw(handle, Purpose.RESET, id, now);
            String token = AccountLinks.issue(handle, Purpose.RESET, id, null, Set.of(), now);
            audit.record(handle, DEARLY, "staff-account.reset-requested", account(user.get().id()), "a link mailed to the account's address");
            outbox.enqueue(handle, mail.reset(user.get().email(), baseUrl + language.address("/reset/" + token), Purpose.RESET.validFor, language), now);
            return true;
        });
        if (sent) mailWaiting.run();
    }

    public boolean resetOffered(String token) {
        Instant now = clock.get();
        return database.read(handle -> AccountLinks.valid(handle, Purpose.RESET, token, now).isPresent());
    }

    /** Sets a new password with a reset link, once, and ends every session of the account. */
    public Used reset(String token, char[] password) {
        String hash = Passwords.hash(password);
        Instant now = clock.get();
        return database.write(handle -> {
            Optional<Link> link = AccountLinks.valid(handle, Purpose.RESET, token, now);
            if (link.isEmpty() || link.get().userId().isEmpty() || !AccountLinks.use(handle, link.get(), now)) {
                return Used.failed(Outcome.INVALID);
            }
            long id = link.get().userId().get();
            UserRepository.setPassword(handle, id, hash);
            Sessions.endAll(handle, id);
            Optional<User> holder = users.byId(handle, id);
            holder.ifPresent(user -> audit.record(handle, user.actor(), "staff-account.password-reset", account(id),
                    "with a reset link; every session ended"));
            return new Used(Outcome.DONE, holder);
        });
    }

    /** Mails a confirmation link to her new address; TAKEN when another account has it. */
    public Outcome requestEmailChange(User user, String newEmail, Language language, String baseUrl) {
        Instant now = clock.get();
        String address = UserRepository.emailKey(newEmail);
        Outcome outcome = database.write(handle -> {
            if (UserRepository.exists(handle, address)) return Outcome.TAKEN;
            Optional<Long> id = Optional.of(user.id());
            AccountLinks.withdraw(handle, Purpose.EMAIL, id, now);
            String token = AccountLinks.issue(handle, Purpose.EMAIL, id, address, Set.of(), now);
            audit.record(handle, user.actor(), "staff-account.email-change-asked", account(user.id()), "to " + masked(address));
            outbox.enqueue(handle, mail.confirmEmail(address, baseUrl + language.address("/account/email/" + token), Purpose.EMAIL.validFor, language), now);
            return Outcome.DONE;
        });
        if (outcome == Outcome.DONE) mailWaiting.run();
        return outcome;
    }

    /** The new address a valid confirmation link carries, for its page. */
    public Optional<String> emailToConfirm(String token) {
        Instant now = clock.get();
        return database.read(handle -> AccountLinks.valid(handle, Purpose.EMAIL, token, now).map(Link::email));
    }

    /** Moves the account to the confirmed address, once. */
    public Outcome confirmEmail(String token) {
        Instant now = clock.get();
        try {
            return database.write(handle -> {
                Optional<Link> link = AccountLinks.valid(handle, Purpose.EMAIL, token, now);
                if (link.isEmpty() || link.get().userId().isEmpty() || !AccountLinks.use(handle, link.get(), now)) {
                    return Outcome.INVALID;
                }
                long id = link.get().userId().get();
                Optional<User> before = users.byId(handle, id);
                if (!UserRepository.setEmail(handle, id, link.get().email())) throw new Taken();
                before.ifPresent(user -> audit.record(handle, user.actor(), "staff-account.email-changed", account(id),
                        masked(user.email()) + " → " + masked(link.get().email())));
                return Outcome.DONE;
            });
        } catch (Taken taken) {
            // Left unused: the address may be free again later, while the link lasts.
            return Outcome.TAKEN;
        }
    }

    /** Whether this is her password now, as a new e-mail address asks. */
    public boolean passwordIsRight(User user, char[] current) {
        return users.passwordMatches(user.id(), current);
    }

    /** Changes her password when the current one is right; her other sessions are the page's to end. */
    public boolean changePassword(User user, char[] current, char[] replacement) {
        if (!users.passwordMatches(user.id(), current)) return false;
        String hash = Passwords.hash(replacement);
        database.write(handle -> {
            UserRepository.setPassword(handle, user.id(), hash);
            audit.record(handle, user.actor(), "staff-account.password-changed", account(user.id()), "her other sessions ended");
            return null;
        });
        return true;
    }

    /** Ends every session of hers, on every browser: "sign out everywhere". The page clears this browser's cookie. */
    public void signOutEverywhere(User user) {
        database.write(handle -> {
            Sessions.endAll(handle, user.id());
            audit.record(handle, user.actor(), "staff-account.signed-out-everywhere", account(user.id()), "");
            return null;
        });
    }

    /** What an admin's change of an account came to. */
    public enum Change { DONE, LAST_ADMIN, SELF }

    /** Gives the account exactly these roles, unless no active admin would be left. */
    public Change changeRoles(User admin, long id, Set<Role> roles) {
        return unlessNoAdminLeft(handle -> {
            Set<Role> before = users.byId(handle, id).map(User::roles).orElse(Set.of());
            UserRepository.setRoles(handle, id, roles);
            audit.record(handle, admin.actor(), "staff-account.roles-changed", account(id), roleList(before) + " → " + roleList(roles));
        });
    }

    /** Turns the account off and ends its sessions at once; never her own, never the last active admin. */
    public Change deactivate(User admin, long id) {
        if (admin.id() == id) return Change.SELF;
        Instant now = clock.get();
        return unlessNoAdminLeft(handle -> {
            if (UserRepository.disable(handle, id, now)) {
                audit.record(handle, admin.actor(), "staff-account.deactivated", account(id), "her sessions ended");
            }
        });
    }

    public void reactivate(User admin, long id) {
        database.write(handle -> {
            if (UserRepository.enable(handle, id)) audit.record(handle, admin.actor(), "staff-account.reactivated", account(id), "");
            return null;
        });
    }

    /** Makes the change in one transaction, or undoes it when no active admin would be left. */
    private Change unlessNoAdminLeft(java.util.function.Consumer<Handle> change) {
        try {
            return database.write(handle -> {
                change.accept(handle);
                if (!UserRepository.hasActiveAdmin(handle)) throw new NoAdminLeft();
                return Change.DONE;
            });
        } catch (NoAdminLeft refused) {
            return Change.LAST_ADMIN;
        }
    }

    private static final class NoAdminLeft extends RuntimeException {
        NoAdminLeft() {
            super(null, null, false, false);
        }
    }

    /**
     * Sign-ins to this address were stopped after many attempts: its holder, if it has one, is told
     * once per lockout. Nothing happens for an address without an account.
     */
    public void lockedOut(String email, Language language, String baseUrl) {
        Instant now = clock.get();
        boolean sent = database.write(handle -> {
            Optional<User> user = UserRepository.claimLockoutMail(handle, email, now, lockoutWindow);
            user.ifPresent(holder -> {
                outbox.enqueue(handle, mail.lockout(holder.email(), baseUrl + language.address("/reset"), language), now);
                audit.record(handle, DEARLY, "staff-account.locked-out", account(holder.id()),
                        "sign-ins stopped after repeated failures; the holder was mailed");
            });
            return user.isPresent();
        });
        if (sent) mailWaiting.run();
    }

    private static Subject account(long id) {
        return Subject.of("staff-account", id);
    }

    private static String roleList(Set<Role> roles) {
        if (roles.isEmpty()) return "no role";
        return EnumSet.copyOf(roles).stream().map(Role::key).collect(Collectors.joining(", "));
    }

    /**
     * An address as the audit log shows it: its first character and its domain ("l***@example.org"),
     * enough for an admin to tell accounts apart, never the whole address of someone else.
     */
    static String masked(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) return "***";
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }

    /** The work, or TAKEN when it found the address taken and undid its transaction (the link stays unused). */
    private static Used unlessTaken(Supplier<Used> work) {
        try {
            return work.get();
        } catch (Taken taken) {
            return Used.failed(Outcome.TAKEN);
        }
    }

    private static final class Taken extends RuntimeException {
        Taken() {
            super(null, null, false, false);
        }
    }
}

package dearly.accounts;

import dearly.accounts.AccountLinks.Link;
import dearly.accounts.AccountLinks.Purpose;
import dearly.language.Language;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What accounts do beyond signing in, with no HTTP in it: the first admin's setup link, invitations,
 * password resets, a new e-mail address, and the mail after a lockout. Each action is one
 * transaction, its link used and its mail queued in the outbox inside it; the page then wakes the
 * mail sender. Passwords arrive already checked against {@link AccountRules} and are hashed here,
 * before the transaction (Argon2 is slow on purpose).
 *
 * <p>Actions worth an audit entry (the audit log is another feature's): first admin created,
 * invitation sent and accepted, password reset, e-mail changed, password changed, roles changed,
 * account deactivated or reactivated, signed out everywhere, lockout.
 */
public final class Accounts {
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

    /** @param lockoutWindow how long one lockout lasts at most: one mail to the holder per window */
    public Accounts(Database database, UserRepository users, Outbox outbox, AccountMail mail, Runnable mailWaiting,
            Supplier<Instant> clock, Duration lockoutWindow) {
        this.database = database;
        this.users = users;
        this.outbox = outbox;
        this.mail = mail;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
        this.lockoutWindow = lockoutWindow;
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
            outbox.enqueue(handle, mail.invitation(address, inviter.displayName(), roles,
                    baseUrl + "/invitation/" + token, Purpose.INVITE.validFor, language), now);
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
            return new Used(Outcome.DONE, users.byId(handle, id));
        }));
    }

    /**
     * Mails a reset link when an active account has this address; nothing otherwise. The page says
     * the same either way, so nobody learns which addresses have accounts.
     */
    public void requestReset(String email, Language language, String baseUrl) {
        Instant now = clock.get();
        boolean sent = database.write(handle -> {
            Optional<User> user = UserRepository.active(handle, email);
            if (user.isEmpty()) return false;
            Optional<Long> id = Optional.of(user.get().id());
            AccountLinks.withdraw(handle, Purpose.RESET, id, now);
            String token = AccountLinks.issue(handle, Purpose.RESET, id, null, Set.of(), now);
            outbox.enqueue(handle, mail.reset(user.get().email(), baseUrl + "/reset/" + token, Purpose.RESET.validFor, language), now);
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
            return new Used(Outcome.DONE, users.byId(handle, id));
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
            outbox.enqueue(handle, mail.confirmEmail(address, baseUrl + "/account/email/" + token, Purpose.EMAIL.validFor, language), now);
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
                if (!UserRepository.setEmail(handle, link.get().userId().get(), link.get().email())) throw new Taken();
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
            return null;
        });
        return true;
    }

    /**
     * Sign-ins to this address were stopped after many attempts: its holder, if it has one, is told
     * once per lockout. Nothing happens for an address without an account.
     */
    public void lockedOut(String email, Language language, String baseUrl) {
        Instant now = clock.get();
        boolean sent = database.write(handle -> {
            Optional<User> user = UserRepository.claimLockoutMail(handle, email, now, lockoutWindow);
            user.ifPresent(holder -> outbox.enqueue(handle, mail.lockout(holder.email(), baseUrl + "/reset", language), now));
            return user.isPresent();
        });
        if (sent) mailWaiting.run();
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

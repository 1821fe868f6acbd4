package dearly.accounts;

import dearly.mail.Mail;
import java.util.Optional;

/**
 * What an account's e-mail, name and password must be, as message keys (under {@code accounts.problem.})
 * for the forms and checked again by {@link UserRepository} for the command line.
 */
final class AccountRules {
    static final int MAX_NAME_LENGTH = 120;
    static final String EMAIL = "accounts.problem.email";
    static final String NAME_MISSING = "accounts.problem.name";
    static final String NAME_LONG = "accounts.problem.name-long";
    static final String PASSWORD_SHORT = "accounts.problem.password-short";
    static final String PASSWORD_LONG = "accounts.problem.password-long";

    private AccountRules() {}

    /** An address mail can be sent to (see {@link Mail#isAddress}), compared in lower case. */
    static Optional<String> emailProblem(String email) {
        String key = UserRepository.emailKey(email);
        return Mail.isAddress(key) ? Optional.empty() : Optional.of(EMAIL);
    }

    /** A name colleagues can read: not blank, one line, not too long. */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) return Optional.of(NAME_MISSING);
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) return Optional.of(NAME_LONG);
        if (stripped.chars().anyMatch(Character::isISOControl)) return Optional.of(NAME_MISSING);
        return Optional.empty();
    }

    static Optional<String> passwordProblem(char[] password) {
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < UserRepository.MIN_PASSWORD_LENGTH) return Optional.of(PASSWORD_SHORT);
        if (length > UserRepository.MAX_PASSWORD_LENGTH) return Optional.of(PASSWORD_LONG);
        return Optional.empty();
    }
}

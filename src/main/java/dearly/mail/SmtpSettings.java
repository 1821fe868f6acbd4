package dearly.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How Dearly reaches its SMTP server, read once from the environment. Without DEARLY_SMTP_HOST there
 * is none, and mail stays in the outbox for the admin page.
 *
 * @param host DEARLY_SMTP_HOST
 * @param port DEARLY_SMTP_PORT, default 587
 * @param username DEARLY_SMTP_USERNAME; with it Dearly logs in, and then DEARLY_SMTP_PASSWORD is needed
 * @param password DEARLY_SMTP_PASSWORD
 * @param from DEARLY_SMTP_FROM, default {@code Dearly <no-reply@localhost>}
 * @param security DEARLY_SMTP_TLS: {@code starttls} (default), {@code tls} or {@code none}
 */
public record SmtpSettings(
        String host, int port, Optional<String> username, Optional<String> password, String from, Security security) {

    public static final String DEFAULT_FROM = "Dearly <no-reply@localhost>";
    public static final int DEFAULT_PORT = 587;

    /** How the connection is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must succeed (the usual port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS,
        /** No encryption: only for a relay on the same machine or a test server. */
        NONE
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("DEARLY_SMTP_HOST must name the SMTP server");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("DEARLY_SMTP_PORT must be a port number, not " + port);
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(
                    "DEARLY_SMTP_USERNAME and DEARLY_SMTP_PASSWORD must be set together, or neither");
        }
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "DEARLY_SMTP_FROM must be an address such as 'Dearly <no-reply@dearly.example>', not '" + from + "'");
        }
        if (security == null) throw new IllegalArgumentException("DEARLY_SMTP_TLS must be starttls, tls or none");
    }

    public static Optional<SmtpSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> host = nonBlank(env.get("DEARLY_SMTP_HOST"));
        if (host.isEmpty()) return Optional.empty();
        return Optional.of(new SmtpSettings(
                host.get(),
                nonBlank(env.get("DEARLY_SMTP_PORT")).map(SmtpSettings::port).orElse(DEFAULT_PORT),
                nonBlank(env.get("DEARLY_SMTP_USERNAME")),
                Optional.ofNullable(env.get("DEARLY_SMTP_PASSWORD")).filter(password -> !password.isEmpty()),
                nonBlank(env.get("DEARLY_SMTP_FROM")).orElse(DEFAULT_FROM),
                nonBlank(env.get("DEARLY_SMTP_TLS")).map(SmtpSettings::security).orElse(Security.STARTTLS)));
    }

    /** Keeps the password out of log lines and error messages. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("(none)")
                + ", password=" + (password.isPresent() ? "(set)" : "(none)") + ", from=" + from
                + ", security=" + security + "]";
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DEARLY_SMTP_PORT must be a port number, not '" + text + "'");
        }
    }

    private static Security security(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "starttls" -> Security.STARTTLS;
            case "tls" -> Security.TLS;
            case "none" -> Security.NONE;
            default -> throw new IllegalArgumentException("DEARLY_SMTP_TLS must be starttls, tls or none, not '" + text + "'");
        };
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

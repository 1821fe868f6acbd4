package dearly.accounts;

import dearly.language.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the forms a link or a staff page shows (first admin, invitation, reset, a new address or
 * password): which fields it asks for, what was typed (never a password), and what needs fixing, as
 * messages by field name.
 *
 * @param lead a paragraph above the form, or empty
 * @param notice shown above the form as an alert (an expired page), or empty
 * @param fields the fields asked for, in order, by name: email, name, password (a new one), current and
 *     password_check (her password now), new_email
 * @param typed what was typed by field name (passwords left out)
 */
public record AccountForm(Messages t, String heading, String lead, String action, String csrf, java.util.List<String> fields,
        Map<String, String> typed, Map<String, String> errors, String notice, String submit) {
    public AccountForm {
        typed = Map.copyOf(typed);
        errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        fields = java.util.List.copyOf(fields);
    }

    public String value(String field) {
        return field.contains("password") || field.equals("current") ? "" : typed.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public String type(String field) {
        return switch (field) {
            case "email", "new_email" -> "email";
            case "password", "current", "password_check" -> "password";
            default -> "text";
        };
    }

    public String autocomplete(String field) {
        return switch (field) {
            case "email" -> "username";
            case "new_email" -> "email";
            case "name" -> "name";
            case "password" -> "new-password";
            case "current", "password_check" -> "current-password";
            default -> "off";
        };
    }

    public String hint(String field) {
        return field.equals("password") ? t.format("accounts.form.hint.password", UserRepository.MIN_PASSWORD_LENGTH) : "";
    }
}

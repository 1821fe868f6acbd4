package dearly.asking;

import dearly.language.Language;
import java.util.List;

/**
 * The parent who writes in. Her surname and e-mail are private: only the surname's initial is ever
 * published, and the e-mail is for notifications alone.
 *
 * @param age optional
 * @param city optional
 * @param country ISO 3166 alpha-2 code, optional
 * @param pseudonym optional name for the standfirst
 * @param email optional, private
 */
public record Asker(
        String firstName,
        String surname,
        Integer age,
        String city,
        String country,
        Role role,
        String pseudonym,
        Language language,
        String email,
        List<Child> children) {
    public Asker {
        if (firstName == null || firstName.isBlank()) throw new IllegalArgumentException("an asker has a first name");
        if (role == null) throw new IllegalArgumentException("an asker has a role");
        if (language == null) throw new IllegalArgumentException("an asker has a language");
        children = List.copyOf(children == null ? List.of() : children);
    }

    /** What a reader may know of her: her surname only as its first letter, never her e-mail. */
    public AskerProfile profile() {
        String initial = surname == null || surname.isBlank() ? null : surname.substring(0, surname.offsetByCodePoints(0, 1));
        return new AskerProfile(firstName, initial, age, city, country, role, children);
    }
}

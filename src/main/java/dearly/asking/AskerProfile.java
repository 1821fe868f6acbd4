package dearly.asking;

import java.util.List;

/**
 * What a reader may know of the asker: never her surname (only its initial) and never her e-mail.
 * Public pages are built from this, so private fields cannot leak into them by mistake.
 *
 * @param surnameInitial one letter, or null
 * @param age optional
 * @param city optional
 * @param country ISO 3166 alpha-2 code, optional
 */
public record AskerProfile(
        String firstName, String surnameInitial, Integer age, String city, String country, Role role, List<Child> children) {
    public AskerProfile {
        if (firstName == null || firstName.isBlank()) throw new IllegalArgumentException("a profile has a first name");
        if (role == null) throw new IllegalArgumentException("a profile has a role");
        children = List.copyOf(children == null ? List.of() : children);
    }
}

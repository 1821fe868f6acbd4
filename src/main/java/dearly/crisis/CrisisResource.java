package dearly.crisis;

import dearly.language.Language;
import java.util.List;
import java.util.Locale;

/**
 * One place a parent in danger can call, as the admins list it for a country.
 *
 * @param country ISO 3166 code, upper case
 * @param url the service's web page, or null when the directory has none
 * @param languages the languages it answers in
 */
public record CrisisResource(String country, String name, String phone, String url, Kind kind, List<Language> languages) {

    /** The country's general emergency number, or a helpline. */
    public enum Kind {
        EMERGENCY,
        HELPLINE;

        /** As stored: 'emergency' or 'helpline'. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    public CrisisResource {
        if (country == null || !country.matches("[A-Z]{2}")) throw new IllegalArgumentException("a country is a two-letter ISO code");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a crisis resource has a name");
        if (phone == null || phone.isBlank()) throw new IllegalArgumentException("a crisis resource has a phone number");
        if (kind == null) throw new IllegalArgumentException("a crisis resource is an emergency number or a helpline");
        languages = List.copyOf(languages);
    }
}

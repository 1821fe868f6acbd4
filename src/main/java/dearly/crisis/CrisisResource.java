package dearly.crisis;

import dearly.language.Language;
import java.util.List;
import java.util.Locale;

/**
 * One place a parent in danger can call or open, as the admins list it for a country.
 *
 * @param country ISO 3166 code, upper case, or {@link #EVERY_COUNTRY}
 * @param phone the number as the service writes it, or null for a web directory that has none
 * @param url the service's web page, or null when the directory has none
 * @param kind what the service is for, which decides the dangers it is shown for
 * @param languages the languages among Dearly's that it answers in; empty when it answers in others only
 * @param source where the admins found the number: the service's own page or a government page, or
 *     null for an entry stored before sources were kept
 */
public record CrisisResource(String country, String name, String phone, String url, Kind kind, List<Language> languages,
        String source) {

    /**
     * The code under which the resources shown for every country are listed, after each country's
     * own: CLDR's "unknown region", which no country has.
     */
    public static final String EVERY_COUNTRY = "ZZ";

    /** What a service is for. Which dangers each kind is shown for is the asking side's choice. */
    public enum Kind {
        /** The general emergency number: shown for every danger, and always first. */
        EMERGENCY,
        /** A suicide and emotional-crisis line. */
        CRISIS,
        /** A perinatal (pregnancy and after-birth) mental-health line. */
        PERINATAL,
        /** A domestic-violence line. */
        VIOLENCE,
        /** A directory of helplines: shown for every danger, after the lines themselves. */
        DIRECTORY;

        /** As stored and posted: 'emergency', 'crisis', 'perinatal', 'violence' or 'directory'. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }

        /** Shown whatever the danger: the emergency number and the directories. */
        public boolean always() {
            return this == EMERGENCY || this == DIRECTORY;
        }
    }

    public CrisisResource {
        if (country == null || !country.matches("[A-Z]{2}")) throw new IllegalArgumentException("a country is a two-letter ISO code");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a crisis resource has a name");
        if (phone != null && phone.isBlank()) phone = null;
        if (url != null && url.isBlank()) url = null;
        if (phone == null && url == null) throw new IllegalArgumentException("a crisis resource has a phone number or a web page");
        if (kind == null) throw new IllegalArgumentException("a crisis resource says what it is for");
        if (kind == Kind.EMERGENCY && phone == null) throw new IllegalArgumentException("an emergency number has a number");
        if (source != null && source.isBlank()) source = null;
        languages = List.copyOf(languages);
    }

    /** Whether it is listed for every country rather than for one. */
    public boolean forEveryCountry() {
        return EVERY_COUNTRY.equals(country);
    }
}

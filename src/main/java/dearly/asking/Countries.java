package dearly.asking;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import dearly.language.Language;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every country a parent may live in, named in her language by ICU, and found again from what she
 * typed: the ISO code, or the name in English or Spanish, with or without accents or punctuation, or
 * a name people use that is not ICU's ("USA", "EE. UU.", "England", "Ivory Coast").
 */
public final class Countries {
    public record Country(String code, String name) {}

    private static final Map<Language, List<Country>> BY_LANGUAGE = new EnumMap<>(Language.class);
    private static final Map<String, String> CODES_BY_TYPED_NAME = new HashMap<>();

    /*
     * What mothers type that ICU's names miss. Her country chooses the crisis numbers she is shown,
     * and a name refused here left a mother in the United States who typed "USA" without 911 or 988.
     */
    private static final Map<String, List<String>> OTHER_NAMES = Map.ofEntries(
            Map.entry("US", List.of("USA", "United States of America", "EEUU", "EUA", "Estados Unidos de América",
                    "Estados Unidos de Norteamérica")),
            Map.entry("GB", List.of("UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland",
                    "United Kingdom of Great Britain and Northern Ireland", "Inglaterra", "Escocia", "Gales",
                    "Irlanda del Norte", "Gran Bretaña")),
            Map.entry("MX", List.of("Méjico", "Estados Unidos Mexicanos")),
            Map.entry("NL", List.of("Holland", "Holanda")),
            Map.entry("TR", List.of("Turkey", "Turquía")),
            Map.entry("CZ", List.of("Czech Republic", "República Checa")),
            Map.entry("CI", List.of("Ivory Coast", "Côte d'Ivoire", "Costa de Marfil")),
            Map.entry("VN", List.of("Viet Nam")),
            Map.entry("KR", List.of("Korea", "Republic of Korea", "Corea")),
            Map.entry("KP", List.of("North Korea", "Corea del Norte")),
            Map.entry("RU", List.of("Russian Federation")),
            Map.entry("CD", List.of("DR Congo", "DRC", "Democratic Republic of the Congo", "Congo Kinshasa",
                    "República Democrática del Congo", "RDC")),
            Map.entry("CG", List.of("Republic of the Congo", "Congo Brazzaville", "República del Congo")),
            Map.entry("MM", List.of("Burma", "Birmania")),
            Map.entry("SZ", List.of("Swaziland", "Suazilandia")),
            Map.entry("CV", List.of("Cape Verde", "Cabo Verde")),
            Map.entry("TL", List.of("East Timor", "Timor Oriental")),
            Map.entry("AE", List.of("UAE", "EAU", "Emirates", "Emiratos")),
            Map.entry("PS", List.of("Palestine", "Palestina")),
            Map.entry("HK", List.of("Hong Kong")),
            Map.entry("MO", List.of("Macau", "Macao")),
            Map.entry("VA", List.of("Vatican", "Vatican City", "Holy See", "Vaticano")),
            Map.entry("BO", List.of("Estado Plurinacional de Bolivia")),
            Map.entry("VE", List.of("República Bolivariana de Venezuela")));

    static {
        for (Language language : Language.values()) {
            ULocale locale = ULocale.forLocale(language.locale());
            List<Country> countries = new ArrayList<>();
            for (String code : Locale.getISOCountries()) {
                String name = new ULocale("", code).getDisplayCountry(locale);
                countries.add(new Country(code, name));
                CODES_BY_TYPED_NAME.put(fold(name), code);
                CODES_BY_TYPED_NAME.put(fold(code), code);
            }
            Collator collator = Collator.getInstance(locale);
            countries.sort(Comparator.comparing(Country::name, collator::compare));
            BY_LANGUAGE.put(language, List.copyOf(countries));
        }
        OTHER_NAMES.forEach((code, names) -> names.forEach(name -> CODES_BY_TYPED_NAME.putIfAbsent(fold(name), code)));
    }

    private Countries() {}

    public static List<Country> all(Language language) {
        return BY_LANGUAGE.get(language);
    }

    public static Optional<String> code(String typed) {
        if (typed == null || typed.isBlank()) return Optional.empty();
        String folded = fold(typed);
        String code = CODES_BY_TYPED_NAME.get(folded);
        // "the Netherlands", "the UK", "the Gambia": ICU names them without the article.
        if (code == null && folded.startsWith("the") && typed.strip().toLowerCase(Locale.ROOT).startsWith("the ")) {
            code = CODES_BY_TYPED_NAME.get(folded.substring(3));
        }
        return Optional.ofNullable(code);
    }

    public static String name(String code, Language language) {
        if (code == null || code.isBlank()) return "";
        return new ULocale("", code).getDisplayCountry(ULocale.forLocale(language.locale()));
    }

    /** Letters and digits only, unaccented, in lower case: "EE. UU." and "eeuu", "Côte d’Ivoire" and "cote d'ivoire" meet. */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}

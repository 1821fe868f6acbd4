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
 * typed: the ISO code, or the name in English or Spanish, with or without accents.
 */
public final class Countries {
    public record Country(String code, String name) {}

    private static final Map<Language, List<Country>> BY_LANGUAGE = new EnumMap<>(Language.class);
    private static final Map<String, String> CODES_BY_TYPED_NAME = new HashMap<>();

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
    }

    private Countries() {}

    public static List<Country> all(Language language) {
        return BY_LANGUAGE.get(language);
    }

    public static Optional<String> code(String typed) {
        if (typed == null || typed.isBlank()) return Optional.empty();
        return Optional.ofNullable(CODES_BY_TYPED_NAME.get(fold(typed)));
    }

    public static String name(String code, Language language) {
        if (code == null || code.isBlank()) return "";
        return new ULocale("", code).getDisplayCountry(ULocale.forLocale(language.locale()));
    }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}

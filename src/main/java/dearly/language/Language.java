package dearly.language;

import java.util.Locale;
import java.util.Optional;

/** The languages Dearly speaks. A question, a letter and every page is in one of them. */
public enum Language {
    EN("en"),
    ES("es");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) return Optional.empty();
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (wanted.equals(language.code) || wanted.startsWith(language.code + "-")) return Optional.of(language);
        }
        return Optional.empty();
    }
}

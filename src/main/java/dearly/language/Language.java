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

    /**
     * Where this language's pages live: English at the site's root, Spanish under {@code /es}. One
     * prefix over the same routes (rather than Spanish slugs) keeps one route table, one set of
     * handlers and one link per page to localise; see the README's "Two languages in the address".
     */
    public String prefix() {
        return this == EN ? "" : "/" + code;
    }

    /** @param path one of Dearly's own paths, from "/", perhaps with a query; @return that page in this language */
    public String address(String path) {
        return prefix() + path;
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

package dearly.letters;

import dearly.language.Language;

/** A subject the column comes back to, such as relationships or sleep; named in both languages. */
public record Topic(long id, String slug, String nameEn, String nameEs) {
    public Topic {
        if (slug == null || slug.isBlank()) throw new IllegalArgumentException("a topic has a slug");
    }

    public String name(Language language) {
        return language == Language.ES ? nameEs : nameEn;
    }

    public String path() {
        return "/topics/" + slug;
    }
}

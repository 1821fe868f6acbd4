package dearly.web;

import dearly.language.Messages;

/**
 * What every page's layout needs beyond its content: its title, its description for search engines
 * and share previews, its canonical address and the words of its language.
 *
 * @param description may be empty
 * @param canonicalUrl absolute
 */
public record PageMeta(String title, String description, String canonicalUrl, String type, Messages t) {
    public PageMeta {
        description = description == null ? "" : description;
    }

    public String languageCode() {
        return t.language().code();
    }
}

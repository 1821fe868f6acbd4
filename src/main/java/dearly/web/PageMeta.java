package dearly.web;

import dearly.language.Messages;
import java.util.Optional;

/**
 * What every page's layout needs beyond its content: its title, its description for search engines
 * and share previews, its canonical address and the words of its language.
 *
 * @param description may be empty
 * @param canonicalUrl absolute
 * @param signedInAs the display name of the staff member signed in, for the header
 */
public record PageMeta(
        String title, String description, String canonicalUrl, String type, Messages t, Optional<String> signedInAs) {
    public PageMeta {
        description = description == null ? "" : description;
        signedInAs = signedInAs == null ? Optional.empty() : signedInAs;
    }

    public PageMeta(String title, String description, String canonicalUrl, String type, Messages t) {
        this(title, description, canonicalUrl, type, t, Optional.empty());
    }

    public PageMeta withSignedInAs(Optional<String> name) {
        return new PageMeta(title, description, canonicalUrl, type, t, name);
    }

    public String languageCode() {
        return t.language().code();
    }
}

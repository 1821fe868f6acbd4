package dearly.web;

import dearly.language.Messages;
import java.util.Optional;

/**
 * What every page's layout needs beyond its content: its title, its description for search engines
 * and share previews, its canonical address and the words of its language. {@link PageMetas} makes
 * it, the same way for every page.
 *
 * @param description may be empty
 * @param canonicalUrl absolute
 * @param staff the staff member signed in, for the header's links to her work; empty for everyone else
 * @param head its share image, structured data and feeds
 */
public record PageMeta(
        String title, String description, String canonicalUrl, String type, Messages t, Optional<SignedIn> staff,
        PageHead head) {
    public PageMeta {
        description = description == null ? "" : description;
        staff = staff == null ? Optional.empty() : staff;
        head = head == null ? PageHead.NONE : head;
    }

    public PageMeta(String title, String description, String canonicalUrl, String type, Messages t, Optional<SignedIn> staff) {
        this(title, description, canonicalUrl, type, t, staff, PageHead.NONE);
    }

    public PageMeta withHead(PageHead head) {
        return new PageMeta(title, description, canonicalUrl, type, t, staff, head);
    }

    /** The display name of the staff member signed in. */
    public Optional<String> signedInAs() {
        return staff.map(SignedIn::displayName);
    }

    /** Whether the staff member signed in may open the staff pages at this path (the menu shows only those). */
    public boolean staffMay(String path) {
        return staff.map(user -> user.mayOpen(path)).orElse(false);
    }

    public String languageCode() {
        return t.language().code();
    }
}

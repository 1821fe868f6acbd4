package dearly.web;

import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.language.Messages;
import java.util.Optional;

/**
 * What every page's layout needs beyond its content: its title, its description for search engines
 * and share previews, its canonical address and the words of its language.
 *
 * @param description may be empty
 * @param canonicalUrl absolute
 * @param staff the staff member signed in, for the header's links to her work; empty for everyone else
 */
public record PageMeta(
        String title, String description, String canonicalUrl, String type, Messages t, Optional<User> staff) {
    public PageMeta {
        description = description == null ? "" : description;
        staff = staff == null ? Optional.empty() : staff;
    }

    public PageMeta(String title, String description, String canonicalUrl, String type, Messages t) {
        this(title, description, canonicalUrl, type, t, Optional.empty());
    }

    public PageMeta withStaff(Optional<User> user) {
        return new PageMeta(title, description, canonicalUrl, type, t, user);
    }

    /** The display name of the staff member signed in. */
    public Optional<String> signedInAs() {
        return staff.map(User::displayName);
    }

    /** Whether the staff member signed in may open pages for this role (the menu shows only those). */
    public boolean staffMay(Role role) {
        return staff.map(user -> user.role().includes(role)).orElse(false);
    }

    public String languageCode() {
        return t.language().code();
    }
}

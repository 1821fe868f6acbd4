package dearly.letters;

/**
 * An experienced parent who writes letters. Her display name ("Lina P.") is her signature.
 *
 * @param photoPath optional, relative to the site
 */
public record Advisor(long id, String slug, String displayName, String bio, String photoPath) {
    public Advisor {
        if (slug == null || slug.isBlank()) throw new IllegalArgumentException("an advisor has a slug");
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("an advisor has a name");
        bio = bio == null ? "" : bio;
    }

    public String path() {
        return "/advisors/" + slug;
    }
}

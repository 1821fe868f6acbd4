package dearly.letters;

import dearly.language.Language;
import java.time.Instant;
import java.util.List;

/**
 * One letter as an archive carries it, in or out of Dearly: its words, who signed it, its topics,
 * when it was published, where it came from, and the addresses it had on its old site.
 *
 * @param slug the address it asks for ({@code /letters/SLUG}); empty: made from the headline
 * @param byline the asker's public byline as published, or empty
 * @param oldPaths paths on the old site (such as {@code /2024/05/title/}) to answer with a redirect
 */
public record ArchivedLetter(
        Source source, String slug, Words words, String byline, AdvisorName advisor, List<TopicName> topics,
        Language language, Instant publishedAt, List<String> oldPaths) {

    /** The longest each text may be, as the letter table keeps it; an archive's field names. */
    public static final int MAX_TITLE = 300, MAX_SALUTATION = 200, MAX_NAME = 120, MAX_EXTERNAL_ID = 500,
            MAX_SOURCE_URL = 2000, MAX_ATTRIBUTION = 500, MAX_LICENSE = 200;

    private static String checked(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return text;
    }

    /** The advisor who signed it; matched by slug, else made. */
    public record AdvisorName(String name, String slug, String bio) {
        public AdvisorName {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("the advisor has a name");
            name = checked("advisor", name.strip(), MAX_NAME);
            slug = slug == null || slug.isBlank() ? Slugs.of(name) : Slugs.of(slug);
            bio = bio == null ? "" : bio;
        }
    }

    /** A topic, matched by slug, else made with these names. */
    public record TopicName(String slug, String nameEn, String nameEs) {
        public TopicName {
            if ((nameEn == null || nameEn.isBlank()) && (nameEs == null || nameEs.isBlank())) {
                throw new IllegalArgumentException("a topic has a name");
            }
            nameEn = nameEn == null || nameEn.isBlank() ? nameEs.strip() : nameEn.strip();
            nameEs = nameEs == null || nameEs.isBlank() ? nameEn : nameEs.strip();
            checked("topic", nameEn, MAX_NAME);
            checked("topic", nameEs, MAX_NAME);
            slug = slug == null || slug.isBlank() ? Slugs.of(nameEn) : Slugs.of(slug);
        }

        /** A topic known by one name, the same in both languages until an admin translates it. */
        public static TopicName named(String name) {
            return new TopicName(null, name, name);
        }
    }

    public ArchivedLetter {
        if (source == null || source.externalId().isEmpty()) throw new IllegalArgumentException("an archived letter has an external_id");
        if (words == null) throw new IllegalArgumentException("an archived letter has its words");
        if (advisor == null) throw new IllegalArgumentException("an archived letter has an advisor");
        if (language == null) throw new IllegalArgumentException("an archived letter has a language");
        if (publishedAt == null) throw new IllegalArgumentException("an archived letter has a publication time");
        checked("external_id", source.externalId(), MAX_EXTERNAL_ID);
        checked("source_url", source.sourceUrl(), MAX_SOURCE_URL);
        checked("attribution", source.attribution(), MAX_ATTRIBUTION);
        checked("license", source.license(), MAX_LICENSE);
        checked("title", words.headline(), MAX_TITLE);
        checked("salutation", words.salutation(), MAX_SALUTATION);
        checked("sign_off", words.signOff(), MAX_SALUTATION);
        if (source.licenceAsksForAttribution() && source.attribution().isEmpty()) {
            throw new IllegalArgumentException("license " + source.license() + " asks for an attribution, and attribution is empty");
        }
        slug = slug == null ? "" : slug.strip();
        byline = byline == null ? "" : byline;
        topics = List.copyOf(topics);
        oldPaths = List.copyOf(oldPaths);
    }

    /** A letter of Dearly's as it leaves in an archive. */
    public static ArchivedLetter of(Letter letter, String externalId, List<String> oldPaths) {
        Source source = new Source(externalId, letter.sourceUrl(), letter.source().attribution(), letter.source().license());
        Advisor advisor = letter.advisor();
        return new ArchivedLetter(source, letter.slug(), letter.words(), letter.byline(),
                new AdvisorName(advisor.displayName(), advisor.slug(), advisor.bio()),
                letter.topics().stream().map(t -> new TopicName(t.slug(), t.nameEn(), t.nameEs())).toList(),
                letter.language(), letter.publishedAt(), oldPaths);
    }
}

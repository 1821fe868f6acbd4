package dearly.letters;

import dearly.storage.ChangeLog;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Letters' side of archives in and out: writes an archived letter as a published letter (a new one,
 * or the one imported before under the same external id), with its advisor, topics and old
 * addresses, and reads back what an export needs. Works inside the caller's transaction, one per
 * item, and logs the change there ({@link Publishing#LETTER_CHANGED}) so every node's search index
 * picks it up.
 */
public final class Archiving {
    /**
     * External ids of letters written on Dearly, as an export gives them: {@code dearly:SLUG}. Importing
     * one back into the same instance finds the letter by its slug instead of making a second.
     */
    public static final String OWN_PREFIX = "dearly:";

    private final ChangeLog changes = new ChangeLog();
    /**
     * Topics and advisors found already written, by slug: an archive names the same few thousands of
     * times. Only rows found by a query are kept, never one made in a transaction that may still roll back.
     */
    private final Map<String, Long> knownTopics = new ConcurrentHashMap<>(), knownAdvisors = new ConcurrentHashMap<>();

    /** What importing one letter did. */
    public record Imported(long letterId, String slug, boolean created) {}

    public Imported importLetter(Handle handle, ArchivedLetter letter, Instant now) {
        String externalId = letter.source().externalId();
        Optional<Existing> existing = handle.createQuery("SELECT id, slug FROM letter WHERE external_id = :ext")
                .bind("ext", externalId)
                .map((rs, ctx) -> new Existing(rs.getLong("id"), rs.getString("slug")))
                .findOne();
        if (existing.isEmpty() && externalId.startsWith(OWN_PREFIX)) {
            existing = handle.createQuery("SELECT id, slug FROM letter WHERE slug = :slug AND external_id IS NULL")
                    .bind("slug", externalId.substring(OWN_PREFIX.length()))
                    .map((rs, ctx) -> new Existing(rs.getLong("id"), rs.getString("slug")))
                    .findOne();
        }
        long advisorId = advisor(handle, letter.advisor(), now);
        String wanted = letter.slug().isEmpty() ? Slugs.of(letter.words().headline()) : Slugs.of(letter.slug());
        long letterId;
        String slug;
        if (existing.isPresent()) {
            letterId = existing.get().id();
            slug = existing.get().slug().equals(wanted) ? wanted : Publishing.freeSlug(handle, wanted, letterId);
            handle.createUpdate("""
                            UPDATE letter SET slug = :slug, headline = :headline, byline = :byline, standfirst = :standfirst,
                                   salutation = :salutation, body_markdown = :body, sign_off = :signOff, advisor_id = :advisorId,
                                   language = :language, published_at = :publishedAt, updated_at = :now, external_id = :ext,
                                   source_url = :sourceUrl, attribution = :attribution, license = :license
                            WHERE id = :id""")
                    .bindMap(columns(letter, slug, advisorId, now))
                    .bind("id", letterId)
                    .execute();
        } else {
            slug = Publishing.freeSlug(handle, wanted, -1);
            letterId = handle.createQuery("""
                            INSERT INTO letter (slug, headline, byline, standfirst, salutation, body_markdown, sign_off, advisor_id,
                                                language, published_at, created_at, updated_at, external_id, source_url, attribution, license)
                            VALUES (:slug, :headline, :byline, :standfirst, :salutation, :body, :signOff, :advisorId,
                                    :language, :publishedAt, :now, :now, :ext, :sourceUrl, :attribution, :license)
                            RETURNING id""")
                    .bindMap(columns(letter, slug, advisorId, now))
                    .mapTo(Long.class)
                    .one();
        }
        fileUnderTopics(handle, letterId, letter.topics());
        for (String oldPath : letter.oldPaths()) {
            OldPaths.ofPath(oldPath).ifPresent(path -> handle.createUpdate("""
                            INSERT INTO letter_redirect (old_path, letter_id) VALUES (:path, :letterId)
                            ON CONFLICT (old_path) DO UPDATE SET letter_id = excluded.letter_id""")
                    .bind("path", path)
                    .bind("letterId", letterId)
                    .execute());
        }
        changes.append(handle, Publishing.LETTER_CHANGED, letterId, now);
        return new Imported(letterId, slug, existing.isEmpty());
    }

    /** The old site's paths that lead to this letter, for an export. */
    public List<String> oldPaths(Handle handle, long letterId) {
        return handle.createQuery("SELECT old_path FROM letter_redirect WHERE letter_id = :id ORDER BY old_path")
                .bind("id", letterId)
                .mapTo(String.class)
                .list();
    }

    /** The id a letter leaves in an export with: the one it came with, or {@code dearly:SLUG} for one written here. */
    public static String externalIdOf(Letter letter) {
        return letter.externalId().isEmpty() ? OWN_PREFIX + letter.slug() : letter.externalId();
    }

    private record Existing(long id, String slug) {}

    private static java.util.Map<String, Object> columns(ArchivedLetter letter, String slug, long advisorId, Instant now) {
        Words words = letter.words();
        Source source = letter.source();
        var columns = new java.util.HashMap<String, Object>();
        columns.put("slug", slug);
        columns.put("headline", words.headline());
        columns.put("byline", letter.byline());
        columns.put("standfirst", words.standfirst());
        columns.put("salutation", words.salutation());
        columns.put("body", words.bodyMarkdown());
        columns.put("signOff", words.signOff());
        columns.put("advisorId", advisorId);
        columns.put("language", letter.language().code());
        columns.put("publishedAt", letter.publishedAt());
        columns.put("now", now);
        columns.put("ext", source.externalId());
        columns.put("sourceUrl", source.sourceUrl());
        columns.put("attribution", source.attribution());
        columns.put("license", source.license());
        return columns;
    }

    private long advisor(Handle handle, ArchivedLetter.AdvisorName advisor, Instant now) {
        Long known = knownAdvisors.get(advisor.slug());
        if (known != null) return known;
        Optional<Long> found = handle.createQuery("SELECT id FROM advisor WHERE slug = :slug")
                .bind("slug", advisor.slug())
                .mapTo(Long.class)
                .findOne();
        found.ifPresent(id -> knownAdvisors.put(advisor.slug(), id));
        return found.orElseGet(() -> new Publishing().addAdvisor(handle, advisor.slug(), advisor.name(), advisor.bio(), now));
    }

    private void fileUnderTopics(Handle handle, long letterId, List<ArchivedLetter.TopicName> topics) {
        Set<Long> ids = new LinkedHashSet<>();
        for (ArchivedLetter.TopicName topic : topics) {
            Long known = knownTopics.get(topic.slug());
            if (known != null) {
                ids.add(known);
                continue;
            }
            Optional<Long> found = handle.createQuery("SELECT id FROM topic WHERE slug = :slug")
                    .bind("slug", topic.slug())
                    .mapTo(Long.class)
                    .findOne();
            found.ifPresent(id -> knownTopics.put(topic.slug(), id));
            ids.add(found.orElseGet(() -> new Publishing().addTopic(handle, topic.slug(), topic.nameEn(), topic.nameEs())));
        }
        Publishing.fileUnder(handle, letterId, ids);
    }
}

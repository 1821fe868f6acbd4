package dearly.letters;

import dearly.storage.ChangeLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Letters' side of archives in and out: writes archived letters as published letters (new ones, or
 * the ones imported before under the same external ids), with their advisors, topics and old
 * addresses, and reads back what an export needs. Works inside the caller's transaction, a batch of
 * letters at a time with a fixed handful of statements for the whole batch (lookups by {@code IN},
 * writes as prepared batches), and logs each letter there ({@link Publishing#LETTER_CHANGED}) so
 * every node's search index picks it up.
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
     * times. Only rows found by a query at the start of a batch are kept, never one made in a
     * transaction that may still roll back.
     */
    private final Map<String, Long> knownTopics = new ConcurrentHashMap<>(), knownAdvisors = new ConcurrentHashMap<>();

    /** What importing one letter did. */
    public record Imported(long letterId, String slug, boolean created) {}

    private record Existing(long id, String slug) {}

    /**
     * Writes these letters, each one new or updating the letter of its external id; what each did,
     * in their order. The external ids are distinct: a caller holding a second copy of one writes it
     * in the next batch. Throws when any one cannot be written; the caller's transaction then writes
     * none of them.
     */
    public List<Imported> importLetters(Handle handle, List<ArchivedLetter> letters, Instant now) {
        if (letters.isEmpty()) return List.of();
        Map<String, Long> advisors = ids(handle, "advisor", knownAdvisors,
                letters.stream().map(ArchivedLetter::advisor).toList(), ArchivedLetter.AdvisorName::slug,
                advisor -> new Publishing().addAdvisor(handle, advisor.slug(), advisor.name(), advisor.bio(), now));
        Map<String, Long> topics = ids(handle, "topic", knownTopics,
                letters.stream().flatMap(letter -> letter.topics().stream()).toList(), ArchivedLetter.TopicName::slug,
                topic -> new Publishing().addTopic(handle, topic.slug(), topic.nameEn(), topic.nameEs()));
        Map<String, Existing> existing = existing(handle, letters);

        List<String> slugs = new ArrayList<>(letters.size());
        Map<String, Long> holders = slugHolders(handle, letters.stream().map(Archiving::wantedSlug).toList());
        Set<String> given = new HashSet<>();
        for (ArchivedLetter letter : letters) {
            String wanted = wantedSlug(letter);
            Existing before = existing.get(letter.source().externalId());
            long self = before == null ? -1 : before.id();
            Long holder = holders.get(wanted);
            String slug = !given.contains(wanted) && (holder == null || holder == self) ? wanted
                    : Publishing.freeSlug(handle, wanted, self, given);
            given.add(slug);
            slugs.add(slug);
        }

        PreparedBatch updates = handle.prepareBatch("""
                UPDATE letter SET slug = :slug, headline = :headline, byline = :byline, standfirst = :standfirst,
                       salutation = :salutation, body_markdown = :body, sign_off = :signOff, advisor_id = :advisorId,
                       language = :language, published_at = :publishedAt, updated_at = :now, external_id = :ext,
                       source_url = :sourceUrl, attribution = :attribution, license = :license
                WHERE id = :id""");
        PreparedBatch inserts = handle.prepareBatch("""
                INSERT INTO letter (slug, headline, byline, standfirst, salutation, body_markdown, sign_off, advisor_id,
                                    language, published_at, created_at, updated_at, external_id, source_url, attribution, license)
                VALUES (:slug, :headline, :byline, :standfirst, :salutation, :body, :signOff, :advisorId,
                        :language, :publishedAt, :now, :now, :ext, :sourceUrl, :attribution, :license)""");
        List<String> newIds = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            ArchivedLetter letter = letters.get(i);
            Existing before = existing.get(letter.source().externalId());
            Map<String, Object> columns = columns(letter, slugs.get(i), advisors.get(letter.advisor().slug()), now);
            if (before != null) {
                updates.bindMap(columns).bind("id", before.id()).add();
            } else {
                inserts.bindMap(columns).add();
                newIds.add(letter.source().externalId());
            }
        }
        if (updates.size() > 0) updates.execute();
        if (inserts.size() > 0) inserts.execute();
        Map<String, Long> made = newIds.isEmpty() ? Map.of() : handle.createQuery("SELECT id, external_id FROM letter WHERE external_id IN (<ids>)")
                .bindList("ids", newIds)
                .reduceRows(new HashMap<>(), (map, row) -> {
                    map.put(row.getColumn("external_id", String.class), row.getColumn("id", Long.class));
                    return map;
                });

        List<Imported> imported = new ArrayList<>(letters.size());
        Map<Long, List<Long>> filing = new LinkedHashMap<>();
        PreparedBatch redirects = handle.prepareBatch("""
                INSERT INTO letter_redirect (old_path, letter_id) VALUES (:path, :letterId)
                ON CONFLICT (old_path) DO UPDATE SET letter_id = excluded.letter_id""");
        for (int i = 0; i < letters.size(); i++) {
            ArchivedLetter letter = letters.get(i);
            String externalId = letter.source().externalId();
            Existing before = existing.get(externalId);
            long letterId = before != null ? before.id() : made.get(externalId);
            imported.add(new Imported(letterId, slugs.get(i), before == null));
            filing.put(letterId, letter.topics().stream().map(topic -> topics.get(topic.slug())).toList());
            for (String oldPath : letter.oldPaths()) {
                OldPaths.ofArchived(oldPath).ifPresent(path -> redirects.bind("path", path).bind("letterId", letterId).add());
            }
        }
        Publishing.fileUnder(handle, filing);
        if (redirects.size() > 0) redirects.execute();
        changes.appendAll(handle, Publishing.LETTER_CHANGED, imported.stream().map(Imported::letterId).toList(), now);
        return imported;
    }

    /** The old site's paths that lead to each of these letters, for an export: one query for a batch of letters. */
    public Map<Long, List<String>> oldPaths(Handle handle, List<Long> letterIds) {
        if (letterIds.isEmpty()) return Map.of();
        return handle.createQuery("SELECT letter_id, old_path FROM letter_redirect WHERE letter_id IN (<ids>) ORDER BY old_path")
                .bindList("ids", letterIds)
                .reduceRows(new HashMap<>(), (map, row) -> {
                    map.computeIfAbsent(row.getColumn("letter_id", Long.class), id -> new ArrayList<>())
                            .add(row.getColumn("old_path", String.class));
                    return map;
                });
    }

    /** The id a letter leaves in an export with: the one it came with, or {@code dearly:SLUG} for one written here. */
    public static String externalIdOf(Letter letter) {
        return letter.externalId().isEmpty() ? OWN_PREFIX + letter.slug() : letter.externalId();
    }

    private static String wantedSlug(ArchivedLetter letter) {
        return letter.slug().isEmpty() ? Slugs.of(letter.words().headline()) : Slugs.of(letter.slug());
    }

    /** The letters imported before under these external ids, and those written here that a {@code dearly:SLUG} id names. */
    private static Map<String, Existing> existing(Handle handle, List<ArchivedLetter> letters) {
        List<String> externalIds = letters.stream().map(letter -> letter.source().externalId()).toList();
        Map<String, Existing> found = handle.createQuery("SELECT id, slug, external_id FROM letter WHERE external_id IN (<ids>)")
                .bindList("ids", externalIds)
                .reduceRows(new HashMap<>(), (map, row) -> {
                    map.put(row.getColumn("external_id", String.class),
                            new Existing(row.getColumn("id", Long.class), row.getColumn("slug", String.class)));
                    return map;
                });
        List<String> ownSlugs = externalIds.stream()
                .filter(id -> id.startsWith(OWN_PREFIX) && !found.containsKey(id))
                .map(id -> id.substring(OWN_PREFIX.length()))
                .toList();
        if (!ownSlugs.isEmpty()) {
            handle.createQuery("SELECT id, slug FROM letter WHERE slug IN (<slugs>) AND external_id IS NULL")
                    .bindList("slugs", ownSlugs)
                    .map((rs, ctx) -> new Existing(rs.getLong("id"), rs.getString("slug")))
                    .forEach(letter -> found.put(OWN_PREFIX + letter.slug(), letter));
        }
        return found;
    }

    /** Which letter holds each of these slugs now. */
    private static Map<String, Long> slugHolders(Handle handle, List<String> slugs) {
        return handle.createQuery("SELECT id, slug FROM letter WHERE slug IN (<slugs>)")
                .bindList("slugs", List.copyOf(new LinkedHashSet<>(slugs)))
                .reduceRows(new HashMap<>(), (map, row) -> {
                    map.put(row.getColumn("slug", String.class), row.getColumn("id", Long.class));
                    return map;
                });
    }

    /**
     * The ids of these advisors or topics by slug: the known ones, then one query for the rest, then
     * a new row for each still missing (made as the batch first names it).
     */
    private static <T> Map<String, Long> ids(Handle handle, String table, Map<String, Long> known, List<T> named,
                                             Function<T, String> slugOf, Function<T, Long> make) {
        Map<String, Long> ids = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (T one : named) {
            String slug = slugOf.apply(one);
            Long id = known.get(slug);
            if (id != null) ids.put(slug, id);
            else unknown.add(slug);
        }
        if (unknown.isEmpty()) return ids;
        handle.createQuery("SELECT id, slug FROM " + table + " WHERE slug IN (<slugs>)")
                .bindList("slugs", List.copyOf(unknown))
                .map((rs, ctx) -> Map.entry(rs.getString("slug"), rs.getLong("id")))
                .forEach(found -> {
                    known.put(found.getKey(), found.getValue());
                    ids.put(found.getKey(), found.getValue());
                });
        for (T one : named) ids.computeIfAbsent(slugOf.apply(one), slug -> make.apply(one));
        return ids;
    }

    private static Map<String, Object> columns(ArchivedLetter letter, String slug, long advisorId, Instant now) {
        Words words = letter.words();
        Source source = letter.source();
        var columns = new HashMap<String, Object>();
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
}

package dearly.letters;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Published letters, their advisors and topics. A letter is public once its publication time has
 * passed. The byline is the one the letter was published with: nothing here reads intake's tables,
 * so no private field of the asker can reach a reader through this class.
 */
public final class LetterRepository {
    /** Letters published or scheduled to be: what a projection such as the search index holds. */
    private static final String EVER_PUBLISHED = """
            SELECT l.id, l.slug, l.headline, COALESCE(l.byline, '') AS byline, l.standfirst, l.salutation,
                   l.body_markdown, l.sign_off, l.language, l.published_at, l.correction_note, l.corrected_at,
                   COALESCE(l.external_id, '') AS external_id, l.source_url, l.attribution, l.license,
                   a.id AS advisor_id, a.slug AS advisor_slug, a.display_name AS advisor_name,
                   a.bio AS advisor_bio, a.photo_path AS advisor_photo
            FROM letter l
            JOIN advisor a ON a.id = l.advisor_id
            WHERE l.published_at IS NOT NULL AND l.unpublished_at IS NULL
            """;
    private static final String PUBLISHED_LETTERS = EVER_PUBLISHED + " AND l.published_at <= :now\n";

    private final Database database;
    private final Supplier<Instant> clock;

    public LetterRepository(Database database, Supplier<Instant> clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The newest published letters first. */
    public List<Letter> latest(int limit, int offset) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS
                + " ORDER BY l.published_at DESC, l.id DESC LIMIT :limit OFFSET :offset",
                Map.of("limit", limit, "offset", offset)));
    }

    /** The newest published letters written in that language, for its feed. */
    public List<Letter> latestIn(Language language, int limit) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS
                + " AND l.language = :language ORDER BY l.published_at DESC, l.id DESC LIMIT :limit",
                Map.of("language", language.code(), "limit", limit)));
    }

    /** True when a letter had this address and was taken down: its page says so (410), not "not found". */
    public boolean unpublished(String slug) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM letter WHERE slug = :slug AND unpublished_at IS NOT NULL")
                .bind("slug", slug).mapTo(Integer.class).one() > 0);
    }

    public Optional<Letter> bySlug(String slug) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS + " AND l.slug = :slug", Map.of("slug", slug)))
                .stream().findFirst();
    }

    /** The published letter an editor linked to this one as its translation ({@link Translations}), if any. */
    public Optional<Letter> translationOf(Letter letter) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS
                + " AND l.id = (SELECT translation_id FROM letter_translation WHERE letter_id = :letterId)",
                Map.of("letterId", letter.id()))).stream().findFirst();
    }

    /** One page of an advisor's letters, newest first: a page's size never grows with the archive. */
    public List<Letter> byAdvisor(Advisor advisor, int limit, int offset) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS
                + " AND l.advisor_id = :advisorId ORDER BY l.published_at DESC, l.id DESC LIMIT :limit OFFSET :offset",
                Map.of("advisorId", advisor.id(), "limit", limit, "offset", offset)));
    }

    /** One page of a topic's letters, newest first. */
    public List<Letter> byTopic(Topic topic, int limit, int offset) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS
                + " AND l.id IN (SELECT letter_id FROM letter_topic WHERE topic_id = :topicId)"
                + " ORDER BY l.published_at DESC, l.id DESC LIMIT :limit OFFSET :offset",
                Map.of("topicId", topic.id(), "limit", limit, "offset", offset)));
    }

    /**
     * The letter with that id if it is published or scheduled, its publication time being the
     * caller's to compare with the clock; empty once it is unpublished or gone. For the search index.
     */
    public Optional<Letter> publishedOrScheduled(long id) {
        return database.read(handle -> letters(handle, EVER_PUBLISHED + " AND l.id = :id", Map.of("id", id)))
                .stream().findFirst();
    }

    /** Every letter published or scheduled, in batches by id, so memory stays flat however large the archive. */
    public void eachPublishedOrScheduled(Consumer<Letter> each) {
        long after = 0;
        while (true) {
            long from = after;
            List<Letter> batch = database.read(handle -> letters(handle, EVER_PUBLISHED
                    + " AND l.id > :after ORDER BY l.id LIMIT 500", Map.of("after", from)));
            if (batch.isEmpty()) return;
            batch.forEach(each);
            after = batch.getLast().id();
        }
    }

    /**
     * The letters whose publication time falls after {@code after} and at or before {@code upTo}: the
     * scheduled letters that became public meanwhile, for the search index, which holds no letter
     * before its time.
     */
    public List<Letter> publishedBetween(Instant after, Instant upTo) {
        return database.read(handle -> letters(handle, EVER_PUBLISHED
                + " AND l.published_at > :after AND l.published_at <= :upTo ORDER BY l.id",
                Map.of("after", after, "upTo", upTo)));
    }

    /**
     * The letter an old site's address leads to (an imported WordPress post's permalink), if it is
     * published: its path here, for a permanent redirect.
     */
    public Optional<String> redirectFor(String requestPath) {
        return OldPaths.ofPath(requestPath).flatMap(path -> database.read(handle -> handle.createQuery("""
                        SELECT l.slug FROM letter_redirect r JOIN letter l ON l.id = r.letter_id
                        WHERE r.old_path = :path AND l.published_at IS NOT NULL AND l.published_at <= :now""")
                .bind("path", path)
                .bind("now", clock.get())
                .mapTo(String.class)
                .findOne()
                .map(slug -> "/letters/" + slug)));
    }

    public Optional<Advisor> advisor(String slug) {
        return database.read(handle -> handle.createQuery("""
                        SELECT id AS advisor_id, slug AS advisor_slug, display_name AS advisor_name, bio AS advisor_bio,
                               photo_path AS advisor_photo
                        FROM advisor WHERE slug = :slug""")
                .bind("slug", slug)
                .map((rs, ctx) -> advisor(rs))
                .findOne());
    }

    public Optional<Topic> topic(String slug) {
        return topics().stream().filter(topic -> topic.slug().equals(slug)).findFirst();
    }

    /** Every topic, in English alphabetical order. */
    public List<Topic> topics() {
        return database.read(handle -> handle.createQuery("SELECT id, slug, name_en, name_es FROM topic ORDER BY name_en")
                .map((rs, ctx) -> topic(rs))
                .list());
    }

    private List<Letter> letters(Handle handle, String sql, Map<String, ?> parameters) {
        var query = handle.createQuery(sql);
        if (sql.contains(":now")) query.bind("now", clock.get());
        List<Letter> rows = query
                .bindMap(parameters)
                .map((rs, ctx) -> letter(rs, ctx, List.of()))
                .list();
        if (rows.isEmpty()) return List.of();
        Map<Long, List<Topic>> topics = topicsOf(handle, rows.stream().map(Letter::id).toList());
        return rows.stream().map(letter -> letter.withTopics(topics.getOrDefault(letter.id(), List.of()))).toList();
    }

    private static Letter letter(ResultSet rs, StatementContext ctx, List<Topic> topics) throws SQLException {
        Words words = new Words(rs.getString("headline"), rs.getString("standfirst"), rs.getString("salutation"),
                rs.getString("body_markdown"), rs.getString("sign_off"));
        Source source = new Source(rs.getString("external_id"), rs.getString("source_url"), rs.getString("attribution"),
                rs.getString("license"));
        return new Letter(rs.getLong("id"), rs.getString("slug"), words, rs.getString("byline"), advisor(rs), topics, Language.fromCode(rs.getString("language")).orElse(Language.EN),
                instant(rs, "published_at", ctx), correction(rs, ctx), source);
    }

    private static java.util.Optional<Letter.Correction> correction(ResultSet rs, StatementContext ctx) throws SQLException {
        String note = rs.getString("correction_note");
        Instant at = instant(rs, "corrected_at", ctx);
        return note == null || at == null ? java.util.Optional.empty() : java.util.Optional.of(new Letter.Correction(note, at));
    }

    private Map<Long, List<Topic>> topicsOf(Handle handle, List<Long> letterIds) {
        Map<Long, List<Topic>> topics = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT lt.letter_id, t.id, t.slug, t.name_en, t.name_es
                        FROM letter_topic lt JOIN topic t ON t.id = lt.topic_id
                        WHERE lt.letter_id IN (<ids>) ORDER BY t.name_en""")
                .bindList("ids", letterIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("letter_id"), topic(rs)))
                .forEach(entry -> topics.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return topics;
    }

    /** An advisor from columns named advisor_id, advisor_slug, advisor_name, advisor_bio and advisor_photo. */
    private static Advisor advisor(ResultSet rs) throws SQLException {
        return new Advisor(rs.getLong("advisor_id"), rs.getString("advisor_slug"), rs.getString("advisor_name"),
                rs.getString("advisor_bio"), rs.getString("advisor_photo"));
    }

    private static Topic topic(ResultSet rs) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name_en"), rs.getString("name_es"));
    }
}

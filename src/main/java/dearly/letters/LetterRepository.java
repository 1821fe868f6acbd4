package dearly.letters;

import static dearly.storage.Columns.instant;

import dearly.asking.Child;
import dearly.asking.AskForm;
import dearly.asking.QuestionRepository;
import dearly.asking.Role;
import dearly.language.Language;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Published letters, their advisors and topics. A letter is public once its publication time has
 * passed. The asker's surname and e-mail are never selected here: only the surname's first letter.
 */
public final class LetterRepository {
    private static final String PUBLISHED_LETTERS = """
            SELECT l.id, l.slug, l.headline, l.standfirst, l.salutation, l.body_markdown, l.sign_off,
                   l.language, l.published_at,
                   a.id AS advisor_id, a.slug AS advisor_slug, a.display_name AS advisor_name,
                   a.bio AS advisor_bio, a.photo_path AS advisor_photo,
                   q.received_at AS asked_at,
                   k.id AS asker_id, k.first_name AS asker_first_name,
                   substr(k.surname, 1, 1) AS asker_surname_initial,
                   k.age AS asker_age, k.city AS asker_city, k.country AS asker_country, k.role AS asker_role
            FROM letter l
            JOIN advisor a ON a.id = l.advisor_id
            LEFT JOIN question q ON q.id = l.question_id
            LEFT JOIN asker k ON k.id = q.asker_id
            WHERE l.published_at IS NOT NULL AND l.published_at <= :now
            """;

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

    public Optional<Letter> bySlug(String slug) {
        return database.read(handle -> letters(handle, PUBLISHED_LETTERS + " AND l.slug = :slug", Map.of("slug", slug)))
                .stream().findFirst();
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

    public Optional<Advisor> advisor(String slug) {
        return database.read(handle -> handle.createQuery("""
                        SELECT id, slug, display_name, bio, photo_path FROM advisor WHERE slug = :slug""")
                .bind("slug", slug)
                .map((rs, ctx) -> new Advisor(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"),
                        rs.getString("bio"), rs.getString("photo_path")))
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

    /** True when nothing at all has been written yet: no advisor, question or letter. */
    public boolean nothingWritten() {
        return database.read(handle -> handle.createQuery("""
                        SELECT (SELECT COUNT(*) FROM advisor) + (SELECT COUNT(*) FROM question) + (SELECT COUNT(*) FROM letter)""")
                .mapTo(Long.class)
                .one() == 0);
    }

    private List<Letter> letters(Handle handle, String sql, Map<String, ?> parameters) {
        List<LetterRow> rows = handle.createQuery(sql)
                .bind("now", clock.get())
                .bindMap(parameters)
                .map((rs, ctx) -> row(rs, ctx))
                .list();
        if (rows.isEmpty()) return List.of();
        Map<Long, List<Topic>> topics = topicsOf(handle, rows.stream().map(row -> row.id).toList());
        Map<Long, List<Child>> children = childrenOf(handle, rows.stream()
                .filter(row -> row.askerId != null).map(row -> row.askerId).toList());
        return rows.stream().map(row -> row.letter(
                topics.getOrDefault(row.id, List.of()),
                row.askerId == null ? List.of() : children.getOrDefault(row.askerId, List.of())))
                .toList();
    }

    private static LetterRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        LetterRow row = new LetterRow();
        row.id = rs.getLong("id");
        row.slug = rs.getString("slug");
        row.headline = rs.getString("headline");
        row.standfirst = rs.getString("standfirst");
        row.salutation = rs.getString("salutation");
        row.bodyMarkdown = rs.getString("body_markdown");
        row.signOff = rs.getString("sign_off");
        row.language = Language.fromCode(rs.getString("language")).orElse(Language.EN);
        row.publishedAt = instant(rs, "published_at", ctx);
        row.advisor = new Advisor(rs.getLong("advisor_id"), rs.getString("advisor_slug"), rs.getString("advisor_name"),
                rs.getString("advisor_bio"), rs.getString("advisor_photo"));
        long askerId = rs.getLong("asker_id");
        if (!rs.wasNull()) {
            row.askerId = askerId;
            row.askedAt = instant(rs, "asked_at", ctx);
            int age = rs.getInt("asker_age");
            row.asker = new AskerFields(rs.getString("asker_first_name"), rs.getString("asker_surname_initial"),
                    rs.wasNull() ? null : age, rs.getString("asker_city"), rs.getString("asker_country"),
                    Role.valueOf(rs.getString("asker_role")));
        }
        return row;
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

    private Map<Long, List<Child>> childrenOf(Handle handle, List<Long> askerIds) {
        Map<Long, List<Child>> children = new LinkedHashMap<>();
        if (askerIds.isEmpty()) return children;
        handle.createQuery("""
                        SELECT asker_id, first_name, birth_date, age_months, sex, multiple
                        FROM child WHERE asker_id IN (<ids>) AND position < :most ORDER BY asker_id, position""")
                .bindList("ids", askerIds)
                .bind("most", AskForm.MAX_CHILDREN)
                .map((rs, ctx) -> Map.entry(rs.getLong("asker_id"), QuestionRepository.child(rs, ctx)))
                .forEach(entry -> children.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return children;
    }

    private static Topic topic(ResultSet rs) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name_en"), rs.getString("name_es"));
    }

    private record AskerFields(String firstName, String surnameInitial, Integer age, String city, String country, Role role) {}

    /** One row of the letter query, before its topics and the asker's children are attached. */
    private static final class LetterRow {
        long id;
        String slug, headline, standfirst, salutation, bodyMarkdown, signOff;
        Language language;
        Instant publishedAt;
        Advisor advisor;
        Long askerId;
        Instant askedAt;
        AskerFields asker;

        Letter letter(List<Topic> topics, List<Child> children) {
            String byline = "";
            if (asker != null) {
                AskerProfile profile = new AskerProfile(asker.firstName, asker.surnameInitial, asker.age, asker.city,
                        asker.country, asker.role, children);
                byline = Byline.of(profile, LocalDate.ofInstant(askedAt, ZoneOffset.UTC), language);
            }
            return new Letter(id, slug, headline, byline, standfirst, salutation, bodyMarkdown, signOff, advisor, topics,
                    language, publishedAt);
        }
    }
}

package dearly.asking;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Stores askers, their children and their questions. Every method works inside the caller's
 * transaction. The asker's surname and e-mail are read only for her own status page.
 */
public final class QuestionRepository {
    private final Publishing letters;

    /** Erasing her tells {@code letters} to take her byline off the letters that answered her. */
    public QuestionRepository(Database database, Publishing letters) {
        this.letters = letters;
        QuestionRows.register(database);
    }

    /** Stores the asker and her question inside the caller's transaction; returns the question's id. */
    public long add(Handle handle, Asker asker, String title, String body, Instant receivedAt, QuestionStatus status) {
        long askerId = withProfile(handle.createQuery("""
                        INSERT INTO asker (first_name, surname, age, city, country, role, pseudonym, language, email, created_at)
                        VALUES (:firstName, :surname, :age, :city, :country, :role, :pseudonym, :language, :email, :createdAt)
                        RETURNING id"""), asker)
                .bind("createdAt", receivedAt)
                .mapTo(Long.class)
                .one();
        addChildren(handle, askerId, asker.children());
        return handle.createQuery("""
                        INSERT INTO question (asker_id, title, body, language, status, received_at, updated_at)
                        VALUES (:askerId, :title, :body, :language, :status, :receivedAt, :receivedAt)
                        RETURNING id""")
                .bind("askerId", askerId)
                .bind("title", title)
                .bind("body", body)
                .bind("language", asker.language().code())
                .bind("status", status.name())
                .bind("receivedAt", receivedAt)
                .mapTo(Long.class)
                .one();
    }

    /** Stores a question from the ask form or API with its private link's hash, its retry receipt and crisis flags. */
    public long add(Handle handle, NewQuestion asked, Instant receivedAt, String statusTokenHash, Optional<RetryKey> retryKey,
            String statusToken, List<CrisisSign> signs) {
        Set<String> crisisKinds = kinds(signs);
        long id = add(handle, asked.asker(), asked.title(), asked.body(), receivedAt, QuestionStatus.RECEIVED);
        handle.createUpdate("""
                        UPDATE question SET status_token_hash = :tokenHash, retry_key_hash = :retryHash,
                               retry_receipt = :receipt, urgent = :urgent, crisis_kinds = :crisis, consent = :consent
                        WHERE id = :id""")
                .bind("tokenHash", statusTokenHash)
                .bind("retryHash", retryKey.map(RetryKey::hash).orElse(null))
                .bind("receipt", retryKey.map(key -> key.seal(statusToken)).orElse(null))
                .bind("urgent", !crisisKinds.isEmpty())
                .bind("crisis", QuestionRows.crisisKinds(crisisKinds))
                .bind("consent", true)
                .bind("id", id)
                .execute();
        CrisisReviews.keep(handle, id, signs, receivedAt);
        return id;
    }

    private static Set<String> kinds(List<CrisisSign> signs) {
        Set<String> kinds = new TreeSet<>();
        signs.forEach(sign -> kinds.add(sign.kind().name()));
        return kinds;
    }

    /** The sealed status token of an earlier submission with the same retry key. */
    public Optional<String> retryReceipt(Handle handle, RetryKey key) {
        return handle.createQuery("SELECT retry_receipt FROM question WHERE retry_key_hash = :hash")
                .bind("hash", key.hash())
                .mapTo(String.class)
                .findOne();
    }

    private static final String STORED = """
            SELECT q.id, q.title, q.body, q.language, q.received_at, q.status, q.crisis_kinds, q.decline_reply,
                   q.withdrawn_from, q.withdrawn_at, a.id AS asker_id, a.first_name, a.surname, a.age, a.city, a.country, a.role, a.pseudonym,
                   a.language AS asker_language, a.email
            FROM question q JOIN asker a ON a.id = q.asker_id
            """;

    public Optional<StoredQuestion> byStatusToken(Handle handle, String token) {
        return handle.createQuery(STORED + "WHERE q.status_token_hash = :hash")
                .bind("hash", StatusLink.hash(token))
                .map((rs, ctx) -> stored(handle, rs, ctx))
                .findOne();
    }

    /**
     * Everything she gave, surname and e-mail included, for the desk's checks before publishing,
     * which must know what may not be published. Nothing read here is shown on a page.
     */
    public Optional<StoredQuestion> forChecks(Handle handle, long questionId) {
        return handle.createQuery(STORED + "WHERE q.id = :id")
                .bind("id", questionId)
                .map((rs, ctx) -> stored(handle, rs, ctx))
                .findOne();
    }

    /**
     * Replaces what she asked, as long as no advisor has taken it; false when it is too late. The
     * crisis signs found in the new words are added to those found before.
     */
    public boolean replace(Handle handle, long questionId, NewQuestion asked, List<CrisisSign> signs, Instant now) {
        // A sign once found stays until an editor clears it: she may take frightening words out for
        // shame or fear, not because the danger passed.
        Set<String> kinds = kinds(signs);
        handle.createQuery("SELECT crisis_kinds FROM question WHERE id = :id").bind("id", questionId).mapTo(String.class)
                .findOne().ifPresent(stored -> kinds.addAll(QuestionRows.crisisKinds(stored)));
        int changed = handle.createUpdate("""
                        UPDATE question SET title = :title, body = :body, language = :language, urgent = :urgent,
                               crisis_kinds = :crisis, updated_at = :now
                        WHERE id = :id AND status IN (<untaken>)""")
                .bindList("untaken", QuestionStatus.names(QuestionStatus.UNTAKEN))
                .bind("title", asked.title())
                .bind("body", asked.body())
                .bind("language", asked.asker().language().code())
                .bind("urgent", !kinds.isEmpty())
                .bind("crisis", QuestionRows.crisisKinds(kinds))
                .bind("now", now)
                .bind("id", questionId)
                .execute();
        if (changed == 0) return false;
        List<CrisisSign> known = CrisisReviews.signs(handle, questionId);
        CrisisReviews.keep(handle, questionId, signs.stream().filter(sign -> !known.contains(sign)).toList(), now);
        long askerId = handle.createQuery("SELECT asker_id FROM question WHERE id = :id").bind("id", questionId)
                .mapTo(Long.class).one();
        Asker asker = asked.asker();
        withProfile(handle.createUpdate("""
                        UPDATE asker SET first_name = :firstName, surname = :surname, age = :age, city = :city,
                               country = :country, role = :role, pseudonym = :pseudonym, language = :language, email = :email
                        WHERE id = :id"""), asker)
                .bind("id", askerId)
                .execute();
        handle.createUpdate("DELETE FROM child WHERE asker_id = :id").bind("id", askerId).execute();
        addChildren(handle, askerId, asker.children());
        return true;
    }

    /** Withdraws a question that is not yet answered, remembering where it stood; false when it is too late. */
    public boolean withdraw(Handle handle, long questionId, Instant now) {
        return handle.createUpdate("""
                        UPDATE question SET status = 'WITHDRAWN', withdrawn_from = status, withdrawn_at = :now, updated_at = :now
                        WHERE id = :id AND status IN (<open>)""")
                .bindList("open", QuestionStatus.names(QuestionStatus.OPEN))
                .bind("now", now)
                .bind("id", questionId)
                .execute() == 1;
    }

    /**
     * Puts a withdrawn question back as received, if no advisor had taken it and she withdrew it
     * after {@code withdrawnSince}; false otherwise.
     */
    public boolean restore(Handle handle, long questionId, Instant withdrawnSince, Instant now) {
        return handle.createUpdate("""
                        UPDATE question SET status = 'RECEIVED', withdrawn_from = NULL, withdrawn_at = NULL, updated_at = :now
                        WHERE id = :id AND status = 'WITHDRAWN' AND withdrawn_from IN (<untaken>) AND withdrawn_at > :since""")
                .bindList("untaken", QuestionStatus.names(QuestionStatus.UNTAKEN))
                .bind("now", now)
                .bind("since", withdrawnSince)
                .bind("id", questionId)
                .execute() == 1;
    }

    /**
     * Erases the asker and everything she wrote: her profile, her children, her questions. A letter
     * that answered her stays published without her byline (its question link becomes empty).
     */
    public void erase(Handle handle, long questionId) {
        Optional<Long> askerId = handle.createQuery("SELECT asker_id FROM question WHERE id = :id")
                .bind("id", questionId).mapTo(Long.class).findOne();
        letters.forgetAsker(handle, List.of(questionId));
        handle.createUpdate("DELETE FROM question WHERE id = :id").bind("id", questionId).execute();
        askerId.ifPresent(id -> eraseAsker(handle, id));
    }

    /**
     * The askers whose e-mail address passes the test. Every address is read, because the test is a
     * keyed hash that only the erase link can compute: the database cannot be asked for it.
     */
    public List<Long> askersWhoseAddress(Handle handle, Predicate<String> matches) {
        List<Long> found = new ArrayList<>();
        handle.createQuery("SELECT id, email FROM asker WHERE email IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("email")))
                .forEach(asker -> {
                    if (matches.test(asker.getValue())) found.add(asker.getKey());
                });
        return found;
    }

    /** How many questions these askers sent. */
    public int questionsOf(Handle handle, List<Long> askerIds) {
        if (askerIds.isEmpty()) return 0;
        return handle.createQuery("SELECT COUNT(*) FROM question WHERE asker_id IN (<ids>)")
                .bindList("ids", askerIds)
                .mapTo(Integer.class)
                .one();
    }

    /** Erases an asker with her questions and children (the child rows go with her by cascade); returns her e-mail. */
    public Optional<String> eraseAsker(Handle handle, long askerId) {
        Optional<String> email = handle.createQuery("SELECT email FROM asker WHERE id = :id")
                .bind("id", askerId).mapTo(String.class).findOne();
        letters.forgetAsker(handle, handle.createQuery("SELECT id FROM question WHERE asker_id = :id")
                .bind("id", askerId).mapTo(Long.class).list());
        handle.createUpdate("DELETE FROM question WHERE asker_id = :id").bind("id", askerId).execute();
        handle.createUpdate("DELETE FROM asker WHERE id = :id").bind("id", askerId).execute();
        return email;
    }

    private StoredQuestion stored(Handle handle, ResultSet rs, StatementContext ctx) throws SQLException {
        Question question = ctx.findRowMapperFor(Question.class).orElseThrow().map(rs, ctx);
        int age = rs.getInt("age");
        Integer askerAge = rs.wasNull() ? null : age;
        long askerId = rs.getLong("asker_id");
        Asker asker = new Asker(rs.getString("first_name"), rs.getString("surname"), askerAge, rs.getString("city"),
                rs.getString("country"), Role.valueOf(rs.getString("role")), rs.getString("pseudonym"),
                Language.fromCode(rs.getString("asker_language")).orElseThrow(), rs.getString("email"),
                children(handle, askerId));
        String withdrawnFrom = rs.getString("withdrawn_from");
        Optional<Instant> undoable = withdrawnFrom != null && QuestionStatus.valueOf(withdrawnFrom).untaken()
                ? Optional.ofNullable(instant(rs, "withdrawn_at", ctx)) : Optional.empty();
        return new StoredQuestion(question, asker, QuestionRows.crisisKinds(rs.getString("crisis_kinds")),
                Optional.ofNullable(rs.getString("decline_reply")), letters.answerTo(handle, question.id()), undoable,
                QuestionQueue.messages(handle, question.id()));
    }

    /**
     * Her children in the order she gave them, at most as many as the form takes: rows stored before
     * the API kept that limit must not make her pages (or the desk's) grow without bound.
     */
    static List<Child> children(Handle handle, long askerId) {
        return handle.createQuery("""
                        SELECT first_name, birth_date, age_months, sex, multiple FROM child
                        WHERE asker_id = :id ORDER BY position LIMIT :most""")
                .bind("id", askerId)
                .bind("most", AskForm.MAX_CHILDREN)
                .mapTo(Child.class)
                .list();
    }

    /** True when nobody has asked anything yet. */
    public boolean noneAsked(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM question").mapTo(Long.class).one() == 0;
    }

    private static <S extends SqlStatement<S>> S withProfile(S statement, Asker asker) {
        return statement
                .bind("firstName", asker.firstName())
                .bind("surname", asker.surname() == null ? "" : asker.surname())
                .bind("age", asker.age())
                .bind("city", asker.city())
                .bind("country", asker.country())
                .bind("role", asker.role().name())
                .bind("pseudonym", asker.pseudonym())
                .bind("language", asker.language().code())
                .bind("email", asker.email());
    }

    private void addChildren(Handle handle, long askerId, List<Child> children) {
        int position = 0;
        for (Child child : children) {
            handle.createUpdate("""
                            INSERT INTO child (asker_id, position, first_name, birth_date, age_months, sex, multiple)
                            VALUES (:askerId, :position, :firstName, :birthDate, :ageMonths, :sex, :multiple)""")
                    .bind("askerId", askerId)
                    .bind("position", position++)
                    .bind("firstName", child.firstName())
                    .bind("birthDate", child.birthDate())
                    .bind("ageMonths", child.ageMonths())
                    .bind("sex", child.sex() == null ? null : child.sex().name())
                    .bind("multiple", child.multiple() == null ? null : child.multiple().name())
                    .execute();
        }
    }

    public Optional<Question> find(Handle handle, long id) {
        return QuestionRows.find(handle, id);
    }
}

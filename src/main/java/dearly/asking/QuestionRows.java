package dearly.asking;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import dearly.storage.Columns;
import dearly.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** How intake's rows become values: registered with JDBI, so queries say {@code mapTo(Question.class)}. */
final class QuestionRows {
    private QuestionRows() {}

    static void register(Database database) {
        database.registerRowMapper(new QuestionRow());
        database.registerRowMapper(new ChildRow());
    }

    static Optional<Question> find(Handle handle, long id) {
        return handle.createQuery("SELECT id, title, body, language, received_at, status FROM question WHERE id = :id")
                .bind("id", id)
                .mapTo(Question.class)
                .findOne();
    }

    /** The crisis kinds stored as a comma-separated list. */
    static Set<String> crisisKinds(String stored) {
        return Arrays.stream(stored.split(",")).filter(kind -> !kind.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    static String crisisKinds(Set<String> kinds) {
        return String.join(",", new TreeSet<>(kinds));
    }

    /** A question from the question table's id, title, body, language, received_at and status. */
    private static final class QuestionRow implements RowMapper<Question> {
        @Override
        public Question map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Question(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                    Language.fromCode(rs.getString("language")).orElseThrow(), instant(rs, "received_at", ctx),
                    QuestionStatus.valueOf(rs.getString("status")));
        }
    }

    /** A child from the child table's columns. */
    private static final class ChildRow implements RowMapper<Child> {
        @Override
        public Child map(ResultSet rs, StatementContext ctx) throws SQLException {
            int months = rs.getInt("age_months");
            Integer ageMonths = rs.wasNull() ? null : months;
            String sex = rs.getString("sex");
            String multiple = rs.getString("multiple");
            return new Child(rs.getString("first_name"), Columns.date(rs, "birth_date", ctx), ageMonths,
                    sex == null ? null : Sex.valueOf(sex), multiple == null ? null : Multiple.valueOf(multiple));
        }
    }
}

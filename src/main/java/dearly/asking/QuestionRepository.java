package dearly.asking;

import dearly.language.Language;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores askers, their children and their questions. */
public final class QuestionRepository {

    /** Stores the asker and her question inside the caller's transaction; returns the question's id. */
    public long add(Handle handle, Asker asker, String title, String body, Instant receivedAt, QuestionStatus status) {
        long askerId = handle.createQuery("""
                        INSERT INTO asker (first_name, surname, age, city, country, role, pseudonym, language, email, created_at)
                        VALUES (:firstName, :surname, :age, :city, :country, :role, :pseudonym, :language, :email, :createdAt)
                        RETURNING id""")
                .bind("firstName", asker.firstName())
                .bind("surname", asker.surname() == null ? "" : asker.surname())
                .bind("age", asker.age())
                .bind("city", asker.city())
                .bind("country", asker.country())
                .bind("role", asker.role().name())
                .bind("pseudonym", asker.pseudonym())
                .bind("language", asker.language().code())
                .bind("email", asker.email())
                .bind("createdAt", receivedAt)
                .mapTo(Long.class)
                .one();
        int position = 0;
        for (Child child : asker.children()) {
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
        return handle.createQuery("""
                        INSERT INTO question (asker_id, title, body, language, status, received_at)
                        VALUES (:askerId, :title, :body, :language, :status, :receivedAt)
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

    public Optional<Question> find(Handle handle, long id) {
        return handle.createQuery("SELECT id, title, body, language, received_at, status FROM question WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Question(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                        Language.fromCode(rs.getString("language")).orElseThrow(),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "received_at", ctx),
                        QuestionStatus.valueOf(rs.getString("status"))))
                .findOne();
    }
}

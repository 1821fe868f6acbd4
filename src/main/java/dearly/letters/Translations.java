package dearly.letters;

import dearly.storage.ChangeLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * A letter and its translation into the other language, linked by an editor: each page then points
 * at the other ({@code hreflang}, and a "Read this letter in Spanish" link). The only writer of
 * {@code letter_translation}, which keeps one row each way, so a letter has at most one translation
 * and the link is undone from either side.
 */
public final class Translations {
    /** A slug, or any address ending in one: what an editor pastes ({@code https://…/es/letters/siestas-cortas}). */
    private static final Pattern SLUG = Pattern.compile("(?:.*/letters/)?([a-z0-9][a-z0-9-]{0,199})/?");

    public enum Linked { LINKED, UNLINKED, NOT_FOUND, SAME_LANGUAGE }

    private final ChangeLog changes = new ChangeLog();

    /**
     * Links the letter to the published letter named by {@code other}, undoing any link either had;
     * an empty {@code other} undoes the letter's link.
     *
     * @return the id of the other letter when linked, else empty, with what happened
     */
    public Result link(Handle handle, long letterId, String other) {
        String typed = other == null ? "" : other.strip();
        if (typed.isEmpty()) {
            unlink(handle, letterId);
            return new Result(Linked.UNLINKED, Optional.empty());
        }
        Matcher slug = SLUG.matcher(typed.length() > 2000 ? "" : typed.split("[?#]", 2)[0]);
        if (!slug.matches()) return new Result(Linked.NOT_FOUND, Optional.empty());
        Optional<Long> found = handle.createQuery("""
                        SELECT id FROM letter
                        WHERE slug = :slug AND published_at IS NOT NULL AND unpublished_at IS NULL""")
                .bind("slug", slug.group(1)).mapTo(Long.class).findOne();
        if (found.isEmpty()) return new Result(Linked.NOT_FOUND, Optional.empty());
        long otherId = found.get();
        String languages = "SELECT COUNT(DISTINCT language) FROM letter WHERE id IN (:a, :b)";
        if (otherId == letterId || handle.createQuery(languages).bind("a", letterId).bind("b", otherId).mapTo(Integer.class).one() < 2) {
            return new Result(Linked.SAME_LANGUAGE, Optional.empty());
        }
        unlink(handle, letterId);
        unlink(handle, otherId);
        String insert = "INSERT INTO letter_translation (letter_id, translation_id) VALUES (:letter, :translation)";
        handle.createUpdate(insert).bind("letter", letterId).bind("translation", otherId).execute();
        handle.createUpdate(insert).bind("letter", otherId).bind("translation", letterId).execute();
        changes.appendAll(handle, Publishing.LETTER_CHANGED, List.of(letterId, otherId), Instant.now());
        return new Result(Linked.LINKED, Optional.of(otherId));
    }

    /** Undoes the letter's link; both pages lose their pointer to the other. */
    private void unlink(Handle handle, long letterId) {
        List<Long> partners = handle.createQuery("SELECT translation_id FROM letter_translation WHERE letter_id = :id")
                .bind("id", letterId).mapTo(Long.class).list();
        if (partners.isEmpty()) return;
        changes.appendAll(handle, Publishing.LETTER_CHANGED, java.util.stream.Stream.concat(java.util.stream.Stream.of(letterId),
                partners.stream()).toList(), Instant.now());
        handle.createUpdate("DELETE FROM letter_translation WHERE letter_id = :id OR translation_id = :id")
                .bind("id", letterId).execute();
    }

    /** What {@link #link} did; {@code other} is the translation's id when one was linked. */
    public record Result(Linked linked, Optional<Long> other) {}
}

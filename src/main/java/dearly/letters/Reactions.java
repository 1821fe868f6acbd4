package dearly.letters;

import dearly.storage.Database;

/**
 * How many readers said "I've felt this too" of each letter: a count per letter and nothing else, so
 * no reaction can be tied to a person, an address or a time.
 */
public final class Reactions {
    private final Database database;

    public Reactions(Database database) {
        this.database = database;
    }

    public int felt(long letterId) {
        return database.read(handle -> handle.createQuery("SELECT felt FROM letter_reaction WHERE letter_id = :id")
                .bind("id", letterId).mapTo(Integer.class).findOne().orElse(0));
    }

    /** Counts one more reader who felt it; the new count. */
    public int addFelt(long letterId) {
        return database.write(handle -> {
            handle.createUpdate("""
                    INSERT INTO letter_reaction (letter_id, felt) VALUES (:id, 1)
                    ON CONFLICT (letter_id) DO UPDATE SET felt = letter_reaction.felt + 1""")
                    .bind("id", letterId).execute();
            return handle.createQuery("SELECT felt FROM letter_reaction WHERE letter_id = :id")
                    .bind("id", letterId).mapTo(Integer.class).one();
        });
    }
}

package dearly.audit;

/**
 * What an action was done on: a kind ("question", "crisis-resource", "topic", ...) and its id
 * there. Only ids: the log is kept for good and an erase cannot reach it, so it names a question by
 * its number, never by her words.
 */
public record Subject(String kind, String id) {
    public Subject {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a subject has a kind");
        id = id == null ? "" : id;
    }

    public static Subject of(String kind, long id) {
        return new Subject(kind, Long.toString(id));
    }
}

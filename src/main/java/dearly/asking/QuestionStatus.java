package dearly.asking;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a question stands, as the asker's status page will tell her. The rules about what each
 * state allows are written here once; the SQL that applies them binds these sets.
 */
public enum QuestionStatus {
    RECEIVED,
    /** An editor gave it to an advisor, who has not yet saved a word of her letter. */
    ASSIGNED,
    /** The advisor is writing her letter (review, then publishing, come after it). */
    DRAFTING,
    PUBLISHED,
    DECLINED,
    WITHDRAWN;

    /** Waiting for an answer: on the desk's queue, and she may still withdraw it. */
    static final Set<QuestionStatus> OPEN = EnumSet.of(RECEIVED, ASSIGNED, DRAFTING);

    /** No advisor has taken it yet: she may still change it, or put it back after withdrawing it. */
    static final Set<QuestionStatus> UNTAKEN = EnumSet.of(RECEIVED);

    /** With an advisor: an editor may give it to another, and the advisor's draft carries on. */
    static final Set<QuestionStatus> ASSIGNABLE = EnumSet.of(RECEIVED, ASSIGNED, DRAFTING);

    public boolean open() {
        return OPEN.contains(this);
    }

    public boolean untaken() {
        return UNTAKEN.contains(this);
    }

    /** The names of a set of states, to bind as an SQL list. */
    static List<String> names(Set<QuestionStatus> states) {
        return states.stream().map(Enum::name).toList();
    }
}

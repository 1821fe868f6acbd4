package dearly.asking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A question as its asker's private status page sees it: everything she gave, its state, and the
 * letter that answered it once published.
 *
 * @param crisisKinds names of the crisis signs found in it
 * @param letterSlug the published letter's slug, when there is one
 * @param undoableWithdrawal when she withdrew it, if she did so before any advisor took it
 * @param messages what the editors wrote to her directly, oldest first
 */
public record StoredQuestion(
        Question question, Asker asker, Set<String> crisisKinds, Optional<String> declineReply, Optional<String> letterSlug,
        Optional<Instant> undoableWithdrawal, List<EditorMessage> messages) {

    /**
     * How long she may put a withdrawn question back. A change of heart comes the next morning or
     * after a talk with her partner, within days; after a week, a new question says better where
     * she stands now, and the editors' queue keeps telling the truth about when she asked.
     */
    public static final Duration UNDO_WINDOW = Duration.ofDays(7);

    public StoredQuestion {
        undoableWithdrawal = undoableWithdrawal == null ? Optional.empty() : undoableWithdrawal;
        messages = List.copyOf(messages == null ? List.of() : messages);
    }

    public boolean urgent() {
        return !crisisKinds.isEmpty();
    }

    /** She may change her question until an advisor takes it. */
    public boolean editable() {
        return question.status().untaken();
    }

    /** She may withdraw it until it is answered. */
    public boolean withdrawable() {
        return question.status().open();
    }

    /** Until when she may put it back, if she withdrew it before an advisor took it and the week is not over. */
    public Optional<Instant> restorableUntil(Instant now) {
        if (question.status() != QuestionStatus.WITHDRAWN) return Optional.empty();
        return undoableWithdrawal.map(at -> at.plus(UNDO_WINDOW)).filter(until -> now.isBefore(until));
    }
}

package dearly.asking;

import dearly.language.Language;
import java.time.Instant;
import java.util.Set;

/**
 * A line of the editors' triage queue.
 *
 * @param assignedTo the staff account it is assigned to; null when no one has it
 */
public record QueuedQuestion(
        long id, String title, Language language, Instant receivedAt, QuestionStatus status, Set<String> crisisKinds,
        String firstName, String country, boolean handled, Long assignedTo) {

    public boolean urgent() {
        return !crisisKinds.isEmpty();
    }

    /** Urgent, and no editor has yet marked what was done about it. */
    public boolean waitingUrgent() {
        return urgent() && !handled;
    }
}

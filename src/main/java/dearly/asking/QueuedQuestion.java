package dearly.asking;

import dearly.language.Language;
import java.time.Instant;
import java.util.Set;

/** A line of the editors' triage queue. */
public record QueuedQuestion(
        long id, String title, Language language, Instant receivedAt, QuestionStatus status, Set<String> crisisKinds,
        String firstName, String country) {

    public boolean urgent() {
        return !crisisKinds.isEmpty();
    }
}

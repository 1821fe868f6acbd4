package dearly.desk;

import dearly.asking.MarkedText;
import dearly.asking.Question;
import dearly.letters.AskerProfile;
import java.util.Optional;
import java.util.Set;

/**
 * A question as an editor reads it: her words with private details marked for removal, the profile
 * the byline is made from (never her surname beyond its initial, never her e-mail), and what the
 * crisis check found.
 */
public record DeskQuestion(
        Question question, AskerProfile asker, Optional<String> pseudonym, Set<String> crisisKinds,
        Optional<String> declineReply) {

    public MarkedText markedTitle() {
        return MarkedText.of(question.title());
    }

    public MarkedText markedBody() {
        return MarkedText.of(question.body());
    }

    public boolean urgent() {
        return !crisisKinds.isEmpty();
    }

    public boolean open() {
        return switch (question.status()) {
            case RECEIVED, ASSIGNED -> true;
            default -> false;
        };
    }
}

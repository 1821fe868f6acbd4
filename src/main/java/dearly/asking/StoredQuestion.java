package dearly.asking;

import java.util.Optional;
import java.util.Set;

/**
 * A question as its asker's private status page sees it: everything she gave, its state, and the
 * letter that answered it once published.
 *
 * @param crisisKinds names of the crisis signs found in it
 * @param letterSlug the published letter's slug, when there is one
 */
public record StoredQuestion(
        Question question, Asker asker, Set<String> crisisKinds, Optional<String> declineReply, Optional<String> letterSlug) {

    public boolean urgent() {
        return !crisisKinds.isEmpty();
    }

    /** She may change her question until an advisor takes it. */
    public boolean editable() {
        return question.status() == QuestionStatus.RECEIVED;
    }

    /** She may withdraw it until it is answered. */
    public boolean withdrawable() {
        return question.status() == QuestionStatus.RECEIVED || question.status() == QuestionStatus.ASSIGNED;
    }
}

package dearly.desk;

import dearly.asking.DeskQuestion;
import dearly.asking.QuestionQueue;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.language.Language;
import dearly.letters.Advisor;
import dearly.letters.Publishing;
import dearly.letters.Words;
import dearly.storage.Database;
import dearly.web.Links;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Makes an approved draft a published letter: the letter with her byline and the advisor's
 * signature (letters' {@link Publishing}, which appends to the change log for search), her question
 * marked answered and her mail with the letter's address queued ({@link QuestionDesk#published}),
 * and the audit entry, all in one transaction. A draft is published once: the move to PUBLISHED is
 * made only from the state the caller expects, so a second node or a second click finds nothing to do.
 */
public final class LetterPublisher {
    private final Database database;
    private final QuestionQueue questions;
    private final Publishing publishing;
    private final QuestionDesk desk;
    private final AuditLog audit;
    private final Links links;
    private final Supplier<Instant> clock;
    private final ZoneId instanceZone;
    private final DraftRepository drafts = new DraftRepository();

    public LetterPublisher(Database database, QuestionQueue questions, Publishing publishing, QuestionDesk desk, AuditLog audit,
            Links links, Supplier<Instant> clock, ZoneId instanceZone) {
        this.database = database;
        this.questions = questions;
        this.publishing = publishing;
        this.desk = desk;
        this.audit = audit;
        this.links = links;
        this.clock = clock;
        this.instanceZone = instanceZone;
    }

    /**
     * Publishes the draft now, in the caller's transaction; false when it no longer stands in one of
     * {@code from} (published already, or taken back).
     */
    boolean publish(Handle handle, Draft draft, Set<DraftState> from, Actor by, Instant now) {
        if (!drafts.move(handle, draft.id(), from, DraftState.PUBLISHED, null, now)) return false;
        long questionId = draft.questionId();
        DeskQuestion question = questions.question(handle, questionId).orElseThrow();
        Language language = question.question().language();
        long assignee = questions.assignment(handle, questionId).orElseThrow().userId();
        Advisor advisor = publishing.advisorOf(handle, assignee).orElseThrow();
        String byline = questions.byline(handle, questionId, language, instanceZone).orElse("");
        DraftWords words = draft.words();
        String slug = publishing.freeSlug(handle, words.headline());
        long letterId = publishing.publish(handle, new Publishing.Draft(questionId, slug,
                new Words(words.headline(), words.standfirst(), words.salutation(), words.body(), words.signOff()), byline,
                advisor.id(), words.topicIds(), language, now), now);
        drafts.published(handle, draft.id(), letterId);
        desk.published(handle, questionId, links.base() + "/letters/" + slug, now);
        audit.record(handle, by, "column-letter.published", Subject.of("letter", letterId), "question " + questionId);
        return true;
    }

    /** Publishes a scheduled draft whose time has come; nothing when it was published already. For {@link LetterSchedule}. */
    public void publishDue(long draftId) {
        Instant now = clock.get();
        boolean published = database.write(handle -> drafts.byId(handle, draftId)
                .filter(draft -> draft.state() == DraftState.SCHEDULED)
                .map(draft -> publish(handle, draft, Set.of(DraftState.SCHEDULED),
                        drafts.approvedBy(handle, draftId).orElse(new Actor(0, "Dearly")), now))
                .orElse(false));
        if (published) desk.mailWaiting();
    }
}

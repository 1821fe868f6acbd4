package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.accounts.UserRepository;
import dearly.asking.DeskQuestion;
import dearly.asking.QuestionQueue;
import dearly.audit.AuditLog;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.letters.Advisor;
import dearly.letters.LetterRepository;
import dearly.letters.LetterView;
import dearly.letters.Publishing;
import dearly.letters.Topic;
import dearly.letters.Words;
import dearly.storage.Database;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The letter an advisor writes for the question assigned to her: its words with their defaults
 * (the headline from her question, the salutation from the asker's role and language, the sign-off
 * in the letter's language over the advisor's name), every save a revision, a save typed on an
 * older version kept aside and offered back, the diff between two revisions, and the preview as
 * the letter's page will show it. Only the assigned advisor and editors may open a draft.
 */
public final class Drafts {
    private final Database database;
    private final QuestionQueue questions;
    private final Publishing publishing;
    private final LetterRepository letters;
    private final UserRepository users;
    private final Supplier<Instant> clock;
    /** DEARLY_TIME_ZONE: the zone of a byline whose asker's country tells none. */
    private final ZoneId instanceZone;
    private final DraftRepository drafts = new DraftRepository();
    private final AuditLog audit;

    public Drafts(Database database, QuestionQueue questions, Publishing publishing, LetterRepository letters,
            UserRepository users, Supplier<Instant> clock, ZoneId instanceZone, AuditLog audit) {
        this.audit = audit;
        this.instanceZone = instanceZone;
        this.database = database;
        this.questions = questions;
        this.publishing = publishing;
        this.letters = letters;
        this.users = users;
        this.clock = clock;
    }

    /**
     * A question's draft as she opens it: her question and byline beside the words.
     *
     * @param words the draft's words, or the defaults before its first save
     * @param version the version those words are (0 before the first save)
     * @param note what the editor wrote when she assigned it
     */
    public record Opened(
            DeskQuestion question, String byline, Optional<Draft> draft, DraftWords words, int version, long assigneeId,
            String assignee, String note, Advisor advisor, List<Revision> revisions, List<Topic> topics, List<DraftNote> notes) {

        public long id() {
            return question.question().id();
        }

        public Language language() {
            return question.question().language();
        }

        /** Saves kept aside that nobody has taken back or let go, the newest first. */
        public List<Revision> offered() {
            return revisions.stream().filter(Revision::offered).toList();
        }

        public Optional<Revision> revision(int number) {
            return revisions.stream().filter(revision -> revision.number() == number).findFirst();
        }

        public boolean editable() {
            return draft.map(found -> found.state().editable()).orElse(true);
        }

        public DraftState state() {
            return draft.map(Draft::state).orElse(DraftState.DRAFTING);
        }

        /** What an editor last asked to change, while the draft waits for those changes. */
        public Optional<DraftNote> changesAsked() {
            if (state() != DraftState.CHANGES_ASKED) return Optional.empty();
            return notes.stream().filter(note -> note.kind() == DraftNote.Kind.CHANGES).findFirst();
        }
    }

    /** The draft of a question assigned to someone, if this colleague may write it: hers, or she is an editor. */
    public Optional<Opened> open(long questionId, User user) {
        return database.read(handle -> {
            Optional<QuestionQueue.Assignment> assignment = questions.assignment(handle, questionId);
            if (assignment.isEmpty() || !mayWrite(user, assignment.get())) return Optional.<Opened>empty();
            Optional<DeskQuestion> question = questions.question(handle, questionId);
            if (question.isEmpty()) return Optional.<Opened>empty();
            long assigneeId = assignment.get().userId();
            String assignee = users.byId(assigneeId).map(User::displayName).orElse("");
            Advisor advisor = publishing.advisorOf(handle, assigneeId)
                    .orElseGet(() -> new Advisor(0, "advisor", assignee.isEmpty() ? "?" : assignee, "", null));
            Optional<Draft> draft = drafts.find(handle, questionId);
            Language language = question.get().question().language();
            DraftWords words = draft.map(Draft::words).orElseGet(() -> defaults(question.get()));
            List<Revision> revisions = draft.map(found -> drafts.revisions(handle, found.id())).orElse(List.of());
            List<DraftNote> notes = draft.map(found -> drafts.notes(handle, found.id())).orElse(List.of());
            return Optional.of(new Opened(question.get(), question.get().byline(language, instanceZone), draft, words,
                    draft.map(Draft::version).orElse(0), assigneeId, assignee,
                    assignment.get().note() == null ? "" : assignment.get().note(), advisor, revisions, letters.topics(), notes));
        });
    }

    private static boolean mayWrite(User user, QuestionQueue.Assignment assignment) {
        return assignment.userId() == user.id() || user.holds(Role.EDITOR);
    }

    /** What a new draft says before anyone types: her question as its headline, a salutation that fits her. */
    static DraftWords defaults(DeskQuestion question) {
        Messages letter = Messages.of(question.question().language());
        String role = question.asker().role().name().toLowerCase(Locale.ROOT);
        return new DraftWords(question.question().title(), "", letter.get("desk.draft.salutation." + role), "",
                letter.get("desk.draft.sign-off.default"), List.of());
    }

    /**
     * Saves what she typed on version {@code basedOn}: the next version when the draft still holds
     * that one, else kept aside as a revision offered back. Her question is then being drafted.
     */
    public DraftRepository.Saved save(Opened opened, User user, int basedOn, DraftWords words) {
        Instant now = clock.get();
        return database.write(handle -> {
            DraftRepository.Saved saved = drafts.save(handle, opened.id(), basedOn, known(words, opened.topics()),
                    user.displayName(), now);
            questions.drafting(handle, opened.id(), now);
            // The same words sent again (an autosave with nothing new) are no action of hers.
            if (!saved.applied() || saved.version() != basedOn) {
                audit.record(handle, user.actor(), saved.applied() ? "draft.saved" : "draft.kept-aside", Review.subject(opened),
                        "version " + (saved.applied() ? saved.version() : saved.keptAside()));
            }
            return saved;
        });
    }

    /** Takes a revision back: its words become the draft's next version, on the version she sees. */
    public Optional<DraftRepository.Saved> restore(Opened opened, User user, int number, int basedOn) {
        Optional<Revision> revision = opened.revision(number);
        if (revision.isEmpty() || opened.draft().isEmpty()) return Optional.empty();
        Instant now = clock.get();
        return Optional.of(database.write(handle -> {
            drafts.settle(handle, opened.draft().get().id(), number);
            audit.record(handle, user.actor(), "draft.restored", Review.subject(opened), "revision " + number);
            return drafts.save(handle, opened.id(), basedOn, revision.get().words(), user.displayName(), now);
        }));
    }

    /** Lets a save kept aside go: it stays among the revisions, no longer offered. */
    public void letGo(Opened opened, User user, int number) {
        opened.draft().ifPresent(draft -> database.write(handle -> {
            drafts.settle(handle, draft.id(), number);
            audit.record(handle, user.actor(), "draft.let-go", Review.subject(opened), "revision " + number);
            return null;
        }));
    }

    /** The topics she ticked that exist. */
    private static DraftWords known(DraftWords words, List<Topic> topics) {
        List<Long> known = words.topicIds().stream().filter(id -> topics.stream().anyMatch(topic -> topic.id() == id)).toList();
        return new DraftWords(words.headline(), words.standfirst(), words.salutation(), words.body(), words.signOff(), known);
    }

    /** What changed from one revision to another; empty when either is not one of this draft's. */
    public Optional<RevisionDiff> diff(Opened opened, int from, int to) {
        Optional<Revision> older = opened.revision(from), newer = opened.revision(to);
        if (older.isEmpty() || newer.isEmpty()) return Optional.empty();
        return Optional.of(RevisionDiff.between(older.get(), newer.get(), topicNames(opened, older.get().words()),
                topicNames(opened, newer.get().words())));
    }

    private static List<String> topicNames(Opened opened, DraftWords words) {
        return opened.topics().stream().filter(topic -> words.topicIds().contains(topic.id()))
                .map(topic -> topic.name(opened.language())).toList();
    }

    /**
     * The words as the letter's page will show them: the same template, body rendering and
     * sanitising, her byline, the advisor's signature. A headline not yet written shows as such.
     */
    public LetterView preview(Opened opened, DraftWords words, String noHeadline) {
        String headline = words.headline().isBlank() ? noHeadline : words.headline();
        List<Topic> topics = opened.topics().stream().filter(topic -> words.topicIds().contains(topic.id())).toList();
        return LetterView.preview(new Words(headline, words.standfirst(), words.salutation(), words.body(), words.signOff()),
                opened.byline(), opened.advisor(), topics, opened.language(), clock.get());
    }
}

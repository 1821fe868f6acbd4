package dearly.desk;

import dearly.accounts.User;
import dearly.accounts.UserRepository;
import dearly.asking.QuestionQueue;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.asking.QueuedQuestion;
import dearly.letters.Publishing;
import dearly.mail.Outbox;
import dearly.storage.Database;
import dearly.web.Links;
import gg.jte.generated.precompiled.Templates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An editor gives a question to an advisor, or to another one, with a note; the advisor is told by
 * mail in the same transaction, and finds it on her own page.
 *
 * <p>The mail is in English and Spanish at once, as the desk's other mail to colleagues: staff
 * accounts have no language yet, and a colleague who reads only one of the two finds hers. Like
 * that mail it quotes nothing the asker wrote (mail leaves Dearly); it carries the editor's note
 * and a link to the draft, behind sign-in.
 */
public final class Assigning {
    private final Database database;
    private final QuestionQueue questions;
    private final Publishing publishing;
    private final UserRepository users;
    private final Outbox outbox;
    private final AdvisorMail mail;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;
    private final AuditLog audit;

    public Assigning(Database database, QuestionQueue questions, Publishing publishing, UserRepository users, Outbox outbox,
            Templates templates, Links links, Runnable mailWaiting, Supplier<Instant> clock, AuditLog audit) {
        this.audit = audit;
        this.database = database;
        this.questions = questions;
        this.publishing = publishing;
        this.users = users;
        this.outbox = outbox;
        this.mail = new AdvisorMail(templates, links, users);
        this.mailWaiting = mailWaiting;
        this.clock = clock;
    }

    /** The colleagues a question can be given to. */
    public List<User> advisors() {
        return users.advisors();
    }

    /** Who the question is assigned to now, if anyone. */
    public Optional<User> assignee(long questionId) {
        return database.read(handle -> questions.assignment(handle, questionId)).flatMap(found -> users.byId(found.userId()));
    }

    /**
     * Gives the question to this advisor with the editor's note, links her account to the advisor
     * who signs letters, and queues her mail, in one transaction. False when the question is no
     * longer open or she is not someone who can advise.
     */
    public boolean assign(long questionId, long advisorId, String note, Actor editor) {
        Optional<User> advisor = advisors().stream().filter(user -> user.id() == advisorId).findFirst();
        if (advisor.isEmpty()) return false;
        Instant now = clock.get();
        boolean assigned = database.write(handle -> {
            boolean again = questions.assignment(handle, questionId).isPresent();
            if (!questions.assign(handle, questionId, advisorId, note, now)) return false;
            // Who it went to by account number: the log is kept for good, names change.
            audit.record(handle, editor, again ? "question.reassigned" : "question.assigned", Subject.of("question", questionId),
                    "to account " + advisorId);
            publishing.advisorFor(handle, advisorId, advisor.get().displayName(), now);
            outbox.enqueue(handle, mail.assigned(advisor.get(), note, questionId), now);
            return true;
        });
        if (assigned) mailWaiting.run();
        return assigned;
    }

    /** The open questions given to her, the longest waiting first. */
    public List<QueuedQuestion> mine(User user) {
        return database.read(handle -> questions.assignedTo(handle, user.id()));
    }
}

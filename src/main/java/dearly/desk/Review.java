package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.accounts.UserRepository;
import dearly.asking.QuestionRepository;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.letters.Publishing;
import dearly.letters.Translations;
import dearly.letters.Words;
import dearly.mail.Outbox;
import dearly.storage.Database;
import dearly.web.Links;
import gg.jte.generated.precompiled.Templates;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Review and publishing of a draft: the advisor submits it; an editor comments, asks for changes
 * (the advisor sees the message on her draft and gets it by mail) or approves it, to be published
 * now or at a set time; a published letter is corrected with a note for readers, or taken down.
 * The checks before publishing run on submit and on approval; a blocking finding stops publication
 * unless the editor overrides it with a written reason, kept in the audit log. Each action is one
 * transaction with its audit entry.
 */
public final class Review {
    static final int MESSAGE_MAX = 4_000;
    static final int NOTE_MAX = 1_000;
    /** The letter table's limits (V1): longer would fail on PostgreSQL. */
    private static final int HEADLINE_MAX = 300;
    private static final int LINE_MAX = 200;

    private final Database database;
    private final LetterPublisher publisher;
    private final LetterSchedule schedule;
    private final Publishing publishing;
    private final QuestionRepository questions;
    private final UserRepository users;
    private final Outbox outbox;
    private final AdvisorMail mail;
    private final AuditLog audit;
    private final PublishChecks checks;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;
    private final DraftRepository drafts = new DraftRepository();
    private final Translations translations = new Translations();

    public Review(Database database, LetterPublisher publisher, LetterSchedule schedule, Publishing publishing,
            QuestionRepository questions, UserRepository users, Outbox outbox, Templates templates, Links links, AuditLog audit,
            PublishChecks checks, Runnable mailWaiting, Supplier<Instant> clock) {
        this.database = database;
        this.publisher = publisher;
        this.schedule = schedule;
        this.publishing = publishing;
        this.questions = questions;
        this.users = users;
        this.outbox = outbox;
        this.mail = new AdvisorMail(templates, links, users);
        this.audit = audit;
        this.checks = checks;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
    }

    /** What became of an action: done, or the message key of what stopped it, with the findings that did. */
    public record Outcome(boolean done, String problem, List<Finding> findings) {
        static Outcome ok() {
            return new Outcome(true, "", List.of());
        }

        static Outcome refused(String problem) {
            return new Outcome(false, problem, List.of());
        }
    }

    /** What the checks before publishing find in the draft's words, against what she told us. */
    public List<Finding> findings(Drafts.Opened opened) {
        DraftWords words = opened.words();
        PublicText text = new PublicText(opened.language(), words.headline(), words.standfirst(), words.salutation(), words.body(),
                words.signOff(), null);
        AskerFacts facts = database.read(handle -> questions.forChecks(handle, opened.id()))
                .map(stored -> AskerFacts.of(stored, opened.advisor().displayName()))
                .orElseThrow();
        return checks.check(text, facts);
    }

    /** The advisor sends her draft for review. */
    public Outcome submit(Drafts.Opened opened, User by) {
        Optional<Draft> draft = opened.draft();
        if (draft.isEmpty()) return Outcome.refused("desk.review.nothing-saved");
        if (!draft.get().state().submittable()) return Outcome.refused("desk.review.not-now");
        boolean moved = database.write(handle -> drafts.move(handle, draft.get().id(),
                EnumSet.of(DraftState.DRAFTING, DraftState.CHANGES_ASKED), DraftState.SUBMITTED, null, clock.get())
                && audited(handle, by, "draft.submitted", opened, ""));
        return moved ? Outcome.ok() : Outcome.refused("desk.review.not-now");
    }

    /** An editor's comment on the draft, which the advisor reads beside it. */
    public Outcome comment(Drafts.Opened opened, User editor, String body) {
        if (body.isBlank()) return Outcome.refused("desk.review.comment.empty");
        if (body.length() > MESSAGE_MAX) return Outcome.refused("desk.review.too-long");
        if (opened.draft().isEmpty()) return Outcome.refused("desk.review.nothing-saved");
        database.write(handle -> {
            drafts.addNote(handle, opened.draft().get().id(), new DraftNote(DraftNote.Kind.COMMENT, body, editor.displayName(), clock.get()));
            return audited(handle, editor, "draft.commented", opened, "");
        });
        return Outcome.ok();
    }

    /** An editor asks for changes: the message stays on the draft and reaches the advisor by mail. */
    public Outcome askChanges(Drafts.Opened opened, User editor, String message) {
        if (message.isBlank()) return Outcome.refused("desk.review.changes.empty");
        if (message.length() > MESSAGE_MAX) return Outcome.refused("desk.review.too-long");
        if (opened.draft().isEmpty()) return Outcome.refused("desk.review.nothing-saved");
        Draft draft = opened.draft().get();
        if (!draft.state().reviewable()) return Outcome.refused("desk.review.not-now");
        Instant now = clock.get();
        Optional<User> advisor = users.byId(opened.assigneeId());
        boolean asked = database.write(handle -> {
            if (!drafts.move(handle, draft.id(), EnumSet.of(DraftState.SUBMITTED, DraftState.DRAFTING), DraftState.CHANGES_ASKED, null, now)) {
                return false;
            }
            drafts.addNote(handle, draft.id(), new DraftNote(DraftNote.Kind.CHANGES, message, editor.displayName(), now));
            advisor.ifPresent(to -> outbox.enqueue(handle, mail.changesAsked(to, message, opened.id()), now));
            return audited(handle, editor, "draft.changes-asked", opened, "");
        });
        if (asked) mailWaiting.run();
        return asked ? Outcome.ok() : Outcome.refused("desk.review.not-now");
    }

    /**
     * An editor approves the draft: published now, or at {@code at}. Blocking findings stop it
     * unless {@code reason} says why it is right to publish anyway.
     */
    public Outcome approve(Drafts.Opened opened, User editor, Optional<Instant> at, String reason) {
        if (opened.draft().isEmpty()) return Outcome.refused("desk.review.nothing-saved");
        Draft draft = opened.draft().get();
        if (!draft.state().reviewable()) return Outcome.refused("desk.review.not-now");
        Instant now = clock.get();
        if (at.isPresent() && !at.get().isAfter(now)) return Outcome.refused("desk.review.when.past");
        Optional<Outcome> unfit = unfit(draft.words());
        if (unfit.isPresent()) return unfit.get();
        List<Finding> findings = findings(opened);
        Optional<Outcome> held = held(findings, reason);
        if (held.isPresent()) return held.get();
        Actor actor = editor.actor();
        Set<DraftState> from = EnumSet.of(DraftState.SUBMITTED, DraftState.DRAFTING, DraftState.CHANGES_ASKED);
        boolean approved = database.write(handle -> {
            boolean moved = at.isPresent()
                    ? drafts.move(handle, draft.id(), from, DraftState.SCHEDULED, at.get(), now)
                    : publisher.publish(handle, draft, from, actor, now);
            if (!moved) return false;
            drafts.approvedBy(handle, draft.id(), actor);
            audited(handle, editor, "draft.approved", opened, "");
            overridden(handle, actor, opened, findings, reason);
            if (at.isPresent()) {
                schedule.publishAt(handle, draft.id(), at.get());
                audit.record(handle, actor, "draft.scheduled", subject(opened), at.get().toString());
            }
            return true;
        });
        if (approved && at.isEmpty()) mailWaiting.run();
        return approved ? new Outcome(true, "", findings) : Outcome.refused("desk.review.not-now");
    }

    /** Publishes the draft's words over the published letter, with a note readers see on its page. */
    public Outcome correct(Drafts.Opened opened, User editor, String note, String reason) {
        if (note.isBlank()) return Outcome.refused("desk.review.correction.empty");
        if (note.length() > NOTE_MAX) return Outcome.refused("desk.review.too-long");
        Optional<Draft> draft = opened.draft().filter(found -> found.state() == DraftState.PUBLISHED && found.letterId() != null);
        if (draft.isEmpty()) return Outcome.refused("desk.review.not-now");
        DraftWords words = draft.get().words();
        Optional<Outcome> unfit = unfit(words);
        if (unfit.isPresent()) return unfit.get();
        List<Finding> findings = findings(opened);
        Optional<Outcome> held = held(findings, reason);
        if (held.isPresent()) return held.get();
        Actor actor = editor.actor();
        database.write(handle -> {
            publishing.correct(handle, draft.get().letterId(), new Words(words.headline(), words.standfirst(), words.salutation(),
                    words.body(), words.signOff()), words.topicIds(), note, clock.get());
            overridden(handle, actor, opened, findings, reason);
            audit.record(handle, actor, "column-letter.corrected", Subject.of("letter", draft.get().letterId()), "question " + opened.id());
            return null;
        });
        return Outcome.ok();
    }

    /** Takes the published letter down: its page answers 410 with a kind note; it leaves search and the lists. */
    public Outcome unpublish(Drafts.Opened opened, User editor) {
        Optional<Draft> draft = opened.draft().filter(found -> found.state() == DraftState.PUBLISHED && found.letterId() != null);
        if (draft.isEmpty()) return Outcome.refused("desk.review.not-now");
        Instant now = clock.get();
        boolean down = database.write(handle -> drafts.move(handle, draft.get().id(), EnumSet.of(DraftState.PUBLISHED),
                        DraftState.UNPUBLISHED, null, now)
                && publishing.unpublish(handle, draft.get().letterId(), now)
                && record(handle, editor.actor(), "column-letter.unpublished", Subject.of("letter", draft.get().letterId()), opened));
        return down ? Outcome.ok() : Outcome.refused("desk.review.not-now");
    }

    /**
     * Links the published letter to its translation (a slug or address typed by the editor), so each
     * page points at the other; empty undoes the link. Audit-logged either way.
     */
    public Outcome linkTranslation(Drafts.Opened opened, User editor, String other) {
        Optional<Draft> draft = opened.draft().filter(found -> found.state() == DraftState.PUBLISHED && found.letterId() != null);
        if (draft.isEmpty()) return Outcome.refused("desk.review.not-now");
        long letterId = draft.get().letterId();
        Translations.Result result = database.write(handle -> {
            Translations.Result done = translations.link(handle, letterId, other);
            if (done.linked() == Translations.Linked.LINKED) {
                audit.record(handle, editor.actor(), "column-letter.translation-linked", Subject.of("letter", letterId),
                        "letter " + done.other().orElseThrow());
            } else if (done.linked() == Translations.Linked.UNLINKED) {
                audit.record(handle, editor.actor(), "column-letter.translation-unlinked", Subject.of("letter", letterId), "");
            }
            return done;
        });
        return switch (result.linked()) {
            case LINKED, UNLINKED -> Outcome.ok();
            case NOT_FOUND -> Outcome.refused("desk.review.translation.unknown");
            case SAME_LANGUAGE -> Outcome.refused("desk.review.translation.same-language");
        };
    }

    /** The address of the letter the draft became, while it is published. */
    public Optional<String> letterPath(Drafts.Opened opened) {
        return opened.draft().filter(draft -> draft.state() == DraftState.PUBLISHED && draft.letterId() != null)
                .flatMap(draft -> database.read(handle -> publishing.slugOf(handle, draft.letterId())))
                .map(slug -> "/letters/" + slug);
    }

    /** What the letter table cannot hold: no headline, or a line longer than its column. */
    private static Optional<Outcome> unfit(DraftWords words) {
        if (words.headline().isBlank()) return Optional.of(Outcome.refused("desk.review.no-headline"));
        if (words.headline().length() > HEADLINE_MAX || words.salutation().length() > LINE_MAX || words.signOff().length() > LINE_MAX) {
            return Optional.of(Outcome.refused("desk.review.line-too-long"));
        }
        return Optional.empty();
    }

    /** Blocking findings hold publication back: always her own e-mail, the others until a reason is written. */
    private static Optional<Outcome> held(List<Finding> findings, String reason) {
        List<Finding> blocking = findings.stream().filter(Finding::blocks).toList();
        if (blocking.isEmpty()) return Optional.empty();
        if (blocking.stream().anyMatch(finding -> !finding.overridable())) {
            return Optional.of(new Outcome(false, "desk.review.blocked.always", findings));
        }
        if (reason.isBlank()) return Optional.of(new Outcome(false, "desk.review.blocked", findings));
        if (reason.length() > NOTE_MAX) return Optional.of(new Outcome(false, "desk.review.too-long", findings));
        return Optional.empty();
    }

    /** The override, when blocking findings were published over: which checks and fields, never the words (hers may be among them). */
    private void overridden(org.jdbi.v3.core.Handle handle, Actor actor, Drafts.Opened opened, List<Finding> findings, String reason) {
        List<Finding> blocking = findings.stream().filter(Finding::blocks).toList();
        if (blocking.isEmpty()) return;
        String detail = blocking.stream().map(finding -> finding.check().name() + " in " + finding.field().name())
                .distinct().collect(Collectors.joining(", "));
        audit.recordOverride(handle, actor, "draft.checks-overridden", subject(opened), detail, reason);
    }

    private boolean audited(org.jdbi.v3.core.Handle handle, User by, String action, Drafts.Opened opened, String detail) {
        audit.record(handle, by.actor(), action, subject(opened), detail);
        return true;
    }

    private boolean record(org.jdbi.v3.core.Handle handle, Actor by, String action, Subject on, Drafts.Opened opened) {
        audit.record(handle, by, action, on, "question " + opened.id());
        return true;
    }

    static Subject subject(Drafts.Opened opened) {
        return Subject.of("question", opened.id());
    }

    /** Whether this colleague may review: editors only (an advisor submits, an editor decides). */
    public static boolean reviews(User user) {
        return user.holds(Role.EDITOR);
    }
}

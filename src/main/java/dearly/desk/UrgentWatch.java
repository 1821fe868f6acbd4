package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.accounts.UserRepository;
import dearly.asking.QuestionQueue;
import dearly.asking.QueuedQuestion;
import dearly.language.Messages;
import dearly.mail.Mail;
import dearly.mail.MailTemplates;
import dearly.mail.Outbox;
import dearly.storage.Database;
import dearly.web.Links;
import gg.jte.generated.precompiled.Templates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every editor, once, by mail, when an urgent question has waited longer than the admins'
 * limit with no editor marking it handled. Each question's notice is claimed in the database, so
 * with several nodes only one sends it. The mail names no one and quotes nothing she wrote: it
 * says how long the question waited and links to it on the desk.
 */
public final class UrgentWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UrgentWatch.class);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final QuestionQueue questions;
    private final DeskSettings settings;
    private final UserRepository users;
    private final Outbox outbox;
    private final Templates templates;
    private final Links links;
    private final Runnable mailWaiting;
    private final Supplier<Instant> clock;
    private ScheduledExecutorService timer;

    public UrgentWatch(Database database, QuestionQueue questions, DeskSettings settings, UserRepository users, Outbox outbox,
            Templates templates, Links links, Runnable mailWaiting, Supplier<Instant> clock) {
        this.database = database;
        this.questions = questions;
        this.settings = settings;
        this.users = users;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.mailWaiting = mailWaiting;
        this.clock = clock;
    }

    /** Looks every minute from now on, on its own thread, until closed. */
    public UrgentWatch start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("urgent-watch").factory());
        timer.scheduleWithFixedDelay(this::lookSafely, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Queues a mail to every editor for each urgent question that has newly waited too long; returns how many questions. */
    public int look() {
        Instant now = clock.get();
        Duration wait = settings.urgentWait();
        List<User> editors = users.all().stream().filter(user -> user.holds(Role.EDITOR)).toList();
        Map<Long, List<Messages>> languages = new HashMap<>();
        for (User editor : editors) languages.put(editor.id(), StaffLanguages.of(users.language(editor.id())));
        int told = database.write(handle -> {
            int count = 0;
            for (QueuedQuestion overdue : questions.overdue(handle, now.minus(wait))) {
                if (!questions.claimOverdueNotice(handle, overdue.id(), now)) continue;
                Duration waited = Duration.between(overdue.receivedAt(), now);
                for (User editor : editors) {
                    outbox.enqueue(handle, mail(editor.email(), languages.get(editor.id()), waited, overdue.id()), now);
                }
                count++;
            }
            return count;
        });
        if (told > 0 && !editors.isEmpty()) mailWaiting.run();
        return told;
    }

    private Mail mail(String to, List<Messages> languages, Duration waited, long questionId) {
        String url = links.base() + "/desk/questions/" + questionId;
        return MailTemplates.mail(to, StaffLanguages.joined(languages, "desk.overdue.subject"),
                templates.mailHtmlOverdue(languages, waited, url), templates.mailTextOverdue(languages, waited, url));
    }

    // A failed look must not end the timer: the next minute tries again.
    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            LOG.warn("looking for urgent questions that waited too long failed: {} at {}", e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        }
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}

package dearly.mail;

import dearly.storage.Database;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dearly outbox}: the admin's view of the mail outbox from a shell, beside /admin/outbox.
 * Without SMTP (the embedded default) this is where a parent's status link can be read. It prints
 * to the admin's own terminal, never to a log.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "Show the newest mail in the outbox, pending or sent, newest first.")
public final class OutboxCommand implements Callable<Integer> {
    private final Supplier<Database> openDatabase;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "10", description = "How many mails to show (default ${DEFAULT-VALUE}).")
    int limit;

    /** @param openDatabase opens the configured database with its schema up to date; the command closes it */
    public OutboxCommand(Supplier<Database> openDatabase) {
        this.openDatabase = Objects.requireNonNull(openDatabase);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = openDatabase.get()) {
            var mails = new Outbox(database).recent(Math.max(1, limit));
            if (mails.isEmpty()) out.println("The outbox is empty.");
            for (OutboxMail mail : mails) {
                String state = mail.sent() ? "sent " + mail.sentAt().orElseThrow()
                        : "waiting" + (mail.attempts() > 0 ? " (" + mail.attempts() + " failed attempts)" : "");
                out.printf("#%d  %s  to %s  [%s]%n  %s%n", mail.id(), mail.createdAt(), mail.recipient(), state, mail.subject());
                mail.text().ifPresent(text -> text.lines().forEach(line -> out.println("    " + line)));
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}

package dearly.mail;

import dearly.web.SafeErrors;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox over SMTP from one background virtual thread. It sends as soon as {@link #wake}
 * is called (after the commit that enqueued a mail), and also every few seconds, because another
 * node sharing the database may have enqueued one or a failed mail may have come due.
 *
 * <p>Log lines name the outbox id and exception classes only: never an address, a subject or a body.
 */
public final class MailDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final int BATCH = 20;
    // Well inside Outbox.CLAIM_LEASE, so no other node takes over a mail that is still being sent.
    private static final String CONNECT_TIMEOUT_MILLIS = "10000";
    private static final String IO_TIMEOUT_MILLIS = "30000";

    private final Outbox outbox;
    private final SmtpSettings smtp;
    private final Supplier<Instant> clock;
    private final Session session;
    private final InternetAddress from;
    private final String node = UUID.randomUUID().toString();
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    private MailDispatcher(Outbox outbox, SmtpSettings smtp, Supplier<Instant> clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.clock = clock;
        this.session = Session.getInstance(properties(smtp));
        this.from = fromAddress(smtp.from());
        this.thread = Thread.ofVirtual().name("dearly-mail").unstarted(this::run);
    }

    /** Starts sending; whatever is already due goes at once. */
    public static MailDispatcher start(Outbox outbox, SmtpSettings smtp, Supplier<Instant> clock) {
        MailDispatcher dispatcher = new MailDispatcher(outbox, smtp, clock);
        outbox.releaseClaimsOfEarlierRuns();
        dispatcher.thread.start();
        return dispatcher;
    }

    /** Asks for a round now, typically right after a transaction that enqueued mail committed. */
    public void wake() {
        if (signal.availablePermits() == 0) signal.release();
    }

    /** Stops the thread; a send in progress is given a moment, then interrupted (its claim lapses safely). */
    @Override
    public void close() {
        closed = true;
        signal.release();
        try {
            if (!thread.join(STOP_WAIT)) {
                thread.interrupt();
                thread.join(STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            boolean more = false;
            try {
                more = sendDue();
            } catch (RuntimeException e) {
                LOG.warn("mail outbox not read: {}", SafeErrors.names(e));
            }
            if (more) continue;
            try {
                signal.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends one batch over one connection; true when a full batch suggests more are due. */
    private boolean sendDue() {
        List<Long> due = outbox.due(clock.get(), BATCH);
        Transport transport = null;
        try {
            for (long id : due) {
                if (closed) return false;
                Optional<Outbox.Claimed> claimed = outbox.claim(id, node, clock.get());
                if (claimed.isEmpty()) continue; // another node is sending it
                try {
                    if (transport == null) transport = connect();
                } catch (MessagingException e) {
                    failed(claimed.get(), e);
                    return false; // the server is unreachable; the rest wait for the next round
                }
                try {
                    MimeMessage message = message(claimed.get());
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException e) {
                    failed(claimed.get(), e);
                    closeQuietly(transport);
                    transport = null;
                    continue;
                }
                if (outbox.markSent(id, node, clock.get())) {
                    LOG.info("mail {} sent", id);
                } else {
                    LOG.warn("mail {} sent after its claim lapsed or it was forgotten", id);
                }
            }
            return due.size() == BATCH;
        } finally {
            closeQuietly(transport);
        }
    }

    private void failed(Outbox.Claimed claimed, MessagingException e) {
        String error = SafeErrors.names(e);
        outbox.markFailed(claimed, node, clock.get(), error);
        LOG.warn("mail {} not sent (attempt {}), will retry: {}", claimed.id(), claimed.attempts() + 1, error);
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(smtp.host(), smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null));
        return transport;
    }

    private MimeMessage message(Outbox.Claimed claimed) throws MessagingException {
        Mail mail = claimed.mail();
        // Stable per outbox row, so a mail sent twice after a crash can be recognised as one.
        String messageId = "<outbox-" + claimed.id() + "." + claimed.createdAt().toEpochMilli() + "@" + domain() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.get()));
        if (mail.html() == null) {
            message.setText(mail.text(), "UTF-8", "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        message.saveChanges();
        return message;
    }

    private String domain() {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static Properties properties(SmtpSettings smtp) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", smtp.host());
        properties.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        properties.setProperty("mail.smtp.connectiontimeout", CONNECT_TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", IO_TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", IO_TIMEOUT_MILLIS);
        properties.setProperty("mail.mime.charset", "UTF-8");
        switch (smtp.security()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return properties;
    }

    /** The From address with its display name encoded, so "Mamá" survives any mail server. */
    private static InternetAddress fromAddress(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("DEARLY_SMTP_FROM is not an address", e);
        }
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("SMTP connection not closed cleanly: {}", SafeErrors.names(e));
        }
    }
}

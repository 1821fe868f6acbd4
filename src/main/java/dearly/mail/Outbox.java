package dearly.mail;

import static dearly.storage.Columns.instant;

import dearly.storage.Database;
import dearly.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Mail waiting to be sent, kept in the database so that it is written in the same transaction as
 * what it reports and is never lost when SMTP is slow, down, or not configured at all.
 *
 * <p>Several nodes may share one database: a node sends a mail only after {@link #claim} wins it,
 * and a claim is a lease that another node may take over once it is {@link #CLAIM_LEASE} old, so a
 * node that dies mid-send delays its mail but does not lose it. Delivery is therefore at least once:
 * a node that dies after the SMTP server accepted a mail, before {@link #markSent}, sends it again.
 */
public final class Outbox {
    /** Far longer than one SMTP send with the dispatcher's timeouts, so a live sender never loses its lease. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final Database database;

    public Outbox(Database database) {
        this.database = database;
    }

    /** A mail this node has claimed and should now send. */
    public record Claimed(long id, Mail mail, int attempts, Instant createdAt) {}

    /** Adds the mail inside the caller's transaction, due at once; returns its id. */
    public long enqueue(Handle handle, Mail mail, Instant now) {
        return handle.createQuery("""
                        INSERT INTO mail_outbox (recipient, recipient_key, subject, text_body, html_body,
                                                 created_at, attempts, next_attempt_at)
                        VALUES (:recipient, :recipientKey, :subject, :text, :html, :now, 0, :now)
                        RETURNING id""")
                .bind("recipient", mail.to())
                .bind("recipientKey", key(mail.to()))
                .bind("subject", mail.subject())
                .bind("text", mail.text())
                .bind("html", mail.html())
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }

    /** The latest mails, newest first, sent or not. */
    public List<OutboxMail> recent(int limit) {
        return database.read(handle -> handle.createQuery("""
                        SELECT id, recipient, subject, text_body, html_body, created_at, attempts, next_attempt_at,
                               sent_at, last_error
                        FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        Optional.ofNullable(rs.getString("text_body")), Optional.ofNullable(rs.getString("html_body")),
                        instant(rs, "created_at", ctx), rs.getInt("attempts"), instant(rs, "next_attempt_at", ctx),
                        Optional.ofNullable(instant(rs, "sent_at", ctx)), Optional.ofNullable(rs.getString("last_error"))))
                .list());
    }

    /** Deletes every mail to this address, however its case was typed, inside the caller's transaction. */
    public int forget(Handle handle, String recipient) {
        return handle.createUpdate("DELETE FROM mail_outbox WHERE recipient_key = :recipientKey")
                .bind("recipientKey", key(recipient))
                .execute();
    }

    /** Deletes one mail, sent or not, inside the caller's transaction: a sent row still names its recipient. */
    public void forget(Handle handle, long id) {
        handle.createUpdate("DELETE FROM mail_outbox WHERE id = :id").bind("id", id).execute();
    }

    /** The mail not sent yet: how much, and when the oldest of it was queued (empty when none). For /metrics. */
    public record Waiting(long count, Optional<Instant> oldest) {}

    public Waiting waiting() {
        return database.read(handle -> handle.createQuery(
                        "SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM mail_outbox WHERE sent_at IS NULL")
                .map((rs, ctx) -> new Waiting(rs.getLong("waiting"), Optional.ofNullable(instant(rs, "oldest", ctx))))
                .one());
    }

    /** Ids of unsent mails that are due and not claimed by a live node, oldest due first. */
    public List<Long> due(Instant now, int limit) {
        return database.read(handle -> handle.createQuery("""
                        SELECT id FROM mail_outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= :now AND (claimed_at IS NULL OR claimed_at < :stale)
                        ORDER BY next_attempt_at, id LIMIT :limit""")
                .bind("now", now)
                .bind("stale", now.minus(CLAIM_LEASE))
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }

    /**
     * Takes the mail for this node, unless it is sent, gone, or claimed by another node within the
     * lease. The conditional update is the lock: of two nodes racing for one mail, only one row
     * count is 1.
     */
    public Optional<Claimed> claim(long id, String node, Instant now) {
        return database.write(handle -> {
            int won = handle.createUpdate("""
                            UPDATE mail_outbox SET claimed_by = :node, claimed_at = :now
                            WHERE id = :id AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < :stale)""")
                    .bind("id", id)
                    .bind("node", node)
                    .bind("now", now)
                    .bind("stale", now.minus(CLAIM_LEASE))
                    .execute();
            if (won != 1) return Optional.empty();
            return handle.createQuery("""
                            SELECT recipient, subject, text_body, html_body, attempts, created_at
                            FROM mail_outbox WHERE id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new Claimed(id,
                            new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                                    rs.getString("html_body")),
                            rs.getInt("attempts"), instant(rs, "created_at", ctx)))
                    .findOne();
        });
    }

    /**
     * Frees every claim at start on SQLite, where this process is the database's only sender: the
     * claims left are a killed run's, and would otherwise hold its mail back for the whole lease. On
     * PostgreSQL another live node may hold them, so they wait for the lease there.
     */
    public void releaseClaimsOfEarlierRuns() {
        if (database.dialect() != Dialect.SQLITE) return;
        database.write(handle -> handle.createUpdate("""
                        UPDATE mail_outbox SET claimed_by = NULL, claimed_at = NULL
                        WHERE sent_at IS NULL AND claimed_at IS NOT NULL""")
                .execute());
    }

    /**
     * Records the mail as sent and erases its bodies. False when this node no longer held the claim
     * (the mail was forgotten meanwhile, or the lease ran out and another node took it).
     */
    public boolean markSent(long id, String node, Instant now) {
        return database.write(handle -> handle.createUpdate("""
                        UPDATE mail_outbox
                        SET sent_at = :now, text_body = NULL, html_body = NULL, claimed_by = NULL, claimed_at = NULL,
                            last_error = NULL
                        WHERE id = :id AND claimed_by = :node AND sent_at IS NULL""")
                .bind("id", id)
                .bind("node", node)
                .bind("now", now)
                .execute() == 1);
    }

    /** Releases the claim after a failed attempt and schedules the next one, later each time. */
    public void markFailed(Claimed claimed, String node, Instant now, String error) {
        int attempts = claimed.attempts() + 1;
        database.write(handle -> handle.createUpdate("""
                        UPDATE mail_outbox
                        SET attempts = :attempts, next_attempt_at = :next, last_error = :error,
                            claimed_by = NULL, claimed_at = NULL
                        WHERE id = :id AND claimed_by = :node AND sent_at IS NULL""")
                .bind("id", claimed.id())
                .bind("node", node)
                .bind("attempts", attempts)
                .bind("next", now.plus(retryAfter(attempts)))
                .bind("error", error.length() > 200 ? error.substring(0, 200) : error)
                .execute());
    }

    /** 30 s after the first failure, doubling up to an hour, and hourly from then on: never given up. */
    public static Duration retryAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 16);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** An address as Dearly compares addresses: however its case was typed. */
    public static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

}

package dearly.asking;

import static dearly.storage.Columns.instant;

import dearly.language.Language;
import dearly.mail.Outbox;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores the pending erase links. Every method works inside the caller's transaction. */
public final class EraseLinks {
    /** A link not yet used nor expired: the keyed hash of her address and the mail that carries the link. */
    public record Pending(long id, String addressKey, Language language, Optional<Long> mailId) {}

    private final Outbox outbox;

    public EraseLinks(Outbox outbox) {
        this.outbox = outbox;
    }

    public void add(Handle handle, String token, String address, Language language, long mailId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO erase_link (token_hash, address_key, language, mail_id, created_at, expires_at)
                        VALUES (:tokenHash, :addressKey, :language, :mailId, :now, :expires)""")
                .bind("tokenHash", EraseLink.hash(token))
                .bind("addressKey", EraseLink.addressKey(token, address))
                .bind("language", language.code())
                .bind("mailId", mailId)
                .bind("now", now)
                .bind("expires", now.plus(EraseLink.VALID_FOR))
                .execute();
    }

    public Optional<Pending> find(Handle handle, String token, Instant now) {
        return handle.createQuery("""
                        SELECT id, address_key, language, mail_id, expires_at FROM erase_link WHERE token_hash = :hash""")
                .bind("hash", EraseLink.hash(token))
                .map((rs, ctx) -> {
                    long mail = rs.getLong("mail_id");
                    Optional<Long> mailId = rs.wasNull() ? Optional.empty() : Optional.of(mail);
                    Pending pending = new Pending(rs.getLong("id"), rs.getString("address_key"),
                            Language.fromCode(rs.getString("language")).orElseThrow(), mailId);
                    return instant(rs, "expires_at", ctx).isAfter(now) ? Optional.of(pending) : Optional.<Pending>empty();
                })
                .findOne()
                .flatMap(found -> found);
    }

    /** Removes the link and the mail that carried it, which still names her address even once sent. */
    public void remove(Handle handle, Pending pending) {
        pending.mailId().ifPresent(id -> outbox.forget(handle, id));
        handle.createUpdate("DELETE FROM erase_link WHERE id = :id").bind("id", pending.id()).execute();
    }

    /** Removes the links that have expired, with their mails. */
    public void removeExpired(Handle handle, Instant now) {
        handle.createQuery("SELECT mail_id FROM erase_link WHERE expires_at <= :now AND mail_id IS NOT NULL")
                .bind("now", now)
                .mapTo(Long.class)
                .list()
                .forEach(id -> outbox.forget(handle, id));
        handle.createUpdate("DELETE FROM erase_link WHERE expires_at <= :now").bind("now", now).execute();
    }
}

package dearly.letters;

import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import dearly.storage.ChangeLog;
import dearly.storage.Database;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An advisor's public profile, as she edits it: the name she signs with, her bio and her portrait
 * (already made by {@link Portraits}). The portrait's address names the SHA-256 of its bytes, so a
 * browser may keep it for good and a new photo is a new address; the old one is deleted with it.
 */
public final class AdvisorProfiles {
    public static final String PHOTOS = "/advisors/photos/";

    private final Database database;
    private final Publishing publishing;
    private final AuditLog audit;
    private final Supplier<Instant> clock;
    private final ChangeLog changes = new ChangeLog();

    public AdvisorProfiles(Database database, Publishing publishing, AuditLog audit, Supplier<Instant> clock) {
        this.database = database;
        this.publishing = publishing;
        this.audit = audit;
        this.clock = clock;
    }

    /** Her advisor row, if she has one yet (made on her first letter or her first save here). */
    public Optional<Advisor> of(long userId) {
        return database.read(handle -> publishing.advisorOf(handle, userId));
    }

    /**
     * Saves her name and bio, and her portrait when she gave a new one, in one transaction with its
     * audit entry; her letters are marked changed for the search index when her name changed.
     *
     * @param accountName her account's name, for an advisor row made now
     */
    public Advisor save(Actor who, long userId, String accountName, String displayName, String bio, Optional<byte[]> portrait) {
        Instant now = clock.get();
        return database.write(handle -> {
            Advisor before = publishing.advisorFor(handle, userId, accountName, now);
            List<String> changed = new ArrayList<>();
            if (!before.displayName().equals(displayName)) changed.add("name");
            if (!before.bio().equals(bio)) changed.add("bio");
            String photoPath = before.photoPath();
            if (portrait.isPresent()) {
                String fingerprint = fingerprint(before.id(), portrait.get());
                photoPath = PHOTOS + fingerprint + ".jpg";
                handle.createUpdate("DELETE FROM advisor_photo WHERE advisor_id = :advisor")
                        .bind("advisor", before.id()).execute();
                handle.createUpdate("""
                                INSERT INTO advisor_photo (fingerprint, advisor_id, jpeg, created_at)
                                VALUES (:fingerprint, :advisor, :jpeg, :now)""")
                        .bind("fingerprint", fingerprint).bind("advisor", before.id()).bind("jpeg", portrait.get()).bind("now", now)
                        .execute();
                changed.add("photo");
            }
            handle.createUpdate("UPDATE advisor SET display_name = :name, bio = :bio, photo_path = :photo WHERE id = :id")
                    .bind("name", displayName).bind("bio", bio).bind("photo", photoPath).bind("id", before.id()).execute();
            if (changed.contains("name")) {
                handle.createQuery("SELECT id FROM letter WHERE advisor_id = :advisor").bind("advisor", before.id())
                        .mapTo(Long.class).list()
                        .forEach(letter -> changes.append(handle, Publishing.LETTER_CHANGED, letter, now));
            }
            if (!changed.isEmpty()) {
                // Her page changes even when she has no letter yet.
                changes.append(handle, Publishing.ADVISOR_CHANGED, before.id(), now);
                audit.record(handle, who, "advisor-profile.changed", Subject.of("advisor", before.id()), String.join(", ", changed));
            }
            return new Advisor(before.id(), before.slug(), displayName, bio, photoPath);
        });
    }

    /** The portrait stored under this address's name ({@code <sha-256>.jpg}), if any. */
    public Optional<byte[]> photo(String file) {
        if (!file.matches("[0-9a-f]{64}\\.jpg")) return Optional.empty();
        String fingerprint = file.substring(0, 64);
        return database.read(handle -> handle.createQuery("SELECT jpeg FROM advisor_photo WHERE fingerprint = :fingerprint")
                .bind("fingerprint", fingerprint).mapTo(byte[].class).findOne());
    }

    /** Her id goes in too: two advisors with the same photo still have one each, deleted with her next. */
    private static String fingerprint(long advisorId, byte[] bytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((advisorId + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

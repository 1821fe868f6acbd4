package dearly.asking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The idempotency key of a submission: the hidden field of the form (random, made when the form is
 * shown) or the API's Idempotency-Key header. A retry with the same key must get the same status
 * link, yet the link is stored only as a hash. So the link is also kept sealed (AES-GCM) under a key
 * derived from the retry key, which only the parent's device knows: the database alone opens nothing.
 *
 * <p>A key names one submission, not a slot anyone may fill: the seal is bound to the submission's
 * fingerprint (an HMAC of the checked question under the retry key), so only the same key with the
 * same question opens it. The same key with other words opens nothing and is told so, instead of
 * being handed the first parent's link. The fingerprint itself is never stored, so a copy of the
 * database cannot confirm a guessed text without the key.
 */
public final class RetryKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    static final int MAX_LENGTH = 200;

    private final String key;
    private final byte[] fingerprint;

    private RetryKey(String key, byte[] fingerprint) {
        this.key = key;
        this.fingerprint = fingerprint;
    }

    /** A key for a new form: 256 random bits, so no one can guess another parent's. */
    public static RetryKey fresh() {
        return new RetryKey(StatusLink.newToken(), new byte[0]);
    }

    /** Empty for a missing, blank or oversized key: then every submission is a new question. */
    public static Optional<RetryKey> of(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) return Optional.empty();
        return Optional.of(new RetryKey(typed.strip(), new byte[0]));
    }

    /** True for a key longer than any Dearly keeps: the API refuses it rather than ignore it. */
    public static boolean tooLong(String typed) {
        return typed != null && typed.length() > MAX_LENGTH;
    }

    /** This key bound to one submission: its seal opens only for the same question, word for word. */
    public RetryKey scopedTo(NewQuestion asked) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("fingerprint:" + key).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new RetryKey(key, mac.doFinal(canonical(asked).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * The checked question as one unambiguous text: every field length-prefixed, children in order.
     * Checked values, so a retry that differs only in spacing or letter case of a choice is the same.
     */
    static String canonical(NewQuestion asked) {
        Asker asker = asked.asker();
        StringBuilder text = new StringBuilder();
        for (Object field : java.util.Arrays.asList(asked.title(), asked.body(), asker.firstName(), asker.surname(),
                asker.age(), asker.city(), asker.country(), asker.role(), asker.pseudonym(), asker.language(),
                asker.email(), asker.children().size())) {
            append(text, field);
        }
        for (Child child : asker.children()) {
            for (Object field : java.util.Arrays.asList(child.firstName(), child.birthDate(), child.ageMonths(), child.sex(),
                    child.multiple())) {
                append(text, field);
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Object field) {
        if (field == null) {
            text.append('-');
            return;
        }
        String value = field.toString();
        text.append(value.length()).append(':').append(value);
    }

    public String value() {
        return key;
    }

    public String hash() {
        return StatusLink.hash("retry:" + key);
    }

    public String seal(String token) {
        requireScoped();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The sealed token, when this is the same key with the same submission; empty otherwise. */
    public Optional<String> open(String sealed) {
        requireScoped();
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv);
            byte[] token = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Optional.of(new String(token, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void requireScoped() {
        if (fingerprint.length == 0) throw new IllegalStateException("a retry key seals only once scoped to its submission");
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(("seal:" + key).getBytes(StandardCharsets.UTF_8));
        byte[] secret = digest.digest(fingerprint);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }
}

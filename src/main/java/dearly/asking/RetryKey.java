package dearly.asking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The idempotency key of a submission: the hidden field of the form (random, made when the form is
 * shown) or the API's Idempotency-Key header. A retry with the same key must get the same status
 * link, yet the link is stored only as a hash. So the link is also kept sealed (AES-GCM) under a key
 * derived from the retry key, which only the parent's device knows: the database alone opens nothing.
 */
public final class RetryKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int MAX_LENGTH = 200;

    private final String key;

    private RetryKey(String key) {
        this.key = key;
    }

    /** A key for a new form. */
    public static RetryKey fresh() {
        return new RetryKey(StatusLink.newToken());
    }

    /** Empty for a missing, blank or oversized key: then every submission is a new question. */
    public static Optional<RetryKey> of(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) return Optional.empty();
        return Optional.of(new RetryKey(typed.strip()));
    }

    public String value() {
        return key;
    }

    public String hash() {
        return StatusLink.hash("retry:" + key);
    }

    public String seal(String token) {
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

    public Optional<String> open(String sealed) {
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

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        byte[] secret = MessageDigest.getInstance("SHA-256").digest(("seal:" + key).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }
}

package dearly.accounts;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.PasswordConverter;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id, stored as the standard PHC string
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded standard Base64), so any Argon2
 * library can check Dearly's hashes and the cost can be raised later without a migration: a hash
 * is checked with the parameters written in it.
 *
 * <p>Cost: OWASP's Password Storage Cheat Sheet minimum for Argon2id (19 MiB, 2 passes, 1 lane),
 * a few tens of milliseconds per hash on a small server.
 *
 * <p>The caller owns the {@code char[]} it passes and should wipe it; the bytes made from it here
 * are wiped before returning.
 */
public final class Passwords {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";

    // Bounds on what a stored hash may ask for, so that a corrupted row cannot make one check take minutes.
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private Passwords() {}

    /** A new hash of the password with a fresh random salt, as a PHC string. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return PREFIX + "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether the password is the one the PHC string was made from. Compared in constant time. A
     * string that is not a well-formed Argon2id hash matches nothing.
     */
    public static boolean matches(char[] password, String encoded) {
        Encoded parsed = Encoded.parse(encoded);
        if (parsed == null) return false;
        byte[] actual = argon2id(password, parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism,
                parsed.hash.length);
        return org.bouncycastle.util.Arrays.constantTimeAreEqual(actual, parsed.hash);
    }

    private static byte[] argon2id(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] bytes = PasswordConverter.UTF8.convert(password);
        try {
            byte[] out = new byte[length];
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The parts of a PHC string, or null from {@link #parse} when it is not a usable Argon2id hash. */
    private record Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
        static Encoded parse(String encoded) {
            if (encoded == null || !encoded.startsWith(PREFIX)) return null;
            String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) return null;
            String[] settings = parts[0].split(",", -1);
            if (settings.length != 3) return null;
            try {
                int memory = setting(settings[0], "m=");
                int iterations = setting(settings[1], "t=");
                int parallelism = setting(settings[2], "p=");
                byte[] salt = DECODER.decode(parts[1]);
                byte[] hash = DECODER.decode(parts[2]);
                boolean sane = parallelism >= 1 && parallelism <= MAX_PARALLELISM
                        && memory >= 8 * parallelism && memory <= MAX_MEMORY_KIB
                        && iterations >= 1 && iterations <= MAX_ITERATIONS
                        && salt.length >= 8 && hash.length >= 16 && hash.length <= 64;
                return sane ? new Encoded(memory, iterations, parallelism, salt, hash) : null;
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }

        private static int setting(String text, String name) {
            if (!text.startsWith(name)) throw new IllegalArgumentException("expected " + name);
            String digits = text.substring(name.length());
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a number: " + name);
            }
            return Integer.parseInt(digits);
        }
    }
}

package dearly.asking;

import dearly.web.Secrets;

/**
 * The asker's private status link. The token has 256 random bits and is shown once and e-mailed;
 * the database keeps only its SHA-256, so a copy of the database opens no one's question.
 */
public final class StatusLink {
    private StatusLink() {}

    public static String newToken() {
        return Secrets.newToken();
    }

    /** The path of her status page. */
    public static String path(String token) {
        return "/status/" + token;
    }

    /** True for strings that could be a token; anything else is not looked up at all. */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    public static String hash(String secret) {
        return Secrets.sha256(secret);
    }
}

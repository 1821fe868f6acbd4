package dearly.asking;

import dearly.mail.Outbox;
import dearly.web.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link mailed after "delete everything" that erases every question sent from her address. Only
 * the mailbox's owner receives it, so a stranger who types her address into the form cannot erase
 * her questions. Like her status link, it has 256 random bits and only its SHA-256 is stored.
 */
public final class EraseLink {
    /** Long enough for a mail read days later; short enough that a forgotten link stops working. */
    public static final Duration VALID_FOR = Duration.ofDays(7);

    private EraseLink() {}

    public static String newToken() {
        return Secrets.newToken();
    }

    public static String path(String token) {
        return "/erase/" + token;
    }

    /** True for strings that could be a token; anything else is not looked up at all. */
    public static boolean wellFormed(String token) {
        return StatusLink.wellFormed(token);
    }

    public static String hash(String token) {
        return Secrets.sha256(token);
    }

    /**
     * Her address, compared however its case was typed, as HMAC-SHA256 keyed by the link's token:
     * what the database keeps instead of the address, matchable only by whoever holds the link.
     */
    public static String addressKey(String token, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(Outbox.key(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

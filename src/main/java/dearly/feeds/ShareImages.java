package dearly.feeds;

import dearly.language.Language;
import dearly.language.Messages;
import dearly.letters.Letter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each letter's share image and the site's, drawn from public fields only (the headline, the
 * column's name, the first topic and the advisor's name: never a byline or anything she sent).
 * Each has an address named by a fingerprint of what it shows, so a corrected headline gets a new
 * address and link previews fetch it anew, while an unchanged one is cached for a year everywhere.
 * Drawing takes some tens of milliseconds: the last few hundred drawn are kept in memory.
 */
final class ShareImages {
    private final int kept;
    private final Map<String, byte[]> drawn;

    /** @param kept how many images stay in memory (20 to 70 KB each) */
    ShareImages(int kept) {
        this.kept = kept;
        this.drawn = new LinkedHashMap<>(16, 0.75f, true);
    }

    static ShareCard card(Letter letter) {
        Messages t = Messages.of(letter.language());
        String kicker = letter.topics().isEmpty() ? "" : letter.topics().getFirst().name(letter.language());
        String footer = t.format("preview.by", letter.advisor().displayName());
        ShareCard card = new ShareCard(t.get("site.name"), kicker, letter.headline(), footer, letter.language().locale());
        // A headline of emoji alone leaves nothing the font can draw: the column's tagline stands in.
        return card.headline().isEmpty()
                ? new ShareCard(t.get("site.name"), kicker, t.get("site.tagline"), footer, letter.language().locale())
                : card;
    }

    static ShareCard site(Language language) {
        Messages t = Messages.of(language);
        return new ShareCard(t.get("site.name"), "", t.get("site.tagline"), "", language.locale());
    }

    /** The letter's image's path: it changes when anything the image shows changes. */
    static String path(Letter letter) {
        return "/share/letters/" + letter.slug() + "/" + fingerprint(card(letter)) + ".png";
    }

    static String sitePath(Language language) {
        return "/share/site/" + language.code() + "/" + fingerprint(site(language)) + ".png";
    }

    static String fingerprint(ShareCard card) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {ShareCard.DRAWING, card.siteName(), card.kicker(), card.headline(), card.footer(),
                    card.locale().toLanguageTag()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The card as a PNG, drawn once while it stays among the last ones asked for. */
    byte[] png(ShareCard card) {
        String key = fingerprint(card);
        synchronized (drawn) {
            byte[] png = drawn.get(key);
            if (png != null) return png;
        }
        byte[] png = card.png();
        synchronized (drawn) {
            drawn.put(key, png);
            while (drawn.size() > kept) drawn.remove(drawn.keySet().iterator().next());
        }
        return png;
    }
}

package dearly.letters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a letter can be shared from its page without JavaScript: plain links to each service's own
 * share page, and a mail. Each carries the letter's canonical address and its headline, percent-encoded,
 * and nothing else: no {@code utm_} parameter or anything that differs from one visitor to the next, so
 * the page can be cached for everyone and a shared link says nothing about who shared it.
 */
public record ShareLinks(String url, String whatsapp, String facebook, String x, String pinterest, String email) {

    /** @param url the letter's absolute canonical address */
    public static ShareLinks of(String headline, String url) {
        String title = encode(headline);
        String address = encode(url);
        String both = encode(headline + " " + url);
        return new ShareLinks(
                url,
                "https://wa.me/?text=" + both,
                "https://www.facebook.com/sharer/sharer.php?u=" + address,
                "https://x.com/intent/post?text=" + title + "&url=" + address,
                "https://www.pinterest.com/pin/create/button/?url=" + address + "&description=" + title,
                "mailto:?subject=" + title + "&body=" + both);
    }

    // %20 rather than +: a mail client reads mailto: as RFC 6068 says, where + is a plus sign.
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

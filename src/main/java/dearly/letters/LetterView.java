package dearly.letters;

import dearly.language.Dates;

/**
 * A letter ready for its page: the body as safe HTML, its date in the letter's language and the
 * addresses its share control offers.
 */
public record LetterView(Letter letter, String bodyHtml, String publishedOn, ShareLinks share) {

    public static LetterView of(Letter letter, String absoluteUrl) {
        return new LetterView(
                letter,
                LetterText.html(letter.bodyMarkdown()),
                Dates.longDate(letter.publishedAt(), letter.language()),
                ShareLinks.of(letter.headline(), absoluteUrl));
    }

    public String url() {
        return share.url();
    }

    /** The letter's address on this site without the site, as the page was asked for in its language. */
    public String path() {
        return java.net.URI.create(url()).getRawPath();
    }

    /**
     * A draft shown as its published page will show it, for the desk's preview: the same body
     * rendering and sanitising, dated today, with the address it does not have yet.
     */
    public static LetterView preview(Words words, String byline, Advisor advisor, java.util.List<Topic> topics,
            dearly.language.Language language, java.time.Instant now) {
        return of(new Letter(0, "preview", words, byline, advisor, topics, language, now), "#");
    }
}

package dearly.desk;

import dearly.language.Language;

/**
 * Everything of a letter that readers will see, as the checks before publishing read it.
 *
 * @param body the letter in Markdown, checked as written (a link's address is public too)
 * @param question the asker's question as it will be published, or null when it is not published
 */
public record PublicText(Language language, String headline, String standfirst, String salutation, String body, String signOff,
        String question) {
    public PublicText {
        if (language == null) throw new IllegalArgumentException("a letter has a language");
        headline = orEmpty(headline);
        standfirst = orEmpty(standfirst);
        salutation = orEmpty(salutation);
        body = orEmpty(body);
        signOff = orEmpty(signOff);
    }

    /** The text of one field; empty when the field is empty or (for the question) not published. */
    public String of(Finding.Field field) {
        return switch (field) {
            case HEADLINE -> headline;
            case STANDFIRST -> standfirst;
            case SALUTATION -> salutation;
            case BODY -> body;
            case SIGN_OFF -> signOff;
            case QUESTION -> orEmpty(question);
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

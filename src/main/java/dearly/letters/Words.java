package dearly.letters;

/**
 * What the advisor and the editor write: a letter's words, apart from who answered, whom, and when.
 *
 * @param standfirst the editor's third-person summary, may be empty
 * @param bodyMarkdown the letter as the advisor wrote it: a line break is kept, a blank line starts a paragraph
 */
public record Words(String headline, String standfirst, String salutation, String bodyMarkdown, String signOff) {
    public Words {
        if (headline == null || headline.isBlank()) throw new IllegalArgumentException("a letter has a headline");
        standfirst = standfirst == null ? "" : standfirst;
        salutation = salutation == null ? "" : salutation;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
        signOff = signOff == null ? "" : signOff;
    }
}

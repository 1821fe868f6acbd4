package dearly.letters;

import dearly.language.Language;
import java.time.Instant;
import java.util.List;

/**
 * A published letter as readers see it.
 *
 * @param byline generated from the asker's profile in the letter's language; empty when there is no asker
 * @param bodyMarkdown the letter as the advisor wrote it: a line break is kept, a blank line starts a paragraph
 */
public record Letter(
        long id,
        String slug,
        String headline,
        String byline,
        String standfirst,
        String salutation,
        String bodyMarkdown,
        String signOff,
        Advisor advisor,
        List<Topic> topics,
        Language language,
        Instant publishedAt) {
    public Letter {
        topics = List.copyOf(topics);
    }

    public Letter withTopics(List<Topic> topics) {
        return new Letter(id, slug, headline, byline, standfirst, salutation, bodyMarkdown, signOff, advisor, topics,
                language, publishedAt);
    }

    public String path() {
        return "/letters/" + slug;
    }
}

package dearly.letters;

import dearly.language.Language;
import java.time.Instant;
import java.util.List;

/**
 * A published letter as readers see it.
 *
 * @param byline the asker's byline as the letter was published with it, in the letter's language;
 *     empty when there is no asker or she erased everything
 * @param correction what an editor corrected after publication, shown on the page; empty when never corrected
 * @param source where an imported letter came from; {@link Source#NONE} for a letter written here
 */
public record Letter(
        long id, String slug, Words words, String byline, Advisor advisor, List<Topic> topics, Language language,
        Instant publishedAt, java.util.Optional<Correction> correction, Source source) {

    /** A correction's note, as the editor wrote it for readers, and when it was made. */
    public record Correction(String note, Instant at) {}

    public Letter {
        topics = List.copyOf(topics);
        correction = correction == null ? java.util.Optional.empty() : correction;
        source = source == null ? Source.NONE : source;
    }

    /** A letter written on Dearly, never corrected. */
    public Letter(long id, String slug, Words words, String byline, Advisor advisor, List<Topic> topics, Language language,
            Instant publishedAt) {
        this(id, slug, words, byline, advisor, topics, language, publishedAt, java.util.Optional.empty(), Source.NONE);
    }

    public Letter withTopics(List<Topic> topics) {
        return new Letter(id, slug, words, byline, advisor, topics, language, publishedAt, correction, source);
    }

    /** The letter's id in the archive it was imported from; empty for a letter written on Dearly. */
    public String externalId() {
        return source.externalId();
    }

    /** Where an imported letter was first published; empty when unknown or written here. */
    public String sourceUrl() {
        return source.sourceUrl();
    }

    public String headline() {
        return words.headline();
    }

    public String standfirst() {
        return words.standfirst();
    }

    public String salutation() {
        return words.salutation();
    }

    public String bodyMarkdown() {
        return words.bodyMarkdown();
    }

    public String signOff() {
        return words.signOff();
    }

    public String path() {
        return "/letters/" + slug;
    }
}

package dearly.asking;

import dearly.language.Language;
import java.time.Instant;

/** What a parent asked: a title and her own words, when they arrived, and where the question stands. */
public record Question(long id, String title, String body, Language language, Instant receivedAt, QuestionStatus status) {
    public Question {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("a question has a title");
        if (body == null) throw new IllegalArgumentException("a question has a body");
        if (receivedAt == null || status == null || language == null) {
            throw new IllegalArgumentException("a question has a language, a time and a status");
        }
    }
}

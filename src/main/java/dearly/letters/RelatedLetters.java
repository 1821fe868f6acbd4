package dearly.letters;

import dearly.language.Language;
import java.util.List;
import java.util.Optional;

/**
 * The published letters closest to a text, best first: beside her question as she writes it, on the
 * page that acknowledges it, beside a letter and beside an advisor's draft. Defined here and answered
 * by the search index, which depends on letters and not the other way round.
 */
public interface RelatedLetters {
    /** Answers nothing: for a page built without an index. */
    RelatedLetters NONE = (text, language, limit, excluding) -> List.of();

    /**
     * @param text any text: a question being typed, a letter; only its words count
     * @param language only letters in that language, or any
     * @param limit at most this many
     * @param excluding a letter not to offer (the one on the page)
     */
    List<RelatedLetter> closestTo(String text, Optional<Language> language, int limit, Optional<Long> excluding);
}

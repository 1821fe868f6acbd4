package dearly.letters;

import com.ibm.icu.text.BreakIterator;
import dearly.language.Dates;
import dearly.language.Language;

/** A letter in a list: its headline, the first sentence of its standfirst and its date. */
public record LetterSummary(Letter letter, String teaser, String publishedOn) {
    private static final int MAX_TEASER = 200;

    /** The letter's id in the archive it was imported from, empty for one written here (for the API's similar letters). */
    public String externalId() {
        return letter.externalId();
    }

    /** Where an imported letter was first published, or empty. */
    public String sourceUrl() {
        return letter.sourceUrl();
    }

    public static LetterSummary of(Letter letter, Language pageLanguage) {
        return new LetterSummary(letter, firstSentence(letter.standfirst(), letter.language()),
                Dates.longDate(letter.publishedAt(), pageLanguage));
    }

    static String firstSentence(String text, Language language) {
        if (text == null || text.isBlank()) return "";
        BreakIterator sentences = BreakIterator.getSentenceInstance(language.locale());
        sentences.setText(text);
        int end = sentences.next();
        String sentence = text.substring(0, end == BreakIterator.DONE ? text.length() : end).strip();
        if (sentence.length() <= MAX_TEASER) return sentence;
        int cut = sentence.lastIndexOf(' ', MAX_TEASER);
        return sentence.substring(0, cut > 0 ? cut : MAX_TEASER) + "…";
    }
}

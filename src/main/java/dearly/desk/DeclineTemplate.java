package dearly.desk;

import dearly.language.Language;

/** A kind decline reply an editor starts from, with a title and the text in each language. */
public record DeclineTemplate(long id, String titleEn, String titleEs, String textEn, String textEs) {
    /** A template's text is a decline an editor could send as it is: the desk's limits. */
    public static final int TEXT_MIN = DeskPages.REPLY_MIN, TEXT_MAX = DeskPages.REPLY_MAX;

    public String title(Language language) {
        return language == Language.ES ? titleEs : titleEn;
    }

    public String text(Language language) {
        return language == Language.ES ? textEs : textEn;
    }
}

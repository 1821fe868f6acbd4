package dearly.archive;

import java.util.regex.Pattern;

/** Plain text made into Markdown that reads back as the same text: every sign Markdown would act on is escaped. */
final class PlainText {
    /** "&" only where it would start an entity such as "&copy;"; "!" needs no escape once "[" has one. */
    private static final Pattern ACTIVE = Pattern.compile("([\\\\`*_\\[\\]<>#|~]|&(?=#?\\w+;))");
    /** At a line's start these begin a list or underline a heading. */
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)([-+=])");
    private static final Pattern NUMBERED = Pattern.compile("(?m)^(\\s*\\d+)([.)])");

    private PlainText() {}

    static String asMarkdown(String text) {
        return lineStarts(inline(text));
    }

    /** Escapes what Markdown acts on anywhere in a line. */
    static String inline(String text) {
        return ACTIVE.matcher(text).replaceAll("\\\\$1");
    }

    /** Escapes what Markdown acts on at a line's start: a list's bullet or number, a heading's underline. */
    static String lineStarts(String markdown) {
        String escaped = BULLET.matcher(markdown).replaceAll("$1\\\\$2");
        return NUMBERED.matcher(escaped).replaceAll("$1\\\\$2");
    }
}

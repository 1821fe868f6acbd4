package dearly.admin;

import dearly.language.Messages;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What is wrong with a line or a text an admin typed into the topic and template forms, in her
 * words: missing, too short or long (counted as a reader counts, in characters), or holding an
 * invisible control character, which would be stored and shown without anyone seeing it.
 */
final class TypedText {
    private static final Pattern CONTROL_IN_LINE = Pattern.compile("\\p{Cc}");
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private TypedText() {}

    /** Puts the problem with this field, if any, into {@code problems}. */
    static void check(Map<String, String> problems, Messages t, String field, String value, int min, int max, boolean multiline) {
        int length = value.codePointCount(0, value.length());
        String problem = value.isEmpty() ? t.get("admin.field.missing")
                : (multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).matcher(value).find() ? t.get("admin.field.control")
                : length < min ? t.format("admin.field.short", min)
                : length > max ? t.format("admin.field.long", max)
                : "";
        if (!problem.isEmpty()) problems.put(field, problem);
    }
}

package dearly.desk;

import dearly.language.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an advisor typed on her profile page, trimmed, and what is wrong with it in her words. Any
 * script, emoji and right-to-left text is taken (pages escape it); refused are invisible control
 * characters and the bidirectional overrides that make a name read differently from what it holds.
 */
record AdvisorProfileForm(String displayName, String bio) {
    static final int NAME_MAX = 60;
    static final int BIO_MAX = 1_000;
    private static final Pattern HIDDEN_IN_LINE = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern HIDDEN_IN_TEXT = Pattern.compile("[[\\p{Cc}&&[^\\n\\r\\t]]\\u202A-\\u202E\\u2066-\\u2069]");

    AdvisorProfileForm {
        displayName = displayName == null ? "" : displayName.strip();
        bio = bio == null ? "" : bio.strip().replace("\r\n", "\n");
    }

    /** The problem with each field, keyed by field name; empty when all is well. */
    Map<String, String> problems(Messages t) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (displayName.isEmpty()) problems.put("display_name", t.get("desk.profile.name.missing"));
        else if (HIDDEN_IN_LINE.matcher(displayName).find()) problems.put("display_name", t.get("desk.profile.hidden"));
        else if (length(displayName) > NAME_MAX) problems.put("display_name", t.format("desk.profile.long", NAME_MAX));
        if (HIDDEN_IN_TEXT.matcher(bio).find()) problems.put("bio", t.get("desk.profile.hidden"));
        else if (length(bio) > BIO_MAX) problems.put("bio", t.format("desk.profile.long", BIO_MAX));
        return problems;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}

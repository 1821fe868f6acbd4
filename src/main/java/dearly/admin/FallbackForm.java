package dearly.admin;

import dearly.language.Language;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to do in immediate danger, in one language, as an admin typed it. Every parent shown crisis
 * resources reads it, and a parent in a country without resources reads only it: it may never be
 * empty.
 */
public record FallbackForm(Language language, String message) {
    static final int MESSAGE_MAX = 1_000;

    // Line breaks and tabs are kept as typed; any other control character is invisible, so a mistake.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    public FallbackForm {
        if (language == null) throw new IllegalArgumentException("a fallback text is in a language");
        message = message == null ? "" : message;
    }

    /** The key of the message to show beside the field, or empty when the text can be stored. */
    public Optional<String> problem() {
        String text = text();
        if (text.isEmpty()) return Optional.of("admin.crisis.problem.fallback.missing");
        if (text.codePointCount(0, text.length()) > MESSAGE_MAX) return Optional.of("admin.crisis.problem.fallback.long");
        if (INVISIBLE.matcher(text).find()) return Optional.of("admin.crisis.problem.fallback.invisible");
        return Optional.empty();
    }

    /** The text to store: as typed, with browsers' \r\n line ends made \n and the ends trimmed. */
    public String text() {
        return message.replace("\r\n", "\n").strip();
    }
}

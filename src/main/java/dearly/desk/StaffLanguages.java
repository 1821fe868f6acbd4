package dearly.desk;

import dearly.language.Language;
import dearly.language.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The languages the desk's mail to a colleague speaks: the one she last signed in in, else every one
 * of Dearly's (an account that has not signed in yet has told us none), each paragraph in turn.
 */
public final class StaffLanguages {
    private StaffLanguages() {}

    public static List<Messages> of(Optional<Language> hers) {
        return hers.map(language -> List.of(Messages.of(language)))
                .orElseGet(() -> Arrays.stream(Language.values()).map(Messages::of).toList());
    }

    /** One message in each of the languages, as a subject or a button says it: "A question for you · Una pregunta para ti". */
    public static String joined(List<Messages> languages, String key) {
        return String.join(" · ", languages.stream().map(t -> t.get(key)).toList());
    }
}

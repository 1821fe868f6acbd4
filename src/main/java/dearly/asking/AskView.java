package dearly.asking;

import dearly.language.Messages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the ask form's template shows: what she typed, the message beside each field she must
 * fix, and, when her words show signs of crisis, help before anything else.
 *
 * @param errors field name to message, in her language
 * @param action where the form is sent
 * @param notice a message for the whole form, or empty
 * @param addedChild the index of the child row "add a child" just added, whose first field takes the
 *     focus so she carries on where she was; -1 otherwise
 */
public record AskView(
        Messages t,
        AskForm form,
        Map<String, String> errors,
        String csrf,
        String retryKey,
        List<Countries.Country> countries,
        Optional<CrisisHelp> crisis,
        String action,
        boolean editing,
        String notice,
        int addedChild) {

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String countryName() {
        return Countries.code(form.country()).map(code -> Countries.name(code, t.language())).orElse(form.country());
    }
}

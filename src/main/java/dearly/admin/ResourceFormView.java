package dearly.admin;

import dearly.asking.Countries;
import dearly.language.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the form for one crisis resource shows: what was typed, the message beside each field to fix,
 * and where it is sent.
 *
 * @param problems field name to message key, as {@link CrisisResourceForm#problems} gives them
 * @param notice a message for the whole form, or empty
 */
public record ResourceFormView(Messages t, CrisisResourceForm form, Map<String, String> problems, String action, String notice) {

    public boolean hasError(String field) {
        return problems.containsKey(field);
    }

    public String error(String field) {
        return hasError(field) ? t.get(problems.get(field)) : "";
    }

    /** The message for each field to fix, in the order the form checks them. */
    public Map<String, String> messages() {
        Map<String, String> messages = new LinkedHashMap<>();
        problems.keySet().forEach(field -> messages.put(field, error(field)));
        return messages;
    }

    /** Countries named in the page's language, offered while typing a code. */
    public List<Countries.Country> countries() {
        return Countries.all(t.language());
    }
}

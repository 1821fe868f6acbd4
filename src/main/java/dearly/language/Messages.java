package dearly.language;

import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of Dearly's pages in one language. Shared words live in
 * {@code dearly/language/messages_xx.properties}; a feature may keep its own words beside its code
 * in {@code dearly/<feature>/messages_xx.properties}. Messages with arguments use ICU
 * MessageFormat, so plurals read right in both languages.
 */
public final class Messages {
    private static final List<String> BUNDLES = List.of(
            "dearly.language.messages", "dearly.accounts.messages", "dearly.admin.messages", "dearly.desk.messages");
    private static final Map<Language, Messages> ALL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) ALL.put(language, new Messages(language));
    }

    private final Language language;
    private final List<ResourceBundle> bundles = new ArrayList<>();

    private Messages(Language language) {
        this.language = language;
        for (String name : BUNDLES) {
            try {
                bundles.add(ResourceBundle.getBundle(name, language.locale(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException featureWithoutWords) {
                // not every feature has words of its own
            }
        }
    }

    public static Messages of(Language language) {
        return ALL.get(language);
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) return bundle.getString(key);
        }
        throw new IllegalArgumentException("no message '" + key + "' in " + language.code());
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), language.locale()).format(arguments);
    }
}

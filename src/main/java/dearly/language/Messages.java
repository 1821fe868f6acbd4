package dearly.language;

import com.ibm.icu.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of Dearly's pages in one language. Each feature keeps its words beside its code, in
 * {@code dearly/<feature>/messages_xx.properties}; the words every feature shares (the layout, the
 * error pages, the site's name) are in {@code dearly/language/}. The files are found on the class
 * path (see {@link MessageBundles}), so a new feature's words need no list to be added to. Keys are
 * one namespace: a page may use any feature's words, and a key two features define is refused at
 * start, since which one won would depend on the order the files were found in. Messages with
 * arguments use ICU MessageFormat, so plurals read right in both languages.
 */
public final class Messages {
    private static final Map<Language, Messages> ALL = new EnumMap<>(Language.class);

    static {
        List<MessageBundles.Bundle> bundles = MessageBundles.find();
        for (Language language : Language.values()) ALL.put(language, new Messages(language, bundles));
    }

    private final Language language;
    private final Map<String, String> words = new HashMap<>();

    private Messages(Language language, List<MessageBundles.Bundle> bundles) {
        this.language = language;
        Map<String, String> owners = new HashMap<>();
        for (MessageBundles.Bundle bundle : bundles) {
            if (!bundle.languageCode().equals(language.code())) continue;
            bundle.words().forEach((key, text) -> {
                String before = owners.putIfAbsent(key, bundle.feature());
                if (before != null) {
                    throw new IllegalStateException("message '" + key + "' is defined by both " + before + " and "
                            + bundle.feature() + " in " + language.code());
                }
                words.put(key, text);
            });
        }
    }

    public static Messages of(Language language) {
        return ALL.get(language);
    }

    public Language language() {
        return language;
    }

    /** Every key this language has, from every feature. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(words.keySet());
    }

    /** @param path one of Dearly's own paths, from "/"; @return that page in this language's address ({@link Language#address}) */
    public String href(String path) {
        return language.address(path);
    }

    public String get(String key) {
        String text = words.get(key);
        if (text == null) throw new IllegalArgumentException("no message '" + key + "' in " + language.code());
        return text;
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), language.locale()).format(arguments);
    }
}

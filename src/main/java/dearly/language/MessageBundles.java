package dearly.language;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every feature's words: each {@code dearly/<feature>/messages_<language>.properties} on the
 * class path. ClassGraph reads the class path the same way wherever Dearly runs from (the build's
 * class folders in development and tests, the one shaded jar in production), so adding a feature's
 * words is adding its files: there is no list to keep, and no build step that an IDE run would skip.
 */
final class MessageBundles {
    private static final Pattern FILE = Pattern.compile("dearly/([a-z][a-z0-9]*)/messages_([a-z]{2,3})\\.properties");

    /** One file: a feature's words in one language, as written (UTF-8, like every file Dearly reads). */
    record Bundle(String feature, String languageCode, Map<String, String> words) {}

    private MessageBundles() {}

    /** Every bundle, ordered by feature and language, so the order a scan finds them in changes nothing. */
    static List<Bundle> find() {
        try (ScanResult scan = new ClassGraph().acceptPaths("dearly").scan()) {
            return scan.getResourcesMatchingPattern(FILE).stream()
                    .map(MessageBundles::read)
                    .sorted(Comparator.comparing(Bundle::feature).thenComparing(Bundle::languageCode))
                    .toList();
        }
    }

    private static Bundle read(Resource resource) {
        Matcher name = FILE.matcher(resource.getPath());
        if (!name.matches()) throw new IllegalStateException("not a message bundle: " + resource.getPath());
        Properties properties = new Properties();
        try (InputStream in = resource.open()) {
            // A file saved in another encoding fails here, when the words load, rather than showing a reader broken letters.
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getPath(), e);
        }
        Map<String, String> words = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) words.put(key, properties.getProperty(key));
        return new Bundle(name.group(1), name.group(2), Collections.unmodifiableMap(words));
    }
}

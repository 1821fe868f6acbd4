package dearly.asking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The data files of {@link CrisisSigns}, under {@code dearly/asking/crisis/} on the class path. */
final class CrisisData {
    private static final String FOLDER = "/dearly/asking/crisis/";
    private static final Pattern DEFINITION = Pattern.compile("\\{([a-z_]+)\\}\\s*=\\s*(.+)");
    private static final Pattern NAME = Pattern.compile("\\{([a-z_]+)\\}");

    /** One entry of a data file, with the file and line it came from, for a message that says where. */
    record Entry(String where, String text) {}

    private CrisisData() {}

    /** The file's entries: its lines, stripped, without blank lines and {@code #} comments. */
    static List<Entry> entries(String file) {
        return entries(file, UnaryOperator.identity());
    }

    /**
     * The file's entries, where a line {@code {name} = a|b|c} defines words that later entries use as
     * {@code {name}}: definitions are not entries, and each use is replaced by its words as
     * {@code wrap} gives them (a regular expression wants them in a group).
     */
    static List<Entry> entries(String file, UnaryOperator<String> wrap) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        try (BufferedReader lines = reader(file)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) continue;
                String where = file + ":" + number;
                Matcher definition = DEFINITION.matcher(entry);
                if (definition.matches()) {
                    names.put(definition.group(1), expand(definition.group(2), names, wrap, where));
                } else {
                    entries.add(new Entry(where, expand(entry, names, wrap, where)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String expand(String entry, Map<String, String> names, UnaryOperator<String> wrap, String where) {
        return NAME.matcher(entry).replaceAll(name -> {
            String words = names.get(name.group(1));
            if (words == null) throw new IllegalStateException(where + ": {" + name.group(1) + "} is not defined above");
            return Matcher.quoteReplacement(wrap.apply(words));
        });
    }

    /** The file as UTF-8 text; a missing file stops Dearly at start-up. */
    static BufferedReader reader(String file) {
        InputStream in = CrisisData.class.getResourceAsStream(FOLDER + file);
        if (in == null) throw new IllegalStateException("missing crisis signs file " + FOLDER + file);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}

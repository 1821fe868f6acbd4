package dearly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads who owns each table from the README, and where SQL names each table in the sources. */
final class TableOwners {
    private static final Pattern CREATE = Pattern.compile(
            "CREATE\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_]+)", Pattern.CASE_INSENSITIVE);
    /** A row of the README's table of owners: | `table` | `package` | why |. */
    private static final Pattern OWNER_ROW = Pattern.compile("^\\|\\s*`([a-z_]+)`\\s*\\|\\s*`([a-z]+)/?`\\s*\\|");

    private TableOwners() {}

    static Map<String, String> fromReadme(Path readme) throws IOException {
        Map<String, String> owners = new TreeMap<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher row = OWNER_ROW.matcher(line);
            if (row.find()) owners.put(row.group(1), row.group(2));
        }
        return owners;
    }

    static Set<String> tablesInMigrations(Path folder) throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE.matcher(Files.readString(file));
                while (create.find()) tables.add(create.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** For each table, the packages under {@code root} whose Java sources hold SQL that names it. */
    static Map<String, Set<String>> packagesWithSql(Path root, Set<String> tables) throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                Path relative = root.relativize(file);
                String owner = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(top level)";
                String text = read(file);
                for (String table : tables) {
                    if (Pattern.compile("\\b(FROM|INTO|UPDATE|JOIN|TABLE)\\s+" + table + "\\b").matcher(text).find()) {
                        found.computeIfAbsent(table, t -> new TreeSet<>()).add(owner);
                    }
                }
            });
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

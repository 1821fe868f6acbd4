package dearly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
    /** What a migration does to the set of tables, in the order it does it: create, drop, rename. */
    private static final Pattern CHANGE = Pattern.compile(
            "CREATE\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?<created>[A-Za-z0-9_]+)"
                    + "|DROP\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?(?<dropped>[A-Za-z0-9_]+)"
                    + "|ALTER\\s+TABLE\\s+(?<from>[A-Za-z0-9_]+)\\s+RENAME\\s+TO\\s+(?<to>[A-Za-z0-9_]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__");
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

    /** The tables the migrations leave, applied in their version order (a table rebuilt under a new name counts once). */
    static Set<String> tablesInMigrations(Path folder) throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted(Comparator.comparingInt(TableOwners::version)).toList()) {
                Matcher change = CHANGE.matcher(Files.readString(file));
                while (change.find()) {
                    if (change.group("created") != null) tables.add(change.group("created").toLowerCase(Locale.ROOT));
                    else if (change.group("dropped") != null) tables.remove(change.group("dropped").toLowerCase(Locale.ROOT));
                    else if (tables.remove(change.group("from").toLowerCase(Locale.ROOT))) tables.add(change.group("to").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static int version(Path migration) {
        Matcher version = VERSION.matcher(migration.getFileName().toString());
        return version.find() ? Integer.parseInt(version.group(1)) : Integer.MAX_VALUE;
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

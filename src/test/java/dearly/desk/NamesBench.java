package dearly.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.language.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precision and recall of the name check on a table of cases in JSON lines: the tuning table
 * ({@code src/test/resources/dearly/desk/names-tuning.jsonl}) or the held-out set
 * ({@code bench/names/cases.jsonl}). Each case gives a text, its language, the allowed names and the
 * names that must be flagged. It prints figures only; {@code --show} lists the cases it gets wrong,
 * and is refused on the held-out set, which is never read to tune.
 *
 * <pre>bench/names/run [--show] [FILE]</pre>
 */
public final class NamesBench {

    /** One case: the allowed names (asker, chosen name, children, advisor) and the names to flag. */
    record Case(String id, Language language, String text, List<String> allowed, List<String> names) {}

    /** What the check did on a table, in names (each distinct name once per case). */
    record Score(int found, int missed, int wrong, int cleanCases, int cleanCasesFlagged) {
        double precision() {
            return found + wrong == 0 ? 1 : (double) found / (found + wrong);
        }

        double recall() {
            return found + missed == 0 ? 1 : (double) found / (found + missed);
        }

        double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }
    }

    static final Path HELD_OUT = Path.of("bench/names/cases.jsonl");
    static final Path TUNING = Path.of("src/test/resources/dearly/desk/names-tuning.jsonl");

    public static void main(String[] args) {
        boolean show = List.of(args).contains("--show");
        Path file = List.of(args).stream().filter(arg -> !arg.startsWith("--")).findFirst().map(Path::of).orElse(HELD_OUT);
        if (show && file.toAbsolutePath().normalize().endsWith(HELD_OUT)) {
            System.err.println("The held-out set is never shown: it measures the check, it does not tune it.");
            System.exit(2);
        }
        PublishChecks checks = new PublishChecks();
        List<Case> cases = read(file);
        for (Language language : Language.values()) {
            List<Case> some = cases.stream().filter(c -> c.language() == language).toList();
            if (!some.isEmpty()) print(language.code(), some.size(), score(checks, some, false));
        }
        long start = System.nanoTime();
        Score all = score(checks, cases, show);
        long micros = (System.nanoTime() - start) / Math.max(1, cases.size()) / 1000;
        print("both", cases.size(), all);
        System.out.printf(Locale.ROOT, "time per case: %d µs%n", micros);
    }

    private static void print(String label, int cases, Score score) {
        System.out.printf(Locale.ROOT, "%-4s %3d cases  precision %5.1f%% (%d/%d)  recall %5.1f%% (%d/%d)  F1 %5.1f%%  "
                        + "cases without names flagged %d/%d%n",
                label, cases, 100 * score.precision(), score.found(), score.found() + score.wrong(), 100 * score.recall(), score.found(),
                score.found() + score.missed(), 100 * score.f1(), score.cleanCasesFlagged(), score.cleanCases());
    }

    static Score score(PublishChecks checks, List<Case> cases, boolean show) {
        int found = 0, missed = 0, wrong = 0, clean = 0, cleanFlagged = 0;
        for (Case c : cases) {
            Set<String> expected = distinct(c.names());
            Set<String> flagged = distinct(checks.otherNames(c.text(), c.language(), c.allowed(), Set.of()));
            Set<String> right = new HashSet<>(flagged);
            right.retainAll(expected);
            found += right.size();
            missed += expected.size() - right.size();
            wrong += flagged.size() - right.size();
            if (expected.isEmpty()) {
                clean++;
                if (!flagged.isEmpty()) cleanFlagged++;
            }
            if (show && !flagged.equals(expected)) System.out.println(c.id() + " expected " + expected + " flagged " + flagged + ": " + c.text());
        }
        return new Score(found, missed, wrong, clean, cleanFlagged);
    }

    /** Names compared as the held-out set's README asks: no possessive, no title, case and accents aside. */
    private static Set<String> distinct(List<String> names) {
        Set<String> distinct = new HashSet<>();
        for (String name : names) {
            String plain = name.strip().replaceAll("(?i)'s$|'$", "")
                    .replaceAll("(?i)^(dr|mr|mrs|ms|miss|doctora?|sra?|srta|don|doña|tía|tío|aunt|uncle)\\.?\\s+", "");
            distinct.add(NameFinder.fold(plain));
        }
        return distinct;
    }

    static List<Case> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try {
            int line = 0;
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                if (text.isBlank()) continue;
                JsonNode node = json.readTree(text);
                List<String> allowed = new ArrayList<>();
                if (node.has("allowed")) node.get("allowed").forEach(name -> allowed.add(name.asText()));
                for (String key : List.of("asker", "chosen", "advisor")) {
                    if (node.hasNonNull(key)) allowed.add(node.get(key).asText());
                }
                if (node.has("children")) node.get("children").forEach(name -> allowed.add(name.asText()));
                List<String> names = new ArrayList<>();
                node.get("names").forEach(name -> names.add(name.asText()));
                String id = node.hasNonNull("id") ? node.get("id").asText() : "line " + line;
                cases.add(new Case(id, Language.fromCode(node.get("language").asText()).orElseThrow(), node.get("text").asText(), allowed,
                        names));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}

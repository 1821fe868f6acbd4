package dearly.asking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Texts labelled with the kind of crisis they show (or none, BENIGN), as in
 * {@code bench/crisis/evaluation.jsonl} and {@code crisis/examples.jsonl}, and the figures a detector
 * reaches on them: recall per kind and language, false alarms per language. Only figures come out of
 * here, never a text: the evaluation set must not be read to tune.
 */
record LabelledTexts(List<LabelledTexts.Text> texts) {
    static final String BENIGN = "BENIGN";

    record Text(String id, String language, String kind, String text) {
        boolean benign() {
            return kind.equals(BENIGN);
        }
    }

    static LabelledTexts read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Text> texts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode text = json.readTree(line);
                texts.add(new Text(text.path("id").asText(), text.path("language").asText(), text.path("kind").asText(),
                        text.path("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledTexts(List.copyOf(texts));
    }

    /** The held-out evaluation set, found from the project's root (where Maven and the bench run). */
    static LabelledTexts evaluation() {
        return read(Path.of("bench", "crisis", "evaluation.jsonl"));
    }

    /** Caught and total for one group of texts. */
    record Count(int hits, int total) {
        double rate() {
            return total == 0 ? 0 : (double) hits / total;
        }

        Count plus(boolean hit) {
            return new Count(hits + (hit ? 1 : 0), total + 1);
        }

        @Override
        public String toString() {
            return String.format("%3d/%3d  %5.1f%%", hits, total, 100 * rate());
        }
    }

    /**
     * What a detector reaches: per language, per kind the crisis texts whose kind it found, and the
     * ordinary texts on which it raised any alarm.
     */
    record Figures(Map<String, Map<CrisisKind, Count>> recall, Map<String, Count> falseAlarms) {
        Count recall(String language, CrisisKind kind) {
            return recall.getOrDefault(language, Map.of()).getOrDefault(kind, new Count(0, 0));
        }

        Count recall(CrisisKind kind) {
            Count all = new Count(0, 0);
            for (Map<CrisisKind, Count> language : recall.values()) {
                Count one = language.getOrDefault(kind, new Count(0, 0));
                all = new Count(all.hits() + one.hits(), all.total() + one.total());
            }
            return all;
        }

        Count allFalseAlarms() {
            int hits = 0;
            int total = 0;
            for (Count language : falseAlarms.values()) {
                hits += language.hits();
                total += language.total();
            }
            return new Count(hits, total);
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-22s %-18s %-18s %-18s%n", "recall", "en", "es", "both"));
            for (CrisisKind kind : CrisisKind.values()) {
                out.append(String.format("%-22s %-18s %-18s %-18s%n", kind, recall("en", kind), recall("es", kind), recall(kind)));
            }
            out.append(String.format("%-22s %-18s %-18s %-18s%n", "false alarms (BENIGN)",
                    falseAlarms.getOrDefault("en", new Count(0, 0)), falseAlarms.getOrDefault("es", new Count(0, 0)), allFalseAlarms()));
            return out.toString();
        }
    }

    /** The figures of a detector that gives the kinds it finds in a text. */
    Figures figures(Function<Text, Set<CrisisKind>> detector) {
        Map<String, Map<CrisisKind, Count>> recall = new TreeMap<>();
        Map<String, Count> falseAlarms = new TreeMap<>();
        for (Text text : texts) {
            Set<CrisisKind> found = detector.apply(text);
            if (text.benign()) {
                falseAlarms.merge(text.language(), new Count(found.isEmpty() ? 0 : 1, 1),
                        (a, b) -> new Count(a.hits() + b.hits(), a.total() + b.total()));
            } else {
                CrisisKind kind = CrisisKind.valueOf(text.kind());
                recall.computeIfAbsent(text.language(), language -> new TreeMap<>())
                        .merge(kind, new Count(found.contains(kind) ? 1 : 0, 1),
                                (a, b) -> new Count(a.hits() + b.hits(), a.total() + b.total()));
            }
        }
        return new Figures(recall, falseAlarms);
    }

    static Set<CrisisKind> none() {
        return EnumSet.noneOf(CrisisKind.class);
    }
}

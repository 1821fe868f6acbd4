package dearly.asking;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bench/crisis-dev/run}: the detector on the development set ({@code bench/crisis-dev/dev.jsonl},
 * written apart from the detector, open for tuning) and on the tuning examples themselves, each judged
 * leave-one-out (taken out of the meaning layer's examples, as a new question would be; the hand-written
 * rules were written from these examples, so their part of this figure is optimistic). Prints recall
 * per kind and language, false alarms, each layer alone and the time to check a question. Never reads
 * the evaluation set under {@code bench/crisis}.
 *
 * <p>{@code --dev-only} reads the development set alone, for a quick look while editing the data.
 * {@code --show} also lists the development texts missed or flagged wrongly, with the sentence and
 * layer of every sign; {@code --show-examples} does the same for the tuning examples.
 * {@code --dev PATH} (repeatable) reads another development set in place of {@code dev.jsonl}, such as
 * {@code bench/crisis-dev/dev2.jsonl}; each is reported apart, the first one buried and timed.
 */
public final class CrisisDev {
    private static final Path DEV = Path.of("bench", "crisis-dev", "dev.jsonl");
    private static final int ROUNDS = 3;
    private static final Path LOAD = Path.of("/proc/loadavg");
    // The development set names its kinds in its own words (bench/crisis-dev/README.md).
    private static final java.util.Map<String, String> KINDS = java.util.Map.of("suicide", "SUICIDE_OR_SELF_HARM",
            "harm-baby", "HARMING_THE_BABY", "violence", "VIOLENCE_AT_HOME", "psychosis", "PSYCHOSIS",
            "depression", "SEVERE_DEPRESSION", "benign", LabelledTexts.BENIGN);

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        long start = System.nanoTime();
        CrisisSigns signs = CrisisSigns.load();
        double loadSeconds = (System.nanoTime() - start) / 1e9;

        LabelledTexts examples = examples();
        // --dev-only: the development set alone, for a quick look while editing the data.
        boolean devOnly = options.contains("--dev-only");
        if (!devOnly) {
            System.out.println("Tuning examples (crisis/examples.jsonl, " + examples.texts().size() + " texts, each left out of the meaning layer's examples):");
            report(examples, text -> signs.check(text.text(), text.id()), options.contains("--show-examples"));
        }

        List<Path> sets = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--dev")) sets.add(Path.of(args[i + 1]));
        if (sets.isEmpty()) sets.add(DEV);
        LabelledTexts dev = null;
        for (Path set : sets) {
            if (!Files.exists(set)) {
                System.out.println();
                System.out.println("No development set yet at " + set + ".");
                continue;
            }
            LabelledTexts read = dev(set);
            if (dev == null) dev = read;
            System.out.println();
            System.out.println("Development set (" + set + ", " + read.texts().size() + " texts):");
            report(read, text -> signs.check(text.text()), options.contains("--show"));
        }
        if (devOnly) return;

        System.out.println();
        LabelledTexts buried = buried(dev != null ? dev : examples, examples);
        System.out.println("Each crisis text of the " + (dev != null ? "development set" : "tuning examples")
                + " buried in a long question (five ordinary tuning examples before it, five after):");
        boolean leaveOut = dev == null;
        report(buried, text -> signs.check(text.text(), leaveOut ? text.id() : null), false);

        System.out.println();
        LabelledTexts timed = dev != null ? dev : examples;
        for (LabelledTexts.Text text : timed.texts()) signs.check(text.text());
        List<Long> nanos = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        // CPU time is fairer than wall time on a machine shared with other work: the checking thread's
        // own (to the nanosecond; the model runs on it), and the whole process's (every thread, JIT
        // and garbage collection included) over all the checks.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processBefore = processCpuNanos();
        for (int round = 0; round < ROUNDS; round++) {
            for (LabelledTexts.Text text : timed.texts()) {
                signs.meaning().forget();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long before = System.nanoTime();
                signs.check(text.text());
                nanos.add(System.nanoTime() - before);
                cpu.add(threads.getCurrentThreadCpuTime() - cpuBefore);
            }
        }
        long process = processCpuNanos() - processBefore;
        System.out.printf(Locale.ROOT, "time per question (nothing remembered): %s of wall time (%d checks); loading %.1f s%n",
                figures(nanos), nanos.size(), loadSeconds);
        System.out.printf(Locale.ROOT, "CPU time per question: %s of the checking thread's; mean %s of the whole process's; load average %s%n",
                figures(cpu), process < 0 ? "?" : String.format(Locale.ROOT, "%.1f ms", process / 1e6 / cpu.size()),
                Files.exists(LOAD) ? Files.readString(LOAD).split(" ")[0] : "?");
        String repeated = "I am so tired today and the baby would not sleep, again. ".repeat(170);
        // A long question of different sentences: ordinary tuning examples, one after another.
        StringBuilder varied = new StringBuilder();
        for (LabelledTexts.Text text : examples.texts()) {
            if (text.benign() && varied.length() + text.text().length() + 2 <= 10_000) varied.append(text.text()).append(". ");
        }
        System.out.printf(Locale.ROOT, "a 10,000-character question, one sentence repeated (as bench/crisis times it): median %.1f ms%n", median(signs, repeated));
        System.out.printf(Locale.ROOT, "a %,d-character question of different ordinary sentences: median %.1f ms%n",
                varied.length(), median(signs, varied.toString()));
    }

    /** The tuning examples as labelled texts. */
    static LabelledTexts examples() {
        return new LabelledTexts(MeaningSigns.examples().stream()
                .map(example -> new LabelledTexts.Text(example.id(), example.language().code(),
                        example.kind() == null ? LabelledTexts.BENIGN : example.kind().name(), example.text()))
                .toList());
    }

    /** The development set, its kinds named as the detector names them. */
    static LabelledTexts dev() {
        return dev(DEV);
    }

    /** A development set at that path, its kinds named as the detector names them. */
    static LabelledTexts dev(Path set) {
        return new LabelledTexts(LabelledTexts.read(set).texts().stream()
                .map(text -> new LabelledTexts.Text(text.id(), text.language(), KINDS.get(text.kind()), text.text())).toList());
    }

    private static String figures(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, mean %.1f ms, p99 %.1f ms",
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6);
    }

    /**
     * The CPU time of every thread of this process, in nanoseconds, from Linux's per-thread scheduler
     * counts (the process's own total is counted in 10 ms ticks); -1 elsewhere.
     */
    private static long processCpuNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return -1;
        long sum = 0;
        try (var each = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) each::iterator) {
                try {
                    sum += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                } catch (java.io.IOException | RuntimeException ended) {
                    // A thread that ended meanwhile.
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return sum;
    }

    /** Every crisis text among ten ordinary examples, as a long question that tells much else would carry it. */
    static LabelledTexts buried(LabelledTexts texts, LabelledTexts examples) {
        List<LabelledTexts.Text> ordinary = examples.texts().stream().filter(LabelledTexts.Text::benign).toList();
        List<LabelledTexts.Text> buried = new ArrayList<>();
        int next = 0;
        for (LabelledTexts.Text text : texts.texts()) {
            if (text.benign()) continue;
            StringBuilder question = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (i == 5) question.append(text.text()).append(".\n");
                question.append(ordinary.get(next++ % ordinary.size()).text()).append(".\n");
            }
            buried.add(new LabelledTexts.Text(text.id(), text.language(), text.kind(), question.toString()));
        }
        return new LabelledTexts(buried);
    }

    private static double median(CrisisSigns signs, String text) {
        signs.check(text);
        long[] nanos = new long[7];
        for (int i = 0; i < nanos.length; i++) {
            signs.meaning().forget();
            long before = System.nanoTime();
            signs.check(text);
            nanos[i] = System.nanoTime() - before;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    private static void report(LabelledTexts texts, Function<LabelledTexts.Text, List<CrisisSign>> check, boolean show) {
        List<List<CrisisSign>> found = texts.texts().stream().map(check).toList();
        Function<LabelledTexts.Text, Set<CrisisKind>> all = text -> kinds(found.get(texts.texts().indexOf(text)), null);
        System.out.print(texts.figures(all).table());
        for (CrisisSign.Layer layer : List.of(CrisisSign.Layer.PHRASE, CrisisSign.Layer.STEMS, CrisisSign.Layer.MEANING)) {
            LabelledTexts.Figures alone = texts.figures(text -> kinds(found.get(texts.texts().indexOf(text)), layer));
            int hits = 0;
            int total = 0;
            for (CrisisKind kind : CrisisKind.values()) {
                hits += alone.recall(kind).hits();
                total += alone.recall(kind).total();
            }
            System.out.printf(Locale.ROOT, "  %-8s alone: recall %s, false alarms %s%n", layer, new LabelledTexts.Count(hits, total), alone.allFalseAlarms());
        }
        if (!show) return;
        for (int i = 0; i < texts.texts().size(); i++) {
            LabelledTexts.Text text = texts.texts().get(i);
            Set<CrisisKind> kinds = kinds(found.get(i), null);
            boolean wrong = text.benign() ? !kinds.isEmpty() : !kinds.contains(CrisisKind.valueOf(text.kind()));
            if (!wrong) continue;
            System.out.println((text.benign() ? "FALSE ALARM " : "MISSED      ") + text.id() + " " + text.language() + " "
                    + text.kind() + ": " + text.text());
            for (CrisisSign sign : found.get(i)) System.out.println("      " + sign.kind() + "/" + sign.layer() + ": " + sign.sentence());
        }
    }

    private static Set<CrisisKind> kinds(List<CrisisSign> signs, CrisisSign.Layer layer) {
        Set<CrisisKind> kinds = EnumSet.noneOf(CrisisKind.class);
        for (CrisisSign sign : signs) if (layer == null || sign.layer() == layer) kinds.add(sign.kind());
        return kinds;
    }
}

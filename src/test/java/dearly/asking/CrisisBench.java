package dearly.asking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench/crisis/run}: the detector on the held-out evaluation set. Prints recall per kind and
 * language, false alarms per language and overall, the meaning layer's thresholds, and the time to
 * check one question. It prints figures only, never a text or an id: the evaluation set is not for
 * reading, and a miss is mended by better rules and examples for its kind, never by looking at it.
 */
public final class CrisisBench {
    // -Dcrisis.rounds=1 for a quicker look while the machine is busy.
    private static final int ROUNDS = Integer.getInteger("crisis.rounds", 5);

    public static void main(String[] args) {
        long start = System.nanoTime();
        CrisisSigns signs = CrisisSigns.load();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        LabelledTexts evaluation = LabelledTexts.evaluation();

        System.out.println("Crisis signs on bench/crisis/evaluation.jsonl (" + evaluation.texts().size() + " texts, held out):");
        System.out.print(evaluation.figures(text -> signs.in(text.text())).table());
        System.out.println();
        System.out.println("By layer, each alone:");
        for (CrisisSign.Layer layer : CrisisSign.Layer.values()) {
            LabelledTexts.Figures alone = evaluation.figures(text -> kinds(signs.check(text.text()), layer));
            System.out.printf(Locale.ROOT, "  %-8s recall %s, false alarms %s%n", layer, recallOfAll(alone), alone.allFalseAlarms());
        }
        System.out.println();
        System.out.print(CrisisTuning.describe(signs.meaning().thresholdsInUse()).lines()
                .filter(line -> !line.startsWith("#")).map(line -> "threshold " + line + "\n").reduce("", String::concat));
        System.out.println();

        // Warm up, then time every text a few times over.
        for (LabelledTexts.Text text : evaluation.texts()) signs.check(text.text());
        List<Long> nanos = new ArrayList<>();
        // CPU time of the whole process (ONNX Runtime runs the model on threads of its own): on a
        // machine shared with other builds, wall time mostly measures waiting for a core.
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Long> cpu = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (LabelledTexts.Text text : evaluation.texts()) {
                // Nothing remembered: a new question, not an edit that rereads sentences already placed.
                signs.meaning().forget();
                long cpuBefore = system.getProcessCpuTime();
                long before = System.nanoTime();
                signs.check(text.text());
                nanos.add(System.nanoTime() - before);
                cpu.add(system.getProcessCpuTime() - cpuBefore);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6;
        double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
        long[] cpuSorted = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
        String longest = "I am so tired today and the baby would not sleep, again. ".repeat(170);
        signs.meaning().forget();
        long before = System.nanoTime();
        signs.check(longest);
        double longMillis = (System.nanoTime() - before) / 1e6;
        System.out.printf(Locale.ROOT, "time per question (nothing remembered): p50 %.1f ms, p95 %.1f ms, mean %.1f ms, p99 %.1f ms (%d checks, %d cores); "
                        + "a 10,000-character question %.0f ms; loading the detector %.1f s%n",
                p50, p95, mean, p99, sorted.length, Runtime.getRuntime().availableProcessors(), longMillis, loadSeconds);
        System.out.printf(Locale.ROOT, "CPU time per question (all the process's threads): p50 %.1f ms, p95 %.1f ms; load average %.1f%n",
                cpuSorted[cpuSorted.length / 2] / 1e6, cpuSorted[(int) Math.ceil(0.95 * cpuSorted.length) - 1] / 1e6,
                system.getSystemLoadAverage());
    }

    private static Set<CrisisKind> kinds(List<CrisisSign> signs, CrisisSign.Layer layer) {
        Set<CrisisKind> kinds = LabelledTexts.none();
        for (CrisisSign sign : signs) if (sign.layer() == layer) kinds.add(sign.kind());
        return kinds;
    }

    private static LabelledTexts.Count recallOfAll(LabelledTexts.Figures figures) {
        int hits = 0;
        int total = 0;
        for (CrisisKind kind : CrisisKind.values()) {
            hits += figures.recall(kind).hits();
            total += figures.recall(kind).total();
        }
        return new LabelledTexts.Count(hits, total);
    }
}

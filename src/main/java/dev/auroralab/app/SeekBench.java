package dev.auroralab.app;

import dev.auroralab.run.Run;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code bench --seek [--scenario NAME] [--seeks N] [--minutes M]}: how fast the run driver reaches any moment. Each
 * built-in scenario (or the one named) is played for M simulated minutes (10 by default; past the scenario's own end
 * the cluster runs on), then N seeded random seeks (200 by default) jump anywhere in it; the wall time of each seek is
 * measured. Prints p50, p99 and max per scenario and over all, and what the keyframes cost in heap (measured by the
 * heap after a collection, before and after the play). Target (issue 13): p99 at most 200 ms on the 2-core machine.
 * Figures, not assertions.
 */
final class SeekBench {

    static final long TARGET_P99_MILLIS = 200;

    private SeekBench() {
    }

    static int run(String only, int seeks, int minutes, PrintStream out, PrintStream err) {
        List<Scenario> scenarios;
        try {
            scenarios = BenchScenarios.of(only, false).scenarios();
        } catch (ScenarioError e) {
            err.println("aurora-lab bench: " + e.getMessage());
            return 2;
        }
        long playMicros = minutes * 60_000_000L;
        out.printf(Locale.ROOT, "Aurora Lab seek bench: %d scenario(s), each played %d simulated minutes, then %d random"
                + " seeks (seed 1);%nkeyframes every %d s of simulated time (or %,d engine items), at most %d a branch and"
                + " %d MiB a run (heap: measured after a collection; est: the run's own estimate)%n",
                scenarios.size(), minutes, seeks, Run.KEYFRAME_SPACING_MICROS / 1_000_000, Run.KEYFRAME_FIRED_ITEMS,
                Run.MAX_KEYFRAMES_PER_BRANCH, Run.KEYFRAME_BUDGET_BYTES / (1024 * 1024));
        // warm the JIT on a short run first, so the first scenario's figures are not the compiler's
        Run warm = new Run(scenarios.get(0));
        warm.playTo(60_000_000);
        SplittableRandom w = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            warm.seek(w.nextLong(60_000_000));
        }
        warm = null;
        List<Double> all = new ArrayList<>();
        out.printf(Locale.ROOT, "%-32s %8s %8s %8s %10s %9s %9s %9s%n", "scenario", "p50 ms", "p99 ms", "max ms",
                "keyframes", "heap MiB", "est MiB", "KiB each");
        for (Scenario s : scenarios) {
            long before = heapAfterGc();
            Run run = new Run(s);
            run.playTo(playMicros);
            long after = heapAfterGc();
            SplittableRandom rnd = new SplittableRandom(1);
            double[] ms = new double[seeks];
            for (int i = 0; i < seeks; i++) {
                long t = rnd.nextLong(playMicros + 1);
                long start = System.nanoTime();
                run.seek(t);
                run.snapshot();
                ms[i] = (System.nanoTime() - start) / 1e6;
                all.add(ms[i]);
            }
            Arrays.sort(ms);
            int kf = run.keyframeCount();
            double mib = Math.max(0, after - before) / (1024.0 * 1024.0);
            out.printf(Locale.ROOT, "%-32s %8.1f %8.1f %8.1f %10d %9.1f %9.1f %9.0f%n", shortName(s),
                    percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1], kf, mib,
                    run.keyframeBytes() / (1024.0 * 1024.0), mib * 1024 / Math.max(1, kf));
        }
        double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "all %d seeks: p50 %.1f ms, p99 %.1f ms, max %.1f ms   (target: p99 <= %d ms)%n",
                every.length, percentile(every, 50), percentile(every, 99), every[every.length - 1],
                TARGET_P99_MILLIS);
        return 0;
    }

    private static String shortName(Scenario s) {
        String n = s.sourceName() == null ? s.name() : s.sourceName().replaceAll("^.*/", "").replace(".yaml", "");
        return n.length() > 32 ? n.substring(0, 32) : n;
    }

    static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long heapAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}

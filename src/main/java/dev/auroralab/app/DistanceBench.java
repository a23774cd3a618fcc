package dev.auroralab.app;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.FailureDistance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --distance [--scenario NAME] [--moments N] [--repeats R]}: how long working out the distance to
 * failure takes, which the window does on its own thread when the overlay is on. Each built-in scenario (the large
 * ones included, or the one named) is played to N moments spread over its duration (5 by default); at each the
 * analysis is worked out R times (5 by default) from the same snapshot. Prints, per scenario, the faults judged, the
 * first analysis (the one a learner waits for when pressing D: before the JIT has seen that volume's size) and p50
 * and max of all, in wall time, and the p50 of the thread's CPU time (what a machine shared with other work does not
 * inflate). The budget is a frame: 16 ms. Figures, not assertions.
 */
final class DistanceBench {

    static final double FRAME_MILLIS = 16.7;

    private DistanceBench() {
    }

    static int run(String only, int moments, int repeats, PrintStream out, PrintStream err) {
        List<Scenario> scenarios;
        try {
            scenarios = BenchScenarios.of(only, true).scenarios();
        } catch (ScenarioError e) {
            err.println("aurora-lab bench: " + e.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "Aurora Lab distance-to-failure bench: %d scenario(s), %d moment(s) each spread over"
                + " its duration, the analysis worked out %d time(s) a moment; budget: a frame (%.1f ms)%n",
                scenarios.size(), moments, repeats, FRAME_MILLIS);
        out.printf(Locale.ROOT, "%-32s %8s %9s %8s %8s %12s%n", "scenario", "faults", "first ms", "p50 ms", "max ms",
                "cpu p50 ms");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        List<Double> all = new ArrayList<>();
        for (Scenario s : scenarios) {
            Run run = new Run(s);
            double[] ms = new double[moments * repeats];
            double[] cpuMs = new double[moments * repeats];
            double first = -1;
            int faults = 0;
            int k = 0;
            for (int m = 1; m <= moments; m++) {
                run.playTo(s.durationMicros() * m / moments);
                EngineSnapshot snap = run.snapshot();
                for (int r = 0; r < repeats; r++) {
                    long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
                    long start = System.nanoTime();
                    FailureDistance d = analyse(snap, s);
                    ms[k] = (System.nanoTime() - start) / 1e6;
                    cpuMs[k] = cpu ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 : Double.NaN;
                    all.add(ms[k]);
                    first = first < 0 ? ms[k] : first;
                    faults = Math.max(faults, d.size());
                    k++;
                }
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            out.printf(Locale.ROOT, "%-32s %8d %9.2f %8.2f %8.2f %12.2f%n", shortName(s), faults, first,
                    SeekBench.percentile(ms, 50), ms[ms.length - 1], SeekBench.percentile(cpuMs, 50));
        }
        double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "all %d analyses: p50 %.2f ms, max %.2f ms   (budget: a frame, %.1f ms)%n",
                every.length, SeekBench.percentile(every, 50), every[every.length - 1], FRAME_MILLIS);
        return 0;
    }

    private static FailureDistance analyse(EngineSnapshot snap, Scenario s) {
        return FailureDistance.of(snap, s.cluster().timings());
    }

    private static String shortName(Scenario s) {
        String n = s.sourceName() == null ? s.name() : s.sourceName().replaceAll("^.*/", "").replace(".yaml", "");
        return n.length() > 32 ? n.substring(0, 32) : n;
    }
}

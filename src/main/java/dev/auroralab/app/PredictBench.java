package dev.auroralab.app;

import dev.auroralab.run.LookAhead;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.NextChange;
import dev.auroralab.teach.SignificantChange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --predict [--scenario NAME]}: how long predict-then-observe's look-ahead takes, per scenario.
 * Each built-in (and the 256 TiB largest-volume) is walked change after change as the window would, and every look is
 * timed from the copy of the present to the change found (or to the ten-minute horizon, for the last one); also the
 * copy alone (what starting a look costs) and the look-ahead's cost per simulated second. Figures, not assertions.
 * What predicting adds to playing in the window's view model is measured by the test-scope
 * {@code dev.auroralab.ui.predict.PredictWindowBench} (the command line never loads JavaFX classes).
 */
final class PredictBench {

    /** The window's look budget per frame (ui.predict.PredictModel.SLICE_NANOS, not read here: no JavaFX classes). */
    static final int WINDOW_SLICE_MILLIS = 2;

    private PredictBench() {
    }

    static int run(String only, PrintStream out, PrintStream err) {
        BenchScenarios chosen;
        try {
            chosen = BenchScenarios.of(only, true);
        } catch (ScenarioError e) {
            err.println("aurora-lab bench: " + e.getMessage());
            return 2;
        }
        try {
            looks(chosen.names(), chosen.scenarios(), out);
        } catch (ScenarioError e) {
            err.println("aurora-lab bench: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static void looks(List<String> names, List<Scenario> scenarios, PrintStream out) throws ScenarioError {
        // warm the JIT on one walk first, so the first scenario's figures are not the compiler's
        walk(BuiltInScenarios.load("writer-crash-failover-by-tier"), new ArrayList<>(), new ArrayList<>(), new long[2]);
        out.printf(Locale.ROOT, "Aurora Lab predict-then-observe bench: the look-ahead on a %d ms grid, horizon %d min;"
                + " the window spends at most %d ms of a frame on it%n", NextChange.GRID_MICROS / 1000,
                NextChange.HORIZON_MICROS / 60_000_000, WINDOW_SLICE_MILLIS);
        out.printf(Locale.ROOT, "%-32s %6s %9s %9s %9s %10s %12s%n", "scenario", "looks", "p50 ms", "max ms",
                "copy ms", "horizon ms", "ms/sim s");
        for (int i = 0; i < scenarios.size(); i++) {
            List<Double> looks = new ArrayList<>();
            List<Double> copies = new ArrayList<>();
            long[] simAndNanos = new long[2];
            double horizon = walk(scenarios.get(i), looks, copies, simAndNanos);
            Collections.sort(looks);
            Collections.sort(copies);
            out.printf(Locale.ROOT, "%-32s %6d %9.1f %9.1f %9.1f %10.1f %12.2f%n", names.get(i), looks.size(),
                    pct(looks, 50), pct(looks, 100), pct(copies, 50), horizon,
                    simAndNanos[1] / 1e6 / Math.max(1, simAndNanos[0] / 1e6));
        }
    }

    /** Walks {@code s} change after change; returns the wall ms of the last look (the one to the horizon). */
    private static double walk(Scenario s, List<Double> looks, List<Double> copies, long[] simAndNanos) {
        Run run = Run.forwardOnly(s, s.seed());
        run.playTo(0);
        while (true) {
            long t0 = System.nanoTime();
            LookAhead ahead = run.lookAhead();
            copies.add((System.nanoTime() - t0) / 1e6);
            NextChange look = new NextChange(ahead, NextChange.HORIZON_MICROS);
            while (!look.lookFurther(10)) {
                // as the window does, a few grid steps at a time
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            looks.add(ms);
            SignificantChange c = look.change();
            simAndNanos[0] += (c == null ? look.horizonEndMicros() : c.atMicros()) - look.startMicros();
            simAndNanos[1] += System.nanoTime() - t0;
            if (c == null) {
                return ms;
            }
            run.playTo(c.atMicros());
        }
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}

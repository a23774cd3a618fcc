package dev.auroralab.teach;

import dev.auroralab.run.LookAhead;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long predict-then-observe's look-ahead takes, per scenario: each built-in (and the 256 TiB largest-volume) is
 * walked change after change as the window would, and every look is timed from the copy of the present to the change
 * found (or to the ten-minute horizon, for the last one). Also the copy alone (what starting a look costs) and the
 * look-ahead's cost per simulated second. With {@code --window}: what predicting adds to playing a scenario in the
 * window's view model (each scenario played to its end with it off, then on, every question answered). Figures, not
 * assertions: {@code java -cp ... dev.auroralab.teach.PredictBench [--window] [NAME...]}.
 */
public final class PredictBench {

    private PredictBench() {
    }

    public static void main(String[] argv) throws Exception {
        boolean window = argv.length > 0 && argv[0].equals("--window");
        List<String> args = List.of(argv).subList(window ? 1 : 0, argv.length);
        List<String> names = new ArrayList<>(!args.isEmpty() ? args : BuiltInScenarios.NAMES);
        if (window) {
            window(names);
            return;
        }
        if (args.isEmpty()) {
            names.addAll(BuiltInScenarios.LARGE);
        }
        // warm the JIT on one walk first, so the first scenario's figures are not the compiler's
        walk(BuiltInScenarios.load("writer-crash-failover-by-tier"), new ArrayList<>(), new ArrayList<>(), new long[2]);
        System.out.printf(Locale.ROOT, "Predict-then-observe look-ahead: grid %d ms, horizon %d min%n",
                NextChange.GRID_MICROS / 1000, NextChange.HORIZON_MICROS / 60_000_000);
        System.out.printf(Locale.ROOT, "%-32s %6s %9s %9s %9s %10s %12s%n", "scenario", "looks", "p50 ms", "max ms",
                "copy ms", "horizon ms", "ms/sim s");
        for (String n : names) {
            Scenario s = BuiltInScenarios.fileOrBuiltIn(n);
            List<Double> looks = new ArrayList<>();
            List<Double> copies = new ArrayList<>();
            long[] simAndNanos = new long[2];
            double horizon = walk(s, looks, copies, simAndNanos);
            Collections.sort(looks);
            Collections.sort(copies);
            System.out.printf(Locale.ROOT, "%-32s %6d %9.1f %9.1f %9.1f %10.1f %12.2f%n", n, looks.size(),
                    pct(looks, 50), pct(looks, 100), pct(copies, 50), horizon,
                    simAndNanos[1] / 1e6 / Math.max(1, simAndNanos[0] / 1e6));
        }
    }

    /** Each scenario played to its end in a view model, predicting off then on (best of three each). */
    private static void window(List<String> names) throws Exception {
        System.out.printf(Locale.ROOT, "%-32s %10s %10s %8s %8s%n", "scenario", "off ms", "on ms", "ratio", "asked");
        for (String n : names) {
            Scenario s = BuiltInScenarios.fileOrBuiltIn(n);
            double off = Double.MAX_VALUE;
            double on = Double.MAX_VALUE;
            int asked = 0;
            for (int k = 0; k < 3; k++) {
                off = Math.min(off, play(s, false, new int[1]));
                int[] count = new int[1];
                on = Math.min(on, play(s, true, count));
                asked = count[0];
            }
            System.out.printf(Locale.ROOT, "%-32s %10.0f %10.0f %8.2f %8d%n", n, off, on, on / off, asked);
        }
    }

    private static double play(Scenario s, boolean predicting, int[] asked) throws Exception {
        var vm = new dev.auroralab.ui.SimulationViewModel(s, () -> 0L, dev.auroralab.ui.MetricsFeed.NONE);
        var records = new dev.auroralab.ui.practice.StudyRecords(java.nio.file.Files.createTempFile("bench", ".json"),
                m -> { });
        var model = new dev.auroralab.ui.predict.PredictModel(vm, new dev.auroralab.ui.lesson.LessonModel(vm),
                () -> records);
        model.onProperty().set(predicting);
        long t0 = System.nanoTime();
        while (vm.nowMicros() < s.durationMicros()) {
            vm.advanceTo(s.durationMicros());
            var p = model.promptProperty().get();
            if (p == null) {
                break;
            }
            asked[0]++;
            model.answer(p.rightIndex());
        }
        return (System.nanoTime() - t0) / 1e6;
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

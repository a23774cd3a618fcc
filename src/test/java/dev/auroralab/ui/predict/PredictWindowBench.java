package dev.auroralab.ui.predict;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.ui.MetricsFeed;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.lesson.LessonModel;
import dev.auroralab.ui.practice.StudyRecords;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * What predict-then-observe adds to playing a scenario in the window's view model: each scenario played to its end
 * with predicting off, then on (every question answered), best of three. Figures, not assertions; run with
 * {@code java -cp target/classes:target/test-classes:<libs> dev.auroralab.ui.predict.PredictWindowBench [NAME...]}.
 * The look-ahead alone is {@code bench --predict}.
 */
public final class PredictWindowBench {

    private PredictWindowBench() {
    }

    public static void main(String[] argv) throws Exception {
        List<String> names = argv.length > 0 ? List.of(argv) : BuiltInScenarios.NAMES;
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
        SimulationViewModel vm = new SimulationViewModel(s, () -> 0L, MetricsFeed.NONE);
        StudyRecords records = new StudyRecords(Files.createTempFile("bench", ".json"), m -> { });
        PredictModel model = new PredictModel(vm, new LessonModel(vm), () -> records);
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
}

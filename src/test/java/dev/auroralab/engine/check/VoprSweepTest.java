package dev.auroralab.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The VOPR: seed by seed, a random cluster under random faults with the safety checker watching, then everything
 * restored and the recovery timed ({@link VoprRun}). Each run prints {@code seed=N} and its options first. A failing
 * seed is written as a scenario (target/vopr/vopr-seed-N.yaml by default) that opens in the window and replays the
 * failure.
 *
 * <p>{@code -Dvopr.seeds=N} runs seeds 1 to N (default 40: under a minute on two busy cores; 1000 take about ten
 * minutes); {@code -Dvopr.seed=N} runs that one and always writes its scenario; {@code -Dvopr.scenarios=DIR} puts the
 * scenarios elsewhere. A seed whose every problem is a {@link KnownEngineBug} is reported as known, not failed, unless
 * {@code -Dvopr.strict=true}.
 */
class VoprSweepTest {

    private static final int SEEDS = Integer.getInteger("vopr.seeds", 40);
    private static final Long ONE_SEED = Long.getLong("vopr.seed");
    private static final boolean STRICT = Boolean.getBoolean("vopr.strict");
    private static final Path SCENARIOS = Path.of(System.getProperty("vopr.scenarios", "target/vopr"));

    @Test
    void everySeedKeepsTheSafetyPropertiesAndRecoversOnceEverythingIsRestored() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<KnownEngineBug, List<Long>> known = new EnumMap<>(KnownEngineBug.class);
        long first = ONE_SEED != null ? ONE_SEED : 1;
        long last = ONE_SEED != null ? ONE_SEED : SEEDS;
        long slowestWritable = 0;
        long slowestSettled = 0;
        long slowestSeed = -1;
        for (long seed = first; seed <= last; seed++) {
            System.out.println("seed=" + seed + " " + VoprOptions.draw(seed).describe());
            VoprRun run = VoprRun.run(seed);
            if (run.writableAtMicros >= 0) {
                slowestWritable = Math.max(slowestWritable, run.writableAtMicros - run.restoredAtMicros);
            }
            if (run.settledAtMicros - run.restoredAtMicros > slowestSettled) {
                slowestSettled = run.settledAtMicros - run.restoredAtMicros;
                slowestSeed = seed;
            }
            if (run.problems.isEmpty() && ONE_SEED == null) {
                continue;
            }
            Path file = write(run);
            if (run.problems.isEmpty()) {
                continue;
            }
            Set<KnownEngineBug> bugs = KnownEngineBug.explaining(run);
            String report = "seed=" + seed + " " + run.options.describe() + ": "
                    + String.join(" | ", run.problems.subList(0, Math.min(3, run.problems.size())))
                    + (run.problems.size() > 3 ? " | and " + (run.problems.size() - 3) + " more" : "")
                    + " (replay: " + file + ", or -Dvopr.seed=" + seed + ")";
            if (!bugs.isEmpty()) {
                bugs.forEach(b -> known.computeIfAbsent(b, b2 -> new ArrayList<>()).add(run.options.seed()));
                System.out.println("  known engine bug " + bugs + ": " + report);
            }
            if (bugs.isEmpty() || STRICT) {
                failures.add(report);
            }
        }
        System.out.printf(Locale.ROOT, "vopr: %d seed(s), %d failed; slowest recovery after the restore: writable"
                + " in %s, settled in %s (seed %d)%n", last - first + 1, failures.size(),
                Durations.format(slowestWritable), Durations.format(slowestSettled), slowestSeed);
        known.forEach((bug, seeds) -> System.out.println("vopr: known engine bug " + bug + " in seeds " + seeds
                + ": " + bug.what()));
        assertThat(failures).isEmpty();
    }

    private static Path write(VoprRun run) throws IOException {
        Files.createDirectories(SCENARIOS);
        Path file = SCENARIOS.resolve("vopr-seed-" + run.options.seed() + ".yaml");
        ScenarioWriter.write(file, run.scenario(), List.of());
        return file;
    }
}

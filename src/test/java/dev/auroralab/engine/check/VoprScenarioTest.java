package dev.auroralab.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.run.ScenarioRunner;
import dev.auroralab.scenario.RunResult;
import dev.auroralab.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A VOPR run written as a scenario file reads back and replays to the same end: the same counters, the same final
 * snapshot, and, watched by the checker as {@code run --check} watches, the same violations at the same times. So a
 * failing seed can be opened in the window and stepped through.
 */
class VoprScenarioTest {

    @TempDir
    Path dir;

    /**
     * 17: a global database detached while AZs, copies and instances fail (a known engine bug shows); 39: a
     * switchover; 156: in-region failovers; 6: two secondaries, add and remove replicas.
     */
    @ParameterizedTest
    @ValueSource(longs = {17, 39, 156, 6})
    void aWrittenRunLoadsBackAndReplaysToTheSameCountersSnapshotAndViolations(long seed)
            throws IOException, ScenarioError {
        VoprRun run = VoprRun.run(seed);
        Path file = dir.resolve("vopr-seed-" + seed + ".yaml");
        ScenarioWriter.write(file, run.scenario(), List.of());

        Scenario loaded = ScenarioReader.read(file);
        assertThat(loaded.seed()).isEqualTo(seed);
        assertThat(loaded.cluster()).isEqualTo(run.options.cluster());
        assertThat(loaded.timeline()).hasSameSizeAs(run.timeline);
        List<SafetyWatch> watch = new ArrayList<>();
        RunResult replay = ScenarioRunner.run(loaded, null, null, VoprRun.CHECK_EVERY_MICROS, engine -> {
            if (watch.isEmpty()) {
                watch.add(new SafetyWatch(engine));
            }
            watch.get(0).check();
        });

        assertThat(replay.durationMicros()).isEqualTo(run.engine.nowMicros());
        assertThat(replay.finalSnapshot().counters()).isEqualTo(run.engine.snapshot().counters());
        assertThat(replay.finalSnapshot()).isEqualTo(run.engine.snapshot());
        assertThat(watch.get(0).violations()).isEqualTo(run.watch.violations());
    }

    @ParameterizedTest
    @ValueSource(longs = {17, 39})
    void everyCommandOfTheRunIsInTheFileAtItsTimeWithTheRejectedOnes(long seed) throws IOException, ScenarioError {
        VoprRun run = VoprRun.run(seed);
        Path file = dir.resolve("vopr-seed-" + seed + ".yaml");
        ScenarioWriter.write(file, run.scenario(), List.of());
        List<Command> commands = ScenarioReader.read(file).timeline().stream().map(t -> t.command()).toList();
        assertThat(commands).isEqualTo(run.timeline.stream().map(t -> t.command()).toList());
        assertThat(ScenarioReader.read(file).timeline().stream().map(t -> t.atMicros()).toList())
                .isEqualTo(run.timeline.stream().map(t -> t.atMicros()).toList());
    }
}

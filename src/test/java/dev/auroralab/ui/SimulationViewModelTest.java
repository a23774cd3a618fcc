package dev.auroralab.ui;

import dev.auroralab.scenario.RunResult;
import dev.auroralab.engine.storage.SegmentState;
import static dev.auroralab.ui.ViewModelFixtures.FRAME_NANOS;
import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.builtIn;
import static dev.auroralab.ui.ViewModelFixtures.clockJumpingBy;
import static dev.auroralab.ui.ViewModelFixtures.engineFor;
import static dev.auroralab.ui.ViewModelFixtures.frozenClock;
import static dev.auroralab.ui.ViewModelFixtures.vm;
import static dev.auroralab.ui.ViewModelFixtures.vmAt;
import static dev.auroralab.ui.ViewModelFixtures.withTimeline;
import static dev.auroralab.ui.ViewModelFixtures.withWorkload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.run.ScenarioRunner;
import dev.auroralab.scenario.ScenarioWriter;
import dev.auroralab.scenario.TimedCommand;
import dev.auroralab.run.MetricSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window's view model without a window: JavaFX properties and observable lists work without the toolkit, and an
 * injected nano clock makes the frame budget deterministic.
 */
class SimulationViewModelTest {

    private static final String HEALTHY = "healthy-cluster";
    private static final String COPY_A = "pg-0/us-east-1a/1";

    /** A metrics feed that remembers what it was given: the seam the charts use. */
    private static final class RecordingFeed implements MetricsFeed {
        final List<Long> fedAt = new ArrayList<>();
        List<MetricSample> samples = List.of();

        @Override
        public void show(List<MetricSample> given, EngineSnapshot snapshot) {
            fedAt.add(snapshot.nowMicros());
            samples = List.copyOf(given);
        }
    }

    @Test
    void aPulseDoesNothingWhilePausedAndTheEffectiveSpeedReadsZero() {
        SimulationViewModel vm = vm(HEALTHY);
        EngineSnapshot before = vm.snapshot();

        vm.pulse(FRAME_NANOS);
        vm.pulse(FRAME_NANOS);

        assertThat(vm.isPlaying()).isFalse();
        assertThat(vm.nowMicros()).isZero();
        assertThat(vm.snapshot()).isSameAs(before);
        assertThat(vm.effectiveSpeedProperty().get()).isZero();
    }

    @Test
    void whilePlayingAtSpeedOneEachPulseAdvancesSimulatedTimeByExactlyTheWallTime() {
        SimulationViewModel vm = vm(HEALTHY);
        vm.play();

        vm.pulse(FRAME_NANOS);
        assertThat(vm.nowMicros()).isEqualTo(16_000);
        for (int i = 0; i < 9; i++) {
            vm.pulse(FRAME_NANOS);
        }

        assertThat(vm.nowMicros()).isEqualTo(160_000);
        assertThat(vm.snapshot().nowMicros()).isEqualTo(160_000);
        assertThat(vm.effectiveSpeedProperty().get()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "at speed {0} a 16 ms frame advances {1} µs")
    @CsvSource({"0.5, 8000", "2, 32000", "10, 160000", "100, 1600000"})
    void aPulseAdvancesTheWallTimeTimesTheSpeed(double speed, long expectedMicros) {
        SimulationViewModel vm = vm(HEALTHY);
        vm.setSpeed(speed);
        vm.play();

        vm.pulse(FRAME_NANOS);

        assertThat(vm.nowMicros()).isEqualTo(expectedMicros);
    }

    @Test
    void whenTheFrameBudgetRunsOutTheSimulationFallsBehindAndTheEffectiveSpeedShowsIt() {
        // every look at the clock finds 10 ms gone: the 5 ms budget is spent after the first piece of work
        SimulationViewModel vm = new SimulationViewModel(builtIn(HEALTHY), clockJumpingBy(10_000_000),
                MetricsFeed.NONE);
        vm.play();

        vm.pulse(FRAME_NANOS);
        long firstFrame = vm.nowMicros();
        assertThat(firstFrame).isPositive().isLessThan(16_000);
        assertThat(vm.effectiveSpeedProperty().get()).isLessThan(vm.speed());

        for (int i = 0; i < 40; i++) {
            vm.pulse(FRAME_NANOS);
        }
        // simulated time is never skipped to catch up: it keeps falling behind the wall clock
        assertThat(vm.nowMicros()).isEqualTo(41 * firstFrame).isLessThan(41 * 16_000L);
        assertThat(vm.effectiveSpeedProperty().get())
                .isCloseTo(firstFrame / 16_000.0, org.assertj.core.api.Assertions.within(0.02));
    }

    @Test
    void aBudgetCutRunReachesTheSameStatesAsAnUncutOneOnlyLater() {
        // every look at the clock finds 2 ms gone: each frame gets a few milliseconds of simulated time, not 1.6 s
        SimulationViewModel slow = new SimulationViewModel(builtIn("az-plus-one"), clockJumpingBy(2_000_000),
                MetricsFeed.NONE);
        slow.advanceTo(9_990_000);
        slow.setSpeed(100);
        slow.play();
        for (int i = 0; i < 1_200; i++) {
            slow.pulse(FRAME_NANOS);
        }
        SimulationViewModel fast = vmAt("az-plus-one", slow.nowMicros());

        // past both scripted entries (10 s and 12 s), far behind the 1 920 s the frames asked for
        assertThat(slow.nowMicros()).isBetween(12 * SECOND, 60 * SECOND);
        assertThat(slow.snapshot()).isEqualTo(fast.snapshot());
        assertThat(slow.events()).containsExactlyElementsOf(fast.events());
    }

    @ParameterizedTest(name = "setSpeed({0}) gives {1}")
    @CsvSource({"1000, 100", "100, 100", "0.0001, 0.01", "-5, 0.01", "0, 0.01", "0.01, 0.01", "3, 3"})
    void theSpeedIsClampedToTheSlidersRange(double asked, double expected) {
        SimulationViewModel vm = vm(HEALTHY);
        vm.setSpeed(asked);
        assertThat(vm.speed()).isEqualTo(expected);
    }

    @Test
    void fasterAndSlowerWalkTheOneTwoFiveLadderAndStopAtItsEnds() {
        SimulationViewModel vm = vm(HEALTHY);
        assertThat(vm.speed()).isEqualTo(1.0);
        List<Double> up = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            vm.faster();
            up.add(vm.speed());
        }
        assertThat(up).containsExactly(2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 100.0, 100.0);

        List<Double> down = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            vm.slower();
            down.add(vm.speed());
        }
        assertThat(down).containsExactly(50.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.01,
                0.01);
    }

    @Test
    void fromASpeedBetweenTwoRungsFasterAndSlowerGoToTheNeighbouringRungs() {
        SimulationViewModel vm = vm(HEALTHY);
        vm.setSpeed(3);
        vm.faster();
        assertThat(vm.speed()).isEqualTo(5.0);
        vm.setSpeed(3);
        vm.slower();
        assertThat(vm.speed()).isEqualTo(2.0);
    }

    @Test
    void theScenariosOwnTimelineIsAppliedAsTheClockPassesEachEntry() {
        SimulationViewModel vm = vm("az-plus-one");
        vm.setSpeed(100);
        vm.play();
        // 1.6 s of simulated time per 16 ms frame
        for (int i = 0; i < 6; i++) {
            vm.pulse(FRAME_NANOS);
        }
        assertThat(vm.nowMicros()).isEqualTo(9_600_000);
        assertThat(vm.snapshot().downAzs()).isEmpty();

        vm.pulse(FRAME_NANOS);
        assertThat(vm.nowMicros()).isEqualTo(11_200_000);
        assertThat(vm.snapshot().downAzs()).containsExactly("us-east-1c");
        assertThat(vm.statusProperty().get()).isEqualTo("Scenario, t = 0:10.000: fail AZ us-east-1c");
        assertThat(vm.snapshot().pg("pg-0").segments()).filteredOn(s -> s.address().equals("pg-0/us-east-1b/1"))
                .extracting(EngineSnapshot.SegmentSnapshot::state).containsExactly(SegmentState.UP);

        vm.pulse(FRAME_NANOS);
        assertThat(vm.nowMicros()).isEqualTo(12_800_000);
        assertThat(vm.snapshot().pg("pg-0").segments()).filteredOn(s -> s.address().equals("pg-0/us-east-1b/1"))
                .extracting(EngineSnapshot.SegmentSnapshot::state).containsExactly(SegmentState.DOWN);
        assertThat(vm.snapshot().pg("pg-0").writeQuorum()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Scenario, t = 0:12.000: fail segment pg-0/us-east-1b/1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lose-an-az", "az-plus-one", "writer-crash-failover-by-tier", "two-copies-destroyed",
            "replica-lag-burst"})
    void theWindowReachesExactlyTheStateTheCommandLineRunnerReachesAtTheSameTime(String name) {
        Scenario scenario = builtIn(name);
        SimulationViewModel vm = vm(scenario);
        vm.setSpeed(100);
        vm.play();
        // irregular frames, as a real screen gives them
        SplittableRandom frames = new SplittableRandom(name.hashCode());
        while (vm.nowMicros() < 32 * SECOND) {
            vm.pulse(frames.nextLong(8_000_000, 34_000_000));
        }

        RunResult cli = ScenarioRunner.run(scenario, null, vm.nowMicros());

        assertThat(vm.snapshot()).isEqualTo(cli.finalSnapshot());
        assertThat(vm.events()).containsExactlyElementsOf(cli.events());
    }

    @Test
    void aWriterCrashSeenInTheWindowMatchesTheRunnerFieldByField() {
        Scenario scenario = builtIn("writer-crash-failover-by-tier");
        for (long t : new long[] {9 * SECOND, 15 * SECOND, 50 * SECOND}) {
            EngineSnapshot window = vmAt("writer-crash-failover-by-tier", t).snapshot();
            EngineSnapshot cli = ScenarioRunner.run(scenario, null, t).finalSnapshot();
            assertThat(window.writerId()).as("writer at %d µs", t).isEqualTo(cli.writerId());
            assertThat(window.downAzs()).isEqualTo(cli.downAzs());
            assertThat(window.counters()).isEqualTo(cli.counters());
            assertThat(window.failovers()).isEqualTo(cli.failovers());
            assertThat(window).isEqualTo(cli);
        }
        assertThat(vmAt("writer-crash-failover-by-tier", 50 * SECOND).snapshot().writerId()).isEqualTo("reader-3");
    }

    @Test
    void twoViewModelsFedTheSameScenarioAndActionsAtTheSameTimesProduceEqualSnapshots() {
        SimulationViewModel a = vm(HEALTHY);
        SimulationViewModel b = vm(HEALTHY);
        for (SimulationViewModel vm : List.of(a, b)) {
            vm.advanceTo(1_234_567);
            vm.act(new Command.FailSegment(COPY_A));
            vm.advanceTo(4 * SECOND);
            vm.act(new Command.FailAvailabilityZone("us-east-1c"));
            vm.advanceTo(6 * SECOND + 1);
            vm.act(new Command.Failover("reader-1"));
            vm.act(new Command.SetWorkload(2500.0, null));
            vm.advanceTo(30 * SECOND);
        }

        assertThat(a.snapshot()).isEqualTo(b.snapshot());
        assertThat(a.events()).containsExactlyElementsOf(b.events());
        assertThat(a.userCommands()).isEqualTo(b.userCommands());
        assertThat(a.snapshot().failovers()).isNotEmpty();
    }

    @Test
    void manySmallIrregularPulsesAndOneAdvanceToReachTheSameSnapshot() {
        SimulationViewModel pulsed = vm("az-plus-one");
        pulsed.play();
        SplittableRandom r = new SplittableRandom(42);
        double[] speeds = {1, 5, 20, 100, 0.5, 50};
        while (pulsed.nowMicros() < 25 * SECOND) {
            pulsed.setSpeed(speeds[r.nextInt(speeds.length)]);
            pulsed.pulse(r.nextLong(1_000_000, 40_000_000));
        }
        SimulationViewModel jumped = vmAt("az-plus-one", pulsed.nowMicros());

        assertThat(pulsed.snapshot()).isEqualTo(jumped.snapshot());
        assertThat(pulsed.events()).containsExactlyElementsOf(jumped.events());
    }

    @Test
    void anAcceptedActionIsRecordedWithTheSimulatedTimeItWasTakenAt() {
        SimulationViewModel vm = vmAt(HEALTHY, 1_500_000);

        CommandResult r = vm.act(new Command.FailSegment(COPY_A));
        vm.advanceTo(2 * SECOND);
        vm.act(new Command.SetPromotionTier("reader-2", 7));

        assertThat(r.accepted()).isTrue();
        assertThat(vm.userCommands()).containsExactly(
                new TimedCommand(1_500_000, new Command.FailSegment(COPY_A), 0),
                new TimedCommand(2 * SECOND, new Command.SetPromotionTier("reader-2", 7), 0));
        assertThat(vm.statusProperty().get()).isEqualTo("set tier of reader-2 to 7 - reader-2 is now tier 7");
        assertThat(vm.snapshot().instance("reader-2").tier()).isEqualTo(7);
    }

    @Test
    void theActionShowsInTheSnapshotAtOnceWithoutAdvancingTime() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);

        vm.act(new Command.FailSegment(COPY_A));

        assertThat(vm.nowMicros()).isEqualTo(SECOND);
        assertThat(vm.snapshot().segment(COPY_A).state()).isEqualTo(SegmentState.DOWN);
        assertThat(vm.events()).last().isInstanceOf(AuroraEvent.SegmentFailed.class);
    }

    @Test
    void aRefusedActionIsNotRecordedAndTheStatusSaysRefusedAndWhy() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        EngineSnapshot before = vm.snapshot();

        CommandResult restoreUp = vm.act(new Command.RestoreInstance("writer-1"));
        assertThat(vm.statusProperty().get()).isEqualTo("Refused: restore instance writer-1 - writer-1 is not down");
        CommandResult missing = vm.act(new Command.Failover("reader-9"));
        assertThat(vm.statusProperty().get()).isEqualTo("Refused: fail over to reader-9 - no instance reader-9");

        assertThat(restoreUp.accepted()).isFalse();
        assertThat(missing.accepted()).isFalse();
        assertThat(vm.userCommands()).isEmpty();
        assertThat(vm.snapshot()).isEqualTo(before);
        assertThat(vm.events()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(
                AuroraEvent.CommandRejected.class));
    }

    @Test
    void restartReturnsToTimeZeroAndClearsActionsEventsSelectionAndTheCharts() {
        RecordingFeed feed = new RecordingFeed();
        SimulationViewModel vm = new SimulationViewModel(builtIn(HEALTHY), frozenClock(), feed);
        EngineSnapshot atZero = vm.snapshot();
        vm.advanceTo(3 * SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        vm.select(Selection.segment(COPY_A));
        vm.advanceTo(14 * SECOND);
        assertThat(vm.events()).isNotEmpty();
        assertThat(feed.samples).isNotEmpty();
        feed.fedAt.clear();

        vm.restart();

        assertThat(vm.nowMicros()).isZero();
        assertThat(vm.snapshot()).isEqualTo(atZero);
        assertThat(vm.userCommands()).isEmpty();
        assertThat(vm.events()).isEmpty();
        assertThat(vm.selection()).isNull();
        assertThat(feed.fedAt).containsExactly(0L);
        assertThat(feed.samples).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Restarted Healthy cluster at t = 0 (seed 1)");
    }

    @Test
    void everyPublishedSnapshotReachesTheMetricsFeed() {
        RecordingFeed feed = new RecordingFeed();
        SimulationViewModel vm = new SimulationViewModel(builtIn(HEALTHY), frozenClock(), feed);
        vm.play();
        vm.pulse(FRAME_NANOS);
        vm.pulse(FRAME_NANOS);
        vm.advanceTo(100_000);
        vm.act(new Command.FailSegment(COPY_A));

        assertThat(feed.fedAt).containsExactly(0L, 16_000L, 32_000L, 100_000L, 100_000L);
    }

    @Test
    void openingABadFileReturnsTheReadersErrorAndLeavesTheRunExactlyAsItWas(@TempDir Path dir)
            throws Exception {
        SimulationViewModel vm = vmAt(HEALTHY, 2 * SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        vm.select(Selection.segment(COPY_A));
        Scenario scenario = vm.scenario();
        EngineSnapshot snapshot = vm.snapshot();
        List<TimedCommand> actions = vm.userCommands();
        List<AuroraEvent> events = List.copyOf(vm.events());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\nname: Broken\nseed: 1\nduration: 10s\ncluster: 42\n");

        Optional<ScenarioError> error = vm.open(bad);

        assertThat(error).isPresent();
        assertThat(error.get().sourceName()).isEqualTo("bad.yaml");
        assertThat(error.get().line()).isPositive();
        assertThat(vm.scenario()).isSameAs(scenario);
        assertThat(vm.snapshot()).isSameAs(snapshot);
        assertThat(vm.nowMicros()).isEqualTo(2 * SECOND);
        assertThat(vm.userCommands()).isEqualTo(actions);
        assertThat(vm.events()).containsExactlyElementsOf(events);
        assertThat(vm.selection()).isEqualTo(Selection.segment(COPY_A));
        assertThat(vm.statusProperty().get()).isEqualTo("Could not open bad.yaml: the current run goes on");

        assertThat(vm.open(dir.resolve("missing.yaml"))).isPresent();
        assertThat(vm.openBuiltIn("no-such-scenario")).isPresent();
        assertThat(vm.scenario()).isSameAs(scenario);
        assertThat(vm.nowMicros()).isEqualTo(2 * SECOND);
    }

    @Test
    void openingAGoodFileReplacesTheRun(@TempDir Path dir) throws Exception {
        SimulationViewModel vm = vmAt(HEALTHY, 2 * SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        vm.select(Selection.segment(COPY_A));
        Path good = dir.resolve("mine.yaml");
        ScenarioWriter.write(good, builtIn("az-plus-one"), List.of());

        Optional<ScenarioError> error = vm.open(good);

        assertThat(error).isEmpty();
        assertThat(vm.scenario().name()).isEqualTo("Lose an AZ, then one more copy");
        assertThat(vm.scenarioNameProperty().get()).isEqualTo("Lose an AZ, then one more copy");
        assertThat(vm.nowMicros()).isZero();
        assertThat(vm.userCommands()).isEmpty();
        assertThat(vm.events()).isEmpty();
        assertThat(vm.selection()).isNull();
        assertThat(vm.snapshot()).isEqualTo(vm(builtIn("az-plus-one")).snapshot());
        assertThat(vm.statusProperty().get()).isEqualTo("Loaded Lose an AZ, then one more copy (seed 7)");
    }

    @Test
    void stepOneEventPausesAndFiresExactlyTheEnginesNextEvent() {
        Scenario scenario = builtIn(HEALTHY);
        SimulationViewModel vm = vm(scenario);
        vm.play();
        vm.advanceTo(SECOND);
        AuroraEngine shadow = engineFor(scenario);
        shadow.advanceTo(SECOND);

        long firstArrival = vm.snapshot().messagesInFlight().stream()
                .mapToLong(EngineSnapshot.MessageSnapshot::arrivesMicros).min().orElseThrow();
        long expected = shadow.nextEventMicros();
        vm.stepOneEvent();

        assertThat(vm.isPlaying()).isFalse();
        assertThat(vm.nowMicros()).isEqualTo(expected).isGreaterThan(SECOND).isLessThanOrEqualTo(firstArrival);
        assertThat(vm.statusProperty().get()).startsWith("Stepped one engine event, to t = 0:01.");
        for (int i = 0; i < 200; i++) {
            shadow.step();
            assertThat(vm.snapshot()).isEqualTo(shadow.snapshot());
            vm.stepOneEvent();
        }
    }

    @Test
    void steppingOneEventAtATimeNeverSkipsAScriptedEntry() {
        SimulationViewModel vm = vmAt("az-plus-one", 9_995_000);
        while (vm.nowMicros() < 10 * SECOND) {
            assertThat(vm.snapshot().downAzs()).isEmpty();
            vm.stepOneEvent();
        }

        assertThat(vm.nowMicros()).isEqualTo(10 * SECOND);
        assertThat(vm.snapshot().downAzs()).containsExactly("us-east-1c");
        assertThat(vm.snapshot()).isEqualTo(ScenarioRunner.run(builtIn("az-plus-one"), null, 10 * SECOND)
                .finalSnapshot());
    }

    @Test
    void afterFailingACopyStepToNextEventLandsOnTheRepairStartingAndNamesIt() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        int logged = vm.events().size();
        vm.play();

        vm.stepToNextNotableEvent();

        assertThat(vm.isPlaying()).isFalse();
        // storage notices a failed copy after 10 s and starts replacing it
        assertThat(vm.nowMicros()).isEqualTo(11 * SECOND);
        assertThat(vm.events()).hasSizeGreaterThan(logged);
        AuroraEvent next = vm.events().get(logged);
        assertThat(next).isInstanceOfSatisfying(AuroraEvent.MembershipChangeStarted.class,
                m -> assertThat(m.pg()).isEqualTo("pg-0"));
        assertThat(next.atMicros()).isEqualTo(vm.nowMicros());
        assertThat(vm.statusProperty().get())
                .isEqualTo("Stepped to the next event, MembershipChangeStarted, at t = 0:11.000");
    }

    @Test
    void stepToNextEventStopsAtAScriptedEntryThatLogsSomething() {
        SimulationViewModel vm = vmAt("az-plus-one", 5 * SECOND);

        vm.stepToNextNotableEvent();

        assertThat(vm.nowMicros()).isEqualTo(10 * SECOND);
        assertThat(vm.events()).last().isInstanceOf(AuroraEvent.AvailabilityZoneFailed.class);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Stepped to the next event, AvailabilityZoneFailed, at t = 0:10.000");
    }

    @Test
    void stepToNextEventGivesUpAfterTenQuietMinutes() {
        // no workload, no faults: nothing is logged, and an idle engine is cheap to run for ten minutes
        SimulationViewModel vm = vm(withWorkload(builtIn(HEALTHY), 0, 0));

        vm.stepToNextNotableEvent();

        assertThat(vm.nowMicros()).isEqualTo(600 * SECOND);
        assertThat(vm.events()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("No event in the next 10m; stopped at t = 10:00.000");
    }

    @Test
    void anActionTakenAfterSteppingIntoTheMiddleOfAnInstantReplaysFromTheSavedFileToTheSameRun() throws Exception {
        Scenario scenario = builtIn(HEALTHY);
        SimulationViewModel vm = vmAt(HEALTHY, 1_009_000);
        AuroraEngine shadow = engineFor(scenario);
        shadow.advanceTo(1_009_000);
        for (int i = 0; i < 12; i++) {
            vm.stepOneEvent();
            shadow.step();
        }
        assertThat(vm.nowMicros()).isEqualTo(1_010_000);
        assertThat(shadow.nextEventMicros()).as("more engine events are due at this same microsecond")
                .isEqualTo(vm.nowMicros());

        vm.act(new Command.FailSegment(COPY_A));
        vm.advanceTo(3 * SECOND);
        Scenario saved = ScenarioReader.read("saved-actions.yaml",
                ScenarioWriter.toYaml(vm.scenario(), vm.userCommands()));
        SimulationViewModel replay = vm(saved);
        replay.advanceTo(3 * SECOND);

        assertThat(replay.snapshot().counters()).isEqualTo(vm.snapshot().counters());
        assertThat(replay.snapshot()).isEqualTo(vm.snapshot());
    }

    @Test
    void stepToNextEventOnAQuietBusyClusterStopsWhenItsWallTimeBudgetIsSpent() {
        // every look at the clock finds 1 ms gone: the 300 ms budget is spent after about 300 items, not 600 s later
        SimulationViewModel vm = new SimulationViewModel(builtIn(HEALTHY), clockJumpingBy(1_000_000),
                MetricsFeed.NONE);

        vm.stepToNextNotableEvent();

        assertThat(vm.nowMicros()).isGreaterThan(0).isLessThan(SECOND);
        assertThat(vm.statusProperty().get()).startsWith("No event yet; searched up to t = ")
                .endsWith("Press again to look further.");
    }

    @Test
    void theLogKeepsOnlyTheMostRecentEventsWhenTheyComeOneAtATime() {
        SimulationViewModel vm = vm(HEALTHY);
        int total = SimulationViewModel.EVENT_LOG_LIMIT + 100;
        // a refused command is the cheapest thing that logs an event
        for (int i = 0; i < total; i++) {
            vm.act(new Command.RestoreInstance("ghost-" + i));
        }

        assertThat(vm.events()).hasSize(SimulationViewModel.EVENT_LOG_LIMIT);
        assertThat(((AuroraEvent.CommandRejected) vm.events().get(0)).command())
                .isEqualTo("restore instance ghost-100");
        assertThat(((AuroraEvent.CommandRejected) vm.events().get(vm.events().size() - 1)).command())
                .isEqualTo("restore instance ghost-" + (total - 1));
    }

    @Test
    void theLogKeepsOnlyTheMostRecentEventsWhenMoreThanTheLimitArriveInOneFrame() {
        // a script the file format would refuse (unknown instances), applied all at once at 1 ms
        int burst = SimulationViewModel.EVENT_LOG_LIMIT + 1_000;
        List<TimedCommand> timeline = IntStream.range(0, burst)
                .mapToObj(i -> new TimedCommand(1_000, new Command.RestoreInstance("ghost-" + i), 0)).toList();
        Scenario scenario = withTimeline(builtIn(HEALTHY), timeline);
        SimulationViewModel vm = vm(scenario);
        vm.act(new Command.RestoreInstance("before"));
        assertThat(vm.events()).hasSize(1);

        vm.advanceTo(2_000);

        List<AuroraEvent> all = ScenarioRunner.run(scenario, null, 2_000L).events();
        assertThat(vm.events()).hasSize(SimulationViewModel.EVENT_LOG_LIMIT)
                .containsExactlyElementsOf(all.subList(all.size() - SimulationViewModel.EVENT_LOG_LIMIT,
                        all.size()));
        assertThat(((AuroraEvent.CommandRejected) vm.events().get(0)).command())
                .isEqualTo("restore instance ghost-1000");
    }

    @Test
    void savingTheActionsAndReplayingTheFileInANewViewModelReachesTheSameSnapshot()
            throws Exception {
        SimulationViewModel vm = vm("az-plus-one");
        vm.setSpeed(20);
        vm.play();
        for (int i = 0; i < 5; i++) {
            vm.pulse(FRAME_NANOS + 123_457);
        }
        vm.act(new Command.FailSegment("pg-2/us-east-1a/2"));
        vm.act(new Command.RestoreInstance("writer-1")); // refused: not recorded, and it changes nothing
        vm.advanceTo(10 * SECOND);
        vm.act(new Command.SetPromotionTier("reader-1", 3)); // at the same instant as the file's fail-az
        vm.advanceTo(15 * SECOND + 7);
        vm.act(new Command.AddReplica("reader-2", "us-east-1b", 1, "db.r6g.large"));
        vm.act(new Command.SetWorkload(1500.5, 2000.0));
        vm.advanceTo(20 * SECOND);
        vm.act(new Command.RestoreAvailabilityZone("us-east-1c"));
        vm.advanceTo(35 * SECOND);
        assertThat(vm.userCommands()).hasSize(5);

        String yaml = ScenarioWriter.toYaml(vm.scenario(), vm.userCommands());
        Scenario saved = ScenarioReader.read("saved-actions.yaml", yaml);
        SimulationViewModel replay = vm(saved);
        replay.advanceTo(35 * SECOND);

        assertThat(saved.timeline()).hasSize(vm.scenario().timeline().size() + 5);
        assertThat(replay.userCommands()).isEmpty();
        assertThat(replay.snapshot()).isEqualTo(vm.snapshot());
        assertThat(replay.events()).containsExactlyElementsOf(vm.events().stream()
                .filter(e -> !(e instanceof AuroraEvent.CommandRejected)).toList());
    }

    @Test
    void anActionTakenAfterTheEndOfTheScenarioCannotBeSavedAndTheWriterSaysWhy() {
        SimulationViewModel vm = vmAt(HEALTHY, 61 * SECOND);
        vm.act(new Command.FailSegment(COPY_A));

        assertThatThrownBy(() -> ScenarioWriter.toYaml(vm.scenario(), vm.userCommands()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the scenario cannot be saved");
    }

    @Test
    void theClockReadsMinutesSecondsAndMilliseconds() {
        assertThat(dev.auroralab.run.ClockText.of(0)).isEqualTo("0:00.000");
        assertThat(dev.auroralab.run.ClockText.of(65_250_000)).isEqualTo("1:05.250");
        assertThat(dev.auroralab.run.ClockText.of(600 * SECOND + 999)).isEqualTo("10:00.000");
    }

    @Test
    void everyBuiltInScenarioOpensAtTimeZeroWithItsName() {
        SimulationViewModel vm = vm(HEALTHY);
        for (String name : BuiltInScenarios.NAMES) {
            assertThat(vm.openBuiltIn(name)).isEmpty();
            assertThat(vm.nowMicros()).isZero();
            assertThat(vm.scenarioNameProperty().get()).isEqualTo(builtIn(name).name());
            assertThat(vm.snapshot().nowMicros()).isZero();
        }
    }
}

package dev.auroralab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.TimedCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSamplerTest {

    private static final long FRAME_MICROS = 16_000;
    private static final long INTERVAL = MetricSampler.INTERVAL_MICROS;

    /** One writer in az-a, one tier-0 replica in az-b, 30 GiB, 1000 writes/s (as TestClusters.standard). */
    private static AuroraEngine standardCluster(long seed) {
        return new AuroraEngine(new ClusterSpec("us-east-1", List.of("az-a", "az-b", "az-c"), 30,
                List.of(new InstanceSpec("writer-1", "az-a", Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "az-b", Role.READER, 0, "db.r6g.xlarge")),
                1000, 4000, seed));
    }

    private static long seconds(double s) {
        return Math.round(s * 1_000_000);
    }

    /**
     * Plays the engine forward one 16 ms frame at a time, feeding a snapshot per frame as the window does, and a last
     * one at {@code untilMicros} (the point where a test stops or acts).
     */
    private static void playFrames(AuroraEngine engine, MetricSampler sampler, long untilMicros) {
        playFrames(engine, sampler, untilMicros, FRAME_MICROS);
    }

    private static void playFrames(AuroraEngine engine, MetricSampler sampler, long untilMicros, long frameMicros) {
        if (sampler.lastFedMicros() == Long.MIN_VALUE) {
            sampler.feed(engine.snapshot());
        }
        for (long t = engine.nowMicros() + frameMicros; t < untilMicros; t += frameMicros) {
            engine.advanceTo(t);
            sampler.feed(engine.snapshot());
        }
        engine.advanceTo(untilMicros);
        sampler.feed(engine.snapshot());
    }

    /**
     * Plays a built-in scenario to {@code untilMicros} one frame at a time, applying its timeline at the times it
     * gives, as the window does, and returns the samples. A frame of one sample interval feeds at every grid edge,
     * which gives the same flags as 16 ms frames for anything lasting a whole interval, at a fraction of the cost.
     */
    private static List<MetricSample> playScenario(String name, long untilMicros, long frameMicros)
            throws ScenarioError {
        Scenario s = BuiltInScenarios.load(name);
        ClusterSpec c = s.cluster();
        AuroraEngine engine = new AuroraEngine(new ClusterSpec(c.region(), c.azs(), c.volumeGiB(), c.instances(),
                c.writesPerSecond(), c.readsPerSecond(), s.seed(), c.secondaries()).withEngine(c.engine())
                .withTimings(c.timings()));
        MetricSampler sampler = new MetricSampler();
        for (TimedCommand step : s.timeline()) {
            if (step.atMicros() >= untilMicros) {
                break;
            }
            playFrames(engine, sampler, step.atMicros(), frameMicros);
            engine.apply(step.command());
        }
        playFrames(engine, sampler, untilMicros, frameMicros);
        return List.copyOf(sampler.samples());
    }

    /** The samples starting in {@code [fromSeconds, toSeconds)}. */
    private static List<MetricSample> between(List<MetricSample> samples, double fromSeconds, double toSeconds) {
        return samples.stream().filter(s -> s.startMicros() >= seconds(fromSeconds) && s.startMicros() < seconds(toSeconds))
                .toList();
    }

    private static double totalAcks(List<MetricSample> samples) {
        return samples.stream().mapToDouble(s -> s.ackWritesPerSecond() * (s.endMicros() - s.startMicros()) / 1e6)
                .sum();
    }

    private static double totalLatencyMicros(List<MetricSample> samples) {
        return samples.stream().filter(MetricSample::hasCommitLatency)
                .mapToDouble(s -> s.meanCommitLatencyMicros() * s.ackWritesPerSecond()
                        * (s.endMicros() - s.startMicros()) / 1e6)
                .sum();
    }

    // ---- with a real engine ------------------------------------------------------------------------------------------

    @Test
    void samplesAcknowledgedWritesPerSecondFromCounterDifferences() {
        AuroraEngine engine = standardCluster(7);
        MetricSampler sampler = new MetricSampler();

        playFrames(engine, sampler, seconds(10));

        List<MetricSample> samples = List.copyOf(sampler.samples());
        assertThat(samples).hasSize(40);
        assertThat(samples.get(0).startMicros()).isZero();
        assertThat(samples.get(39).endMicros()).isEqualTo(seconds(10));
        for (int i = 0; i < samples.size(); i++) {
            assertThat(samples.get(i).startMicros()).isEqualTo(i * INTERVAL);
            assertThat(samples.get(i).endMicros()).isEqualTo((i + 1) * INTERVAL);
        }
        double mean = samples.stream().mapToDouble(MetricSample::ackWritesPerSecond).average().orElseThrow();
        assertThat(mean).isCloseTo(1000, within(100.0));
        // once the pipeline is full every quarter second acknowledges about 250 writes
        assertThat(samples.subList(4, 40)).allSatisfy(
                s -> assertThat(s.ackWritesPerSecond()).isCloseTo(1000, within(100.0)));
        EngineSnapshot end = engine.snapshot();
        assertThat(totalAcks(samples)).isCloseTo(end.counters().writesAcknowledged(), within(1e-6));
    }

    @Test
    void meanCommitLatencyIsTheLatencySumOverTheWritesAcknowledgedInTheInterval() {
        AuroraEngine engine = standardCluster(7);
        MetricSampler sampler = new MetricSampler();

        playFrames(engine, sampler, seconds(10));

        List<MetricSample> samples = List.copyOf(sampler.samples());
        assertThat(samples.subList(1, samples.size())).allSatisfy(s -> {
            assertThat(s.hasCommitLatency()).isTrue();
            assertThat(s.meanCommitLatencyMicros()).isBetween(1_000.0, 10_000.0);
        });
        EngineSnapshot end = engine.snapshot();
        assertThat(totalLatencyMicros(samples))
                .isCloseTo(end.counters().commitLatencySumMicros(), within(1e-6 * end.counters().commitLatencySumMicros()));
    }

    @Test
    void replicaLagIsPresentWhileAReaderIsUp() {
        AuroraEngine engine = standardCluster(7);
        MetricSampler sampler = new MetricSampler();

        playFrames(engine, sampler, seconds(10));

        assertThat(sampler.samples()).allSatisfy(s -> assertThat(s.hasReplicaLag()).isTrue());
        // after the first redo applies, a few milliseconds at 1000 writes/s (P17 Table 4)
        assertThat(sampler.latest().maxReplicaLagMicros()).isBetween(1_000.0, 20_000.0);
        assertThat(sampler.samples()).noneMatch(s -> s.faultActive() || s.writesBlocked());
    }

    @Test
    void aJumpOverSeveralIntervalsGivesOneSamplePerWholeIntervalWithTheSameTotals() {
        AuroraEngine framed = standardCluster(11);
        MetricSampler everyFrame = new MetricSampler();
        playFrames(framed, everyFrame, seconds(5));

        AuroraEngine jumped = standardCluster(11);
        MetricSampler twice = new MetricSampler();
        twice.feed(jumped.snapshot());
        jumped.advanceTo(seconds(5));
        int closed = twice.feed(jumped.snapshot());

        List<MetricSample> samples = List.copyOf(twice.samples());
        assertThat(closed).isEqualTo(20);
        assertThat(samples).hasSize(20);
        assertThat(samples).extracting(MetricSample::endMicros).containsExactly(
                java.util.stream.LongStream.rangeClosed(1, 20).map(k -> k * INTERVAL).boxed().toArray(Long[]::new));
        // the jump's writes are spread evenly: every interval shows the jump's average rate and mean latency
        double rate = jumped.snapshot().counters().writesAcknowledged() / 5.0;
        assertThat(samples).allSatisfy(s -> assertThat(s.ackWritesPerSecond()).isCloseTo(rate, within(1e-6)));
        double meanLatency = (double) jumped.snapshot().counters().commitLatencySumMicros()
                / jumped.snapshot().counters().writesAcknowledged();
        assertThat(samples).allSatisfy(
                s -> assertThat(s.meanCommitLatencyMicros()).isCloseTo(meanLatency, within(1e-6)));
        // and the totals match the run fed every frame (the engine is the same run either way)
        assertThat(totalAcks(samples)).isCloseTo(totalAcks(everyFrame.samples()), within(1e-6));
        assertThat(totalLatencyMicros(samples)).isCloseTo(totalLatencyMicros(everyFrame.samples()),
                within(1e-6 * totalLatencyMicros(samples)));
    }

    @Test
    void failingTheWritersAzShadesFaultAndWritesBlockedUntilTheClusterHasRecovered() {
        AuroraEngine engine = standardCluster(3);
        MetricSampler sampler = new MetricSampler();
        playFrames(engine, sampler, seconds(2));
        assertThat(sampler.samples()).noneMatch(s -> s.faultActive() || s.writesBlocked());

        engine.apply(new Command.FailAvailabilityZone("az-a"));
        playFrames(engine, sampler, seconds(45));
        engine.apply(new Command.RestoreAvailabilityZone("az-a"));
        playFrames(engine, sampler, seconds(120));

        List<MetricSample> samples = List.copyOf(sampler.samples());
        MetricSample firstAfterFailure = samples.get((int) (seconds(2) / INTERVAL));
        assertThat(firstAfterFailure.faultActive()).isTrue();
        assertThat(firstAfterFailure.writesBlocked()).isTrue();
        assertThat(firstAfterFailure.ackWritesPerSecond()).isLessThan(1000);
        List<MetricSample> whileAzDown = samples.subList((int) (seconds(2) / INTERVAL), (int) (seconds(45) / INTERVAL));
        assertThat(whileAzDown).allMatch(MetricSample::faultActive);
        assertThat(whileAzDown).anyMatch(s -> s.writesBlocked() && s.ackWritesPerSecond() == 0);
        // writes resume on the promoted reader while the AZ is still down: still a fault, no longer blocked
        assertThat(whileAzDown).anyMatch(s -> !s.writesBlocked() && s.ackWritesPerSecond() > 900);
        // the shaded flags clear once the AZ is back and its copies have caught up
        MetricSample last = sampler.latest();
        assertThat(last.faultActive()).isFalse();
        assertThat(last.writesBlocked()).isFalse();
        assertThat(last.ackWritesPerSecond()).isCloseTo(1000, within(100.0));
    }

    @Test
    void aSecondaryRegionThatIsOutIsShadedAsAFaultBeforeCommitsBlock() throws ScenarioError {
        // eu-west-1, the only secondary, fails at 10 s; the managed RPO blocks commits only from about 30 s
        List<MetricSample> samples = playScenario("global-managed-rpo", seconds(29), FRAME_MICROS);

        assertThat(between(samples, 0, 10)).noneMatch(MetricSample::faultActive);
        List<MetricSample> outButWriting = between(samples, 10, 29);
        assertThat(outButWriting).hasSize(76).allMatch(MetricSample::faultActive);
        assertThat(outButWriting).noneMatch(MetricSample::writesBlocked);
        assertThat(outButWriting).allSatisfy(s -> assertThat(s.ackWritesPerSecond()).isGreaterThan(1_900));
    }

    @Test
    void anOldPrimaryBeingRebuiltToRejoinIsShadedUntilItHasRejoined() throws ScenarioError {
        // us-east-1 fails at 20 s, us-west-2 takes over at 25 s; us-east-1 returns at 90 s and is rebuilt for the
        // scenario's two minutes (timings: secondaryRebuild), writes flowing in us-west-2 all the while
        List<MetricSample> samples = playScenario("global-region-outage-failover", seconds(215), INTERVAL);

        assertThat(between(samples, 0, 20)).noneMatch(MetricSample::faultActive);
        assertThat(between(samples, 20, 200)).allMatch(MetricSample::faultActive);
        assertThat(between(samples, 95, 200)).noneMatch(MetricSample::writesBlocked);
        assertThat(between(samples, 211, 215)).noneMatch(MetricSample::faultActive);
    }

    @Test
    void theSameFeedGivesEqualSamples() {
        MetricSampler first = new MetricSampler();
        MetricSampler second = new MetricSampler();
        for (MetricSampler sampler : List.of(first, second)) {
            AuroraEngine engine = standardCluster(42);
            playFrames(engine, sampler, seconds(3));
            engine.apply(new Command.FailInstance("reader-1"));
            playFrames(engine, sampler, seconds(6));
            engine.advanceTo(seconds(9));
            sampler.feed(engine.snapshot());
        }

        assertThat(first.samples()).hasSize(36);
        assertThat(List.copyOf(first.samples())).isEqualTo(List.copyOf(second.samples()));
    }

    @Test
    void replicaLagIsAbsentWhileNoReaderIsUp() {
        AuroraEngine engine = standardCluster(5);
        MetricSampler sampler = new MetricSampler();
        playFrames(engine, sampler, seconds(1));

        engine.apply(new Command.FailInstance("reader-1"));
        playFrames(engine, sampler, seconds(3));

        MetricSample last = sampler.latest();
        assertThat(last.hasReplicaLag()).isFalse();
        assertThat(last.maxReplicaLagMicros()).isNaN();
        assertThat(last.faultActive()).isTrue();
        assertThat(last.writesBlocked()).isFalse();
        assertThat(MetricSampler.maxReplicaLagMicros(engine.snapshot())).isNaN();
    }

    // ---- with exact, hand-made feeds ------------------------------------------------------------------------------

    @Test
    void meanCommitLatencyIsAbsentWhenNoWriteWasAcknowledged() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 100, 400_000, 2_000, false, false);
        sampler.feed(INTERVAL, 100, 400_000, 2_000, true, true);

        MetricSample sample = sampler.latest();
        assertThat(sample.ackWritesPerSecond()).isZero();
        assertThat(sample.hasCommitLatency()).isFalse();
        assertThat(sample.meanCommitLatencyMicros()).isNaN();
    }

    @Test
    void snapshotsAtTheSameOrAnEarlierTimeAreIgnored() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 0, 0, 1_000, false, false);
        sampler.feed(100_000, 50, 150_000, 1_000, false, false);

        assertThat(sampler.feed(100_000, 9_999, 9_999_999, 9_999, true, true)).isZero();
        assertThat(sampler.feed(50_000, 9_999, 9_999_999, 9_999, true, true)).isZero();
        assertThat(sampler.lastFedMicros()).isEqualTo(100_000);
        sampler.feed(INTERVAL, 125, 375_000, 1_000, false, false);

        assertThat(sampler.samples()).containsExactly(
                new MetricSample(0, INTERVAL, 500, 3_000, 1_000, false, false));
    }

    @Test
    void anEngineSnapshotFedTwiceCountsOnce() {
        AuroraEngine engine = standardCluster(9);
        MetricSampler sampler = new MetricSampler();
        playFrames(engine, sampler, seconds(1));
        EngineSnapshot same = engine.snapshot();

        assertThat(sampler.feed(same)).isZero();
        assertThat(sampler.samples()).hasSize(4);
    }

    @Test
    void theRingKeepsOnlyTheNewestSamples() {
        MetricSampler sampler = new MetricSampler(5);
        for (int k = 0; k <= 12; k++) {
            sampler.feed(k * INTERVAL, 10L * k, 20L * k, 1_000, false, false);
        }

        assertThat(sampler.emittedCount()).isEqualTo(12);
        assertThat(sampler.samples()).hasSize(5);
        assertThat(sampler.samples()).extracting(MetricSample::startMicros)
                .containsExactly(7 * INTERVAL, 8 * INTERVAL, 9 * INTERVAL, 10 * INTERVAL, 11 * INTERVAL);
        assertThat(sampler.latest().endMicros()).isEqualTo(12 * INTERVAL);
    }

    @Test
    void theDefaultRingHoldsAtLeastTenMinutesOfSimulatedTime() {
        MetricSampler sampler = new MetricSampler();
        assertThat(sampler.capacity() * MetricSampler.INTERVAL_MICROS).isGreaterThanOrEqualTo(seconds(600));

        sampler.feed(0, 0, 0, 1_000, false, false);
        sampler.feed(seconds(3_600), 3_600_000, 7_200_000_000L, 1_000, false, false);

        assertThat(sampler.samples()).hasSize(sampler.capacity());
        assertThat(sampler.latest().endMicros()).isEqualTo(seconds(3_600));
        assertThat(sampler.emittedCount()).isEqualTo(3_600 * 4);
    }

    @Test
    void aFirstSnapshotBetweenGridEdgesIsOnlyABaseline() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(100_000, 0, 0, 1_000, false, false);
        assertThat(sampler.feed(400_000, 300, 600_000, 1_000, false, false)).isZero();
        assertThat(sampler.nextSampleEndMicros()).isEqualTo(2 * INTERVAL);

        sampler.feed(2 * INTERVAL, 400, 800_000, 1_000, false, false);

        // the edge at 250 ms lies 1/2 of the way from 100 ms to 400 ms: 150 writes there
        assertThat(sampler.samples()).containsExactly(
                new MetricSample(INTERVAL, 2 * INTERVAL, 1_000, 2_000, 1_000, false, false));
    }

    @Test
    void aFaultSeenBetweenTwoEdgesShadesItsInterval() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 0, 0, 1_000, false, false);
        sampler.feed(100_000, 0, 0, 1_000, true, true);
        sampler.feed(150_000, 0, 0, 1_000, false, false);
        sampler.feed(INTERVAL + 50_000, 0, 0, 1_000, false, false);
        sampler.feed(3 * INTERVAL, 0, 0, 1_000, false, false);

        assertThat(sampler.samples()).extracting(MetricSample::faultActive).containsExactly(true, false, false);
        assertThat(sampler.samples()).extracting(MetricSample::writesBlocked).containsExactly(true, false, false);
    }

    @Test
    void aFaultAtEitherEndOfAJumpShadesTheWholeJump() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 0, 0, 1_000, false, false);
        sampler.feed(INTERVAL, 0, 0, 1_000, false, false);
        sampler.feed(4 * INTERVAL, 0, 0, 1_000, false, true);
        sampler.feed(5 * INTERVAL, 0, 0, 1_000, false, false);

        assertThat(sampler.samples()).extracting(MetricSample::faultActive)
                .containsExactly(false, true, true, true, true);
    }

    @Test
    void replicaLagIsThePeakOverTheIntervalAndNeverBridgesATimeWithoutReaders() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 0, 0, 2_000, false, false);
        sampler.feed(100_000, 0, 0, 9_000, false, false);
        sampler.feed(200_000, 0, 0, 1_000, false, false);
        sampler.feed(INTERVAL, 0, 0, 1_000, false, false);
        // no reader up at 1 s; the jump from 250 ms interpolates nothing across it
        sampler.feed(4 * INTERVAL, 0, 0, Double.NaN, false, true);
        sampler.feed(5 * INTERVAL, 0, 0, 3_000, false, false);

        assertThat(sampler.samples()).extracting(MetricSample::maxReplicaLagMicros)
                .containsExactly(9_000.0, 1_000.0, Double.NaN, Double.NaN, 3_000.0);
    }

    @Test
    void countersGoingBackwardsStartANewBaselineInsteadOfNegativeRates() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 1_000, 2_000_000, 1_000, false, false);
        sampler.feed(INTERVAL, 1_250, 2_500_000, 1_000, false, false);
        sampler.feed(2 * INTERVAL, 10, 20_000, 1_000, false, false);
        sampler.feed(3 * INTERVAL, 60, 120_000, 1_000, false, false);

        assertThat(sampler.samples()).extracting(MetricSample::ackWritesPerSecond).containsExactly(1_000.0, 200.0);
        assertThat(sampler.samples()).extracting(MetricSample::startMicros).containsExactly(0L, 2 * INTERVAL);
    }

    @Test
    void resetForgetsTheSamplesAndTheBaseline() {
        MetricSampler sampler = new MetricSampler();
        sampler.feed(0, 0, 0, 1_000, false, false);
        sampler.feed(2 * INTERVAL, 500, 1_000_000, 1_000, false, false);

        sampler.reset();

        assertThat(sampler.samples()).isEmpty();
        assertThat(sampler.latest()).isNull();
        assertThat(sampler.emittedCount()).isZero();
        assertThat(sampler.lastFedMicros()).isEqualTo(Long.MIN_VALUE);
        // a restarted run begins at 0 again and is sampled from there
        sampler.feed(0, 0, 0, 1_000, false, false);
        sampler.feed(INTERVAL, 100, 300_000, 1_000, false, false);
        assertThat(sampler.samples()).containsExactly(new MetricSample(0, INTERVAL, 400, 3_000, 1_000, false, false));
    }

    @Test
    void theSamplerIsPlainJavaSoItRunsWithoutAToolkit() {
        ArchRuleDefinition.noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(new ClassFileImporter().importClasses(MetricSampler.class, MetricSample.class));
    }
}

package dev.auroralab.scenario;

import dev.auroralab.run.ScenarioRunner;
import dev.auroralab.engine.snapshot.FailoverKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import dev.auroralab.scenario.RunResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in scenario is a test fixture: it must parse and every expectation in it must hold. */
class BuiltInScenariosTest {

    static Stream<String> builtIns() {
        return BuiltInScenarios.NAMES.stream();
    }

    /** Whether the scenario says it loses acknowledged writes on purpose (acknowledgedWritesLostAtLeast above 0). */
    private static boolean expectsLosses(Scenario s) {
        return s.expectations().stream().anyMatch(e -> e.acknowledgedWritesLostAtLeast() != null
                && e.acknowledgedWritesLostAtLeast() > 0);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInScenarioRunsWithAllItsExpectationsHeld(String name) throws ScenarioError {
        Scenario s = BuiltInScenarios.load(name);
        RunResult r = ScenarioRunner.run(s, null, null);
        assertThat(r.expectations()).isNotEmpty();
        assertThat(r.expectations()).allSatisfy(e -> assertThat(e.passed()).as(e.message()).isTrue());
        if (!expectsLosses(s)) {
            assertThat(r.finalSnapshot().counters().acknowledgedWritesLost()).isZero();
        }
    }

    /** The built-ins kept out of NAMES as too large for every generic test (decision 0021): their own checks hold. */
    @Test
    void everyLargeBuiltInOpensByNameAndRunsWithAllItsExpectationsHeld() throws ScenarioError {
        assertThat(BuiltInScenarios.LARGE).doesNotContainAnyElementsOf(BuiltInScenarios.NAMES);
        for (String name : BuiltInScenarios.LARGE) {
            Scenario s = BuiltInScenarios.fileOrBuiltIn(name);
            RunResult r = ScenarioRunner.run(s, null, null);
            assertThat(r.expectations()).as(name).isNotEmpty();
            assertThat(r.expectations()).allSatisfy(e -> assertThat(e.passed()).as(e.message()).isTrue());
            assertThat(r.finalSnapshot().counters().acknowledgedWritesLost()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void theSameBuiltInScenarioGivesTheSameReportByteForByte(String name) throws ScenarioError {
        Scenario s = BuiltInScenarios.load(name);
        assertThat(RunReport.toJson(ScenarioRunner.run(s, null, null)))
                .isEqualTo(RunReport.toJson(ScenarioRunner.run(s, null, null)));
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyGlobalBuiltInIsNamedSoAndHasSecondaries(String name) throws ScenarioError {
        assertThat(BuiltInScenarios.load(name).isGlobal()).isEqualTo(name.startsWith("global-"));
    }

    @Test
    void replicaLagRisesDuringTheBurstAndStaysUnder100Ms() throws ScenarioError {
        Scenario s = BuiltInScenarios.load("replica-lag-burst");
        long calm = ScenarioRunner.run(s, null, 15_000_000L).finalSnapshot().instance("reader-1").lagMicros();
        long burst = ScenarioRunner.run(s, null, 30_000_000L).finalSnapshot().instance("reader-1").lagMicros();
        assertThat(calm).isBetween(2_000L, 5_000L);
        assertThat(burst).isGreaterThan(20_000L).isLessThan(100_000L);
    }

    @Test
    void aSwitchoverLosesNothingAndTheLedgerSaysSo() throws ScenarioError {
        EngineSnapshot s = ScenarioRunner.run(BuiltInScenarios.load("global-switchover"), null, null).finalSnapshot();

        assertThat(s.failovers()).hasSize(1);
        FailoverRecord f = s.failovers().get(0);
        assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_SWITCHOVER);
        assertThat(f.from()).isEqualTo("us-east-1");
        assertThat(f.to()).isEqualTo("eu-west-1");
        assertThat(f.acknowledgedWritesLost()).isZero();
        assertThat(f.rpoMicros()).isZero();
        assertThat(f.rtoMicros()).isPositive();
    }

    @Test
    void aGlobalFailoverLosesOnlyTheWritesInsideTheLagAndCountsEachOne() throws ScenarioError {
        EngineSnapshot s = ScenarioRunner.run(BuiltInScenarios.load("global-region-outage-failover"), null, null)
                .finalSnapshot();

        assertThat(s.failovers()).hasSize(1);
        FailoverRecord f = s.failovers().get(0);
        assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
        assertThat(f.acknowledgedWritesLost()).isPositive().isEqualTo(s.counters().acknowledgedWritesLost());
        // lost: at most what 4,000 writes/s acknowledge within a second of lag, and all of it younger than that
        assertThat(f.acknowledgedWritesLost()).isLessThan(4_000);
        assertThat(f.rpoMicros()).isPositive().isLessThan(1_000_000);
        assertThat(f.rtoMicros()).isBetween(30_000_000L, 120_000_000L);
    }

    @Test
    void sessionReadsWaitForTheirOwnWritesAndGlobalReadsWaitLongerWhileEventualReadsAreStale()
            throws ScenarioError {
        EngineSnapshot s = ScenarioRunner.run(BuiltInScenarios.load("global-write-forwarding"), null, null)
                .finalSnapshot();
        ForwardingSnapshot eventual = s.regionSnapshot("eu-west-1").forwarding();
        ForwardingSnapshot session = s.regionSnapshot("us-west-2").forwarding();
        ForwardingSnapshot global = s.regionSnapshot("eu-central-1").forwarding();

        assertThat(eventual.staleReads()).isPositive();
        assertThat(eventual.readWaitMaxMicros()).isZero();
        assertThat(session.staleReads()).isZero();
        assertThat(session.readWaitMaxMicros()).isPositive();
        assertThat(global.staleReads()).isZero();
        assertThat(global.readWaitMaxMicros()).isGreaterThan(session.readWaitMaxMicros());
    }
}

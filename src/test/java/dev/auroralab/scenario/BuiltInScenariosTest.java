package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.ScenarioRunner.RunResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in scenario is a test fixture: it must parse and every expectation in it must hold. */
class BuiltInScenariosTest {

    static Stream<String> builtIns() {
        return BuiltInScenarios.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInScenarioRunsWithAllItsExpectationsHeld(String name) throws ScenarioError {
        Scenario s = BuiltInScenarios.load(name);
        RunResult r = ScenarioRunner.run(s, null, null);
        assertThat(r.expectations()).isNotEmpty();
        assertThat(r.expectations()).allSatisfy(e -> assertThat(e.passed()).as(e.message()).isTrue());
        assertThat(r.finalSnapshot().counters().acknowledgedWritesLost()).isZero();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void theSameBuiltInScenarioGivesTheSameReportByteForByte(String name) throws ScenarioError {
        Scenario s = BuiltInScenarios.load(name);
        assertThat(RunReport.toJson(ScenarioRunner.run(s, null, null)))
                .isEqualTo(RunReport.toJson(ScenarioRunner.run(s, null, null)));
    }

    @org.junit.jupiter.api.Test
    void replicaLagRisesDuringTheBurstAndStaysUnder100Ms() throws ScenarioError {
        Scenario s = BuiltInScenarios.load("replica-lag-burst");
        long calm = ScenarioRunner.run(s, null, 15_000_000L).finalSnapshot().instance("reader-1").lagMicros();
        long burst = ScenarioRunner.run(s, null, 30_000_000L).finalSnapshot().instance("reader-1").lagMicros();
        assertThat(calm).isBetween(2_000L, 5_000L);
        assertThat(burst).isGreaterThan(20_000L).isLessThan(100_000L);
    }
}

package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.ScenarioRunner.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenarios that show issue 12's fidelity fixes (src/test/resources/fidelity): each runs headless and every
 * expectation it states holds, as `run FILE` shows a learner.
 */
class FidelityScenariosTest {

    @ParameterizedTest
    @ValueSource(strings = {"fidelity/commits-drain.yaml", "fidelity/lal-backpressure.yaml",
            "fidelity/az-plus-one-reconfigure.yaml", "fidelity/writer-only-az-out.yaml",
            "fidelity/slow-failover-timings.yaml", "fidelity/global-failover-rebuild.yaml"})
    void aFidelityScenarioRunsWithEveryExpectationHolding(String resource) throws Exception {
        Scenario s = ScenarioReader.readResource(resource);
        RunResult r = ScenarioRunner.run(s, null, null);
        assertThat(r.expectations()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.passed()).as(e.message()).isTrue());
    }
}

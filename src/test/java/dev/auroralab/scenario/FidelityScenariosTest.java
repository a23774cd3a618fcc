package dev.auroralab.scenario;

import dev.auroralab.run.ScenarioRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.RunResult;
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

    /** The limits issue 12 asks for, each refused where it is written, with the rule and its source. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "managed-rpo-on-mysql.yaml | 26 | 18 | is an Aurora PostgreSQL parameter; this cluster runs Aurora MySQL",
            "timing-out-of-range.yaml | 9 | 27 | globalFailover must be from 10s to 1h",
            "too-many-replicas-beside-secondaries.yaml | 27 | 5 | at most 15 − 2 = 13 read replicas"})
    void aFidelityLimitIsRefusedWhereItIsWritten(String file, int line, int column, String says) {
        ScenarioError e = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioError.class,
                () -> ScenarioReader.readResource("fidelity/refused/" + file));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.message()).contains(says);
    }
}

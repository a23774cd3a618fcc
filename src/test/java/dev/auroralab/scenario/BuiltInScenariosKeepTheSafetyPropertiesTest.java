package dev.auroralab.scenario;

import dev.auroralab.run.ScenarioRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.check.SafetyWatch;
import dev.auroralab.engine.check.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The safety checker watches every built-in scenario, as `run --check` does, and finds nothing wrong. */
class BuiltInScenariosKeepTheSafetyPropertiesTest {

    static Stream<String> builtIns() {
        return BuiltInScenarios.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void theCheckerStaysSilentOnEveryBuiltInScenario(String name) throws ScenarioError {
        List<SafetyWatch> watch = new ArrayList<>();
        ScenarioRunner.run(BuiltInScenarios.load(name), null, null, SafetyWatch.DEFAULT_EVERY_MICROS, engine -> {
            if (watch.isEmpty()) {
                watch.add(new SafetyWatch(engine));
            }
            watch.get(0).check();
        });
        assertThat(watch.get(0).violations()).extracting(Violation::describe).isEmpty();
    }
}

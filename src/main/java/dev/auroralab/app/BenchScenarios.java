package dev.auroralab.app;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios a bench runs, by the names it prints: the one given with {@code --scenario} (a file or a built-in
 * name), or every built-in scenario, and the large ones too when the bench asks for them.
 */
record BenchScenarios(List<String> names, List<Scenario> scenarios) {

    /**
     * @param only the scenario named on the command line, or null for every built-in
     * @param withLarge whether "every built-in" includes the large ones (the 256 TiB volume)
     * @throws ScenarioError the reader's located message for a name or file that cannot be read
     */
    static BenchScenarios of(String only, boolean withLarge) throws ScenarioError {
        List<String> names = new ArrayList<>();
        if (only != null) {
            names.add(only);
        } else {
            names.addAll(BuiltInScenarios.NAMES);
            if (withLarge) {
                names.addAll(BuiltInScenarios.LARGE);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String n : names) {
            scenarios.add(BuiltInScenarios.fileOrBuiltIn(n));
        }
        return new BenchScenarios(List.copyOf(names), List.copyOf(scenarios));
    }
}

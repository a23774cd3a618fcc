package dev.auroralab.scenario;

import dev.auroralab.engine.ClusterSpec;
import java.util.List;

/**
 * A checked scenario file, ready to run: the cluster to build (with its Global Database secondary regions, if any),
 * the commands to apply at their times (sorted by time, file order for equal times), and what must hold at given
 * times. Made only by {@link ScenarioReader}, which returns either a complete scenario or a {@link ScenarioError}.
 *
 * @param cluster everything the engine needs to build the run, secondary regions included; its seed is {@code seed}
 * @param description free text, or null
 * @param sourceName the file name the scenario came from, used in messages
 */
public record Scenario(String name, String description, long seed, long durationMicros, ClusterSpec cluster,
        List<TimedCommand> timeline, List<Expectation> expectations, String sourceName) {

    public Scenario {
        timeline = List.copyOf(timeline);
        expectations = List.copyOf(expectations);
    }

    /** The cluster to build for a run with another seed: the same regions, instances and workload. */
    public ClusterSpec clusterWithSeed(long runSeed) {
        return cluster.withSeed(runSeed);
    }

    /** Whether the scenario has Global Database secondary regions. */
    public boolean isGlobal() {
        return !cluster.secondaries().isEmpty();
    }
}

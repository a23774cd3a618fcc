package dev.auroralab.scenario;

import java.util.List;

/** The scenarios shipped in src/main/resources/scenarios/, in the order a learner meets them. */
public final class BuiltInScenarios {

    public static final List<String> NAMES = List.of("healthy-cluster", "lose-an-az", "az-plus-one",
            "writer-crash-failover-by-tier", "writer-crash-no-replica", "two-copies-destroyed", "replica-lag-burst",
            "global-switchover", "global-region-outage-failover", "global-detach-and-promote",
            "global-write-forwarding", "global-managed-rpo");

    /** The scenario the window opens on. */
    public static final String DEFAULT = "healthy-cluster";

    private BuiltInScenarios() {
    }

    public static Scenario load(String name) throws ScenarioError {
        return ScenarioReader.readResource("scenarios/" + name + ".yaml");
    }
}

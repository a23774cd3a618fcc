package dev.auroralab.ui;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.scenario.TimedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Scenarios, view models and element lists shared by the window-less view-model and layout tests. */
final class ViewModelFixtures {

    static final long SECOND = 1_000_000L;

    /** A frame of 16 ms of wall time, in nanoseconds. */
    static final long FRAME_NANOS = 16_000_000L;

    private ViewModelFixtures() {
    }

    static Scenario builtIn(String name) {
        try {
            return BuiltInScenarios.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError("built-in scenario " + name + " does not read: " + e.getMessage(), e);
        }
    }

    static Scenario read(String sourceName, String yaml) {
        try {
            return ScenarioReader.read(sourceName, yaml);
        } catch (ScenarioError e) {
            throw new AssertionError("fixture " + sourceName + " does not read: " + e.getMessage(), e);
        }
    }

    /** A clock that never moves: the frame budget is never used up, so pulses advance exactly what they ask. */
    static LongSupplier frozenClock() {
        return () -> 0L;
    }

    /** A clock that moves {@code nanos} every time it is read. */
    static LongSupplier clockJumpingBy(long nanos) {
        long[] now = {0};
        return () -> now[0] += nanos;
    }

    static SimulationViewModel vm(Scenario s) {
        return new SimulationViewModel(s, frozenClock(), MetricsFeed.NONE);
    }

    static SimulationViewModel vm(String builtIn) {
        return vm(builtIn(builtIn));
    }

    static SimulationViewModel vmAt(String builtIn, long micros) {
        SimulationViewModel vm = vm(builtIn);
        vm.advanceTo(micros);
        return vm;
    }

    /** The engine the view model builds for {@code s}, for checking the view model against the engine itself. */
    static AuroraEngine engineFor(Scenario s) {
        ClusterSpec c = s.cluster();
        return new AuroraEngine(new ClusterSpec(c.region(), c.azs(), c.volumeGiB(), c.instances(),
                c.writesPerSecond(), c.readsPerSecond(), s.seed(), c.secondaries()));
    }

    /** A copy of {@code s} with another timeline (for tests that need a script the file format would refuse). */
    static Scenario withTimeline(Scenario s, List<TimedCommand> timeline) {
        return new Scenario(s.name(), s.description(), s.seed(), s.durationMicros(), s.cluster(), timeline,
                List.of(), s.sourceName());
    }

    /** A copy of {@code s} with another workload. */
    static Scenario withWorkload(Scenario s, double writesPerSecond, double readsPerSecond) {
        ClusterSpec c = s.cluster();
        return new Scenario(s.name(), s.description(), s.seed(), s.durationMicros(),
                new ClusterSpec(c.region(), c.azs(), c.volumeGiB(), c.instances(), writesPerSecond, readsPerSecond,
                        c.seed(), c.secondaries()),
                s.timeline(), s.expectations(), s.sourceName());
    }

    /** The largest cluster a scenario may describe: 1 writer and 15 replicas over a 100 GiB volume (10 PGs). */
    static Scenario largest() {
        StringBuilder yaml = new StringBuilder("""
                schemaVersion: 1
                name: Largest topology
                seed: 11
                duration: 60s
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 100
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                """);
        String[] azs = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int n = 1; n <= 15; n++) {
            yaml.append("    - {id: reader-").append(n).append(", az: ").append(azs[n % 3]).append(", tier: ")
                    .append(n % 16).append(", instanceClass: db.r6g.large}\n");
        }
        yaml.append("workload: {writesPerSecond: 1000, readsPerSecond: 4000}\n");
        return read("largest-topology.yaml", yaml.toString());
    }

    /** Every element a learner can click that has actions: AZs, instances, storage nodes, and every copy. */
    static List<Selection> actionableElements(EngineSnapshot s) {
        List<Selection> out = new ArrayList<>();
        s.azs().forEach(az -> out.add(Selection.az(az)));
        s.instances().forEach(i -> out.add(Selection.instance(i.id())));
        s.storageNodes().forEach(n -> out.add(Selection.node(n.id())));
        s.volume().protectionGroups().forEach(pg -> pg.segments().forEach(seg -> out.add(Selection.segment(seg.id()))));
        return out;
    }

    /** {@link #actionableElements} plus the protection groups and both endpoints. */
    static List<Selection> allElements(EngineSnapshot s) {
        List<Selection> out = new ArrayList<>(actionableElements(s));
        s.volume().protectionGroups().forEach(pg -> out.add(Selection.pg(pg.id())));
        out.add(new Selection(Selection.Kind.ENDPOINT, "cluster"));
        out.add(new Selection(Selection.Kind.ENDPOINT, "reader"));
        return out;
    }
}

package dev.auroralab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import java.util.ArrayList;
import java.util.List;

/** Small clusters for engine tests, and a driver that checks every invariant after every event. */
final class TestClusters {

    static final List<String> AZS = List.of("az-a", "az-b", "az-c");

    private TestClusters() {
    }

    static InstanceSpec writer(String id, String az) {
        return new InstanceSpec(id, az, Role.WRITER, 1, "db.r6g.large");
    }

    static InstanceSpec reader(String id, String az, int tier, String cls) {
        return new InstanceSpec(id, az, Role.READER, tier, cls);
    }

    static ClusterSpec spec(int volumeGiB, double writes, double reads, long seed, InstanceSpec... instances) {
        return new ClusterSpec("us-east-1", AZS, volumeGiB, List.of(instances), writes, reads, seed);
    }

    /** One writer in az-a, one tier-0 replica in az-b, 30 GiB, 1000 writes/s. */
    static AuroraEngine standard(long seed) {
        return new AuroraEngine(spec(30, 1000, 4000, seed, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
    }

    /** As {@link #standard} at 200 writes/s and 1000 reads/s: a fifth of the events, for tests that run a minute. */
    static AuroraEngine light(long seed) {
        return new AuroraEngine(spec(30, 200, 1000, seed, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
    }

    static long seconds(double s) {
        return Math.round(s * 1_000_000);
    }

    /** Runs to {@code timeMicros}, checking every invariant after every event; fails with the seed on a violation. */
    static void runChecked(AuroraEngine engine, long timeMicros) {
        while (engine.nextEventMicros() <= timeMicros) {
            engine.step();
            List<String> violations = InvariantChecker.check(engine);
            if (!violations.isEmpty()) {
                throw new AssertionError("invariant broken at " + engine.nowMicros() + " us: " + violations
                        + " (reproduce with seed=" + engine.spec().seed() + ")");
            }
        }
        engine.advanceTo(timeMicros);
    }

    static List<String> eventTypes(AuroraEngine engine) {
        List<String> out = new ArrayList<>();
        engine.events().forEach(e -> out.add(e.type()));
        return out;
    }

    static void assertNoInvariantBroken(AuroraEngine engine) {
        assertThat(InvariantChecker.check(engine)).isEmpty();
    }
}

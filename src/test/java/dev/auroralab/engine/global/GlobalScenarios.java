package dev.auroralab.engine.global;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.MessageKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The Global Database scenarios the behaviour tests of this package share, built only from the engine's public API:
 * us-east-1 is the primary (writer-1 in us-east-1a, reader-1 in us-east-1b, 20 GiB: two protection groups), and each
 * secondary has three AZs and its readers.
 */
final class GlobalScenarios {

    private GlobalScenarios() {
    }

    static SecondarySpec secondary(String region, long latencyMs, String... readerIds) {
        List<String> azs = List.of(region + "a", region + "b", region + "c");
        List<InstanceSpec> readers = new ArrayList<>();
        for (int k = 0; k < readerIds.length; k++) {
            readers.add(new InstanceSpec(readerIds[k], azs.get(k % 3), Role.READER, 1, "db.r6g.large"));
        }
        return new SecondarySpec(region, azs, readers, latencyMs);
    }

    /** An Aurora PostgreSQL cluster (managed RPO is a PostgreSQL parameter) with the secondaries given. */
    static ClusterSpec global(double writes, long seed, SecondarySpec... secondaries) {
        return new ClusterSpec("us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c"), 20,
                List.of(new InstanceSpec("writer-1", "us-east-1a", Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "us-east-1b", Role.READER, 0, "db.r6g.large")),
                writes, 2000, seed, List.of(secondaries)).withEngine(dev.auroralab.engine.EngineFlavour.AURORA_POSTGRESQL);
    }

    /** us-east-1 primary; eu-west-1 (75 ms, reader eu-1) and us-west-2 (35 ms, reader usw-1). */
    static AuroraEngine twoSecondaries(double writes, long seed) {
        return new AuroraEngine(global(writes, seed, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
    }

    /** us-east-1 primary and eu-west-1 (75 ms, reader eu-1) only. */
    static AuroraEngine oneSecondary(double writes, long seed) {
        return new AuroraEngine(global(writes, seed, secondary("eu-west-1", 75, "eu-1")));
    }

    static long seconds(double s) {
        return Math.round(s * 1_000_000);
    }

    static long ms(double m) {
        return Math.round(m * 1_000);
    }

    static RegionSnapshot region(AuroraEngine e, String name) {
        return e.snapshot().regionSnapshot(name);
    }

    static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The replication batches on their way to {@code region} now, in the order they were sent. */
    static List<MessageSnapshot> batchesTo(AuroraEngine e, String region) {
        return e.snapshot().messagesInFlight().stream()
                .filter(m -> m.kind() == MessageKind.REPLICATION && m.to().equals(region)).toList();
    }

    /** Steps the engine one event at a time until {@code region} has a replication batch in flight. */
    static MessageSnapshot nextBatchTo(AuroraEngine e, String region) {
        // a batch leaves every 10 ms while there is something to ship: a simulated second is plenty
        long deadline = e.nowMicros() + 1_000_000;
        while (e.nowMicros() <= deadline) {
            List<MessageSnapshot> b = batchesTo(e, region);
            if (!b.isEmpty()) {
                return b.get(b.size() - 1);
            }
            e.step();
        }
        throw new AssertionError("no batch to " + region);
    }
}

package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random fault schedules over many seeds, with every invariant checked after every event (TigerBeetle's VOPR habit).
 * Three families: outages only (nothing acknowledged may be lost), at most three copies of a PG destroyed (AZ+1: still
 * nothing lost), and four or more destroyed (loss allowed, but counted; the checker fails a loss that is not).
 * {@code -Dsweep.seeds=N} runs more seeds; a failure prints the seed that reproduces it.
 */
class FaultSweepTest {

    private static final int SEEDS = Integer.getInteger("sweep.seeds", 500);
    private static final long RUN_MICROS = seconds(45);

    enum Family { OUTAGES_ONLY, AT_MOST_THREE_DESTROYED, FOUR_OR_MORE_DESTROYED }

    @Test
    void noAcknowledgedWriteIsLostUnlessFourCopiesOfAPgAreDestroyedAndThenEveryLossIsCounted() {
        List<String> failures = new ArrayList<>();
        int lossyRuns = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Family family = Family.values()[(int) (seed % 3)];
            try {
                long lost = runOne(seed, family);
                if (family != Family.FOUR_OR_MORE_DESTROYED && lost > 0) {
                    failures.add(family + ": " + lost + " acknowledged writes lost (reproduce with seed=" + seed + ")");
                }
                if (lost > 0) {
                    lossyRuns++;
                }
            } catch (AssertionError | RuntimeException e) {
                failures.add(family + ": " + e.getMessage() + " (reproduce with seed=" + seed + ")");
            }
            if (failures.size() >= 5) {
                break;
            }
        }
        System.out.println("fault sweep: " + SEEDS + " seeds, " + lossyRuns
                + " runs with 4+ copies destroyed lost (and counted) acknowledged writes");
        assertThat(failures).isEmpty();
    }

    static long runOne(long seed, Family family) {
        SplittableRandom r = new SplittableRandom(seed * 7919);
        int replicas = r.nextInt(3);
        List<InstanceSpec> instances = new ArrayList<>();
        instances.add(writer("writer-1", AZS.get(r.nextInt(3))));
        for (int i = 1; i <= replicas; i++) {
            instances.add(reader("reader-" + i, AZS.get(r.nextInt(3)), r.nextInt(3), "db.r6g.large"));
        }
        int volume = 10 + 10 * r.nextInt(2);
        ClusterSpec spec = new ClusterSpec("us-east-1", AZS, volume, instances, 100 + r.nextInt(200), 200, seed);
        AuroraEngine e = new AuroraEngine(spec);
        List<String> addresses = new ArrayList<>();
        for (int pg = 0; pg < spec.protectionGroupCount(); pg++) {
            for (String az : AZS) {
                addresses.add("pg-" + pg + "/" + az + "/1");
                addresses.add("pg-" + pg + "/" + az + "/2");
            }
        }
        int destroyBudget = switch (family) {
            case OUTAGES_ONLY -> 0;
            case AT_MOST_THREE_DESTROYED -> 1 + r.nextInt(3);
            case FOUR_OR_MORE_DESTROYED -> 4 + r.nextInt(3);
        };
        List<String> victims = new ArrayList<>();
        if (destroyBudget > 0) {
            // all destroyed copies in one PG: the case the quorum arithmetic is about
            int pg = r.nextInt(spec.protectionGroupCount());
            List<String> pool = new ArrayList<>(addresses.subList(pg * 6, pg * 6 + 6));
            for (int i = 0; i < destroyBudget; i++) {
                victims.add(pool.remove(r.nextInt(pool.size())));
            }
        }
        int actions = 3 + r.nextInt(6);
        long t = 0;
        for (int i = 0; i < actions; i++) {
            t += seconds(1) + r.nextLong(seconds(6));
            runChecked(e, t);
            e.apply(randomOutage(r, instances, addresses));
            if (!victims.isEmpty() && r.nextInt(2) == 0) {
                e.apply(new Command.DestroySegment(victims.remove(0)));
            }
        }
        for (String v : victims) {
            t += seconds(0.5);
            runChecked(e, t);
            e.apply(new Command.DestroySegment(v));
        }
        runChecked(e, Math.max(t + seconds(1), RUN_MICROS));
        return e.snapshot().counters().acknowledgedWritesLost();
    }

    private static Command randomOutage(SplittableRandom r, List<InstanceSpec> instances, List<String> addresses) {
        String instance = instances.get(r.nextInt(instances.size())).id();
        String az = AZS.get(r.nextInt(3));
        String address = addresses.get(r.nextInt(addresses.size()));
        String node = "sn-" + az + "-" + (1 + r.nextInt(ModelValues.STORAGE_NODES_PER_AZ));
        return switch (r.nextInt(9)) {
            case 0 -> new Command.FailInstance(instance);
            case 1 -> new Command.RestoreInstance(instance);
            case 2 -> new Command.FailAvailabilityZone(az);
            case 3 -> new Command.RestoreAvailabilityZone(az);
            case 4 -> new Command.FailSegment(address);
            case 5 -> new Command.RestoreSegment(address);
            case 6 -> new Command.FailStorageNode(node);
            case 7 -> new Command.RestoreStorageNode(node);
            default -> new Command.Failover(null);
        };
    }
}

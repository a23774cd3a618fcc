package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the fault phase's commands: every kind of {@link Command}, aimed mostly at what is up (to fail it) or out (to
 * restore it), as a user with the window open would. Rejected commands are fine and kept, like a user's.
 *
 * <p>Every command drawn is one the scenario file format accepts at its time, so that any run can be written as a
 * scenario and replayed: like ScenarioMapper, this follows instance ids through add-replica and remove-replica and the
 * Global Database's roles through switchover, failover-global and detach-and-promote as the timeline names them,
 * whether or not the engine takes the command.
 *
 * <p>Destroying copies is limited to AZ+1 (three copies) of one PG per run: the case where Aurora promises that no
 * acknowledged write is lost (P17 §2.1). Losses beyond that are FaultSweepTest's subject.
 */
final class VoprFaults {

    /** Aurora's AZ+1: an AZ (2 copies) plus one more copy (P17 §2.1). */
    static final int DESTROY_BUDGET = 3;
    static final int ADD_BUDGET = 2;

    private final SplittableRandom r;
    private final ClusterSpec cluster;
    /** Instance ids the scenario format knows now: the cluster's, plus added, less removed. */
    final Set<String> present = new LinkedHashSet<>();
    /** Regions the scenario format takes for secondaries now, and for the primary. */
    private final Set<String> secondaries = new LinkedHashSet<>();
    private String primaryNow;
    /** Segment addresses a command failed and none restored yet. */
    final Set<String> failedSegments = new LinkedHashSet<>();
    private final List<String> victimAddresses = new ArrayList<>();
    private int destroysLeft = DESTROY_BUDGET;
    private int addsLeft = ADD_BUDGET;
    private int nextReplica = 1;
    private int destroysAccepted;

    VoprFaults(ClusterSpec cluster, SplittableRandom r) {
        this.cluster = cluster;
        this.r = r;
        cluster.instances().forEach(i -> present.add(i.id()));
        primaryNow = cluster.region();
        for (SecondarySpec s : cluster.secondaries()) {
            secondaries.add(s.region());
            s.instances().forEach(i -> present.add(i.id()));
        }
        // the PG whose copies may be destroyed: the primary's most of the time
        List<String> regions = regions();
        String region = r.nextInt(4) == 0 ? regions.get(r.nextInt(regions.size())) : cluster.region();
        int pg = r.nextInt(cluster.protectionGroupCount());
        for (String az : azsOf(region)) {
            for (int copy = 1; copy <= 2; copy++) {
                victimAddresses.add(address(region, pg, az, copy));
            }
        }
    }

    boolean global() {
        return !cluster.secondaries().isEmpty();
    }

    int destroysAccepted() {
        return destroysAccepted;
    }

    List<String> regions() {
        List<String> out = new ArrayList<>(List.of(cluster.region()));
        cluster.secondaries().forEach(s -> out.add(s.region()));
        return out;
    }

    List<String> azsOf(String region) {
        if (region.equals(cluster.region())) {
            return cluster.azs();
        }
        return cluster.secondaries().stream().filter(s -> s.region().equals(region)).findFirst().orElseThrow().azs();
    }

    /** The engine's spelling: PG/AZ/COPY in the scenario's primary, REGION/PG/AZ/COPY elsewhere. */
    private String address(String region, int pg, String az, int copy) {
        String a = "pg-" + pg + "/" + az + "/" + copy;
        return region.equals(cluster.region()) ? a : region + "/" + a;
    }

    private String randomAddress() {
        String region = pick(regions());
        return address(region, r.nextInt(cluster.protectionGroupCount()), pick(azsOf(region)), 1 + r.nextInt(2));
    }

    private String randomAz() {
        return pick(azsOf(pick(regions())));
    }

    /**
     * Most draws that would restore what is not out are drawn again (the fault phase stays busy); the rest are kept,
     * so the engine's refusals are exercised too.
     */
    private boolean rarely() {
        return r.nextInt(5) != 0;
    }

    private <T> T pick(List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** A random command for the engine in state {@code s}. */
    Command next(EngineSnapshot s) {
        while (true) {
            Command c = draw(s);
            if (c != null) {
                return c;
            }
        }
    }

    private Command draw(EngineSnapshot s) {
        int kind = r.nextInt(global() ? 100 : 78);
        if (kind < 10) {
            // the two kinds of instance fault (issue 12): the instance lost, or its database process crashed
            return r.nextInt(3) == 0 ? instance(s, i -> i.status() == InstanceStatus.UP, Command.CrashInstance::new)
                    : instance(s, i -> i.status() != InstanceStatus.DOWN, Command.FailInstance::new);
        } else if (kind < 18) {
            return instance(s, i -> i.status() == InstanceStatus.DOWN, Command.RestoreInstance::new);
        } else if (kind < 24) {
            return new Command.FailAvailabilityZone(randomAz());
        } else if (kind < 30) {
            List<String> down = new ArrayList<>();
            Observation.regions(s).forEach(reg -> down.addAll(reg.downAzs()));
            if (down.isEmpty() && rarely()) {
                return null;
            }
            return new Command.RestoreAvailabilityZone(down.isEmpty() || r.nextInt(5) == 0 ? randomAz() : pick(down));
        } else if (kind < 38) {
            return new Command.FailSegment(randomAddress());
        } else if (kind < 44) {
            List<String> failed = new ArrayList<>(failedSegments);
            if (failed.isEmpty() && rarely()) {
                return null;
            }
            return new Command.RestoreSegment(failed.isEmpty() || r.nextInt(5) == 0 ? randomAddress() : pick(failed));
        } else if (kind < 48) {
            if (destroysLeft == 0) {
                return null;
            }
            destroysLeft--;
            return new Command.DestroySegment(pick(victimAddresses));
        } else if (kind < 54) {
            return new Command.FailStorageNode(node(s, true));
        } else if (kind < 59) {
            String node = node(s, false);
            return node == null ? null : new Command.RestoreStorageNode(node);
        } else if (kind < 63) {
            List<String> readers = writeRegionReaders(s);
            return new Command.Failover(readers.isEmpty() || r.nextInt(3) == 0 ? null : pick(readers));
        } else if (kind < 66) {
            if (addsLeft == 0) {
                return null;
            }
            addsLeft--;
            String az = r.nextInt(3) == 0 ? randomAz() : pick(cluster.azs());
            String id = "vopr-replica-" + nextReplica++;
            return new Command.AddReplica(id, az, r.nextInt(4), pick(VoprOptions.CLASSES));
        } else if (kind < 69) {
            // a reader being promoted cannot be removed: leave it, so the format and the engine agree on who exists
            // nor can an instance of the region a global operation is making the primary (Preconditions)
            List<String> readers = new ArrayList<>();
            String promoted = s.failoverInProgress() == null || s.failoverInProgress().globalOperation() == null
                    ? null : s.failoverInProgress().to();
            Observation.regions(s).forEach(reg -> reg.instances().stream().filter(i -> i.role() == InstanceRole.READER
                    && i.status() != InstanceStatus.PROMOTING && present.contains(i.id())
                    && !reg.region().equals(promoted))
                    .forEach(i -> readers.add(i.id())));
            return readers.isEmpty() ? null : new Command.RemoveReplica(pick(readers));
        } else if (kind < 73) {
            return present.isEmpty() ? null
                    : new Command.SetPromotionTier(pick(new ArrayList<>(present)), r.nextInt(ModelValues.MAX_TIER + 1));
        } else if (kind < 78) {
            return new Command.SetWorkload(100.0 + 50 * r.nextInt(29), r.nextInt(2) == 0 ? null : 100.0 * r.nextInt(31));
        }
        // ---- Global Database ----
        if (kind < 82) {
            return new Command.FailRegion(pick(regions()));
        } else if (kind < 87) {
            List<String> down = Observation.regions(s).stream().filter(reg -> reg.role() == RegionRole.DOWN)
                    .map(RegionSnapshot::region).toList();
            if (down.isEmpty() && rarely()) {
                return null;
            }
            return new Command.RestoreRegion(down.isEmpty() || r.nextInt(4) == 0 ? pick(regions()) : pick(down));
        }
        String target = promotable(s);
        if (target == null) {
            return null;
        } else if (kind < 91) {
            return new Command.Switchover(target);
        } else if (kind < 95) {
            return new Command.FailoverGlobal(target);
        } else if (kind < 97) {
            return new Command.DetachAndPromote(target);
        } else if (kind < 99) {
            Command.ReadConsistency[] all = Command.ReadConsistency.values();
            return new Command.SetWriteForwarding(target, r.nextInt(4) == 0 ? null : all[r.nextInt(all.length)]);
        }
        return new Command.SetManagedRpo(r.nextInt(3) == 0 ? null : 20L + r.nextInt(41));
    }

    /** A region both the engine and the scenario format take for a secondary now, or null. */
    private String promotable(EngineSnapshot s) {
        List<String> both = new ArrayList<>();
        for (RegionSnapshot reg : Observation.regions(s)) {
            if (reg.role() == RegionRole.SECONDARY && secondaries.contains(reg.region())) {
                both.add(reg.region());
            }
        }
        return both.isEmpty() ? null : pick(both);
    }

    private Command instance(EngineSnapshot s, java.util.function.Predicate<InstanceSnapshot> preferred,
            java.util.function.Function<String, Command> make) {
        List<String> fitting = new ArrayList<>();
        for (RegionSnapshot reg : Observation.regions(s)) {
            reg.instances().stream().filter(preferred).filter(i -> present.contains(i.id()))
                    .forEach(i -> fitting.add(i.id()));
        }
        if (!fitting.isEmpty() && r.nextInt(5) != 0) {
            return make.apply(pick(fitting));
        }
        return present.isEmpty() || (fitting.isEmpty() && rarely()) ? null
                : make.apply(pick(new ArrayList<>(present)));
    }

    private String node(EngineSnapshot s, boolean up) {
        List<String> fitting = new ArrayList<>();
        for (RegionSnapshot reg : Observation.regions(s)) {
            reg.storageNodes().stream().filter(n -> n.up() == up).map(StorageNodeSnapshot::id).forEach(fitting::add);
        }
        if (!fitting.isEmpty() && r.nextInt(5) != 0) {
            return pick(fitting);
        }
        if (fitting.isEmpty() && !up && rarely()) {
            return null;
        }
        return "sn-" + randomAz() + "-" + (1 + r.nextInt(ModelValues.STORAGE_NODES_PER_AZ));
    }

    private List<String> writeRegionReaders(EngineSnapshot s) {
        List<String> out = new ArrayList<>();
        for (InstanceSnapshot i : s.instances()) {
            if (i.role() == InstanceRole.READER && present.contains(i.id())) {
                out.add(i.id());
            }
        }
        return out;
    }

    /** Follows what the scenario format will believe after {@code c}, and what the engine did with it. */
    void applied(Command c, CommandResult result) {
        if (c instanceof Command.AddReplica a) {
            present.add(a.instanceId());
        } else if (c instanceof Command.RemoveReplica x) {
            present.remove(x.instanceId());
        } else if (c instanceof Command.Switchover x) {
            swapPrimary(x.region());
        } else if (c instanceof Command.FailoverGlobal x) {
            swapPrimary(x.region());
        } else if (c instanceof Command.DetachAndPromote x) {
            secondaries.remove(x.region());
        } else if (c instanceof Command.FailSegment x && result.accepted()) {
            failedSegments.add(x.address());
        } else if (c instanceof Command.RestoreSegment x && result.accepted()) {
            failedSegments.remove(x.address());
        } else if (c instanceof Command.DestroySegment && result.accepted()) {
            destroysAccepted++;
        }
    }

    private void swapPrimary(String target) {
        secondaries.remove(target);
        secondaries.add(primaryNow);
        primaryNow = target;
    }

    /** Whether the format knows {@code id} now (only such instances may be named). */
    boolean knows(String id) {
        return present.contains(id);
    }
}

package dev.auroralab.engine;

import dev.auroralab.engine.ClusterFacts.InstanceFact;
import dev.auroralab.engine.ClusterFacts.RegionFact;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.SegmentState;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a command makes sense now, and if not, why, in the words a learner reads: the one place each rule is
 * written. The engine asks before it applies a command (a rejected command changes nothing), the window asks to grey
 * out a menu item with the same reason, and the scenario mapper uses the count rules ({@link #replicaLimit}) while it
 * checks a timeline. Rules that need the live cluster read it through {@link ClusterFacts}.
 */
public final class Preconditions {

    /** Why write forwarding is refused on a secondary with no instance; the scenario mapper says it with its place. */
    public static final String HEADLESS_CANNOT_FORWARD = "a headless secondary cannot forward writes (nor serve reads)";

    /** Why managed RPO is refused on Aurora MySQL; the scenario mapper says it with its place. */
    public static final String MANAGED_RPO_POSTGRESQL_ONLY = "the managed RPO (rds.global_db_rpo) is an Aurora"
            + " PostgreSQL parameter; this cluster runs Aurora MySQL";

    private Preconditions() {
    }

    /** Null when {@code command} may be applied now; otherwise the reason it may not. Never draws randomness. */
    public static String check(Command command, ClusterFacts f) {
        if (command instanceof Command.FailInstance c) {
            InstanceFact i = f.instance(c.instanceId());
            return i == null ? noInstance(c.instanceId())
                    : i.status() == InstanceStatus.DOWN ? c.instanceId() + " is already down" : null;
        } else if (command instanceof Command.CrashInstance c) {
            InstanceFact i = f.instance(c.instanceId());
            return i == null ? noInstance(c.instanceId())
                    : !i.up() ? c.instanceId() + " is " + i.status().label()
                            + ": only a running instance's database process can crash"
                    : i.writerRole() && f.phase() != FailoverPhase.NONE && f.phase() != FailoverPhase.SWITCHOVER_SYNC
                            ? c.instanceId() + " is the writer in the middle of " + f.phase().label()
                                    + ": crash it once it takes writes"
                    : null;
        } else if (command instanceof Command.RestoreInstance c) {
            InstanceFact i = f.instance(c.instanceId());
            return i == null ? noInstance(c.instanceId())
                    : i.status() != InstanceStatus.DOWN ? c.instanceId() + " is not down" : null;
        } else if (command instanceof Command.FailAvailabilityZone c) {
            return f.regionOfAz(c.az()) == null ? noAz(c.az(), f)
                    : f.azDown(c.az()) ? "AZ " + c.az() + " is already out" : null;
        } else if (command instanceof Command.RestoreAvailabilityZone c) {
            String region = f.regionOfAz(c.az());
            if (region == null) {
                return noAz(c.az(), f);
            }
            return f.region(region).down() ? "region " + region + " is out: restore the region"
                    : !f.azDown(c.az()) ? "AZ " + c.az() + " is not out" : null;
        } else if (command instanceof Command.ReconfigureQuorum c) {
            String region = f.regionOfAz(c.az());
            if (region == null) {
                return noAz(c.az(), f);
            }
            if (!f.azDown(c.az())) {
                return "AZ " + c.az() + " is not out: the quorum changes only to leave out an AZ that is lost";
            }
            for (String other : f.azsOf(region)) {
                if (!other.equals(c.az()) && f.azDown(other)) {
                    return "AZ " + other + " is out too: with two AZs out no quorum is left to change the membership"
                            + " with (decision 0002)";
                }
            }
            return f.allGroupsLeaveOut(c.az()) ? "every protection group already leaves AZ " + c.az() + " out" : null;
        } else if (command instanceof Command.FailSegment c) {
            SegmentState s = f.segmentState(c.address());
            return s == null ? noSegment(c.address()) : s == SegmentState.DESTROYED ? c.address() + " is destroyed"
                    : f.segmentFailedByUser(c.address()) ? c.address() + " is already failed" : null;
        } else if (command instanceof Command.RestoreSegment c) {
            SegmentState s = f.segmentState(c.address());
            return s == null ? noSegment(c.address())
                    : s == SegmentState.DESTROYED ? c.address() + " was destroyed; storage replaces it on its own"
                    : f.segmentFailedByUser(c.address()) ? null
                    : s == SegmentState.DOWN ? c.address() + " is down because its storage node or AZ is out: restore that"
                    : c.address() + " is not failed";
        } else if (command instanceof Command.DestroySegment c) {
            SegmentState s = f.segmentState(c.address());
            return s == null ? noSegment(c.address())
                    : s == SegmentState.DESTROYED ? c.address() + " is already destroyed" : null;
        } else if (command instanceof Command.FailStorageNode c) {
            Boolean failed = f.nodeFailed(c.nodeId());
            return failed == null ? "no storage node " + c.nodeId() : failed ? c.nodeId() + " is already failed" : null;
        } else if (command instanceof Command.RestoreStorageNode c) {
            Boolean failed = f.nodeFailed(c.nodeId());
            return failed == null ? "no storage node " + c.nodeId() : !failed ? c.nodeId() + " is not failed" : null;
        } else if (command instanceof Command.Failover c) {
            return failover(c.targetInstanceId(), f);
        } else if (command instanceof Command.AddReplica c) {
            return addReplica(c, f);
        } else if (command instanceof Command.RemoveReplica c) {
            InstanceFact i = f.instance(c.instanceId());
            return i == null ? noInstance(c.instanceId())
                    : c.instanceId().equals(f.writerId()) ? c.instanceId() + " is the writer; fail over first"
                    : c.instanceId().equals(f.promotionTarget()) ? c.instanceId() + " is being promoted"
                    : f.globalOperation() != null && i.region().equals(f.globalTarget())
                            ? c.instanceId() + " is in " + i.region() + ", which the " + f.globalOperation()
                                    + " is making the primary; wait until it has a writer"
                    : null;
        } else if (command instanceof Command.SetPromotionTier c) {
            return f.instance(c.instanceId()) == null ? noInstance(c.instanceId()) : tier(c.tier());
        } else if (command instanceof Command.SetWorkload c) {
            return negative(c.writesPerSecond()) || negative(c.readsPerSecond()) ? "rates cannot be negative" : null;
        } else if (command instanceof Command.FailRegion c) {
            RegionFact r = f.region(c.region());
            return r == null ? noRegion(c.region(), f) : r.down() ? "region " + c.region() + " is already out" : null;
        } else if (command instanceof Command.RestoreRegion c) {
            RegionFact r = f.region(c.region());
            return r == null ? noRegion(c.region(), f) : !r.down() ? "region " + c.region() + " is not out" : null;
        } else if (command instanceof Command.Switchover c) {
            String why = notPromotable(c.region(), false, f);
            return why != null ? why
                    : f.phase() != FailoverPhase.NONE
                            ? "the primary is failing over in its region; wait until it has a writer"
                    : !f.writerAcceptsWrites()
                            ? "the primary has no writer up; fail over instead (failover-global, allows data loss)" : null;
        } else if (command instanceof Command.FailoverGlobal c) {
            return notPromotable(c.region(), false, f);
        } else if (command instanceof Command.DetachAndPromote c) {
            return notPromotable(c.region(), true, f);
        } else if (command instanceof Command.SetWriteForwarding c) {
            RegionFact r = f.region(c.region());
            return r == null ? noRegion(c.region(), f)
                    : r.down() ? c.region() + " is out: restore it first"
                    : r.role() == Region.Role.PRIMARY ? c.region() + " is the primary: it takes writes itself"
                    : r.role() == Region.Role.DETACHED ? c.region() + " is detached: a detached cluster takes its own writes"
                    : c.consistency() != null && f.instances().stream().noneMatch(i -> i.region().equals(c.region()))
                            ? c.region() + " has no instance: " + HEADLESS_CANNOT_FORWARD
                    : null;
        } else if (command instanceof Command.SetManagedRpo c) {
            return f.regions().size() == 1 ? "the managed RPO needs secondary regions; this cluster has none"
                    : f.engine() != EngineFlavour.AURORA_POSTGRESQL ? MANAGED_RPO_POSTGRESQL_ONLY
                    : c.seconds() != null && c.seconds() < ModelValues.MANAGED_RPO_MIN_SECONDS
                            ? "the managed RPO is at least " + ModelValues.MANAGED_RPO_MIN_SECONDS
                                    + " s (rds.global_db_rpo), got " + c.seconds() : null;
        }
        throw new IllegalArgumentException("no rule for command " + command);
    }

    /**
     * How many instances a region may hold: a cluster's writer and at most 15 replicas, fewer in the primary of a
     * Global Database with {@code secondaryRegions} secondaries (15 − s: each secondary takes a replica's place in the
     * replication, UG "Configuration requirements of an Amazon Aurora global database"), and a secondary region's 16
     * read-only instances. Null when one more fits beside the {@code instancesInRegion} it has.
     */
    public static String replicaLimit(boolean secondaryRegion, long instancesInRegion, int secondaryRegions) {
        if (secondaryRegion) {
            return instancesInRegion >= ModelValues.MAX_SECONDARY_INSTANCES ? "a secondary region has at most "
                    + ModelValues.MAX_SECONDARY_INSTANCES + " read-only instances" : null;
        }
        int most = maxPrimaryReplicas(secondaryRegions);
        return instancesInRegion - 1 < most ? null : secondaryRegions == 0
                ? "a cluster has at most " + ModelValues.MAX_REPLICAS + " replicas"
                : "with " + secondaryRegions + " secondary region" + (secondaryRegions == 1 ? "" : "s")
                        + " the primary cluster has at most 15 − " + secondaryRegions + " = " + most + " replicas";
    }

    /** Read replicas the primary cluster may hold beside {@code secondaryRegions} secondary regions: 15 − s. */
    public static int maxPrimaryReplicas(int secondaryRegions) {
        return ModelValues.MAX_REPLICAS - secondaryRegions;
    }

    /** Promotion tiers go from 0 (promoted first) to 15. Null when {@code tier} is one. */
    public static String tier(int tier) {
        return tier < 0 || tier > ModelValues.MAX_TIER ? "tier must be 0-" + ModelValues.MAX_TIER : null;
    }

    private static String failover(String targetId, ClusterFacts f) {
        if (f.phase() != FailoverPhase.NONE) {
            return "a failover is already in progress";
        }
        InstanceFact writer = f.writerId() == null ? null : f.instance(f.writerId());
        if (writer == null || !writer.up()) {
            return "the writer is not up; Aurora fails over on its own";
        }
        if (targetId == null) {
            return promotionCandidates(f.writeRegion(), f).isEmpty() ? "there is no replica to fail over to" : null;
        }
        InstanceFact t = f.instance(targetId);
        if (t == null) {
            return noInstance(targetId);
        }
        if (targetId.equals(f.writerId())) {
            return targetId + " is already the writer";
        }
        if (!t.region().equals(f.writeRegion())) {
            return targetId + " is in " + t.region()
                    + ", not in the writer's region; use switchover or failover-global to move the writer there";
        }
        return !t.up() || t.writerRole() ? targetId + " is not an available replica" : null;
    }

    private static String addReplica(Command.AddReplica c, ClusterFacts f) {
        if (f.instance(c.instanceId()) != null) {
            return "an instance named " + c.instanceId() + " exists already";
        }
        String region = f.regionOfAz(c.az());
        if (region == null) {
            return noAz(c.az(), f);
        }
        long inRegion = f.instances().stream().filter(i -> i.region().equals(region)).count();
        int secondaries = (int) f.regions().stream().filter(r -> r.role() == Region.Role.SECONDARY).count();
        String why = replicaLimit(f.region(region).role() == Region.Role.SECONDARY, inRegion, secondaries);
        if (why == null) {
            why = tier(c.tier());
        }
        if (why == null) {
            try {
                InstanceClassSize.rank(c.instanceClass());
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        return why;
    }

    /**
     * Why the region named {@code name} cannot take the writer role now, or null when it can. {@code detach}: the
     * question is detach and promote, which is said differently for a region that is the primary or detached already.
     */
    private static String notPromotable(String name, boolean detach, ClusterFacts f) {
        RegionFact r = f.region(name);
        if (r == null) {
            return noRegion(name, f);
        }
        // out comes first: it is what to fix first, and a snapshot does not show the role of a region that is out
        if (r.down()) {
            return name + " is out: restore it first";
        }
        List<String> secondaries = new ArrayList<>();
        for (RegionFact o : f.regions()) {
            if (o.role() == Region.Role.SECONDARY) {
                secondaries.add(o.name());
            }
        }
        String which = " (secondaries: " + (secondaries.isEmpty() ? "none" : String.join(", ", secondaries)) + ")";
        if (r.role() == Region.Role.PRIMARY) {
            return detach ? name + " is the primary: switch over or fail over first"
                    : name + " is already the primary" + which;
        }
        if (r.role() == Region.Role.DETACHED) {
            return detach ? name + " is already detached" : name + " has left the global database (detached)";
        }
        if (r.role() != Region.Role.SECONDARY) {
            return name + " is not a secondary region" + which;
        }
        if (r.resyncing()) {
            return name + " is still being rebuilt after the global failover";
        }
        if (f.globalOperation() != null) {
            return "a " + f.globalOperation().label() + " is already in progress";
        }
        if (f.region(f.writeRegion()).role() != Region.Role.PRIMARY) {
            return "the writes go to the detached cluster " + f.writeRegion() + ", not to the global database";
        }
        return promotionCandidates(name, f).isEmpty() ? "no instance is up in " + name + " to take the writer role"
                : null;
    }

    /** The readers of a region that could take the writer role now: up, and not in an AZ that is out. */
    public static List<InstanceFact> promotionCandidates(String region, ClusterFacts f) {
        List<InstanceFact> out = new ArrayList<>();
        for (InstanceFact i : f.instances()) {
            if (!i.writerRole() && i.up() && !f.azDown(i.az()) && i.region().equals(region)) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean negative(Double rate) {
        return rate != null && (rate < 0 || rate.isNaN());
    }

    private static String noInstance(String id) {
        return "no instance " + id;
    }

    private static String noSegment(String address) {
        return "no segment at address " + address;
    }

    private static String noAz(String az, ClusterFacts f) {
        return "no AZ " + az + " in " + (f.regions().size() == 1 ? "this region"
                : "any region (" + String.join(", ", names(f)) + ")");
    }

    private static String noRegion(String name, ClusterFacts f) {
        return "no region " + name + "; regions: " + String.join(", ", names(f));
    }

    private static List<String> names(ClusterFacts f) {
        return f.regions().stream().map(RegionFact::name).toList();
    }
}

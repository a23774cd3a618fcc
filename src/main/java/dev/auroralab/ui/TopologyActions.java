package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.ClusterFacts;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.SnapshotFacts;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions a context menu offers for a selected element, from the snapshot alone. The engine has the last word
 * (it may still reject a command and say why); this list only keeps the menu honest about what makes sense now.
 */
public final class TopologyActions {

    private TopologyActions() {
    }

    public static List<TopologyAction> forSelection(Selection sel, EngineSnapshot s) {
        if (sel == null || s == null) {
            return List.of();
        }
        return switch (sel.kind()) {
            case AVAILABILITY_ZONE -> forAz(sel.id(), s);
            case INSTANCE -> forInstance(sel.id(), s);
            case STORAGE_NODE -> forNode(sel.id(), s);
            case SEGMENT -> forSegment(sel.id(), s);
            case REGION -> RegionActions.forRegion(sel.id(), s);
            default -> List.of();
        };
    }

    /** The action bound to F or R for this selection, if there is an enabled one. */
    public static TopologyAction keyed(Selection sel, EngineSnapshot s, TopologyAction.Kind kind) {
        return forSelection(sel, s).stream().filter(a -> a.kind() == kind && a.enabled()).findFirst().orElse(null);
    }

    /** The action, greyed out with the engine's own reason when {@link Preconditions} says it cannot be done now. */
    static TopologyAction ask(TopologyAction a, ClusterFacts facts) {
        String why = Preconditions.check(a.command(), facts);
        return why == null ? a : a.disabledBecause(why);
    }

    private static List<TopologyAction> forAz(String az, EngineSnapshot s) {
        ClusterFacts f = SnapshotFacts.of(s);
        List<TopologyAction> out = new ArrayList<>();
        out.add(ask(TopologyAction.of("Fail AZ " + az, new Command.FailAvailabilityZone(az), TopologyAction.Kind.FAIL),
                f));
        out.add(ask(TopologyAction.of("Restore AZ " + az, new Command.RestoreAvailabilityZone(az),
                TopologyAction.Kind.RESTORE), f));
        out.add(ask(TopologyAction.of("Add a replica in " + az,
                new Command.AddReplica(nextReplicaId(s), az, 1, writerClass(s)), TopologyAction.Kind.OTHER), f));
        // the degraded 3/4 model is never automatic (issue 12): a teacher takes it for an AZ that is out
        out.add(ask(TopologyAction.of("Reconfigure quorum: 3 of 4 without " + az + " (P18 §4.1)",
                new Command.ReconfigureQuorum(az), TopologyAction.Kind.OTHER), f));
        return out;
    }

    private static List<TopologyAction> forInstance(String id, EngineSnapshot s) {
        InstanceSnapshot i = s.instance(id);
        if (i == null) {
            return List.of();
        }
        ClusterFacts f = SnapshotFacts.of(s);
        List<TopologyAction> out = new ArrayList<>();
        // two kinds of fault: the process crashes and restarts in place (seconds), or the instance is lost (failover,
        // or recreate with no replica); the labels say which, since "fail" alone hides the difference
        // (F keeps failing the instance, as it always did; the crash has no shared key)
        out.add(ask(TopologyAction.of("Fail " + id + " (instance lost)", new Command.FailInstance(id),
                TopologyAction.Kind.FAIL), f));
        out.add(ask(TopologyAction.of("Crash " + id + " (process restarts in place)", new Command.CrashInstance(id),
                TopologyAction.Kind.OTHER), f));
        out.add(ask(TopologyAction.of("Restore " + id, new Command.RestoreInstance(id), TopologyAction.Kind.RESTORE),
                f));
        // an in-region failover moves the writer within the region the writes go to; in a secondary (or a detached
        // cluster) the way to a writer is the region's own actions: switch over, fail over, detach
        String elsewhere = notTheWritesRegion(s);
        if (i.role() == InstanceRole.READER) {
            TopologyAction failover = TopologyAction.of("Fail over to " + id, new Command.Failover(id),
                    TopologyAction.Kind.OTHER);
            out.add(elsewhere != null ? failover.disabledBecause(elsewhere) : ask(failover, f));
            for (int tier = 0; tier <= ModelValues.MAX_TIER; tier++) {
                TopologyAction t = TopologyAction.of("Tier " + tier + (tier == i.tier() ? " (now)" : ""),
                        new Command.SetPromotionTier(id, tier), TopologyAction.Kind.OTHER).under("Promotion tier");
                out.add(tier == i.tier() ? t.disabledBecause("already tier " + tier) : ask(t, f));
            }
            out.add(ask(TopologyAction.of("Remove " + id, new Command.RemoveReplica(id), TopologyAction.Kind.OTHER),
                    f));
        } else {
            TopologyAction failover = TopologyAction.of("Fail over (Aurora picks the replica)",
                    new Command.Failover(null), TopologyAction.Kind.OTHER);
            out.add(elsewhere != null ? failover.disabledBecause(elsewhere) : ask(failover, f));
        }
        return out;
    }

    private static List<TopologyAction> forNode(String id, EngineSnapshot s) {
        if (s.storageNode(id) == null) {
            return List.of();
        }
        ClusterFacts f = SnapshotFacts.of(s);
        return List.of(ask(TopologyAction.of("Fail storage node " + id, new Command.FailStorageNode(id),
                        TopologyAction.Kind.FAIL), f),
                ask(TopologyAction.of("Restore storage node " + id, new Command.RestoreStorageNode(id),
                        TopologyAction.Kind.RESTORE), f));
    }

    private static List<TopologyAction> forSegment(String id, EngineSnapshot s) {
        SegmentSnapshot seg = s.segment(id);
        if (seg == null) {
            return List.of();
        }
        String address = seg.address();
        TopologyAction fail = TopologyAction.of("Fail copy " + seg.letter() + " (" + address + ")",
                new Command.FailSegment(address), TopologyAction.Kind.FAIL);
        TopologyAction restore = TopologyAction.of("Restore copy " + seg.letter(), new Command.RestoreSegment(address),
                TopologyAction.Kind.RESTORE);
        TopologyAction destroy = TopologyAction.of("Destroy copy " + seg.letter() + " with its data",
                new Command.DestroySegment(address), TopologyAction.Kind.OTHER);
        if (seg.replacement()) {
            // a joining copy shares its slot's address with the copy it replaces, and commands name copies by
            // address, so they would reach the other copy: act on it once the membership change has committed
            String why = "copy " + seg.letter() + " is joining (membership change); it can be acted on once it has";
            return List.of(fail.disabledBecause(why), restore.disabledBecause(why), destroy.disabledBecause(why));
        }
        ClusterFacts f = SnapshotFacts.of(s);
        return List.of(ask(fail, f), ask(restore, f), ask(destroy, f));
    }

    /**
     * Why an in-region failover cannot be asked for in the region this snapshot shows, or null when it can: it is not
     * the Global Database's primary.
     */
    static String notTheWritesRegion(EngineSnapshot s) {
        if (!s.isGlobal()) {
            return null;
        }
        EngineSnapshot.RegionSnapshot here = s.regionSnapshot(s.region());
        if (here == null || here.primary()) {
            return null;
        }
        return s.region() + " is " + (here.role() == RegionRole.DETACHED ? "detached" : "not the primary")
                + ": an in-region failover happens in the region the writes go to; use the region's actions";
    }

    /** reader-N with the smallest N not taken, so added replicas read naturally beside the scenario's own. */
    static String nextReplicaId(EngineSnapshot s) {
        for (int n = 1;; n++) {
            String id = "reader-" + n;
            // instance ids are unique across a Global Database's regions
            if (s.instance(id) == null && s.regions().stream().noneMatch(r -> r.instances().stream()
                    .anyMatch(i -> i.id().equals(id)))) {
                return id;
            }
        }
    }

    private static String writerClass(EngineSnapshot s) {
        return s.instances().stream().filter(i -> i.role() == InstanceRole.WRITER).map(InstanceSnapshot::instanceClass)
                .findFirst().orElse(s.instances().isEmpty() ? "db.r6g.large" : s.instances().get(0).instanceClass());
    }
}

package dev.auroralab.ui;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;

/** Which element an event is about, so clicking a log line selects it in the topology. */
public final class EventLinks {

    private EventLinks() {
    }

    public static Selection subject(AuroraEvent e) {
        if (e instanceof InstanceFailed x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof InstanceCrashed x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof InstanceReplaced x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof InstanceRestarting x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof InstanceStarted x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof AvailabilityZoneFailed x) {
            return Selection.az(x.az());
        } else if (e instanceof AvailabilityZoneRestored x) {
            return Selection.az(x.az());
        } else if (e instanceof StorageNodeFailed x) {
            return Selection.node(x.nodeId());
        } else if (e instanceof StorageNodeRestored x) {
            return Selection.node(x.nodeId());
        } else if (e instanceof SegmentFailed x) {
            return Selection.segment(x.segment());
        } else if (e instanceof SegmentRestored x) {
            return Selection.segment(x.segment());
        } else if (e instanceof SegmentDestroyed x) {
            return Selection.segment(x.segment());
        } else if (e instanceof SegmentCaughtUp x) {
            return Selection.segment(x.segment());
        } else if (e instanceof SegmentHydrated x) {
            return Selection.segment(x.segment());
        } else if (e instanceof ProtectionGroupRestoredFromBackup x) {
            return Selection.pg(x.pg());
        } else if (e instanceof BoxcarsResent x) {
            return Selection.pg(x.pg());
        } else if (e instanceof MembershipChangeStarted x) {
            return Selection.pg(x.pg());
        } else if (e instanceof MembershipChangeCommitted x) {
            return Selection.pg(x.pg());
        } else if (e instanceof MembershipChangeRolledBack x) {
            return Selection.pg(x.pg());
        } else if (e instanceof DegradedQuorumEntered x) {
            return Selection.az(x.az());
        } else if (e instanceof DegradedQuorumLeft x) {
            return Selection.az(x.az());
        } else if (e instanceof WriteQuorumLost x) {
            return Selection.pg(x.pg());
        } else if (e instanceof WriteQuorumRegained x) {
            return Selection.pg(x.pg());
        } else if (e instanceof ReadQuorumLost x) {
            return Selection.pg(x.pg());
        } else if (e instanceof ReadQuorumRegained x) {
            return Selection.pg(x.pg());
        } else if (e instanceof StaleWriteRejected x) {
            return Selection.segment(x.segment());
        } else if (e instanceof WriterFailureDetected x) {
            return Selection.instance(x.writer());
        } else if (e instanceof FailoverStarted x) {
            return x.to() == null ? null : Selection.instance(x.to());
        } else if (e instanceof WriterRecreationStarted x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof WriterPromoted x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof CrashRecoveryCompleted x) {
            return Selection.instance(x.writer());
        } else if (e instanceof ClusterEndpointMoved x) {
            return new Selection(Selection.Kind.ENDPOINT, "cluster");
        } else if (e instanceof FailoverCompleted x) {
            return x.to() == null ? null : Selection.instance(x.to());
        } else if (e instanceof ReplicaAdded x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof PromotionTierChanged x) {
            return Selection.instance(x.instanceId());
        } else if (e instanceof RegionFailed x) {
            return Selection.region(x.region());
        } else if (e instanceof RegionRestored x) {
            return Selection.region(x.region());
        } else if (e instanceof GlobalSwitchoverStarted x) {
            return Selection.region(x.to());
        } else if (e instanceof GlobalSecondaryInSync x) {
            return Selection.region(x.region());
        } else if (e instanceof GlobalPromotionStarted x) {
            return Selection.region(x.to());
        } else if (e instanceof GlobalPromotionCompleted x) {
            return Selection.region(x.to());
        } else if (e instanceof GlobalOperationCancelled x) {
            return Selection.region(x.region());
        } else if (e instanceof RegionRebuildStarted x) {
            return Selection.region(x.region());
        } else if (e instanceof OldPrimarySnapshotTaken x) {
            return Selection.region(x.region());
        } else if (e instanceof RegionRejoined x) {
            return Selection.region(x.region());
        } else if (e instanceof CommitsUnblocked x) {
            return x.region() == null ? null : Selection.region(x.region());
        } else if (e instanceof WriteForwardingChanged x) {
            return Selection.region(x.region());
        }
        return null;
    }

    /** Coarse families for the log's filter: a learner thinks "faults" or "failover", not in record names. */
    public enum Family {
        ALL("All events"), FAULTS("Faults and restores"), REPAIR("Repair and membership"), QUORUM("Quorum and volume"),
        FAILOVER("Writer and failover"), ACTIONS("Replicas, workload, refusals"), GLOBAL("Global Database");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        public boolean contains(AuroraEvent e) {
            return this == ALL || family(e) == this;
        }
    }

    public static Family family(AuroraEvent e) {
        return FAMILIES.getOrDefault(e.getClass(), Family.ACTIONS);
    }

    /** Each event type's family, by class so a renamed or removed event is a compile error; the rest are actions. */
    private static final java.util.Map<Class<? extends AuroraEvent>, Family> FAMILIES = families();

    private static java.util.Map<Class<? extends AuroraEvent>, Family> families() {
        java.util.Map<Class<? extends AuroraEvent>, Family> m = new java.util.HashMap<>();
        java.util.List.of(InstanceFailed.class, InstanceCrashed.class, InstanceReplaced.class, InstanceRestarting.class, InstanceStarted.class,
                AvailabilityZoneFailed.class, AvailabilityZoneRestored.class, StorageNodeFailed.class,
                StorageNodeRestored.class, SegmentFailed.class, SegmentRestored.class, SegmentDestroyed.class,
                RegionFailed.class, RegionRestored.class).forEach(c -> m.put(c, Family.FAULTS));
        java.util.List.of(GlobalSwitchoverStarted.class, GlobalSecondaryInSync.class, GlobalPromotionStarted.class,
                GlobalPromotionCompleted.class, GlobalOperationCancelled.class, RegionRebuildStarted.class,
                OldPrimarySnapshotTaken.class, RegionRejoined.class, SplitBrainDetected.class, SplitBrainEnded.class, ManagedRpoChanged.class,
                CommitsBlocked.class, CommitsUnblocked.class, WriteForwardingChanged.class)
                .forEach(c -> m.put(c, Family.GLOBAL));
        java.util.List.of(SegmentCaughtUp.class, MembershipChangeStarted.class, SegmentHydrated.class,
                ProtectionGroupRestoredFromBackup.class, BoxcarsResent.class, MembershipChangeCommitted.class,
                MembershipChangeRolledBack.class, DegradedQuorumEntered.class, DegradedQuorumLeft.class)
                .forEach(c -> m.put(c, Family.REPAIR));
        java.util.List.of(WriteQuorumLost.class, WriteQuorumRegained.class, ReadQuorumLost.class,
                ReadQuorumRegained.class, VolumeStatusChanged.class, StaleWriteRejected.class,
                LsnAllocationLimitReached.class, AcknowledgedWritesLost.class).forEach(c -> m.put(c, Family.QUORUM));
        java.util.List.of(WriterFailureDetected.class, FailoverStarted.class, WriterRecreationStarted.class,
                NoWriterAvailable.class, WriterPromoted.class, CrashRecoveryCompleted.class, ClusterEndpointMoved.class,
                FailoverCompleted.class).forEach(c -> m.put(c, Family.FAILOVER));
        return java.util.Map.copyOf(m);
    }
}

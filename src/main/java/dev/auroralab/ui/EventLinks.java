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
        } else if (e instanceof RegionResyncStarted x) {
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
        return switch (e.type()) {
            case "InstanceFailed", "InstanceRestarting", "InstanceStarted", "AvailabilityZoneFailed",
                    "AvailabilityZoneRestored", "StorageNodeFailed", "StorageNodeRestored", "SegmentFailed",
                    "SegmentRestored", "SegmentDestroyed", "RegionFailed", "RegionRestored" -> Family.FAULTS;
            case "GlobalSwitchoverStarted", "GlobalSecondaryInSync", "GlobalPromotionStarted",
                    "GlobalPromotionCompleted", "GlobalOperationCancelled", "RegionResyncStarted", "RegionRejoined",
                    "SplitBrainDetected", "SplitBrainEnded", "ManagedRpoChanged", "CommitsBlocked",
                    "CommitsUnblocked", "WriteForwardingChanged" -> Family.GLOBAL;
            case "SegmentCaughtUp", "MembershipChangeStarted", "SegmentHydrated", "MembershipChangeCommitted",
                    "MembershipChangeRolledBack", "DegradedQuorumEntered", "DegradedQuorumLeft" -> Family.REPAIR;
            case "WriteQuorumLost", "WriteQuorumRegained", "ReadQuorumLost", "ReadQuorumRegained",
                    "VolumeStatusChanged", "StaleWriteRejected", "LsnAllocationLimitReached",
                    "AcknowledgedWritesLost" -> Family.QUORUM;
            case "WriterFailureDetected", "FailoverStarted", "WriterRecreationStarted", "NoWriterAvailable",
                    "WriterPromoted", "CrashRecoveryCompleted", "ClusterEndpointMoved", "FailoverCompleted" ->
                    Family.FAILOVER;
            default -> Family.ACTIONS;
        };
    }
}

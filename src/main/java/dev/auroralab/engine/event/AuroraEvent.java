package dev.auroralab.engine.event;

import dev.auroralab.engine.snapshot.FailoverKind;

/**
 * What happened in the simulated cluster, in the past tense: the event log a learner reads, a report lists and a test
 * asserts on. Internal traffic (each boxcar, each acknowledgement) is not logged; it is visible as messages in flight.
 */
public sealed interface AuroraEvent {

    long atMicros();

    /** One line in plain words. */
    String detail();

    /** The kind, for filtering: the record's simple name, e.g. "SegmentFailed". */
    default String type() {
        return getClass().getSimpleName();
    }

    // ---- faults ---------------------------------------------------------------------------------------------------

    record InstanceFailed(long atMicros, String instanceId, String az, String role) implements AuroraEvent {
        public String detail() {
            return role + " " + instanceId + " in " + az + " is down";
        }
    }

    /**
     * The database process of an instance crashed (crash-instance); the instance itself is fine and Aurora restarts
     * the process in place. {@code pageCacheKept}: Aurora MySQL's survivable page cache keeps the buffer cache warm.
     */
    record InstanceCrashed(long atMicros, String instanceId, String az, String role, boolean pageCacheKept)
            implements AuroraEvent {
        public String detail() {
            return "the database process of " + role + " " + instanceId + " crashed; restarting it in place"
                    + (pageCacheKept ? " (page cache kept)" : " (page cache lost)");
        }
    }

    /** A failed instance's host was replaced (fail-instance, then the model's recreate time): it starts again. */
    record InstanceReplaced(long atMicros, String instanceId, String az) implements AuroraEvent {
        public String detail() {
            return instanceId + " was replaced on a new host in " + az;
        }
    }

    record InstanceRestarting(long atMicros, String instanceId, long readyAtMicros) implements AuroraEvent {
        public String detail() {
            return instanceId + " is restarting";
        }
    }

    record InstanceStarted(long atMicros, String instanceId, String role) implements AuroraEvent {
        public String detail() {
            return instanceId + " is up as a " + role;
        }
    }

    record AvailabilityZoneFailed(long atMicros, String az, int instancesDown, int segmentsDown) implements AuroraEvent {
        public String detail() {
            return "AZ " + az + " is out: " + instancesDown + " instance(s) and " + segmentsDown + " segment copies down";
        }
    }

    record AvailabilityZoneRestored(long atMicros, String az) implements AuroraEvent {
        public String detail() {
            return "AZ " + az + " is back";
        }
    }

    record StorageNodeFailed(long atMicros, String nodeId, int segmentsDown) implements AuroraEvent {
        public String detail() {
            return "storage node " + nodeId + " failed: " + segmentsDown + " segment copies down";
        }
    }

    record StorageNodeRestored(long atMicros, String nodeId) implements AuroraEvent {
        public String detail() {
            return "storage node " + nodeId + " is back";
        }
    }

    record SegmentFailed(long atMicros, String segment, String pg) implements AuroraEvent {
        public String detail() {
            return "segment " + segment + " is unreachable";
        }
    }

    record SegmentRestored(long atMicros, String segment) implements AuroraEvent {
        public String detail() {
            return "segment " + segment + " is reachable again and catching up by gossip";
        }
    }

    record SegmentDestroyed(long atMicros, String segment, String pg) implements AuroraEvent {
        public String detail() {
            return "segment " + segment + " is destroyed with its data";
        }
    }

    record SegmentCaughtUp(long atMicros, String segment, long scl) implements AuroraEvent {
        public String detail() {
            return "segment " + segment + " has filled its holes (SCL " + scl + ")";
        }
    }

    // ---- storage repair and quorums ---------------------------------------------------------------------------------

    record MembershipChangeStarted(long atMicros, String pg, String suspect, String replacement, long epoch,
            String writeSet, String readSet) implements AuroraEvent {
        public String detail() {
            return pg + ": replacing " + suspect + " with " + replacement + " (epoch " + epoch + "); write set "
                    + writeSet + ", read set " + readSet;
        }
    }

    record SegmentHydrated(long atMicros, String segment, long scl) implements AuroraEvent {
        public String detail() {
            return "new copy " + segment + " is filled from its peers (SCL " + scl + ")";
        }
    }

    /**
     * Every copy of {@code pg} was destroyed and new copy {@code segment} is filled from the continuous backup in S3,
     * up to {@code scl}. When the writer had sent the group records after the backup's point, no copy holds them: the
     * volume was cut back to {@code vdl}, the LSNs above it up to {@code truncatedThroughLsn} are void and
     * {@code writesFailed} pending commits failed (P17 §4.3). With nothing to cut, {@code truncatedThroughLsn} equals
     * {@code vdl} and no write failed.
     */
    record ProtectionGroupRestoredFromBackup(long atMicros, String pg, String segment, long scl, long vdl,
            long truncatedThroughLsn, long writesFailed) implements AuroraEvent {
        public String detail() {
            String restored = pg + " had no copy left: " + segment + " is restored from the S3 backup (SCL " + scl + ")";
            if (truncatedThroughLsn <= vdl) {
                return restored;
            }
            return restored + "; what was written to " + pg + " after the backup is on no copy, so the volume is cut"
                    + " back to VDL " + vdl + " (LSNs up to " + truncatedThroughLsn + " truncated) and "
                    + writesFailed + " pending write(s) fail";
        }
    }

    /**
     * {@code writer} sent {@code pg} again {@code boxcars} boxcars, with records from LSN {@code fromLsn} to
     * {@code toLsn}, that no reachable copy held: every copy that took them was out when they came, so gossip had no
     * peer to fetch them from (P17 §4.2, P18 §2.3). Nothing was lost: the writer keeps its records until a write
     * quorum holds them.
     */
    record BoxcarsResent(long atMicros, String pg, String writer, int boxcars, long fromLsn, long toLsn)
            implements AuroraEvent {
        public String detail() {
            return writer + " sends " + pg + " again " + boxcars + " boxcar(s) (LSNs " + fromLsn + " to " + toLsn
                    + ") that no copy it can reach holds: they were sent while the copies that took them were out";
        }
    }

    record MembershipChangeCommitted(long atMicros, String pg, String removed, String added, long epoch)
            implements AuroraEvent {
        public String detail() {
            return pg + ": " + added + " replaces " + removed + " for good (epoch " + epoch + ")";
        }
    }

    record MembershipChangeRolledBack(long atMicros, String pg, String returned, String dropped, long epoch)
            implements AuroraEvent {
        public String detail() {
            return pg + ": " + returned + " came back first, so " + dropped + " is dropped (epoch " + epoch + ")";
        }
    }

    record DegradedQuorumEntered(long atMicros, String az, int protectionGroups) implements AuroraEvent {
        public String detail() {
            return "quorum reconfigured without AZ " + az + ": " + protectionGroups
                    + " protection group(s) switch to a 3-of-4 write quorum over the copies left";
        }
    }

    record DegradedQuorumLeft(long atMicros, String az) implements AuroraEvent {
        public String detail() {
            return "copies in " + az + " have caught up: back to 4-of-6 writes, 3-of-6 reads";
        }
    }

    record WriteQuorumLost(long atMicros, String pg, int reachable, int needed) implements AuroraEvent {
        public String detail() {
            return pg + " reaches " + reachable + " copies; writes need " + needed;
        }
    }

    record WriteQuorumRegained(long atMicros, String pg) implements AuroraEvent {
        public String detail() {
            return pg + " has its write quorum again";
        }
    }

    record ReadQuorumLost(long atMicros, String pg, int reachable, int needed) implements AuroraEvent {
        public String detail() {
            return pg + " reaches " + reachable + " copies; a read quorum needs " + needed;
        }
    }

    record ReadQuorumRegained(long atMicros, String pg) implements AuroraEvent {
        public String detail() {
            return pg + " has its read quorum again";
        }
    }

    record VolumeStatusChanged(long atMicros, String from, String to, String reason) implements AuroraEvent {
        public String detail() {
            return "volume " + from + " -> " + to + ": " + reason;
        }
    }

    record StaleWriteRejected(long atMicros, String segment, String fromInstance, long staleEpoch, long currentEpoch)
            implements AuroraEvent {
        public String detail() {
            return segment + " rejected a boxcar from " + fromInstance + " with stale volume epoch " + staleEpoch
                    + " (current " + currentEpoch + ")";
        }
    }

    record LsnAllocationLimitReached(long atMicros, long vdl, long limit) implements AuroraEvent {
        public String detail() {
            return "writes throttled: next LSN would pass VDL + LAL = " + limit;
        }
    }

    record AcknowledgedWritesLost(long atMicros, long count, String reason) implements AuroraEvent {
        public String detail() {
            return count + " acknowledged write(s) lost: " + reason;
        }
    }

    // ---- writer and failover ----------------------------------------------------------------------------------------

    record WriterFailureDetected(long atMicros, String writer) implements AuroraEvent {
        public String detail() {
            return "health checks find writer " + writer + " gone";
        }
    }

    record FailoverStarted(long atMicros, String from, String to, String why) implements AuroraEvent {
        public String detail() {
            return "failover from " + from + " to " + to + " (" + why + ")";
        }
    }

    /** No replica to promote: the writer is recreated, in {@code az}, which is its own AZ unless that AZ is out. */
    record WriterRecreationStarted(long atMicros, String instanceId, String az, String fromAz, long readyAtMicros)
            implements AuroraEvent {
        public String detail() {
            return "no replica to promote: recreating writer " + instanceId
                    + (az.equals(fromAz) ? " in its AZ" : " in " + az + " (its AZ " + fromAz + " is out)");
        }
    }

    record NoWriterAvailable(long atMicros, String reason) implements AuroraEvent {
        public String detail() {
            return "no writer: " + reason;
        }
    }

    record WriterPromoted(long atMicros, String instanceId) implements AuroraEvent {
        public String detail() {
            return instanceId + " restarted as the writer and starts crash recovery";
        }
    }

    record CrashRecoveryCompleted(long atMicros, String writer, long vdl, long truncatedThroughLsn, long volumeEpoch)
            implements AuroraEvent {
        public String detail() {
            return writer + " recovered: VDL " + vdl + ", LSNs above it up to " + truncatedThroughLsn
                    + " truncated, volume epoch " + volumeEpoch + " fences the old writer";
        }
    }

    record ClusterEndpointMoved(long atMicros, String from, String to) implements AuroraEvent {
        public String detail() {
            return "cluster (writer) endpoint now resolves to " + to + (from == null ? "" : " (was " + from + ")");
        }
    }

    record FailoverCompleted(long atMicros, String from, String to, long durationMicros) implements AuroraEvent {
        public String detail() {
            return "writes resume on " + to + " after " + String.format(java.util.Locale.ROOT, "%.1f",
                    durationMicros / 1e6) + " s";
        }
    }

    // ---- configuration ----------------------------------------------------------------------------------------------

    record ReplicaAdded(long atMicros, String instanceId, String az, int tier, String instanceClass, long readyAtMicros)
            implements AuroraEvent {
        public String detail() {
            return "creating replica " + instanceId + " in " + az + " (tier " + tier + ", " + instanceClass + ")";
        }
    }

    record ReplicaRemoved(long atMicros, String instanceId) implements AuroraEvent {
        public String detail() {
            return "replica " + instanceId + " removed";
        }
    }

    record PromotionTierChanged(long atMicros, String instanceId, int from, int to) implements AuroraEvent {
        public String detail() {
            return instanceId + " promotion tier " + from + " -> " + to + " (no failover)";
        }
    }

    record WorkloadChanged(long atMicros, double writesPerSecond, double readsPerSecond) implements AuroraEvent {
        public String detail() {
            return String.format(java.util.Locale.ROOT, "workload: %.0f writes/s, %.0f reads/s", writesPerSecond,
                    readsPerSecond);
        }
    }

    record CommandRejected(long atMicros, String command, String reason) implements AuroraEvent {
        public String detail() {
            return "cannot " + command + ": " + reason;
        }
    }

    // ---- Global Database (aurora-reference §6) --------------------------------------------------------------------

    record RegionFailed(long atMicros, String region, int instancesDown, int segmentsDown) implements AuroraEvent {
        public String detail() {
            return "region " + region + " is out: " + instancesDown + " instance(s) and " + segmentsDown
                    + " segment copies down";
        }
    }

    record RegionRestored(long atMicros, String region) implements AuroraEvent {
        public String detail() {
            return "region " + region + " is back";
        }
    }

    record GlobalSwitchoverStarted(long atMicros, String from, String to) implements AuroraEvent {
        public String detail() {
            return "switchover from " + from + " to " + to + " started: writes stop until " + to + " is in sync";
        }
    }

    record GlobalSecondaryInSync(long atMicros, String region, long lsn) implements AuroraEvent {
        public String detail() {
            return region + " holds every acknowledged write (LSN " + lsn + "): the regions swap roles";
        }
    }

    /** A failover with data loss allowed, or a detach and promote, started; the losses are counted now. */
    record GlobalPromotionStarted(long atMicros, FailoverKind kind, String from, String to, long keptLsn,
            long acknowledgedWritesLost, long rpoMicros) implements AuroraEvent {
        public String detail() {
            String what = kind == FailoverKind.DETACH_AND_PROMOTE ? "detach and promote " + to
                    : "global failover from " + from + " to " + to;
            return what + " started: " + to + " keeps writes up to LSN " + keptLsn + "; " + acknowledgedWritesLost
                    + " acknowledged write(s) lost (RPO " + (rpoMicros / 1000) + " ms)";
        }
    }

    record GlobalPromotionCompleted(long atMicros, FailoverKind kind, String from, String to, String writerId,
            long rtoMicros) implements AuroraEvent {
        public String detail() {
            return kind + " done: " + writerId + " in " + to + " takes writes, " + (rtoMicros / 1000) + " ms after"
                    + " it was asked for";
        }
    }

    record GlobalOperationCancelled(long atMicros, FailoverKind kind, String region, String reason) implements AuroraEvent {
        public String detail() {
            return kind + " to " + region + " cancelled: " + reason;
        }
    }

    /**
     * After a global failover a region is rebuilt from the new primary {@code fromRegion} (UG
     * aurora-global-database-disaster-recovery): the old primary ({@code oldPrimary}) once it is up, every other
     * secondary once the failover completes. It serves no reads and receives no replication until
     * {@code readyAtMicros}.
     */
    record RegionRebuildStarted(long atMicros, String region, String fromRegion, long readyAtMicros, boolean oldPrimary)
            implements AuroraEvent {
        public String detail() {
            return (oldPrimary ? "old primary " : "secondary ") + region + " is being rebuilt from " + fromRegion
                    + " after the global failover; no reads until it is done (" + ((readyAtMicros - atMicros) / 1_000_000)
                    + " s)";
        }
    }

    /** The rebuild is done: {@code region} is a secondary again, holding the new primary's data up to {@code fromLsn}. */
    record RegionRejoined(long atMicros, String region, long fromLsn) implements AuroraEvent {
        public String detail() {
            return region + " rejoined the global database as a secondary, rebuilt up to LSN " + fromLsn
                    + "; replication goes on from there";
        }
    }

    /**
     * Before the old primary's volume is rebuilt, Aurora takes a snapshot of it at the point of failure
     * ({@code snapshotName}, rds:unplanned-global-failover-...), so the writes the failover lost
     * ({@code writesOnlyInSnapshot}, up to {@code highestLsn}) can be recovered by hand (UG
     * aurora-global-database-disaster-recovery).
     */
    record OldPrimarySnapshotTaken(long atMicros, String region, String snapshotName, long highestLsn,
            long writesOnlyInSnapshot) implements AuroraEvent {
        public String detail() {
            return "snapshot " + snapshotName + " of old primary " + region + " taken at the point of failure (LSN "
                    + highestLsn + "): " + writesOnlyInSnapshot + " acknowledged write(s) the failover lost are only"
                    + " there, to recover by hand";
        }
    }

    record SplitBrainDetected(long atMicros, java.util.List<String> writableRegions) implements AuroraEvent {
        public String detail() {
            return "split brain: " + String.join(" and ", writableRegions) + " both take writes";
        }
    }

    record SplitBrainEnded(long atMicros) implements AuroraEvent {
        public String detail() {
            return "split brain over: one region takes writes";
        }
    }

    record ManagedRpoChanged(long atMicros, long seconds) implements AuroraEvent {
        public String detail() {
            return seconds == 0 ? "managed RPO off" : "managed RPO set to " + seconds + " s (rds.global_db_rpo)";
        }
    }

    record CommitsBlocked(long atMicros, long managedRpoSeconds, long smallestLagMicros) implements AuroraEvent {
        public String detail() {
            return "commits on the primary wait: every secondary's RPO lag is over " + managedRpoSeconds
                    + " s (the smallest is " + (smallestLagMicros / 1000) + " ms)";
        }
    }

    /** {@code region}: the secondary back within the managed RPO, or null when the RPO no longer applies. */
    record CommitsUnblocked(long atMicros, String region) implements AuroraEvent {
        public String detail() {
            return region == null ? "commits resume: the managed RPO no longer holds them"
                    : "commits resume: " + region + " is within the managed RPO again";
        }
    }

    record WriteForwardingChanged(long atMicros, String region, String consistency) implements AuroraEvent {
        public String detail() {
            return consistency == null ? "write forwarding off in " + region
                    : "write forwarding on in " + region + " (" + consistency + " reads)";
        }
    }
}

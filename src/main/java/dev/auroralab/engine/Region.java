package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.storage.ProtectionGroup;
import java.util.ArrayList;
import dev.auroralab.engine.storage.StorageNode;
import dev.auroralab.engine.storage.Volume;
import java.util.List;
import java.util.Set;

/**
 * One AWS Region of the cluster: three AZs and a six-copy volume of its own, and the role it plays in the Global
 * Database.
 *
 * <p>Aurora: a Global Database is a primary cluster and up to 10 secondary clusters in other regions. Storage-level
 * replication ships the primary's redo to each secondary's own volume; secondaries serve reads and can be promoted
 * (aurora-reference §6). Model: every region lives in the one engine on one clock (decision 10). The primary's write
 * path (writer, LSNs, commits) is the engine's; a secondary's volume receives the primary's durable LSN ranges as
 * boxcars, through the same six-copy storage classes, and its durable LSN is the highest consistency point its
 * copies hold at a write quorum. Instances and storage nodes stay in the engine's lists, found by their AZ.
 */
public final class Region {

    public enum Role { PRIMARY, SECONDARY, DETACHED }

    public final String name;
    public final List<String> azs;
    /** One-way latency from the scenario's primary region (0 for that region itself). */
    public final long latencyMicros;
    public final List<ProtectionGroup> pgs = new ArrayList<>();
    public boolean[] pgWriteQuorum;
    public boolean[] pgReadQuorum;
    /** The PGs whose write quorum was last reported lost, by index: the first names the reason writes stop. */
    public final java.util.BitSet pgsWithoutWriteQuorum = new java.util.BitSet();
    /** The groups without a read quorum now: reads that go on are single-copy reads (the banner says so). */
    public final java.util.BitSet pgsWithoutReadQuorum = new java.util.BitSet();
    /** The volume's aggregates (VCL limit, read limit, quorum changes), set once the PGs are built. */
    public Volume volume;

    /** Whether {@code az} is the only AZ of this region that is out (and the region itself is up). */
    public boolean onlyAzOut(String az, Set<String> downAzs) {
        if (down) {
            return false;
        }
        for (String other : azs) {
            if (!other.equals(az) && downAzs.contains(other)) {
                return false;
            }
        }
        return true;
    }

    /** Position in the engine's region list: how scheduled work names this region. */
    public int index;
    public Role role;
    public boolean down;
    /**
     * A region that has to be rebuilt from the new primary after a global failover (the old primary, and every other
     * secondary) before it serves reads or receives replication again; set until the rebuild is done.
     */
    public boolean rejoinPending;
    /** The rebuild is under way (it ends at {@link #rebuildReadyMicros}); cleared when the region goes out. */
    public boolean resyncing;
    public int resyncGeneration;
    /** When the rebuild under way ends (meaningful while {@link #resyncing}). */
    public long rebuildReadyMicros = -1;
    /**
     * The old primary's snapshot at the point of failure, to be taken when its region is up (before its volume is
     * rebuilt): its name, the highest LSN it holds and the acknowledged writes only it holds. Null when none is due.
     */
    public String recoverySnapshot;
    /** This region is the old primary of the last global failover and has not rejoined yet. */
    public boolean oldPrimaryRebuild;
    public long recoverySnapshotLsn;
    public long recoverySnapshotWrites;

    // ---- as a replication receiver --------------------------------------------------------------------------------
    /** The highest LSN shipped to this region (the next batch starts above it). */
    public long shippedLsn;
    /** The highest LSN this region's volume was given (appended to its PGs' logs). */
    public long receivedLsn;
    /** This region's VDL: the highest consistency point its copies hold at a write quorum in every PG. */
    public long durableLsn;
    /** When the replication link to this region finishes the batch it is carrying. */
    public long linkFreeMicros;

    // ---- write forwarding: one representative session -------------------------------------------------------------
    public ReadConsistency forwarding;
    public int forwardingGeneration;
    public long probeStartedMicros;
    public boolean probeWaitingForLsn;
    public boolean probeWaitingForAck;
    public long probeLsn;
    public long readStartedMicros = -1;
    public long readNeedsLsn;
    public long forwardedWrites;
    public long forwardedWritesFailed;
    public long forwardedWriteLatencyLastMicros;
    public long forwardedReads;
    public long staleReads;
    public long readWaitLastMicros;
    public long readWaitMaxMicros;

    public Region(String name, List<String> azs, long latencyMicros, Role role) {
        this.name = name;
        this.azs = List.copyOf(azs);
        this.latencyMicros = latencyMicros;
        this.role = role;
    }

    /** An independent region in the same state, its volume's protection groups copied onto {@code nodeOf}'s nodes. */
    public Region copy(java.util.function.Function<StorageNode, StorageNode> nodeOf) {
        Region c = new Region(name, azs, latencyMicros, role);
        for (ProtectionGroup pg : pgs) {
            c.pgs.add(pg.copy(nodeOf));
        }
        c.pgWriteQuorum = pgWriteQuorum.clone();
        c.pgsWithoutWriteQuorum.or(pgsWithoutWriteQuorum);
        c.pgsWithoutReadQuorum.or(pgsWithoutReadQuorum);
        c.volume = new Volume(c.pgs);
        c.pgReadQuorum = pgReadQuorum.clone();
        c.index = index;
        c.down = down;
        c.rejoinPending = rejoinPending;
        c.resyncing = resyncing;
        c.resyncGeneration = resyncGeneration;
        c.rebuildReadyMicros = rebuildReadyMicros;
        c.recoverySnapshot = recoverySnapshot;
        c.oldPrimaryRebuild = oldPrimaryRebuild;
        c.recoverySnapshotLsn = recoverySnapshotLsn;
        c.recoverySnapshotWrites = recoverySnapshotWrites;
        c.shippedLsn = shippedLsn;
        c.receivedLsn = receivedLsn;
        c.durableLsn = durableLsn;
        c.linkFreeMicros = linkFreeMicros;
        c.forwarding = forwarding;
        c.forwardingGeneration = forwardingGeneration;
        c.probeStartedMicros = probeStartedMicros;
        c.probeWaitingForLsn = probeWaitingForLsn;
        c.probeWaitingForAck = probeWaitingForAck;
        c.probeLsn = probeLsn;
        c.readStartedMicros = readStartedMicros;
        c.readNeedsLsn = readNeedsLsn;
        c.forwardedWrites = forwardedWrites;
        c.forwardedWritesFailed = forwardedWritesFailed;
        c.forwardedWriteLatencyLastMicros = forwardedWriteLatencyLastMicros;
        c.forwardedReads = forwardedReads;
        c.staleReads = staleReads;
        c.readWaitLastMicros = readWaitLastMicros;
        c.readWaitMaxMicros = readWaitMaxMicros;
        return c;
    }

    public boolean hasAz(String az) {
        return azs.contains(az);
    }

    /** The role the snapshot shows: DOWN while the region is out, whatever it was before. */
    public RegionRole snapshotRole() {
        if (down) {
            return RegionRole.DOWN;
        }
        return switch (role) {
            case PRIMARY -> RegionRole.PRIMARY;
            case SECONDARY -> RegionRole.SECONDARY;
            case DETACHED -> RegionRole.DETACHED;
        };
    }

    /** Whether replication batches are sent to this region now. */
    public boolean receivesReplication() {
        return role == Role.SECONDARY && !down && !resyncing && !rejoinPending;
    }
}

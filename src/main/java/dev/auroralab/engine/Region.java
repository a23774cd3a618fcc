package dev.auroralab.engine;

import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.storage.ProtectionGroup;
import java.util.ArrayList;
import java.util.HashSet;
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
final class Region {

    enum Role { PRIMARY, SECONDARY, DETACHED }

    final String name;
    final List<String> azs;
    /** One-way latency from the scenario's primary region (0 for that region itself). */
    final long latencyMicros;
    final List<ProtectionGroup> pgs = new ArrayList<>();
    final Set<ProtectionGroup> gossipScheduled = new HashSet<>();
    boolean[] pgWriteQuorum;
    boolean[] pgReadQuorum;

    /** Whether {@code az} is the only AZ of this region that is out (and the region itself is up). */
    boolean onlyAzOut(String az, Set<String> downAzs) {
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

    Role role;
    boolean down;
    /** An old primary that has to resynchronise before it rejoins as a secondary (after a global failover). */
    boolean rejoinPending;
    boolean resyncing;
    int resyncGeneration;

    // ---- as a replication receiver --------------------------------------------------------------------------------
    /** The highest LSN shipped to this region (the next batch starts above it). */
    long shippedLsn;
    /** The highest LSN this region's volume was given (appended to its PGs' logs). */
    long receivedLsn;
    /** This region's VDL: the highest consistency point its copies hold at a write quorum in every PG. */
    long durableLsn;
    /** When the replication link to this region finishes the batch it is carrying. */
    long linkFreeMicros;

    // ---- write forwarding: one representative session -------------------------------------------------------------
    ReadConsistency forwarding;
    int forwardingGeneration;
    long probeStartedMicros;
    boolean probeWaitingForLsn;
    boolean probeWaitingForAck;
    long probeLsn;
    long readStartedMicros = -1;
    long readNeedsLsn;
    long forwardedWrites;
    long forwardedWritesFailed;
    long forwardedWriteLatencyLastMicros;
    long forwardedReads;
    long staleReads;
    long readWaitLastMicros;
    long readWaitMaxMicros;

    Region(String name, List<String> azs, long latencyMicros, Role role) {
        this.name = name;
        this.azs = List.copyOf(azs);
        this.latencyMicros = latencyMicros;
        this.role = role;
    }

    boolean hasAz(String az) {
        return azs.contains(az);
    }

    /** The role as the report and the window name it: "down" while the region is out. */
    String roleLabel() {
        if (down) {
            return "down";
        }
        return switch (role) {
            case PRIMARY -> "primary";
            case SECONDARY -> "secondary";
            case DETACHED -> "detached";
        };
    }

    /** Whether replication batches are sent to this region now. */
    boolean receivesReplication() {
        return role == Role.SECONDARY && !down && !resyncing && !rejoinPending;
    }
}

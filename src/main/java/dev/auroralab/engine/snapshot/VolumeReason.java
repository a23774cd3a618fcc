package dev.auroralab.engine.snapshot;

import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;

/**
 * Why a region's volume is writable, read-only or unavailable, as a value: what blocks the writes (or who is writing),
 * and what blocks the reads when they fail. {@link #sentence()} is the engine's sentence for it, which the banner, the
 * inspector, the report and the events show; code that needs to tell reasons apart matches on the record instead.
 *
 * <p>Sources for the situations named: P17 §2.1 (write quorum 4 of 6), P17 §4.2.1 (the LSN allocation limit), UG
 * "High availability for Aurora" (failover, recreating a writer), UG "Using Amazon Aurora Global Database" (switchover,
 * failover, detach, managed RPO).
 */
public sealed interface VolumeReason {

    /** The engine's sentence for this reason. */
    String sentence();

    /**
     * Whether the sentence already names the failover or switchover under way, so the banner does not repeat its
     * phase.
     */
    default boolean namesTheOperation() {
        return false;
    }

    /** Writes flow: every protection group has its write quorum and {@code writerId} takes writes. */
    record Writing(String writerId) implements VolumeReason {
        public String sentence() {
            return "every protection group has its write quorum; " + writerId + " is writing";
        }
    }

    /** Protection group {@code pg} reaches {@code reachableCopies} of {@code copiesInModel}: fewer than writes need. */
    record WriteQuorumMissing(String pg, int reachableCopies, int copiesInModel, int writeQuorum)
            implements VolumeReason {
        public String sentence() {
            return pg + " reaches " + reachableCopies + " of " + copiesInModel + " copies; writes need " + writeQuorum;
        }
    }

    /** New writes would pass VDL + LAL (P17 §4.2.1): the writer throttles them until VDL moves. */
    record AllocationLimitReached() implements VolumeReason {
        public String sentence() {
            return "writes throttled: the next LSN would pass VDL + 10,000,000 (LAL)";
        }
    }

    /** Managed RPO (Aurora PostgreSQL): every secondary lags more than {@code managedRpoSeconds}, so commits wait. */
    record CommitsHeldByManagedRpo(long managedRpoSeconds) implements VolumeReason {
        public String sentence() {
            return "commits wait: every secondary's RPO lag is over the managed RPO of " + managedRpoSeconds
                    + " s (rds.global_db_rpo)";
        }
    }

    /**
     * An in-region failover (or a writer being recreated) is getting a writer back: {@code phase} is where it is,
     * {@code from} the writer lost, {@code to} the instance being promoted or recreated (null before one is chosen).
     */
    record WriterFailover(FailoverPhase phase, String from, String to) implements VolumeReason {
        public String sentence() {
            return switch (phase) {
                case RESTARTING -> "no writer: " + to + "'s database process crashed and is restarting in place (no failover)";
                case DETECTING -> "writer " + from + " is down; failover starts once it is detected";
                case PROMOTING -> "no writer: promoting " + to + " (failover from " + from + ")";
                case RECOVERING -> "no writer: " + to + " is running crash recovery";
                case ENDPOINT_MOVING -> "no writer reachable: the cluster endpoint is moving to " + to
                        + " (clients see it after the DNS TTL)";
                case RECREATING -> "no writer: no replica to promote, so " + to + " is being recreated on a new host";
                case WAITING_FOR_AZ -> "no writer: no replica to promote and the writer's AZ is out";
                default -> "no writer: " + phase.label();
            };
        }

        @Override
        public boolean namesTheOperation() {
            return phase == FailoverPhase.DETECTING || phase == FailoverPhase.PROMOTING
                    || phase == FailoverPhase.RESTARTING;
        }
    }

    /** The new writer {@code to} waits for a read quorum of {@code pg} (null: it has them all) to run recovery. */
    record WaitingForReadQuorum(String to, String pg) implements VolumeReason {
        public String sentence() {
            return pg == null ? "no writer: " + to + " has a read quorum of every protection group and starts recovery"
                    : "no writer: " + to + " waits for a read quorum of " + pg + " to recover";
        }
    }

    /** The primary region is out and no writer can come back in it until it returns or the database fails over. */
    record PrimaryRegionOut(String region) implements VolumeReason {
        public String sentence() {
            return "no writer: the primary region " + region + " is out; restore it or fail over the global database"
                    + " to a secondary";
        }
    }

    /** A Global Database operation of {@code kind} moves the writer to region {@code to}; {@code phase} is its step. */
    record GlobalOperation(FailoverPhase phase, FailoverKind kind, String to) implements VolumeReason {
        public String sentence() {
            return switch (phase) {
                case SWITCHOVER_SYNC -> "switchover to " + to + ": writes stop until " + to
                        + " holds every acknowledged write";
                case SWITCHOVER_RECONFIGURING -> "switchover to " + to + ": the regions swap roles";
                default -> (kind == FailoverKind.DETACH_AND_PROMOTE
                        ? "detach and promote: " + to + " becomes a standalone cluster"
                        : "global failover: " + to + " is being promoted") + " (writes resume when it has a writer)";
            };
        }

        @Override
        public boolean namesTheOperation() {
            return kind != FailoverKind.DETACH_AND_PROMOTE;
        }
    }

    /** No failover is running and the writer does not serve: {@code writerId} (null when there is none) is {@code status}. */
    record WriterNotServing(String writerId, InstanceStatus status) implements VolumeReason {
        public String sentence() {
            return writerId == null ? "no writer" : "writer " + writerId + " is " + status.label();
        }
    }

    /** A region other than the write region is out. */
    record RegionOut(String region) implements VolumeReason {
        public String sentence() {
            return "region " + region + " is out";
        }
    }

    /**
     * After a global failover, {@code region} is rebuilt from the new primary {@code fromRegion} until
     * {@code readyAtMicros} (UG aurora-global-database-disaster-recovery: minutes to hours): it serves no reads and
     * receives no replication meanwhile; {@code oldPrimary}: it was the primary and rejoins as a secondary.
     */
    record Rebuilding(String region, String fromRegion, long readyAtMicros, boolean oldPrimary) implements VolumeReason {
        public String sentence() {
            return region + (oldPrimary ? " (the old primary)" : "") + " is being rebuilt from " + fromRegion
                    + " after the global failover until " + clock(readyAtMicros) + "; no reads until then";
        }
    }

    /** A simulated time as the window's clock shows it, to the second: "12:30" (minutes:seconds). */
    static String clock(long micros) {
        long s = micros / 1_000_000;
        return s / 60 + (s % 60 < 10 ? ":0" : ":") + s % 60;
    }

    /**
     * A region that does not take the global writes: a read-only secondary, a detached cluster, or an old primary
     * detached from; {@code readable} whether it serves reads locally.
     */
    record NotTheWriteRegion(String region, RegionRole role, boolean readable) implements VolumeReason {
        public String sentence() {
            String what = switch (role) {
                case PRIMARY -> "the old primary (detached from)";
                case DETACHED -> "a detached cluster";
                default -> "a read-only secondary";
            };
            return region + " is " + what + (readable ? "; reads are served locally" : "; reads fail: no instance or copy");
        }
    }

    /**
     * Reads go on although protection group {@code pg} has fewer than a read quorum (3 of 6) of its copies: each read
     * is served by one copy that holds the read point (P17 §4.2.3, no quorum read in normal operation), which the FAQ
     * does not promise. Said on top of {@code writes}.
     */
    record ReadsFromOneCopy(VolumeReason writes, String pg) implements VolumeReason {
        public String sentence() {
            return writes.sentence() + "; reads go on from one complete copy of " + pg
                    + " (single-segment read, P17), though a read quorum needs 3 of 6";
        }

        @Override
        public boolean namesTheOperation() {
            return writes.namesTheOperation();
        }
    }

    /**
     * Reads through the reader endpoint fail, on top of {@code writes}: no instance behind the endpoint is up
     * ({@code noReaderUp}), or no reachable copy of {@code pg} (null: of some group) holds the read point.
     */
    record ReadsFail(VolumeReason writes, boolean noReaderUp, String pg) implements VolumeReason {
        public String sentence() {
            return writes.sentence() + "; reads fail: " + (noReaderUp ? "no instance is up behind the reader endpoint"
                    : pg != null ? "no reachable copy of " + pg + " holds the read point" : "no copy holds the read point");
        }

        @Override
        public boolean namesTheOperation() {
            return writes.namesTheOperation();
        }
    }
}

package dev.auroralab.teach;

/**
 * What one more fault would do next that a learner watches for: the volume's writes or reads stop, the read quorum is
 * gone, the writer is lost (and how long it takes to get one back), a secondary stops receiving the replication, or
 * commits start to wait for a secondary (managed RPO). Declared in the order a learner is told them (the writes, then
 * the writer, then the reads): {@link SingleFault#worst()} is the first one a fault has, and labels and captions list them in this order. A
 * fault with none of them is safe.
 *
 * <p>The words are the ones the banner, the gauges and the exams use. "Reads stop" and "read quorum lost" are apart on
 * purpose: the engine, like Aurora (P17 §4.2.3), serves a read from one copy that holds the read point, so reads go on
 * below a read quorum; what is lost then is the FAQ's promise, and a new writer's crash recovery, which needs a read
 * quorum of every group (P17 §4.3).
 */
public enum FaultEffect {
    /** A protection group of the write region would reach fewer copies than its write quorum (4 of 6; 3 of 4). */
    WRITES_STOP("writes stop", "writes stop"),
    /** The writer is lost with no replica to promote: it is recreated (minutes), or waits for its region or an AZ. */
    NO_WRITER("no writer for minutes", "no writer (minutes)"),
    /**
     * The writer is lost (or, during a failover, the replica being promoted) and a replica is promoted: writes pause
     * for the failover. How long is the scenario's ({@link SingleFault#writesBackMicros()}, from its timings).
     */
    FAILOVER("failover (writes pause)", "failover"),
    /** Reads through the reader endpoint (or a secondary's own reads) fail: no instance or no copy can serve them. */
    READS_STOP("reads stop", "reads stop"),
    /** A protection group would reach fewer copies than its read quorum (3 of 6; 2 of 4 in the degraded model). */
    READ_QUORUM_LOST("read quorum lost", "read quorum lost"),
    /** Managed RPO: no secondary would stay within it, so commits on the primary wait once the lag passes it. */
    COMMITS_WAIT("commits wait (managed RPO)", "commits wait"),
    /** A secondary region's protection group would lose its write quorum: replication to that region stalls. */
    REPLICATION_STALLS("replication stalls", "replication stalls");

    private final String label;
    private final String shortLabel;

    FaultEffect(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** "writes stop": the words the tooltip and the inspector use (through {@link SingleFault#label(FaultEffect)}). */
    public String label() {
        return label;
    }

    /** "read quorum lost": the words drawn on the picture, where room is short ({@link SingleFault#shortLabel}). */
    public String shortLabel() {
        return shortLabel;
    }
}

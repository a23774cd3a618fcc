package dev.auroralab.engine;

/**
 * Every number the engine uses to imitate Aurora, in one place. Each names its source; a number the sources do not
 * give is marked MODEL VALUE: a choice of this simulator, shown to learners as such (docs/model.md lists them all).
 * Sources: P17 = SIGMOD 2017 Aurora paper, P18 = SIGMOD 2018 Aurora paper, UG = Aurora User Guide, GK = general
 * knowledge not confirmed against a source.
 */
public final class ModelValues {

    private ModelValues() {
    }

    // ---- storage geometry -------------------------------------------------------------------------------------
    /** Segment (protection group) size: at most 10 GB. P17 §2.2. */
    public static final int PROTECTION_GROUP_GIB = 10;
    /** Copies per protection group. P17 §2.1. */
    public static final int COPIES_PER_PG = 6;
    /** Write quorum Vw = 4 of 6. P17 §2.1. */
    public static final int WRITE_QUORUM = 4;
    /** Read quorum Vr = 3 of 6. P17 §2.1. */
    public static final int READ_QUORUM = 3;
    /** Degraded quorum during a long AZ outage: 3 of the 4 copies left for writes. P18 §4.1. */
    public static final int DEGRADED_COPIES = 4;
    public static final int DEGRADED_WRITE_QUORUM = 3;
    /** Read quorum of the degraded 4-copy model (2 of 4, so that Vr + Vw > V). Derived from P18 §4.1's 3/4. */
    public static final int DEGRADED_READ_QUORUM = 2;
    /** MODEL VALUE: storage nodes per AZ; each hosts segments of several PGs. */
    public static final int STORAGE_NODES_PER_AZ = 4;

    // ---- LSN bookkeeping --------------------------------------------------------------------------------------
    /** LSN allocation limit: no LSN above VDL + 10,000,000. P17 §4.2.1. */
    public static final long LSN_ALLOCATION_LIMIT = 10_000_000L;
    /** MODEL VALUE: log records per write transaction (the last is its CPL). */
    public static final int RECORDS_PER_WRITE = 2;
    /**
     * MODEL VALUE: the writer closes a boxcar per protection group every 2 ms. Aurora boxcars records (P17 §3.2) but
     * does not publish a window; 2 ms keeps commit latency in the low milliseconds and the simulation fast.
     */
    public static final long BOXCAR_WINDOW_MICROS = 2_000;

    // ---- network and storage latency (all MODEL VALUES; AWS quotes single-digit ms between AZs) ------------------
    /** MODEL VALUE: one-way hop inside an AZ. */
    public static final long SAME_AZ_HOP_MICROS = 250;
    /** MODEL VALUE: mean extra jitter inside an AZ (exponential). */
    public static final long SAME_AZ_JITTER_MICROS = 50;
    /** MODEL VALUE: one-way hop between AZs of a region. */
    public static final long CROSS_AZ_HOP_MICROS = 600;
    /** MODEL VALUE: mean extra jitter between AZs (exponential), the tail that makes a lost AZ raise p99. */
    public static final long CROSS_AZ_JITTER_MICROS = 300;
    /** MODEL VALUE: a storage node queues, persists and acknowledges a boxcar (P17 Fig. 4 steps 1-2). */
    public static final long SEGMENT_PERSIST_MICROS = 150;

    // ---- repair and gossip --------------------------------------------------------------------------------------
    /** Repair rate: a 10 GB segment in about 10 s on a 10 Gbps link, i.e. 1 s per GiB. P17 §2.2. */
    public static final long REPAIR_MICROS_PER_GIB = 1_000_000;
    /** MODEL VALUE: how long storage waits before it declares a silent segment failed and replaces it. */
    public static final long SEGMENT_FAILURE_DETECTION_MICROS = 10_000_000;
    /** MODEL VALUE: gossip round between PG peers while a copy has holes (P18 §2.2). */
    public static final long GOSSIP_INTERVAL_MICROS = 50_000;
    /** MODEL VALUE: boxcars a lagging copy can fetch from peers per gossip round (about 20x the live rate). */
    public static final int GOSSIP_BATCHES_PER_ROUND = 500;
    /**
     * MODEL VALUE: after a reconfigure-quorum action, how often the groups that could not change to 3 of 4 yet (a
     * second AZ out, or too few copies left outside the lost AZ) are looked at again while the AZ stays out, like the
     * other one-second retries of the model. The change itself is never automatic (issue 12: AZ+1 stops writes).
     */
    public static final long AZ_OUTAGE_DEGRADE_RECHECK_MICROS = 1_000_000;
    /** MODEL VALUE: continuous backup stages each PG's complete log to S3 this often (P17 Fig. 4 step 6). */
    public static final long BACKUP_STAGING_INTERVAL_MICROS = 10_000_000;

    // ---- instances, failover, endpoints -------------------------------------------------------------------------
    /** MODEL VALUE: time to notice the writer is gone (health checks). */
    public static final long WRITER_FAILURE_DETECTION_MICROS = 10_000_000;
    /** MODEL VALUE: time for an instance to restart (as a promoted writer, or as a reader after a crash). */
    public static final long INSTANCE_RESTART_MICROS = 10_000_000;
    /** MODEL VALUE: crash recovery after a read quorum is reached; P17 §4.3 says under 10 s. */
    public static final long CRASH_RECOVERY_MICROS = 2_000_000;
    /** Endpoint DNS TTL: clients see a moved endpoint within 5 s. AWS Database Blog; UG Aurora.Overview.Endpoints. */
    public static final long ENDPOINT_DNS_TTL_MICROS = 5_000_000;
    /** MODEL VALUE within UG-2023's "typically under 10 minutes": recreate the writer when there is no replica. */
    public static final long WRITER_RECREATE_MICROS = 300_000_000;
    /** MODEL VALUE [GK]: creating a new replica instance takes minutes. */
    public static final long REPLICA_CREATE_MICROS = 300_000_000;
    /** Largest number of read replicas in one cluster. UG Aurora.Replication. */
    public static final int MAX_REPLICAS = 15;
    /** Promotion tiers 0-15, default 1. UG Concepts.AuroraHighAvailability. */
    public static final int MAX_TIER = 15;
    public static final int DEFAULT_TIER = 1;

    // ---- replicas -------------------------------------------------------------------------------------------------
    /**
     * Replica lag as a fit of P17 Table 4 (2.62 ms at 1K writes/s, 5.38 ms at 10K writes/s): lag = a + b x rate.
     * a = 2.313 ms, b = 0.3067 us per write/s. At 200K writes/s this gives about 64 ms, "well under 100 ms" (UG).
     * The fit is a MODEL VALUE; the two points are the paper's.
     */
    public static final long REPLICA_LAG_BASE_MICROS = 2_313;
    public static final double REPLICA_LAG_MICROS_PER_WRITE_PER_SECOND = 0.3067;

    // ---- reads -----------------------------------------------------------------------------------------------------
    /** MODEL VALUE: reads are issued and routed in 10 ms slices. */
    public static final long READ_TICK_MICROS = 10_000;

    // ---- Global Database (aurora-reference §6) --------------------------------------------------------------------
    /** At most 10 secondary regions. UG aurora-global-database (5 in UG-2023). */
    public static final int MAX_SECONDARY_REGIONS = 10;
    /** At most 16 read-only instances in a secondary region. UG aurora-global-database. */
    public static final int MAX_SECONDARY_INSTANCES = 16;
    /** MODEL VALUE: the replication agent ships what the primary made durable in 10 ms batches. */
    public static final long GLOBAL_REPLICATION_BATCH_MICROS = 10_000;
    /**
     * MODEL VALUE: the dedicated replication link carries 500,000 log records a second (about 20 MB/s of redo).
     * Batches queue on the link, so lag grows with the write rate and a region that was out catches up at this rate.
     */
    public static final double GLOBAL_REPLICATION_RECORDS_PER_SECOND = 500_000;
    /** MODEL VALUE: fixed cost of one batch at each end (agent hand-off and apply). */
    public static final long GLOBAL_REPLICATION_OVERHEAD_MICROS = 5_000;
    /** The managed RPO (rds.global_db_rpo) is at least 20 s. UG-2023. */
    public static final long MANAGED_RPO_MIN_SECONDS = 20;
    /**
     * MODEL VALUE within "RTO in the order of minutes" (UG DR page): a secondary's instance is made the writer of the
     * global database in 60 s after a failover or detach is asked for.
     */
    public static final long GLOBAL_PROMOTION_MICROS = 60_000_000;
    /** MODEL VALUE: a switchover reconfigures the regions for 20 s once the target is in sync (the short outage). */
    public static final long GLOBAL_SWITCHOVER_MICROS = 20_000_000;
    /**
     * MODEL VALUE at the short end of "minutes to hours" (UG aurora-global-database-disaster-recovery): after a global
     * failover every other secondary, and the old primary when it returns, is rebuilt from the new primary in 10
     * minutes, and serves no reads until it is done.
     */
    public static final long SECONDARY_REBUILD_MICROS = 600_000_000;
    /** MODEL VALUE: a write-forwarding session writes, then reads, every 200 ms (one session stands for all). */
    public static final long FORWARDING_PROBE_INTERVAL_MICROS = 200_000;
}

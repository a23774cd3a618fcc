package dev.auroralab.engine.check;

/**
 * The promises the {@link SafetyChecker} holds the engine to, each recomputed from snapshots and the event log alone.
 * Most are Aurora's own (the source in brackets: P17 = SIGMOD 2017 paper, P18 = SIGMOD 2018 paper, UG = Aurora User
 * Guide); the rest are bookkeeping rules without which the model's numbers could not be trusted.
 */
public enum SafetyProperty {

    // ---- LSNs ---------------------------------------------------------------------------------------------------
    VDL_AT_MOST_VCL("in every region, VDL never passes VCL (P17 §4.1)"),
    LSNS_NEVER_GO_BACK("VDL, VCL and every PGCL only grow, except across a logged truncation: crash recovery, lost"
            + " acknowledged writes, a global promotion, a region rejoining (P17 §4.3, P18 §2.4)"),
    EPOCHS_ONLY_GROW("the volume epoch and every PG's membership epoch only grow; each crash recovery claims a new"
            + " volume epoch, so one writer per epoch (P18 §2.4, §4)"),
    ACKNOWLEDGED_WITHIN_VDL("no surviving acknowledged commit lies above VDL: they fit in the LSNs at or below it"
            + " (P17 §4.2.2)"),
    LSN_ALLOCATION_LIMIT("no LSN is allocated above VDL + LAL (10,000,000), and VCL never passes the last LSN"
            + " allocated (P17 §4.2.1)"),
    REPLICAS_BEHIND_VDL("an instance applies only records at or below its region's VDL (P17 §4.2.4, P18 §3.3)"),
    SECONDARY_BEHIND_PRIMARY("a Global Database secondary never holds more than the primary made durable (UG"
            + " aurora-global-database)"),

    // ---- storage ------------------------------------------------------------------------------------------------
    SIX_COPIES_TWO_PER_AZ("each PG has six copy positions, two in each AZ of its region, each with one current copy"
            + " and at most one replacement; a degraded model leaves out exactly one AZ (P17 §2.1, P18 §4, §4.1)"),
    QUORUM_TERMS_MATCH_COPIES("the quorum terms a PG lists are the product of its copy positions' choices, 4/6 and"
            + " 3/6 (3/4 and 2/4 degraded) (P18 §4)"),
    WRITE_QUORUM_RECOUNTED("a PG has its write quorum exactly when every term has 4 of 6 (3 of 4 degraded) copies"
            + " taking writes (P17 §2.1, P18 §4)"),
    READ_QUORUM_RECOUNTED("a PG has its read quorum exactly when some term has 3 of 6 (2 of 4 degraded) copies"
            + " serving reads (P17 §2.1, P18 §4)"),
    PGCL_ON_A_WRITE_QUORUM("everything at or below a PG's PGCL is held by a write quorum of its copies, less the"
            + " copies since destroyed (P18 §2.3)"),
    DOWN_MEANS_UNREACHABLE("no copy in an AZ that is out or on a failed storage node takes writes or serves reads,"
            + " and no instance in an AZ that is out is running"),

    // ---- writer, regions --------------------------------------------------------------------------------------
    WRITABLE_NEEDS_WRITER_AND_QUORUMS("a region takes writes only with a writer up and every PG at its write quorum"
            + " (recounted) (P17 §2.1)"),
    ONE_WRITER_PER_REGION("at most one instance of a region holds the writer role while up or recovering"),
    ONE_WRITABLE_REGION("at most one region takes writes, unless a logged split brain is in force; the split-brain"
            + " flag agrees with the log (UG aurora-global-database, detach and promote)"),
    READABLE_NEEDS_A_COPY("a readable region has an instance up and a copy serving reads in every PG (P17 §4.2.3)"),

    // ---- counters and ledger ------------------------------------------------------------------------------------
    WRITES_ACCOUNTED_FOR("every write issued is acknowledged, failed or pending"),
    READS_ACCOUNTED_FOR("every read issued is served or failed"),
    COUNTERS_ONLY_GROW("the write, read and downtime counters never go down"),
    LOSS_IS_LOGGED("the acknowledged-then-lost counter grows exactly by the counts of AcknowledgedWritesLost events"
            + " (decision 0003)"),
    BLOCKED_COMMITS_WAIT("while the managed RPO blocks commits, none is acknowledged; only a managed RPO of 20 s or"
            + " more blocks (UG-2023 rds.global_db_rpo)"),
    LEDGER_APPEND_ONLY("the RPO/RTO ledger only gains entries, one per completed failover, each complete after it"
            + " started, their losses within the lost counter");

    private final String promise;

    SafetyProperty(String promise) {
        this.promise = promise;
    }

    /** The promise in one sentence, with its source. */
    public String promise() {
        return promise;
    }
}

package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;

/** The words and numbers of an RPO/RTO ledger row, apart from the table so they can be tested without a toolkit. */
public final class LedgerText {

    private LedgerText() {
    }

    /** The kind as a learner says it. */
    public static String kind(FailoverRecord r) {
        return r.kind().label();
    }

    /** "us-east-1 → us-west-2": regions, or instances for an in-region failover. */
    public static String fromTo(FailoverRecord r) {
        return r.from() + " → " + (r.to() == null ? "?" : r.to());
    }

    /** Seconds, with two decimals under 10 s ("0.04") and one above ("60.0"). */
    public static String seconds(long micros) {
        return Numbers.fixed(micros / 1e6, micros < 10_000_000 ? 2 : 1);
    }

    /** A duration with its unit, as the ledger shows it: "0.04 s", "60.0 s". */
    public static String secondsWithUnit(long micros) {
        return seconds(micros) + " s";
    }

    /**
     * Where the lost writes can be recovered from: the old primary's snapshot after a global failover
     * ("rds:unplanned-global-failover-us-east-1-0m25s"), "nowhere: none lost", or "—" for other kinds.
     */
    public static String recoverySnapshot(FailoverRecord r) {
        if (r.recoverySnapshot() == null) {
            return "—";
        }
        return r.acknowledgedWritesLost() == 0 ? r.recoverySnapshot() + " (none lost)" : r.recoverySnapshot();
    }

    /** "160 writes", "1 write", "0 writes": a count with its unit. */
    public static String writes(long count) {
        return Numbers.grouped(count) + (count == 1 ? " write" : " writes");
    }
}

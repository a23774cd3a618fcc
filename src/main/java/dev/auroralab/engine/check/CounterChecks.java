package dev.auroralab.engine.check;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.AcknowledgedWritesLost;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import java.util.List;

/** The write and read counters, the losses and the RPO/RTO ledger, against each other and the last look. */
final class CounterChecks {

    /** The managed RPO is at least 20 s (UG-2023 rds.global_db_rpo). */
    static final long MANAGED_RPO_MIN_SECONDS = 20;

    private CounterChecks() {
    }

    static void check(Observation o) {
        CountersSnapshot c = o.now.counters();
        if (c.writesIssued() != c.writesAcknowledged() + c.writesFailed() + c.writesPending()) {
            o.fail(SafetyProperty.WRITES_ACCOUNTED_FOR, "writes issued " + c.writesIssued() + " != acknowledged "
                    + c.writesAcknowledged() + " + failed " + c.writesFailed() + " + pending " + c.writesPending());
        }
        if (c.readsIssued() != c.readsServed() + c.readsFailed()) {
            o.fail(SafetyProperty.READS_ACCOUNTED_FOR, "reads issued " + c.readsIssued() + " != served "
                    + c.readsServed() + " + failed " + c.readsFailed());
        }
        GlobalSnapshot g = o.now.global();
        if (g != null && g.commitsBlocked() && g.managedRpoSeconds() < MANAGED_RPO_MIN_SECONDS) {
            o.fail(SafetyProperty.BLOCKED_COMMITS_WAIT, "commits are blocked with a managed RPO of "
                    + g.managedRpoSeconds() + " s (off, or below " + MANAGED_RPO_MIN_SECONDS + " s)");
        }
        if (o.before == null) {
            return;
        }
        CountersSnapshot b = o.before.counters();
        grows(o, "writes issued", b.writesIssued(), c.writesIssued());
        grows(o, "writes acknowledged", b.writesAcknowledged(), c.writesAcknowledged());
        grows(o, "writes failed", b.writesFailed(), c.writesFailed());
        grows(o, "acknowledged writes lost", b.acknowledgedWritesLost(), c.acknowledgedWritesLost());
        grows(o, "reads issued", b.readsIssued(), c.readsIssued());
        grows(o, "reads served", b.readsServed(), c.readsServed());
        grows(o, "reads failed", b.readsFailed(), c.readsFailed());
        grows(o, "write downtime", b.writeDowntimeMicros(), c.writeDowntimeMicros());
        grows(o, "read downtime", b.readDowntimeMicros(), c.readDowntimeMicros());
        long logged = 0;
        for (AuroraEvent e : o.events) {
            if (e instanceof AcknowledgedWritesLost l) {
                logged += l.count();
            }
        }
        long counted = c.acknowledgedWritesLost() - b.acknowledgedWritesLost();
        if (counted != logged) {
            o.fail(SafetyProperty.LOSS_IS_LOGGED, "the lost counter grew by " + counted + " (from "
                    + b.acknowledgedWritesLost() + " to " + c.acknowledgedWritesLost()
                    + ") but AcknowledgedWritesLost events since the last look count " + logged);
        }
        GlobalSnapshot gb = o.before.global();
        if (g != null && gb != null && g.commitsBlocked() && gb.commitsBlocked()
                && !o.logged(AuroraEvent.CommitsUnblocked.class) && c.writesAcknowledged() > b.writesAcknowledged()) {
            o.fail(SafetyProperty.BLOCKED_COMMITS_WAIT, (c.writesAcknowledged() - b.writesAcknowledged())
                    + " commits were acknowledged while the managed RPO blocked commits throughout");
        }
        ledger(o, c);
    }

    private static void grows(Observation o, String what, long before, long now) {
        if (now < before) {
            o.fail(SafetyProperty.COUNTERS_ONLY_GROW, what + " went down from " + before + " to " + now);
        }
    }

    private static void ledger(Observation o, CountersSnapshot c) {
        List<FailoverRecord> b = o.before.failovers();
        List<FailoverRecord> n = o.now.failovers();
        if (n.size() < b.size() || !n.subList(0, b.size()).equals(b)) {
            o.fail(SafetyProperty.LEDGER_APPEND_ONLY, "the ledger's " + b.size() + " earlier entries changed or"
                    + " went: now " + n.size() + " entries");
            return;
        }
        long completed = o.events.stream().filter(e -> e instanceof AuroraEvent.FailoverCompleted
                || e instanceof AuroraEvent.GlobalPromotionCompleted).count();
        if (n.size() - b.size() != completed) {
            o.fail(SafetyProperty.LEDGER_APPEND_ONLY, (n.size() - b.size()) + " ledger entries were added for "
                    + completed + " completed failovers logged");
        }
        long lost = 0;
        for (FailoverRecord f : n) {
            lost += f.acknowledgedWritesLost();
            if (f.completedAtMicros() < f.startedAtMicros() || f.completedAtMicros() < f.writeOutageStartedMicros()
                    || f.acknowledgedWritesLost() < 0 || f.rpoMicros() < 0) {
                o.fail(SafetyProperty.LEDGER_APPEND_ONLY, f.kind() + " " + f.from() + " -> " + f.to()
                        + ": started " + f.startedAtMicros() + " us, outage from " + f.writeOutageStartedMicros()
                        + " us, completed " + f.completedAtMicros() + " us, " + f.acknowledgedWritesLost()
                        + " lost, RPO " + f.rpoMicros() + " us");
            }
        }
        if (lost > c.acknowledgedWritesLost()) {
            o.fail(SafetyProperty.LEDGER_APPEND_ONLY, "the ledger's entries lost " + lost
                    + " acknowledged writes, more than the " + c.acknowledgedWritesLost() + " counted");
        }
    }
}

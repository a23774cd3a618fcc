package dev.auroralab.engine.check;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.CrashRecoveryCompleted;
import dev.auroralab.engine.event.AuroraEvent.MembershipChangeCommitted;
import dev.auroralab.engine.event.AuroraEvent.MembershipChangeRolledBack;
import dev.auroralab.engine.event.AuroraEvent.MembershipChangeStarted;
import dev.auroralab.engine.event.AuroraEvent.ProtectionGroupRestoredFromBackup;
import dev.auroralab.engine.event.AuroraEvent.SplitBrainDetected;
import dev.auroralab.engine.event.AuroraEvent.SplitBrainEnded;

/** The log since the last look, in order: epochs each event claims, truncation ranges, split brain. */
final class EventChecks {

    private EventChecks() {
    }

    static void check(Observation o, CheckerMemory m) {
        for (AuroraEvent e : o.events) {
            if (e instanceof CrashRecoveryCompleted c) {
                // P18 §2.4: recovery bumps the volume epoch so storage fences the old writer; reusing one would let
                // two writers share it
                if (c.volumeEpoch() <= m.lastRecoveryEpoch) {
                    o.fail(SafetyProperty.EPOCHS_ONLY_GROW, "crash recovery by " + c.writer() + " at "
                            + c.atMicros() + " us claims volume epoch " + c.volumeEpoch() + ", not above the "
                            + m.lastRecoveryEpoch + " claimed before");
                }
                m.lastRecoveryEpoch = Math.max(m.lastRecoveryEpoch, c.volumeEpoch());
                m.addVoidRange(c.vdl(), c.truncatedThroughLsn());
            } else if (e instanceof ProtectionGroupRestoredFromBackup b) {
                m.addVoidRange(b.vdl(), b.truncatedThroughLsn());
            } else if (e instanceof MembershipChangeStarted c) {
                membership(o, m, c.pg(), c.epoch(), e);
            } else if (e instanceof MembershipChangeCommitted c) {
                membership(o, m, c.pg(), c.epoch(), e);
            } else if (e instanceof MembershipChangeRolledBack c) {
                membership(o, m, c.pg(), c.epoch(), e);
            } else if (e instanceof SplitBrainDetected d) {
                if (d.writableRegions().size() < 2) {
                    o.fail(SafetyProperty.ONE_WRITABLE_REGION, "split brain logged at " + d.atMicros()
                            + " us with writable regions " + d.writableRegions() + ": it takes two");
                }
                m.splitBrainInForce = true;
            } else if (e instanceof SplitBrainEnded) {
                m.splitBrainInForce = false;
            }
        }
        if (o.before == null) {
            // the first look: adopt what the engine says, since the log before it may not have been seen
            m.splitBrainInForce |= o.now.global() != null && o.now.global().splitBrain();
        }
    }

    private static void membership(Observation o, CheckerMemory m, String pg, long epoch, AuroraEvent e) {
        Long last = m.membershipEpochByPg.get(pg);
        if (last != null && epoch <= last) {
            o.fail(SafetyProperty.EPOCHS_ONLY_GROW, pg + ": " + e.type() + " at " + e.atMicros()
                    + " us has membership epoch " + epoch + ", not above the " + last + " of the change before");
        }
        m.membershipEpochByPg.merge(pg, epoch, Math::max);
    }
}

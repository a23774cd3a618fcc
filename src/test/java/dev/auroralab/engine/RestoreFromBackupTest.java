package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.auroralab.engine.check.SafetyWatch;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Every copy of pg-0 is destroyed at 25 s. Repair notices at 35 s (10 s detection) and fills the new copies from the
 * continuous backup in S3 at 45 s (1 s per GiB of a 10 GiB group). What the writer sent pg-0 in between reached no
 * copy, so the volume is cut back to the backup: the commits waiting on that hole fail, none is acknowledged, and the
 * writes that follow are acknowledged again (P17 §4.3, P17 Fig. 4 step 6).
 */
class RestoreFromBackupTest {

    private static final long DESTROYED_AT = seconds(25);
    /** Destroyed at 25 s + 10 s detection + 10 GiB at 1 s per GiB: a model-value sum, not read from the engine. */
    private static final long RESTORED_AT = seconds(25 + 10 + 10);

    private static AuroraEngine cluster(int volumeGiB, double writesPerSecond) {
        return new AuroraEngine(spec(volumeGiB, writesPerSecond, 1000, 4, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
    }

    private static void destroyEveryCopyOfPg0(AuroraEngine e) {
        for (String az : AZS) {
            e.apply(new Command.DestroySegment("pg-0/" + az + "/1"));
            e.apply(new Command.DestroySegment("pg-0/" + az + "/2"));
        }
    }

    private static CountersSnapshot counters(AuroraEngine e) {
        return e.snapshot().counters();
    }

    @Test
    void pendingCommitsAboveTheRestoredPointFailRatherThanWaitForever() {
        AuroraEngine e = cluster(10, 200);
        runChecked(e, DESTROYED_AT);
        destroyEveryCopyOfPg0(e);
        CountersSnapshot atDestroy = counters(e);
        // the destroy cut the volume back to the backup at once: nothing was left waiting then
        assertThat(atDestroy.writesPending()).isZero();

        AuroraEvent.ProtectionGroupRestoredFromBackup restored =
                stepUntil(e, AuroraEvent.ProtectionGroupRestoredFromBackup.class, RESTORED_AT);
        assertThat(restored.atMicros()).isEqualTo(RESTORED_AT);
        CountersSnapshot atRestore = counters(e);
        long issuedWithoutACopy = atRestore.writesIssued() - atDestroy.writesIssued();
        // 200 writes/s for the 20 s pg-0 had no copy
        assertThat(issuedWithoutACopy).isCloseTo(200 * 20, within(1L));
        // none of them was acknowledged, each one failed, and none is left waiting
        assertThat(atRestore.writesAcknowledged()).isEqualTo(atDestroy.writesAcknowledged());
        assertThat(atRestore.writesFailed() - atDestroy.writesFailed()).isEqualTo(issuedWithoutACopy);
        assertThat(restored.writesFailed()).isEqualTo(issuedWithoutACopy);
        assertThat(atRestore.writesPending()).isZero();
        // nothing had been acknowledged above the backup, so the restore loses nothing more than the destroy did
        assertThat(atRestore.acknowledgedWritesLost()).isEqualTo(atDestroy.acknowledgedWritesLost());
        assertThat(restored.truncatedThroughLsn()).isGreaterThan(restored.vdl());
        assertNoInvariantBroken(e);
    }

    @Test
    void writesIssuedAfterTheRestoreAreAcknowledgedAndNothingWaitsForTheHole() {
        AuroraEngine e = cluster(10, 200);
        runChecked(e, DESTROYED_AT);
        destroyEveryCopyOfPg0(e);
        runChecked(e, RESTORED_AT + seconds(1));
        CountersSnapshot after = counters(e);
        runChecked(e, RESTORED_AT + seconds(11));
        CountersSnapshot later = counters(e);
        // 200 writes/s for 10 s, each acknowledged within milliseconds
        assertThat(later.writesAcknowledged() - after.writesAcknowledged()).isCloseTo(200 * 10, within(2L));
        assertThat(later.writesPending()).isLessThanOrEqualTo(2);
        assertThat(later.writesFailed()).isEqualTo(after.writesFailed());
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void aRestoreWhileWritesArriveFasterThanTheAllocationLimitAllowsLosesNothingAcknowledgedAndResumes() {
        // 300,000 writes/s are 600,000 LSNs/s: the 20 s without a copy pass VDL + 10,000,000, so the writer throttles
        AuroraEngine e = cluster(10, 300_000);
        SafetyWatch watch = new SafetyWatch(e);
        watch.runTo(DESTROYED_AT, SafetyWatch.DEFAULT_EVERY_MICROS);
        destroyEveryCopyOfPg0(e);
        CountersSnapshot atDestroy = counters(e);
        watch.runTo(RESTORED_AT - seconds(1), SafetyWatch.DEFAULT_EVERY_MICROS);
        assertThat(events(e, AuroraEvent.LsnAllocationLimitReached.class)).isNotEmpty();
        watch.runTo(RESTORED_AT + seconds(5), SafetyWatch.DEFAULT_EVERY_MICROS);
        CountersSnapshot after = counters(e);
        watch.runTo(RESTORED_AT + seconds(10), SafetyWatch.DEFAULT_EVERY_MICROS);
        CountersSnapshot later = counters(e);

        assertThat(watch.violations()).isEmpty();
        assertNoInvariantBroken(e);
        assertThat(after.acknowledgedWritesLost()).isEqualTo(atDestroy.acknowledgedWritesLost());
        // 300,000 writes/s for 5 s, all acknowledged: the throttle is over and nothing waits on the hole
        assertThat(later.writesAcknowledged() - after.writesAcknowledged()).isCloseTo(300_000L * 5, within(2_000L));
        assertThat(later.writesPending()).isLessThan(2_000);
        for (CountersSnapshot c : new CountersSnapshot[] {atDestroy, after, later}) {
            assertThat(c.writesIssued()).isEqualTo(c.writesAcknowledged() + c.writesFailed() + c.writesPending());
        }
    }

    @Test
    void aGroupRestoredWhileAnotherLacksItsWriteQuorumIsAcknowledgedOnceThatGroupIsBack() {
        // 20 GiB: pg-0 and pg-1. az-c is out from 20 s, so its copies are not replaced and pg-0 comes back with 4
        AuroraEngine e = cluster(20, 1000);
        SafetyWatch watch = new SafetyWatch(e);
        watch.runTo(seconds(20), SafetyWatch.DEFAULT_EVERY_MICROS);
        e.apply(new Command.FailAvailabilityZone("az-c"));
        watch.runTo(DESTROYED_AT, SafetyWatch.DEFAULT_EVERY_MICROS);
        destroyEveryCopyOfPg0(e);
        CountersSnapshot atDestroy = counters(e);
        watch.runTo(seconds(42), SafetyWatch.DEFAULT_EVERY_MICROS);
        // pg-1 drops to 3 of 6 copies just before pg-0 is restored
        e.apply(new Command.FailSegment("pg-1/az-b/1"));
        watch.runTo(RESTORED_AT + seconds(1), SafetyWatch.DEFAULT_EVERY_MICROS);
        assertThat(e.snapshot().pg("pg-0").writeQuorum()).isTrue();
        assertThat(e.snapshot().pg("pg-1").writeQuorum()).isFalse();
        assertThat(e.snapshot().volume().writable()).isFalse();
        assertThat(counters(e).writesAcknowledged()).isEqualTo(atDestroy.writesAcknowledged());

        e.apply(new Command.RestoreSegment("pg-1/az-b/1"));
        watch.runTo(RESTORED_AT + seconds(3), SafetyWatch.DEFAULT_EVERY_MICROS);
        CountersSnapshot back = counters(e);
        watch.runTo(RESTORED_AT + seconds(8), SafetyWatch.DEFAULT_EVERY_MICROS);
        CountersSnapshot later = counters(e);

        assertThat(e.snapshot().volume().writable()).isTrue();
        // 1000 writes/s for 5 s, all acknowledged
        assertThat(later.writesAcknowledged() - back.writesAcknowledged()).isCloseTo(1000 * 5, within(10L));
        assertThat(later.acknowledgedWritesLost()).isEqualTo(atDestroy.acknowledgedWritesLost());
        assertThat(watch.violations()).isEmpty();
        assertNoInvariantBroken(e);
    }
}

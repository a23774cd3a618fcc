package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.MessageKind;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import org.junit.jupiter.api.Test;

/**
 * What crash recovery (cluster/CrashRecovery, P17 §4.3) leaves in the volume the moment it completes, before the new
 * writer sends anything: it is checked in the 5 s while the cluster endpoint moves, when no boxcar is sent. A 10 GiB
 * volume is one protection group, so its PGCL and the volume's VDL are the same LSN once recovery has cut the log.
 * writer-1 fails at 1 s; reader-1 is promoted at 21 s and recovers until 23 s; the endpoint moves at 28 s.
 */
class CrashRecoveryStepsTest {

    /** writer-1 in az-a, reader-1 (tier 0) in az-b, reader-2 (tier 1) in az-c; one protection group. */
    private static AuroraEngine oneGroup() {
        return new AuroraEngine(spec(10, 200, 1000, 9, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge"), reader("reader-2", "az-c", 1, "db.r6g.large")));
    }

    private static void assertVolumeIsUpToDate(AuroraEngine e) {
        EngineSnapshot.VolumeSnapshot shown = e.snapshot().volume();
        EngineSnapshot.VolumeSnapshot fresh = freshLook(e);
        assertThat(shown.reason()).isEqualTo(fresh.reason());
        assertThat(shown.writable()).isEqualTo(fresh.writable());
    }

    @Test
    void aPromotedReplicaIsRecoveringAndTheVolumeSaysSoAtOnce() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        AuroraEvent.WriterPromoted p = stepUntil(e, AuroraEvent.WriterPromoted.class, seconds(30));
        assertThat(p.atMicros()).isEqualTo(seconds(21));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.RECOVERING);
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.RECOVERING);
        assertVolumeIsUpToDate(e);
    }

    @Test
    void aPromotedReplicaWithoutAReadQuorumWaitsAndTheVolumeSaysSoAtOnce() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        // four of pg-0's six copies out: two are left, under the read quorum of three
        for (String address : new String[] {"pg-0/az-a/1", "pg-0/az-a/2", "pg-0/az-c/1", "pg-0/az-c/2"}) {
            e.apply(new Command.FailSegment(address));
        }
        stepUntil(e, AuroraEvent.WriterPromoted.class, seconds(30));
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.WAITING_FOR_QUORUM);
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.RECOVERING);
        assertVolumeIsUpToDate(e);
    }

    @Test
    void recoveryHandsTheNewEpochToEveryReadableCopyBeforeTheNewWriterSendsAnything() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        AuroraEvent.CrashRecoveryCompleted c = stepUntil(e, AuroraEvent.CrashRecoveryCompleted.class, seconds(30));
        assertThat(c.atMicros()).isEqualTo(seconds(23));
        assertThat(c.volumeEpoch()).isEqualTo(2);
        ProtectionGroup pg = e.protectionGroups().get(0);
        // a boxcar writer-1 sent under epoch 1 turns up at every copy now: each refuses it
        for (int k = 0; k < ModelValues.COPIES_PER_PG; k++) {
            Segment s = pg.slot(k).current();
            assertThat(s.volumeEpoch()).as(s.id()).isEqualTo(2);
            e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, s.letter()), pg.log().size() - 1,
                    "writer-1", "az-a", 1, e.nowMicros(), e.nowMicros()));
            assertThat(e.events()).last().isInstanceOf(AuroraEvent.StaleWriteRejected.class);
        }
        assertThat(events(e, AuroraEvent.StaleWriteRejected.class)).hasSize(6);
    }

    @Test
    void theNewWriterStartsFromWhatEachReadableCopyHoldsAndNothingFromACopyThatIsOut() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        // pg-0/az-c/2 is out from 10 s: it holds what it had, but recovery cannot read it
        e.advanceTo(seconds(10));
        e.apply(new Command.FailSegment("pg-0/az-c/2"));
        stepUntil(e, AuroraEvent.CrashRecoveryCompleted.class, seconds(30));
        ProtectionGroup pg = e.protectionGroups().get(0);
        for (int k = 0; k < ModelValues.COPIES_PER_PG; k++) {
            Segment s = pg.slot(k).current();
            if (s.state() == SegmentState.DOWN) {
                assertThat(s.id()).isEqualTo("pg-0/az-c/2");
                assertThat(s.ackedPrefix()).as(s.id()).isEqualTo(-1);
            } else {
                assertThat(s.ackedPrefix()).as(s.id()).isEqualTo(s.prefix());
            }
        }
        // one group: its PGCL is where VDL was recovered
        EngineSnapshot s = e.snapshot();
        assertThat(s.pg("pg-0").pgcl()).isEqualTo(s.volume().vdl());
        // and no acknowledged write was lost, so none is announced
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).isEmpty();
    }

    @Test
    void aBoxcarTheOldWriterNeverHeardAcknowledgedIsDurableAfterRecovery() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        // writer-1 dies the moment a boxcar has left: the copies persist it, but their acks find no writer
        while (e.snapshot().messagesInFlight().stream().noneMatch(m -> m.kind() == MessageKind.BOXCAR)) {
            e.step();
        }
        long sent = e.snapshot().messagesInFlight().stream().filter(m -> m.kind() == MessageKind.BOXCAR)
                .mapToLong(EngineSnapshot.MessageSnapshot::lsn).max().orElseThrow();
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(2));
        long pgclAtDeath = e.snapshot().pg("pg-0").pgcl();
        assertThat(pgclAtDeath).isLessThan(sent);

        AuroraEvent.CrashRecoveryCompleted c = stepUntil(e, AuroraEvent.CrashRecoveryCompleted.class, seconds(30));
        // every copy holds the boxcar: it reached a write quorum, so recovery keeps it, and the new writer's PGCL
        // says so before any new acknowledgement arrives
        assertThat(c.vdl()).isEqualTo(sent);
        assertThat(e.snapshot().pg("pg-0").pgcl()).isEqualTo(sent);
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).isEmpty();
    }

    @Test
    void theNextLsnLiesJustAboveTheTruncationRange() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        AuroraEvent.CrashRecoveryCompleted c = stepUntil(e, AuroraEvent.CrashRecoveryCompleted.class, seconds(30));
        // P17 §4.3: everything from VDL to VDL + LAL (10,000,000) is cut; the new writer allocates above it
        assertThat(e.snapshot().volume().nextLsn()).isEqualTo(c.vdl() + ModelValues.LSN_ALLOCATION_LIMIT + 1);
    }

    @Test
    void aReplicaThatAppliedExactlyTheRecoveredVdlKeepsItsLag() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        // no writes from 1 s: by 2 s every replica applied the last VDL, and recovery finds exactly that VDL
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(2));
        InstanceSnapshot before = e.snapshot().instance("reader-2");
        assertThat(before.appliedLsn()).isEqualTo(e.snapshot().volume().vdl());
        assertThat(before.lagMicros()).isPositive();
        e.apply(new Command.FailInstance("writer-1"));
        AuroraEvent.CrashRecoveryCompleted c = stepUntil(e, AuroraEvent.CrashRecoveryCompleted.class, seconds(30));
        assertThat(c.vdl()).isEqualTo(before.appliedLsn());
        // nothing above the cut to take back: the replica's state is untouched until new redo reaches it
        InstanceSnapshot after = e.snapshot().instance("reader-2");
        assertThat(after.appliedLsn()).isEqualTo(before.appliedLsn());
        assertThat(after.lagMicros()).isEqualTo(before.lagMicros());
    }
}

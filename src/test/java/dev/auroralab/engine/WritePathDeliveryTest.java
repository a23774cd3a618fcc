package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.MessageKind;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Boxcars on their way and what storage does with them (storage/WritePath): who gets a boxcar, when it can arrive,
 * how a copy learns the volume epoch from the writer and refuses the old one, how storage notices two writers in one
 * epoch, and the replica lag the writer's redo carries.
 */
class WritePathDeliveryTest {

    private static List<MessageSnapshot> boxcarsInFlight(AuroraEngine e) {
        return e.snapshot().messagesInFlight().stream().filter(m -> m.kind() == MessageKind.BOXCAR).toList();
    }

    /** Steps until {@code done} holds of the engine; fails if it does not by {@code limitMicros}. */
    private static void stepUntilTrue(AuroraEngine e, Predicate<AuroraEngine> done, long limitMicros) {
        while (!done.test(e)) {
            assertThat(e.nextEventMicros()).as("nothing happened by " + limitMicros + " us").isLessThanOrEqualTo(limitMicros);
            e.step();
        }
    }

    @Test
    void aBoxcarReachesItsCopyNoSoonerThanTheHopAndThePersistTime() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        Map<String, String> azOfCopy = new HashMap<>();
        e.snapshot().volume().protectionGroups().forEach(pg -> pg.segments().forEach(s -> azOfCopy.put(s.id(), s.az())));
        // the writer is in az-a: a hop is at least 250 us inside the AZ and 600 us across, and the copy takes 150 us
        // to persist before it counts as delivered
        long sameAz = ModelValues.SAME_AZ_HOP_MICROS + ModelValues.SEGMENT_PERSIST_MICROS;
        long crossAz = ModelValues.CROSS_AZ_HOP_MICROS + ModelValues.SEGMENT_PERSIST_MICROS;
        int seen = 0;
        while (e.nowMicros() < seconds(1.05)) {
            e.step();
            for (MessageSnapshot m : boxcarsInFlight(e)) {
                long least = azOfCopy.get(m.to()).equals("az-a") ? sameAz : crossAz;
                assertThat(m.arrivesMicros() - m.sentMicros()).as(m.toString()).isGreaterThanOrEqualTo(least);
                seen++;
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void aNewCopyJoiningThroughAMembershipChangeGetsTheLiveBoxcarsToo() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        // detection 10 s after the failure: a replacement starts filling (10 GiB at 1 s per GiB)
        AuroraEvent.MembershipChangeStarted m = stepUntil(e, AuroraEvent.MembershipChangeStarted.class, seconds(12));
        assertThat(m.atMicros()).isEqualTo(seconds(11));
        String replacement = m.replacement();
        assertThat(replacement).isNotEqualTo("pg-0/az-b/1");
        // the next window sends the group's boxcar to the five copies up and to the new one: seven addressees less the
        // failed copy; the new copy is in az-b, across from the writer
        stepUntilTrue(e, x -> boxcarsInFlight(x).stream().anyMatch(b -> b.to().equals(replacement)), seconds(11.01));
        MessageSnapshot toNew = boxcarsInFlight(e).stream().filter(b -> b.to().equals(replacement)).findFirst()
                .orElseThrow();
        assertThat(toNew.from()).isEqualTo("writer-1");
        assertThat(toNew.pg()).isEqualTo("pg-0");
        Set<String> addressees = new TreeSet<>();
        boxcarsInFlight(e).stream().filter(b -> b.sentMicros() == toNew.sentMicros()).forEach(b -> addressees.add(b.to()));
        assertThat(addressees).hasSize(6).contains(replacement).doesNotContain("pg-0/az-b/1");
    }

    @Test
    void aCopyThatMissedTheRecoveryTakesTheNewEpochFromTheNewWriterAndRefusesTheOldOne() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        // az-c holds no instance; its copies are out while reader-1 recovers and bumps the epoch (at 23 s)
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(30));
        assertThat(e.snapshot().volume().volumeEpoch()).isEqualTo(2);
        ProtectionGroup pg = e.protectionGroups().get(0);
        Segment c1 = pg.slot(4).current();
        assertThat(c1.id()).isEqualTo("pg-0/az-c/1");
        assertThat(c1.volumeEpoch()).as("out during the recovery").isEqualTo(1);

        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        e.advanceTo(seconds(31));
        // reader-1's boxcars carry epoch 2: the returning copy adopts it
        assertThat(c1.volumeEpoch()).isEqualTo(2);
        int prefix = c1.prefix();
        int last = pg.log().size() - 1;
        e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, c1.letter()), last, "writer-1", "az-a", 1,
                e.nowMicros(), e.nowMicros()));
        assertThat(e.events()).last().isInstanceOfSatisfying(AuroraEvent.StaleWriteRejected.class, r -> {
            assertThat(r.segment()).isEqualTo("pg-0/az-c/1");
            assertThat(r.staleEpoch()).isEqualTo(1);
            assertThat(r.currentEpoch()).isEqualTo(2);
        });
        assertThat(c1.prefix()).isEqualTo(prefix);
    }

    @Test
    void storageCountsASecondWriterInTheSameEpochAsAViolation() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        assertThat(e.epochViolations()).isZero();
        ProtectionGroup pg = e.protectionGroups().get(0);
        Segment a = pg.slot(0).current();
        int last = pg.log().size() - 1;
        // writer-1 owns epoch 1; reader-1 writing in epoch 1 too is two writers in one epoch (P18 §2.4)
        e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, a.letter()), last, "reader-1", "az-b", 1,
                e.nowMicros(), e.nowMicros()));
        assertThat(e.epochViolations()).isEqualTo(1);
        // writer-1's own boxcars go on being accepted without another count
        e.advanceTo(seconds(1.1));
        assertThat(e.epochViolations()).isEqualTo(1);
    }

    @Test
    void aVolumeOfMoreThanSixteenGroupsGetsABoxcarInEveryGroupItsWritesTouch() {
        // 200 GiB: 20 protection groups of 10 GiB; 50,000 writes/s put 200 records in each 2 ms window, spread at
        // random over the groups, so every group gets records in practically every window
        AuroraEngine e = new AuroraEngine(spec(200, 50_000, 0, 6, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        e.advanceTo(seconds(0.01));
        Set<String> groups = new TreeSet<>();
        boxcarsInFlight(e).forEach(b -> groups.add(b.pg()));
        assertThat(groups).hasSize(20);
        e.advanceTo(seconds(0.05));
        EngineSnapshot s = e.snapshot();
        // windows close at 0, 2, ..., 50 ms: 26 of them, 100 writes each
        assertThat(s.counters().writesIssued()).isEqualTo(2_600);
        assertThat(s.counters().writesAcknowledged()).isPositive();
        assertThat(s.counters().writesFailed()).isZero();
        assertThat(s.volume().vdl()).isPositive();
    }

    /**
     * The writer's redo carries the time VDL reached the value it sends; the replica's lag is measured from then
     * (P17 Table 4). Three groups: an acknowledgement that moves one group's PGCL often leaves VDL where it was, and
     * must not count as VDL "reaching" its value again.
     */
    @Test
    void aReplicasLagIsMeasuredFromTheMomentVdlReachedWhatItApplied() {
        AuroraEngine e = new AuroraEngine(spec(30, 1000, 0, 8, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        Map<Long, Long> vdlFirstReached = new HashMap<>();
        long applied = -1;
        int checked = 0;
        while (e.nowMicros() < seconds(0.3)) {
            e.step();
            vdlFirstReached.putIfAbsent(e.vdl(), e.nowMicros());
            InstanceSnapshot r = e.snapshot().instance("reader-1");
            if (r.appliedLsn() != applied) {
                applied = r.appliedLsn();
                assertThat(vdlFirstReached).containsKey(applied);
                assertThat(r.lagMicros()).as("lag of LSN " + applied).isEqualTo(e.nowMicros() - vdlFirstReached.get(applied));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }
}

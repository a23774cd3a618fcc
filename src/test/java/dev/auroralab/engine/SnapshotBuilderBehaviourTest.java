package dev.auroralab.engine;

import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import dev.auroralab.engine.snapshot.RegionRole;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the snapshot (SnapshotBuilder) reports region by region: the write region's fields at the top level, each
 * region's own storage nodes and down AZs, the writer's LSN, the LSN allocation limit (VDL + 10,000,000), the
 * forwarding session, and the order of the messages in flight.
 */
class SnapshotBuilderBehaviourTest {

    /** us-east-1 primary (writer-1, reader-1); eu-west-1 75 ms away with eu-1; 20 GiB, two PGs per region. */
    private static AuroraEngine oneSecondary(double writes, long seed) {
        return new AuroraEngine(global(writes, seed, secondary("eu-west-1", 75, "eu-1")));
    }

    @Test
    void afterASwitchoverTheTopLevelFieldsAreTheNewPrimaryRegions() {
        AuroraEngine e = oneSecondary(500, 1);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("eu-west-1"));
        e.advanceTo(seconds(25));
        EngineSnapshot s = e.snapshot();
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.azs()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(s.instances()).extracting(i -> i.id()).containsExactly("eu-1");
        assertThat(s.volume().protectionGroups()).extracting(pg -> pg.id())
                .containsExactly("eu-west-1/pg-0", "eu-west-1/pg-1");
        // four storage nodes in each of its three AZs
        assertThat(s.storageNodes()).hasSize(12).allMatch(n -> n.az().startsWith("eu-west-1"));
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("eu-1");
        assertThat(s.regionSnapshot("us-east-1").endpoints().clusterEndpoint()).isNull();
        assertThat(s.regionSnapshot("us-east-1").endpoints().readerEndpoint()).containsExactly("writer-1", "reader-1");
    }

    @Test
    void theWritersAppliedLsnIsTheVolumesVdlAndTheAllocationLimitIsTenMillionAboveIt() {
        AuroraEngine e = oneSecondary(500, 2);
        e.advanceTo(seconds(1));
        EngineSnapshot s = e.snapshot();
        long vdl = e.vdl();
        assertThat(s.volume().vdl()).isEqualTo(vdl);
        assertThat(s.volume().vcl()).isEqualTo(e.vcl());
        assertThat(s.volume().allocationLimitLsn()).isEqualTo(vdl + 10_000_000L);
        assertThat(s.volume().nextLsn()).isEqualTo(e.ledger().nextLsn());
        assertThat(s.instance("writer-1").appliedLsn()).isEqualTo(vdl);
        assertThat(s.instance("writer-1").lagMicros()).isZero();
        assertThat(s.instance("writer-1").region()).isEqualTo("us-east-1");
        assertThat(s.instance("reader-1").appliedLsn()).isLessThanOrEqualTo(vdl);
        // a secondary's VCL is what its copies hold complete of what it was given, its VDL what it made durable
        RegionSnapshot eu = s.regionSnapshot("eu-west-1");
        assertThat(eu.volume().vdl()).isEqualTo(eu.durableLsn()).isEqualTo(e.regions().get(1).durableLsn);
        assertThat(eu.volume().vcl()).isBetween(eu.durableLsn(), e.regions().get(1).receivedLsn)
                .isLessThan(s.volume().vcl());
        assertThat(eu.volume().allocationLimitLsn()).isEqualTo(vdl + 10_000_000L);
        assertThat(eu.latencyMicros()).isEqualTo(75_000);
        assertThat(s.regionSnapshot("us-east-1").latencyMicros()).isZero();
    }

    @Test
    void eachRegionListsOnlyItsOwnStorageNodesAndTheCopiesEachHolds() {
        AuroraEngine e = oneSecondary(500, 3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("eu-west-1b"));
        e.apply(new Command.FailStorageNode("sn-eu-west-1c-2"));
        RegionSnapshot eu = e.snapshot().regionSnapshot("eu-west-1");
        assertThat(eu.storageNodes()).extracting(StorageNodeSnapshot::id).hasSize(12)
                .allMatch(id -> id.startsWith("sn-eu-west-1"));
        assertThat(eu.downAzs()).containsExactly("eu-west-1b");
        assertThat(e.snapshot().regionSnapshot("us-east-1").downAzs()).isEmpty();
        // copy k of pg p sits on node (2p + k - 1) mod 4 + 1 of each AZ
        StorageNodeSnapshot a1 = node(eu, "sn-eu-west-1a-1");
        assertThat(a1.segments()).containsExactly("eu-west-1/pg-0/eu-west-1a/1");
        assertThat(a1.up()).isTrue();
        assertThat(a1.failed()).isFalse();
        assertThat(node(eu, "sn-eu-west-1a-4").segments()).containsExactly("eu-west-1/pg-1/eu-west-1a/2");
        // a node in an AZ that is out is down, not failed; a failed node is both
        StorageNodeSnapshot b1 = node(eu, "sn-eu-west-1b-1");
        assertThat(b1.up()).isFalse();
        assertThat(b1.failed()).isFalse();
        StorageNodeSnapshot c2 = node(eu, "sn-eu-west-1c-2");
        assertThat(c2.up()).isFalse();
        assertThat(c2.failed()).isTrue();
        assertThat(c2.segments()).containsExactly("eu-west-1/pg-0/eu-west-1c/2");
    }

    @Test
    void aForwardingSessionIsShownFromWhenItIsOnAndStillAfterItIsOffOnceItForwardedAWrite() {
        AuroraEngine e = oneSecondary(500, 4);
        assertThat(e.snapshot().regionSnapshot("eu-west-1").forwarding()).isNull();
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.SESSION));
        assertThat(e.snapshot().regionSnapshot("eu-west-1").forwarding().consistency()).isEqualTo("session");
        assertThat(e.snapshot().regionSnapshot("eu-west-1").forwarding().forwardedWrites()).isZero();
        // off before its first write came back: nothing to show
        e.apply(new Command.SetWriteForwarding("eu-west-1", null));
        assertThat(e.snapshot().regionSnapshot("eu-west-1").forwarding()).isNull();
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(1));
        e.apply(new Command.SetWriteForwarding("eu-west-1", null));
        var f = e.snapshot().regionSnapshot("eu-west-1").forwarding();
        assertThat(f.consistency()).isEqualTo("off");
        assertThat(f.forwardedWrites()).isEqualTo(e.regions().get(1).forwardedWrites).isPositive();
        assertThat(f.staleReads()).isEqualTo(e.regions().get(1).staleReads);
        assertThat(f.forwardedWriteLatencyLastMicros()).isEqualTo(e.regions().get(1).forwardedWriteLatencyLastMicros);
    }

    @Test
    void aRegionThatIsOutOrBeingRebuiltIsNeitherReadableNorWritableAndSaysWhy() {
        AuroraEngine e = oneSecondary(500, 5);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("eu-west-1"));
        RegionSnapshot out = e.snapshot().regionSnapshot("eu-west-1");
        assertThat(out.readable()).isFalse();
        assertThat(out.writable()).isFalse();
        assertThat(out.volume().status()).isEqualTo(VolumeStatus.UNAVAILABLE);
        assertThat(out.volume().reason()).isEqualTo("region eu-west-1 is out");
        assertThat(out.endpoints().readerEndpoint()).isEmpty();
        e.apply(new Command.RestoreRegion("eu-west-1"));
        // its reader restarts with the region: a failover to it waits for an instance up
        e.advanceTo(seconds(20));
        assertThat(e.apply(new Command.FailoverGlobal("eu-west-1")).accepted()).isTrue();
        RegionSnapshot old = e.snapshot().regionSnapshot("us-east-1");
        assertThat(old.resyncing()).isTrue();
        assertThat(old.readable()).isFalse();
        assertThat(old.role()).isEqualTo(RegionRole.SECONDARY);
        // 20 s + the default rebuild of 600 s
        assertThat(old.volume().reason()).isEqualTo("us-east-1 (the old primary) is being rebuilt from eu-west-1 after"
                + " the global failover until 10:20; no reads until then");
    }

    @Test
    void anOldPrimaryThatWasOutAtTheFailoverIsShownWaitingToRejoinWhileItIsStillOut() {
        AuroraEngine e = oneSecondary(500, 6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("us-east-1"));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        RegionSnapshot old = e.snapshot().regionSnapshot("us-east-1");
        // it has not started its rebuild (it is out), but it must rejoin before it serves anything
        assertThat(old.resyncing()).isTrue();
        assertThat(old.role()).isEqualTo(RegionRole.DOWN);
        assertThat(old.readable()).isFalse();
        assertThat(old.volume().reason()).isEqualTo("region us-east-1 is out");
        e.apply(new Command.RestoreRegion("us-east-1"));
        old = e.snapshot().regionSnapshot("us-east-1");
        assertThat(old.resyncing()).isTrue();
        assertThat(old.readable()).isFalse();
        // 1 s + the default rebuild of 600 s
        assertThat(old.volume().reason()).isEqualTo("us-east-1 (the old primary) is being rebuilt from eu-west-1 after"
                + " the global failover until 10:01; no reads until then");
    }

    @Test
    void theMessagesInFlightAreOrderedBySendingTimeThenKindThenDestination() {
        AuroraEngine e = oneSecondary(2000, 7);
        e.advanceTo(seconds(1) + 500);
        List<MessageSnapshot> m = e.snapshot().messagesInFlight();
        assertThat(m).hasSizeGreaterThan(10);
        assertThat(m).isSortedAccordingTo(Comparator.comparingLong(MessageSnapshot::sentMicros)
                .thenComparing(MessageSnapshot::kind).thenComparing(MessageSnapshot::to));
        // a boxcar names the copy it goes to and the last LSN of that copy's boxcar; its ack comes from a copy
        assertThat(m).filteredOn(x -> x.kind().label().equals("boxcar")).allSatisfy(b -> {
            assertThat(b.from()).isEqualTo("writer-1");
            assertThat(b.pg()).isIn("pg-0", "pg-1");
            assertThat(b.arrivesMicros()).isGreaterThan(b.sentMicros());
        });
        assertThat(m).filteredOn(x -> x.kind().label().equals("replication")).allSatisfy(r -> {
            assertThat(r.pg()).isNull();
            assertThat(r.to()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void aSecondaryWithOnlyItsReadersDownIsUnavailableAndAFailedCopyIsMarkedAsFailedByTheUser() {
        AuroraEngine e = oneSecondary(500, 8);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("eu-west-1/pg-0/eu-west-1a/1"));
        var seg = e.snapshot().regionSnapshot("eu-west-1").volume().protectionGroups().get(0).segments().get(0);
        assertThat(seg.address()).isEqualTo("eu-west-1/pg-0/eu-west-1a/1");
        assertThat(seg.failedByUser()).isTrue();
        assertThat(seg.az()).isEqualTo("eu-west-1a");
        assertThat(seg.nodeId()).isEqualTo("sn-eu-west-1a-1");
        assertThat(seg.replacement()).isFalse();
        assertThat(e.snapshot().regionSnapshot("eu-west-1").volume().protectionGroups().get(0).segments().get(1)
                .failedByUser()).isFalse();
        assertThat(e.snapshot().regionSnapshot("eu-west-1").instances()).singleElement()
                .satisfies(i -> assertThat(i.role()).isEqualTo(InstanceRole.READER));
    }

    private static StorageNodeSnapshot node(RegionSnapshot r, String id) {
        return r.storageNodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }
}

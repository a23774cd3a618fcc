package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.RegionRole;
import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a snapshot (SnapshotBuilder) says about messages in flight, secondaries, copies and storage nodes. */
class SnapshotBuilderTest {

    @Test
    void theMessagesInFlightNameTheirKindEndsAndLsnInTheOrderTheyWereSent() {
        AuroraEngine e = new AuroraEngine(global(500, 3, secondary("eu-west-1", 75, "eu-1")));
        e.advanceTo(seconds(1) + 1_000);
        List<MessageSnapshot> messages = e.snapshot().messagesInFlight();
        assertThat(messages).extracting(m -> m.kind().label()).contains("boxcar", "ack", "redo", "replication");
        for (int i = 1; i < messages.size(); i++) {
            assertThat(messages.get(i).sentMicros()).isGreaterThanOrEqualTo(messages.get(i - 1).sentMicros());
        }
        for (MessageSnapshot m : messages) {
            assertThat(m.sentMicros()).isLessThanOrEqualTo(e.nowMicros());
            assertThat(m.arrivesMicros()).isGreaterThan(e.nowMicros() - 1);
            switch (m.kind().label()) {
                case "boxcar" -> {
                    assertThat(m.from()).isEqualTo("writer-1");
                    assertThat(m.to()).startsWith(m.pg() + "/");
                    assertThat(m.lsn()).isGreaterThan(e.vdl() - 2_000).isLessThanOrEqualTo(e.snapshot().volume().nextLsn());
                }
                case "ack" -> {
                    assertThat(m.to()).isEqualTo("writer-1");
                    assertThat(m.from()).startsWith(m.pg() + "/");
                }
                case "redo" -> {
                    assertThat(m.from()).isEqualTo("writer-1");
                    assertThat(m.to()).isEqualTo("reader-1");
                    assertThat(m.pg()).isNull();
                    assertThat(m.lsn()).isLessThanOrEqualTo(e.vdl());
                }
                case "replication" -> {
                    assertThat(m.from()).isEqualTo("us-east-1");
                    assertThat(m.to()).isEqualTo("eu-west-1");
                    // 75 ms away, plus the 5 ms hand-off
                    assertThat(m.arrivesMicros() - m.sentMicros()).isGreaterThanOrEqualTo(80_000);
                    assertThat(m.lsn()).isLessThanOrEqualTo(e.vdl());
                }
                default -> throw new AssertionError(m.kind());
            }
        }
    }

    @Test
    void aCopyBeingReplacedIsListedAfterTheCopyItReplacesAndOutsideTheModelWhenItsAzIsLeftOut() {
        AuroraEngine e = light(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-b/2"));
        e.advanceTo(seconds(12));
        List<SegmentSnapshot> segments = e.snapshot().pg("pg-0").segments();
        assertThat(segments).extracting(SegmentSnapshot::id).containsExactly("pg-0/az-a/1", "pg-0/az-a/2",
                "pg-0/az-b/1", "pg-0/az-b/2", "pg-0/az-b/2#1", "pg-0/az-c/1", "pg-0/az-c/2");
        SegmentSnapshot g = segments.get(4);
        assertThat(g.replacement()).isTrue();
        assertThat(g.address()).isEqualTo("pg-0/az-b/2");
        assertThat(g.letter()).isEqualTo('G');
        assertThat(g.state().label()).isEqualTo("replacing");
        assertThat(segments.get(3).replacement()).isFalse();
        assertThat(segments.get(3).state().label()).isEqualTo("down");
        assertThat(segments).allMatch(SegmentSnapshot::inQuorumModel);

        AuroraEngine d = light(3);
        d.advanceTo(seconds(1));
        d.apply(new Command.FailAvailabilityZone("az-c"));
        d.advanceTo(seconds(2));
        d.apply(new Command.ReconfigureQuorum("az-c"));
        d.advanceTo(seconds(3));
        EngineSnapshot s = d.snapshot();
        assertThat(s.pg("pg-1").segments()).extracting(seg -> seg.az() + ":" + seg.inQuorumModel())
                .containsExactly("az-a:true", "az-a:true", "az-b:true", "az-b:true", "az-c:false", "az-c:false");
        assertThat(s.storageNode("sn-az-c-1").up()).isFalse();
        assertThat(s.storageNode("sn-az-b-1").up()).isTrue();
        assertThat(s.downAzs()).containsExactly("az-c");
    }

    @Test
    void aSecondaryIsReadableOnlyWhileItIsUpInSyncAndHasAnInstanceUp() {
        AuroraEngine e = new AuroraEngine(global(200, 3, secondary("eu-west-1", 75, "eu-1")));
        e.advanceTo(seconds(1));
        RegionSnapshot eu = e.snapshot().regionSnapshot("eu-west-1");
        assertThat(eu.readable()).isTrue();
        assertThat(eu.writable()).isFalse();
        assertThat(eu.volume().status()).isEqualTo(VolumeStatus.READ_ONLY);
        assertThat(eu.endpoints().readerEndpoint()).containsExactly("eu-1");
        assertThat(eu.endpoints().clusterEndpoint()).isNull();
        assertThat(eu.volume().vcl()).isGreaterThanOrEqualTo(eu.volume().vdl());

        e.apply(new Command.FailInstance("eu-1"));
        eu = e.snapshot().regionSnapshot("eu-west-1");
        assertThat(eu.readable()).isFalse();
        assertThat(eu.endpoints().readerEndpoint()).isEmpty();
        assertThat(eu.volume().reason()).isEqualTo("eu-west-1 is a read-only secondary; reads fail: no instance or copy");
        assertThat(eu.volume().status()).isEqualTo(VolumeStatus.UNAVAILABLE);
        e.apply(new Command.RestoreInstance("eu-1"));
        e.advanceTo(seconds(12));
        assertThat(e.snapshot().regionSnapshot("eu-west-1").readable()).isTrue();

        // every copy of a group out: no copy holds the region's durable point
        for (String az : List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")) {
            for (int copy = 1; copy <= 2; copy++) {
                e.apply(new Command.FailSegment("eu-west-1/pg-1/" + az + "/" + copy));
            }
        }
        assertThat(e.snapshot().regionSnapshot("eu-west-1").readable()).isFalse();
    }

    @Test
    void afterADetachTheOldPrimaryIsDescribedAsSuchAndItsOwnWriterIsItsEndpoint() {
        AuroraEngine e = new AuroraEngine(global(200, 3, secondary("eu-west-1", 75, "eu-1")));
        e.advanceTo(seconds(1));
        e.apply(new Command.DetachAndPromote("eu-west-1"));
        e.advanceTo(seconds(62));
        EngineSnapshot s = e.snapshot();
        RegionSnapshot old = s.regionSnapshot("us-east-1");
        assertThat(old.volume().reason()).isEqualTo("us-east-1 is the old primary (detached from); reads are served"
                + " locally");
        assertThat(old.endpoints().clusterEndpoint()).isEqualTo("writer-1");
        assertThat(old.writable()).isTrue();
        assertThat(s.global().writableRegions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(s.global().splitBrain()).isTrue();
        RegionSnapshot detached = s.regionSnapshot("eu-west-1");
        assertThat(detached.primary()).isFalse();
        assertThat(detached.role()).isEqualTo(RegionRole.DETACHED);
        assertThat(detached.endpoints().clusterEndpoint()).isEqualTo("eu-1");
        assertThat(s.writerRegion()).isEqualTo("eu-west-1");
        assertThat(s.writerId()).isEqualTo("eu-1");
        assertThat(eventTypes(e)).contains("SplitBrainDetected");

        // the old primary's writer going down ends the split brain
        e.apply(new Command.FailInstance("writer-1"));
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        assertThat(eventTypes(e)).contains("SplitBrainEnded");
        assertThat(e.snapshot().regionSnapshot("us-east-1").volume().reason())
                .isEqualTo("us-east-1 is the old primary (detached from); reads are served locally");
    }

    @Test
    void theFailoverInProgressNamesRegionsForAGlobalOperationAndInstancesInRegion() {
        AuroraEngine e = new AuroraEngine(global(200, 3, secondary("eu-west-1", 75, "eu-1")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        EngineSnapshot s = e.snapshot();
        assertThat(s.failoverInProgress().from()).isEqualTo("us-east-1");
        assertThat(s.failoverInProgress().to()).isEqualTo("eu-west-1");
        assertThat(s.failoverInProgress().startedAtMicros()).isEqualTo(seconds(1));

        AuroraEngine r = light(3);
        r.advanceTo(seconds(2));
        r.apply(new Command.FailInstance("writer-1"));
        r.advanceTo(seconds(13));
        s = r.snapshot();
        assertThat(s.failoverInProgress().phase().label()).isEqualTo("promoting");
        assertThat(s.failoverInProgress().from()).isEqualTo("writer-1");
        assertThat(s.failoverInProgress().to()).isEqualTo("reader-1");
        assertThat(s.failoverInProgress().startedAtMicros()).isEqualTo(seconds(2));
    }
}

package dev.auroralab.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.scenario.BuiltInScenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeReasonTest {

    /** Every reason the engine gives for the write region: each in-region phase, each global step and kind. */
    private static List<VolumeReason> writerReasons() {
        List<VolumeReason> out = new ArrayList<>();
        for (FailoverPhase p : List.of(FailoverPhase.DETECTING, FailoverPhase.PROMOTING, FailoverPhase.RECOVERING,
                FailoverPhase.ENDPOINT_MOVING, FailoverPhase.RECREATING, FailoverPhase.WAITING_FOR_AZ)) {
            out.add(new VolumeReason.WriterFailover(p, "writer-1", "reader-2"));
        }
        out.add(new VolumeReason.GlobalOperation(FailoverPhase.SWITCHOVER_SYNC, FailoverKind.GLOBAL_SWITCHOVER, "eu-west-1"));
        out.add(new VolumeReason.GlobalOperation(FailoverPhase.SWITCHOVER_RECONFIGURING, FailoverKind.GLOBAL_SWITCHOVER,
                "eu-west-1"));
        out.add(new VolumeReason.GlobalOperation(FailoverPhase.GLOBAL_PROMOTING, FailoverKind.GLOBAL_FAILOVER, "eu-west-1"));
        out.add(new VolumeReason.GlobalOperation(FailoverPhase.GLOBAL_PROMOTING, FailoverKind.DETACH_AND_PROMOTE,
                "eu-west-1"));
        out.add(new VolumeReason.WriterFailover(FailoverPhase.RESTARTING, "writer-1", "writer-1"));
        out.add(new VolumeReason.WriterFailover(FailoverPhase.RECREATING, "writer-1", "writer-1"));
        out.add(new VolumeReason.WaitingForReadQuorum("reader-2", "pg-3"));
        out.add(new VolumeReason.WaitingForReadQuorum("reader-2", null));
        out.add(new VolumeReason.PrimaryRegionOut("us-east-1"));
        out.add(new VolumeReason.WriterNotServing("writer-1", InstanceStatus.RECOVERING));
        out.add(new VolumeReason.WriterNotServing(null, null));
        out.add(new VolumeReason.Writing("writer-1"));
        out.add(new VolumeReason.WriteQuorumMissing("pg-0", 3, 6, 4));
        out.add(new VolumeReason.AllocationLimitReached());
        out.add(new VolumeReason.CommitsHeldByManagedRpo(20));
        return out;
    }

    @Test
    void aReasonNamesTheOperationExactlyWhenItsSentenceSpeaksOfAFailoverOrASwitchover() {
        // the banner used to look for these words in the sentence; the typed rule must agree with every sentence
        for (VolumeReason r : writerReasons()) {
            String s = r.sentence();
            boolean words = s.contains("failover") || s.contains("switchover");
            assertThat(r.namesTheOperation()).as(s).isEqualTo(words);
            VolumeReason withReads = new VolumeReason.ReadsFail(r, true, null);
            assertThat(withReads.namesTheOperation()).as(withReads.sentence()).isEqualTo(words);
            VolumeReason oneCopy = new VolumeReason.ReadsFromOneCopy(r, "pg-0");
            assertThat(oneCopy.namesTheOperation()).as(oneCopy.sentence()).isEqualTo(words);
        }
    }

    @Test
    void noSentenceSaysNull() {
        for (VolumeReason r : writerReasons()) {
            assertThat(r.sentence()).doesNotContain("null");
        }
    }

    @Test
    void readsThatFailAreSaidAfterWhatTheWritesDo() {
        VolumeReason writes = new VolumeReason.WriteQuorumMissing("pg-0", 2, 6, 4);
        assertThat(new VolumeReason.ReadsFail(writes, false, "pg-0").sentence())
                .isEqualTo("pg-0 reaches 2 of 6 copies; writes need 4; reads fail: no reachable copy of pg-0 holds the"
                        + " read point");
        assertThat(new VolumeReason.ReadsFail(writes, true, null).sentence())
                .endsWith("; reads fail: no instance is up behind the reader endpoint");
    }

    @Test
    void theSnapshotCarriesTheReasonAsAValueAndItsSentence() throws Exception {
        AuroraEngine e = new AuroraEngine(BuiltInScenarios.load("healthy-cluster").cluster());
        e.advanceTo(2_000_000);
        var v = e.snapshot().volume();
        assertThat(v.why()).isInstanceOf(VolumeReason.Writing.class);
        assertThat(v.reason()).isEqualTo(v.why().sentence()).endsWith(" is writing");

        String pg = e.snapshot().volume().protectionGroups().get(0).id();
        var segments = e.snapshot().volume().protectionGroups().get(0).segments();
        for (int k = 0; k < 3; k++) {
            e.apply(new Command.FailSegment(segments.get(k).address()));
        }
        e.advanceTo(3_000_000);
        assertThat(e.snapshot().volume().why()).isEqualTo(new VolumeReason.WriteQuorumMissing(pg, 3, 6, 4));
    }
}

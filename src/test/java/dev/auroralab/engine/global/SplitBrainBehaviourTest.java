package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Split brain (global/SplitBrain): after a detach the old primary keeps taking writes while it is up, its own writer
 * is up and every one of its PGs has a write quorum (four of six copies); the engine reports two writable regions.
 */
class SplitBrainBehaviourTest {

    /** Detaches eu-west-1 at 1 s while us-east-1 writes, and runs until the detached cluster has its writer. */
    private static AuroraEngine splitAfterADetach(long seed) {
        AuroraEngine e = twoSecondaries(500, seed);
        e.advanceTo(seconds(1));
        e.apply(new Command.DetachAndPromote("eu-west-1"));
        e.advanceTo(seconds(1) + ModelValues.GLOBAL_PROMOTION_MICROS);
        return e;
    }

    @Test
    void beforeAnyDetachOnlyThePrimaryTakesWritesAndThereIsNoSplitBrain() {
        AuroraEngine e = twoSecondaries(500, 1);
        e.advanceTo(seconds(2));
        EngineSnapshot s = e.snapshot();
        assertThat(s.global().writableRegions()).containsExactly("us-east-1");
        assertThat(s.global().splitBrain()).isFalse();
        assertThat(s.regionSnapshot("eu-west-1").writable()).isFalse();
        assertThat(s.regionSnapshot("us-east-1").writable()).isTrue();
    }

    @Test
    void aSingleRegionClusterListsNoWritableRegionsAndNeverReportsASplitBrain() {
        AuroraEngine e = new AuroraEngine(new ClusterSpec("us-east-1", List.of("az-a", "az-b", "az-c"), 20,
                List.of(new InstanceSpec("writer-1", "az-a", Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "az-b", Role.READER, 0, "db.r6g.large")), 500, 1000, 1));
        e.advanceTo(seconds(1));
        assertThat(e.snapshot().global().writableRegions()).isEmpty();
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        assertThat(events(e, AuroraEvent.SplitBrainDetected.class)).isEmpty();
        assertThat(events(e, AuroraEvent.SplitBrainEnded.class)).isEmpty();
    }

    @Test
    void theSplitBrainStartsWhenTheDetachedClusterHasItsWriterAndNamesBothRegions() {
        AuroraEngine e = splitAfterADetach(2);
        assertThat(events(e, AuroraEvent.SplitBrainDetected.class)).singleElement().satisfies(d -> {
            assertThat(d.atMicros()).isEqualTo(seconds(1) + ModelValues.GLOBAL_PROMOTION_MICROS);
            assertThat(d.writableRegions()).containsExactly("us-east-1", "eu-west-1");
        });
        EngineSnapshot s = e.snapshot();
        assertThat(s.global().splitBrain()).isTrue();
        assertThat(s.regionSnapshot("us-east-1").writable()).isTrue();
        assertThat(s.regionSnapshot("eu-west-1").writable()).isTrue();
        assertThat(s.regionSnapshot("us-west-2").writable()).isFalse();
    }

    @Test
    void theSplitBrainEndsWhenTheOldPrimarysWriterFails() {
        AuroraEngine e = splitAfterADetach(3);
        e.apply(new Command.FailInstance("writer-1"));
        assertThat(events(e, AuroraEvent.SplitBrainEnded.class)).singleElement()
                .satisfies(x -> assertThat(x.atMicros()).isEqualTo(seconds(61)));
        EngineSnapshot s = e.snapshot();
        assertThat(s.global().splitBrain()).isFalse();
        assertThat(s.global().writableRegions()).containsExactly("eu-west-1");
        assertThat(s.regionSnapshot("us-east-1").writable()).isFalse();
    }

    @Test
    void theSplitBrainEndsWhenAGroupOfTheOldPrimaryLosesItsWriteQuorum() {
        AuroraEngine e = splitAfterADetach(4);
        // three of pg-1's six copies out: four are a write quorum
        e.apply(new Command.FailSegment("pg-1/us-east-1a/1"));
        e.apply(new Command.FailSegment("pg-1/us-east-1a/2"));
        assertThat(e.snapshot().global().splitBrain()).isTrue();
        e.apply(new Command.FailSegment("pg-1/us-east-1b/1"));
        e.advanceTo(seconds(62));
        assertThat(e.snapshot().global().writableRegions()).containsExactly("eu-west-1");
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        assertThat(events(e, AuroraEvent.SplitBrainEnded.class)).hasSize(1);
        // a copy back restores the quorum, and the old primary takes writes again
        e.apply(new Command.RestoreSegment("pg-1/us-east-1b/1"));
        e.advanceTo(seconds(75));
        assertThat(e.snapshot().global().writableRegions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(events(e, AuroraEvent.SplitBrainDetected.class)).hasSize(2);
    }

    @Test
    void theSplitBrainEndsWhenTheOldPrimaryRegionGoesOut() {
        AuroraEngine e = splitAfterADetach(5);
        e.apply(new Command.FailRegion("us-east-1"));
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        assertThat(e.snapshot().global().writableRegions()).containsExactly("eu-west-1");
        assertThat(events(e, AuroraEvent.SplitBrainEnded.class)).hasSize(1);
    }

    @Test
    void aGlobalFailoverIsNoSplitBrainTheOldPrimaryIsFenced() {
        AuroraEngine e = twoSecondaries(500, 6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        e.advanceTo(seconds(62));
        assertThat(e.snapshot().global().writableRegions()).containsExactly("eu-west-1");
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        assertThat(events(e, AuroraEvent.SplitBrainDetected.class)).isEmpty();
    }
}

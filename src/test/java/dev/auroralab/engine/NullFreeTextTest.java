package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverPhase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The engine's own words for values that may be missing: never "null" (the UI sweep covers whole runs). */
class NullFreeTextTest {

    @Test
    void aFailoverWhoseTargetIsNotChosenYetSaysSo() {
        assertThat(new FailoverSnapshot(FailoverPhase.DETECTING, "writer-1", null, 0, null).describe())
                .isEqualTo("detecting (writer-1 → not chosen yet)");
        assertThat(new FailoverSnapshot(FailoverPhase.PROMOTING, "writer-1", "reader-3", 0, null).describe())
                .isEqualTo("promoting (writer-1 → reader-3)");
    }

    @Test
    void commitsReleasedBecauseTheManagedRpoNoLongerAppliesNameNoRegion() {
        assertThat(new AuroraEvent.CommitsUnblocked(0, null).detail())
                .isEqualTo("commits resume: the managed RPO no longer holds them");
        assertThat(new AuroraEvent.CommitsUnblocked(0, "eu-west-1").detail())
                .isEqualTo("commits resume: eu-west-1 is within the managed RPO again");
    }

    @Test
    void aCommandWithoutItsTargetIsRefusedWhenMadeNotDescribedAsNull() {
        List<Supplier<Command>> targetless = List.of(() -> new Command.FailInstance(null),
                () -> new Command.RestoreInstance(null), () -> new Command.FailAvailabilityZone(null),
                () -> new Command.RestoreAvailabilityZone(null), () -> new Command.FailSegment(null),
                () -> new Command.RestoreSegment(null), () -> new Command.DestroySegment(null),
                () -> new Command.FailStorageNode(null), () -> new Command.RestoreStorageNode(null),
                () -> new Command.AddReplica(null, "az-a", 1, "db.r6g.large"),
                () -> new Command.AddReplica("reader-9", null, 1, "db.r6g.large"),
                () -> new Command.AddReplica("reader-9", "az-a", 1, null), () -> new Command.RemoveReplica(null),
                () -> new Command.SetPromotionTier(null, 1), () -> new Command.FailRegion(null),
                () -> new Command.RestoreRegion(null), () -> new Command.Switchover(null),
                () -> new Command.FailoverGlobal(null), () -> new Command.DetachAndPromote(null),
                () -> new Command.SetWriteForwarding(null, Command.ReadConsistency.SESSION));
        for (Supplier<Command> make : targetless) {
            assertThatNullPointerException().isThrownBy(make::get);
        }
    }

    @Test
    void theOptionalValuesOfACommandAreDescribedInWords() {
        assertThat(new Command.Failover(null).describe()).isEqualTo("fail over");
        assertThat(new Command.SetWorkload(null, 900.0).describe())
                .isEqualTo("set workload to unchanged writes/s, 900 reads/s");
        assertThat(new Command.SetWriteForwarding("eu-west-1", null).describe())
                .isEqualTo("turn write forwarding off in eu-west-1");
        assertThat(new Command.SetManagedRpo(null).describe()).isEqualTo("turn managed RPO off");
    }
}

package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static String run(long seed) {
        AuroraEngine e = standard(seed);
        e.advanceTo(seconds(5));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(8));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(45));
        StringBuilder b = new StringBuilder();
        e.events().forEach(ev -> b.append(ev).append('\n'));
        b.append(e.snapshot()).append('\n').append(e.firedEventCount());
        return b.toString();
    }

    @Test
    void theSameSeedGivesTheSameEventLogAndSnapshotByteForByte() {
        assertThat(run(42)).isEqualTo(run(42));
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertThat(run(42)).isNotEqualTo(run(43));
    }
}

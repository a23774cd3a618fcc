package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import org.junit.jupiter.api.Test;

/** P18 §2.4: after recovery bumps the volume epoch, storage rejects a late boxcar from the old writer. */
class EpochFencingTest {

    @Test
    void aLateBoxcarFromTheOldWriterIsRejectedAfterTheEpochBump() {
        AuroraEngine e = standard(21);
        e.advanceTo(seconds(5));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().writerId()).isEqualTo("reader-1");
        assertThat(e.snapshot().volume().volumeEpoch()).isEqualTo(2);

        ProtectionGroup pg = e.protectionGroups().get(0);
        Segment copy = pg.slot(0).current();
        int prefixBefore = copy.prefix();
        int lastBoxcar = pg.log().size() - 1;
        // a boxcar the crashed writer-1 sent under epoch 1, arriving only now
        e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, copy.letter()), lastBoxcar, "writer-1",
                "az-a", 1, e.nowMicros(), e.nowMicros()));

        assertThat(e.events()).last().isInstanceOfSatisfying(AuroraEvent.StaleWriteRejected.class, r -> {
            assertThat(r.fromInstance()).isEqualTo("writer-1");
            assertThat(r.staleEpoch()).isEqualTo(1);
            assertThat(r.currentEpoch()).isEqualTo(2);
        });
        assertThat(copy.prefix()).isEqualTo(prefixBefore);
        assertNoInvariantBroken(e);
    }
}

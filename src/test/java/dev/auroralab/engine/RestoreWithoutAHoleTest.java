package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import org.junit.jupiter.api.Test;

/**
 * A group restored from the backup when the backup already holds everything the writer sent it: nothing is on no
 * copy, so the volume is not cut back and nothing fails. The writes stop at 5 s and the backup stages every 10 s
 * (ModelValues.BACKUP_STAGING_INTERVAL_MICROS), so by 25 s it holds all of pg-0; the copies are destroyed at 25 s,
 * noticed after 10 s and refilled from S3 in the following 10 s.
 */
class RestoreWithoutAHoleTest {

    @Test
    void aRestoreFromABackupThatHoldsEverythingCutsNothingAndFailsNothing() {
        AuroraEngine e = new AuroraEngine(spec(10, 200, 1000, 6, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        e.advanceTo(seconds(5));
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(25));
        long vdlBefore = e.snapshot().volume().vdl();
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        for (String az : AZS) {
            e.apply(new Command.DestroySegment("pg-0/" + az + "/1"));
            e.apply(new Command.DestroySegment("pg-0/" + az + "/2"));
        }
        e.advanceTo(seconds(60));
        assertThat(events(e, AuroraEvent.ProtectionGroupRestoredFromBackup.class)).singleElement().satisfies(r -> {
            assertThat(r.vdl()).isEqualTo(vdlBefore);
            assertThat(r.truncatedThroughLsn()).as("nothing truncated").isEqualTo(vdlBefore);
            assertThat(r.writesFailed()).isZero();
            assertThat(r.detail()).doesNotContain("cut");
        });
        assertThat(e.snapshot().volume().vdl()).isEqualTo(vdlBefore);
        assertThat(e.snapshot().counters().writesAcknowledged()).isEqualTo(acknowledged);
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
        assertThat(e.snapshot().counters().writesFailed()).isZero();
    }
}

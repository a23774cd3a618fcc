package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.engine.snapshot.Vitals.RegionVitals;
import dev.auroralab.teach.PredictionChoice.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which choice is true of a change, and which one is right when several are: the fixed priority, case by case. */
class PredictionChoiceTest {

    private static Vitals v(boolean writable, boolean readable, String writer, String writerRegion, long lost,
            boolean secondaryWritable) {
        return new Vitals(0, writable ? VolumeStatus.WRITABLE : readable ? VolumeStatus.READ_ONLY
                : VolumeStatus.UNAVAILABLE, writable, readable, writer, FailoverPhase.NONE, writerRegion,
                List.of(new RegionVitals("us-east-1", RegionRole.PRIMARY, writable, readable, List.of(), 0, null, 0,
                        null), new RegionVitals("eu-west-1", RegionRole.SECONDARY, secondaryWritable, true, List.of(),
                        0, null, 0, null)), List.of("reader-1"), lost);
    }

    private static final Vitals HEALTHY = v(true, true, "writer-1", "us-east-1", 0, false);

    @Test
    void writesAndReadsStoppingTogetherIsOneAnswerAboveEitherAlone() {
        Vitals after = v(false, false, null, "us-east-1", 0, false);
        assertThat(PredictionChoice.rightFor(HEALTHY, after)).isEqualTo(PredictionChoice.of(Kind.WRITES_AND_READS_STOP));
        assertThat(PredictionChoice.of(Kind.WRITES_STOP).holds(HEALTHY, after)).isTrue();
        assertThat(PredictionChoice.of(Kind.NOTHING_NOTICED).holds(HEALTHY, after)).isFalse();
    }

    @Test
    void onlyWritesStoppingMakesTheCombinedAnswerFalse() {
        Vitals after = v(false, true, "writer-1", "us-east-1", 0, false);
        assertThat(PredictionChoice.rightFor(HEALTHY, after)).isEqualTo(PredictionChoice.of(Kind.WRITES_STOP));
        assertThat(PredictionChoice.of(Kind.WRITES_AND_READS_STOP).holds(HEALTHY, after)).isFalse();
    }

    @Test
    void aNewWriterOutranksWritesResuming() {
        Vitals before = v(false, true, null, "us-east-1", 0, false);
        Vitals after = v(true, true, "reader-3", "us-east-1", 0, false);
        assertThat(PredictionChoice.rightFor(before, after)).isEqualTo(PredictionChoice.writer("reader-3"));
        assertThat(PredictionChoice.of(Kind.WRITES_RESUME).holds(before, after)).isTrue();
        assertThat(PredictionChoice.writer("reader-2").holds(before, after)).isFalse();
    }

    @Test
    void lostWritesOutrankTheRegionThatTakesOver() {
        Vitals before = v(false, false, null, "us-east-1", 0, false);
        Vitals after = v(false, true, null, "eu-west-1", 160, false);
        assertThat(PredictionChoice.rightFor(before, after)).isEqualTo(PredictionChoice.of(Kind.WRITES_LOST));
        assertThat(PredictionChoice.primary("eu-west-1").holds(before, after)).isTrue();
        assertThat(PredictionChoice.primary("us-east-1").holds(before, after)).isFalse();
    }

    @Test
    void anOldPrimaryTakingWritesAgainIsASplitBrainNotNothing() {
        Vitals after = v(true, true, "writer-1", "us-east-1", 0, true);
        assertThat(PredictionChoice.rightFor(HEALTHY, after)).isEqualTo(PredictionChoice.of(Kind.TWO_REGIONS_WRITE));
        assertThat(PredictionChoice.of(Kind.NOTHING_NOTICED).holds(HEALTHY, after)).isFalse();
    }

    @Test
    void aChangeTheApplicationCannotSeeIsNothingNoticed() {
        Vitals after = new Vitals(0, VolumeStatus.WRITABLE, true, true, "writer-1", FailoverPhase.NONE, "us-east-1",
                HEALTHY.regions(), List.of("reader-1", "reader-2"), 0);
        assertThat(PredictionChoice.rightFor(HEALTHY, after)).isEqualTo(PredictionChoice.of(Kind.NOTHING_NOTICED));
        for (Kind k : Kind.values()) {
            if (k != Kind.NOTHING_NOTICED && k != Kind.BECOMES_WRITER && k != Kind.REGION_BECOMES_PRIMARY) {
                assertThat(PredictionChoice.of(k).holds(HEALTHY, after)).as(k.name()).isFalse();
            }
        }
    }
}

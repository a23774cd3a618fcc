package dev.auroralab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A copied histogram reports what its original had recorded, and each records on its own afterwards. */
class LatencyHistogramTest {

    @Test
    void aCopiedHistogramRecordsOnItsOwn() {
        LatencyHistogram original = new LatencyHistogram();
        for (long micros = 1; micros <= 1000; micros++) {
            original.record(micros * 100);
        }
        LatencyHistogram copy = original.copy();
        assertThat(copy.count()).isEqualTo(1000);
        assertThat(copy.sumMicros()).isEqualTo(original.sumMicros());
        assertThat(copy.maxMicros()).isEqualTo(100_000);
        assertThat(copy.percentileMicros(50)).isEqualTo(original.percentileMicros(50));
        assertThat(copy.percentileMicros(99)).isEqualTo(original.percentileMicros(99));

        long p50 = original.percentileMicros(50);
        for (int i = 0; i < 5000; i++) {
            copy.record(5_000_000);
        }
        assertThat(original.count()).isEqualTo(1000);
        assertThat(original.maxMicros()).isEqualTo(100_000);
        assertThat(original.percentileMicros(50)).isEqualTo(p50);
        assertThat(copy.percentileMicros(50)).isGreaterThan(4_000_000);

        original.record(9_000_000);
        assertThat(copy.maxMicros()).isEqualTo(5_000_000);
        assertThat(copy.count()).isEqualTo(6000);
    }
}

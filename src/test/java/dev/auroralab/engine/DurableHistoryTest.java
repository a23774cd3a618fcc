package dev.auroralab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The primary's LSN-to-time record shrinks once readers move past a long outage, and copies independently. */
class DurableHistoryTest {

    /** VDL advances by 10 every 2 ms: LSN 10k became durable at 2000k microseconds. */
    private static DurableHistory historyOf(int advances) {
        DurableHistory history = new DurableHistory();
        for (int k = 1; k <= advances; k++) {
            history.record(10L * k, 2000L * k);
        }
        return history;
    }

    @Test
    void theRecordShrinksOnceEveryReaderHasMovedPastALongOutage() {
        DurableHistory history = historyOf(1_000_000); // a secondary out for half an hour
        assertThat(history.capacity()).isGreaterThanOrEqualTo(1_000_000);
        history.trimBelow(10L * 999_900); // it is back and has caught up
        assertThat(history.size()).isEqualTo(101);
        assertThat(history.capacity()).isLessThanOrEqualTo(1024);
        assertThat(history.timeOf(10L * 999_900 + 5)).isEqualTo(2000L * 999_900);
        assertThat(history.firstAbove(10L * 999_900)).isEqualTo(2000L * 999_901);
        history.record(10L * 1_000_001, 2000L * 1_000_001);
        assertThat(history.timeOf(Long.MAX_VALUE)).isEqualTo(2000L * 1_000_001);
    }

    @Test
    void aCopiedHistoryRecordsTrimsAndTruncatesOnItsOwn() {
        DurableHistory original = historyOf(3000);
        DurableHistory copy = original.copy();
        copy.trimBelow(20_000);
        copy.truncateAbove(25_000);
        copy.record(26_000, 9_999_999);
        assertThat(original.size()).isEqualTo(3000);
        assertThat(original.timeOf(10)).isEqualTo(2000);
        assertThat(original.firstAbove(25_000)).isEqualTo(2000L * 2501);
        original.trimBelow(29_000);
        original.record(30_010, 7_000_000);
        assertThat(copy.timeOf(20_005)).isEqualTo(2000L * 2000);
        assertThat(copy.firstAbove(25_000)).isEqualTo(9_999_999);
        assertThat(copy.size()).isEqualTo(502);
    }
}

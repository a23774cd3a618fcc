package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnWaitQueueTest {

    @Test
    void writesLeaveInTheOrderTheyArrivedWithTheirArrivalTime() {
        LsnWaitQueue q = new LsnWaitQueue();
        q.add(5, 100);
        q.add(0, 150); // an empty window adds nothing
        q.add(3, 200);
        assertThat(q.waiting()).isEqualTo(8);
        assertThat(q.headCount()).isEqualTo(5);
        assertThat(q.headArrivedAtMicros()).isEqualTo(100);
        q.take(2);
        assertThat(q.headCount()).isEqualTo(3);
        assertThat(q.headArrivedAtMicros()).isEqualTo(100);
        q.take(3);
        assertThat(q.headCount()).isEqualTo(3);
        assertThat(q.headArrivedAtMicros()).isEqualTo(200);
        q.take(3);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.waiting()).isZero();
    }

    @Test
    void pastTheGroupLimitNewWritesJoinTheNewestGroupSoMemoryStaysBounded() {
        LsnWaitQueue q = new LsnWaitQueue();
        for (int i = 0; i < LsnWaitQueue.MAX_GROUPS + 100; i++) {
            q.add(2, i * 2_000L);
        }
        assertThat(q.waiting()).isEqualTo(2L * (LsnWaitQueue.MAX_GROUPS + 100));
        // drain all but the last group: each kept its own arrival time
        for (int i = 0; i < LsnWaitQueue.MAX_GROUPS - 1; i++) {
            assertThat(q.headArrivedAtMicros()).isEqualTo(i * 2_000L);
            q.take(q.headCount());
        }
        // the newest group holds its own 2 writes and the 100 windows' 200 that came after the limit
        assertThat(q.headCount()).isEqualTo(2 + 200);
        assertThat(q.headArrivedAtMicros()).isEqualTo((LsnWaitQueue.MAX_GROUPS - 1) * 2_000L);
    }

    @Test
    void theQueueWrapsAroundAndGrowsWithoutLosingOrder() {
        LsnWaitQueue q = new LsnWaitQueue();
        long next = 0;
        long expected = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 7; i++) {
                q.add(1, next++);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(q.headArrivedAtMicros()).isEqualTo(expected++);
                q.take(1);
            }
        }
        assertThat(q.waiting()).isEqualTo(50 * 2);
        assertThat(q.headArrivedAtMicros()).isEqualTo(expected);
    }

    @Test
    void aCopyIsIndependentAndClearingEmptiesTheQueue() {
        LsnWaitQueue q = new LsnWaitQueue();
        q.add(4, 10);
        LsnWaitQueue c = q.copy();
        c.take(4);
        assertThat(q.waiting()).isEqualTo(4);
        assertThat(c.waiting()).isZero();
        assertThat(q.clear()).isEqualTo(4);
        assertThat(q.isEmpty()).isTrue();
        assertThatThrownBy(() -> q.take(1)).isInstanceOf(IllegalArgumentException.class);
    }
}

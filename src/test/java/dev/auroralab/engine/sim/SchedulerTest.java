package dev.auroralab.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The event queue against a reference (a sorted set by time, then by scheduling order), over seeded random
 * mixes of scheduling and taking; its ids, causes, clock and copy.
 */
class SchedulerTest {

    /** What the reference keeps for each item: when, in which order it was scheduled, its id and its cause. */
    private record Entry(long at, long seq, long cause, String item) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::at).thenComparingLong(Entry::seq);

    @Test
    void itemsComeOutByTimeThenBySchedulingOrderAsASortedReferenceSaysOverASeededSweep() {
        for (long seed = 1; seed <= 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            Scheduler<String> q = new Scheduler<>();
            java.util.TreeSet<Entry> ref = new java.util.TreeSet<>(ORDER);
            long nextId = 0;
            long now = 0;
            long current = -1;
            long fired = 0;
            // enough operations to pass the initial 1,024 slots in some seeds
            int ops = 200 + r.nextInt(2500);
            for (int op = 0; op < ops; op++) {
                int kind = r.nextInt(10);
                if (kind < 6) {
                    // many ties: times from a small range
                    long at = now + r.nextInt(0, 50);
                    String item = "i" + op;
                    long id = q.schedule(at, item);
                    assertThat(id).as("seed %d: id", seed).isEqualTo(nextId);
                    ref.add(new Entry(at, nextId++, current, item));
                } else if (kind < 9) {
                    String got = q.poll();
                    if (ref.isEmpty()) {
                        assertThat(got).isNull();
                        continue;
                    }
                    Entry first = ref.pollFirst();
                    assertThat(got).as("seed %d op %d", seed, op).isEqualTo(first.item());
                    assertThat(q.nowMicros()).isEqualTo(first.at());
                    assertThat(q.currentId()).isEqualTo(first.seq());
                    assertThat(q.currentCause()).isEqualTo(first.cause());
                    now = first.at();
                    current = first.seq();
                    fired++;
                } else {
                    long id = q.newId();
                    assertThat(id).isEqualTo(nextId++);
                    q.setCurrent(id, current);
                    assertThat(q.currentCause()).isEqualTo(current);
                    current = id;
                }
                assertThat(q.pendingCount()).isEqualTo(ref.size());
                assertThat(q.firedCount()).isEqualTo(fired);
                long peek = ref.isEmpty() ? Long.MAX_VALUE : ref.first().at();
                assertThat(q.peekTimeMicros()).isEqualTo(peek);
            }
            List<String> pending = new ArrayList<>();
            q.forEachPending(pending::add);
            assertThat(pending).containsExactlyInAnyOrderElementsOf(ref.stream().map(Entry::item).toList());
            // the copy drains in the same order and leaves the original as it was
            Scheduler<String> copy = q.copy();
            List<String> drained = new ArrayList<>();
            for (String s = copy.poll(); s != null; s = copy.poll()) {
                drained.add(s);
            }
            assertThat(drained).isEqualTo(ref.stream().map(Entry::item).toList());
            assertThat(q.pendingCount()).isEqualTo(ref.size());
            assertThat(copy.firedCount()).isEqualTo(fired + ref.size());
            assertThat(q.firedCount()).isEqualTo(fired);
        }
    }

    @Test
    void theClockNeverRunsBackwardsNorPastAPendingItem() {
        Scheduler<String> q = new Scheduler<>();
        q.schedule(100, "a");
        q.advanceClockTo(100);
        assertThat(q.nowMicros()).isEqualTo(100);
        assertThatThrownBy(() -> q.advanceClockTo(101)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> q.advanceClockTo(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.schedule(99, "past")).isInstanceOf(IllegalArgumentException.class);
        assertThat(q.scheduleAfter(5, "b")).isEqualTo(1);
        assertThat(q.poll()).isEqualTo("a");
        assertThat(q.poll()).isEqualTo("b");
        assertThat(q.nowMicros()).isEqualTo(105);
        // nothing pending: the clock may go anywhere forward
        q.advanceClockTo(1_000);
        assertThat(q.peekTimeMicros()).isEqualTo(Long.MAX_VALUE);
        assertThat(q.poll()).isNull();
        assertThat(q.nowMicros()).isEqualTo(1_000);
    }

    @Test
    void aCopyIsIndependentBothWays() {
        Scheduler<String> q = new Scheduler<>();
        q.schedule(10, "a");
        q.schedule(20, "b");
        q.poll();
        Scheduler<String> c = q.copy();
        assertThat(c.nowMicros()).isEqualTo(10);
        assertThat(c.currentId()).isEqualTo(0);
        c.schedule(15, "c");
        q.schedule(12, "d");
        assertThat(c.newId()).isEqualTo(3);
        assertThat(q.newId()).isEqualTo(3);
        assertThat(c.poll()).isEqualTo("c");
        assertThat(q.poll()).isEqualTo("d");
        assertThat(c.poll()).isEqualTo("b");
        assertThat(q.poll()).isEqualTo("b");
        assertThat(c.currentCause()).isEqualTo(-1);
    }
}

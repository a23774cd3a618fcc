package dev.auroralab.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    /**
     * How far ahead the wheel reaches. The sweep schedules just either side of it, because an item beyond it waits in
     * the far-future heap and crosses into the wheel later: the one place the order could go wrong.
     */
    private static final long WHEEL_SPAN_MICROS = Scheduler.WHEEL_SPAN_MICROS;

    /** An item: a value numbered in scheduling order, so a mix-up shows which one came out instead. */
    record Item(int n) {
    }

    @Test
    void takesItemsInExactlyTheOrderOfAPriorityQueueOverTimeAndSequenceForEverySeed() {
        for (long seed = 0; seed < 400; seed++) {
            Pair p = new Pair(new Scheduler<>(), new Reference());
            Driver d = new Driver(seed);
            d.drive(p, 2_000);
            d.drain(p);
        }
    }

    @Test
    void takesItemsInOrderThroughLongRunsThatCrossTheWheelManyTimes() {
        // fewer seeds, longer runs: the clock wraps the wheel thousands of times
        for (long seed = 1_000; seed < 1_010; seed++) {
            Pair p = new Pair(new Scheduler<>(), new Reference());
            Driver d = new Driver(seed);
            for (int round = 0; round < 10; round++) {
                d.drive(p, 2_000);
                // taking everything, the far items too, jumps the clock by up to minutes
                d.drain(p);
            }
            d.drain(p);
        }
    }

    @Test
    void aCopyEvolvesIndependentlyOfTheOriginal() {
        for (long seed = 0; seed < 100; seed++) {
            Pair original = new Pair(new Scheduler<>(), new Reference());
            Driver d = new Driver(seed);
            d.drive(original, 300);
            Pair copy = new Pair(original.queue.copy(), original.reference.copy());
            // the two are driven apart (different draws, so different items, times and ids), then drained
            new Driver(seed + 10_000).drive(copy, 300);
            d.drive(original, 300);
            new Driver(seed + 20_000).drain(copy);
            d.drain(original);
        }
    }

    @Test
    void aCopyHoldsTheSameItemsInTheSameOrderAndTakingThemLeavesTheOriginalFull() {
        Scheduler<Item> q = new Scheduler<>();
        q.schedule(5, new Item(0));
        q.schedule(5, new Item(1));
        q.schedule(3, new Item(2));
        q.schedule(400_000_000, new Item(3));
        Scheduler<Item> c = q.copy();
        List<Item> fromCopy = new ArrayList<>();
        for (Item e = c.poll(); e != null; e = c.poll()) {
            fromCopy.add(e);
        }
        assertThat(fromCopy).containsExactly(new Item(2), new Item(0), new Item(1), new Item(3));
        assertThat(c.nowMicros()).isEqualTo(400_000_000);
        assertThat(q.pendingCount()).isEqualTo(4);
        assertThat(q.nowMicros()).isZero();
        assertThat(q.poll()).isEqualTo(new Item(2));
        assertThat(q.newId()).isEqualTo(c.newId());
    }

    @Test
    void schedulingInThePastIsRefusedAndLeavesTheQueueAsItWas() {
        Scheduler<Item> q = new Scheduler<>();
        q.schedule(100, new Item(0));
        q.poll();
        assertThatThrownBy(() -> q.schedule(99, new Item(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past");
        assertThatThrownBy(() -> q.scheduleAfter(-1, new Item(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(q.pendingCount()).isZero();
        // the refused items drew no id
        assertThat(q.schedule(100, new Item(2))).isEqualTo(1);
    }

    @Test
    void advancingTheClockPastAPendingItemIsRefused() {
        Scheduler<Item> q = new Scheduler<>();
        q.schedule(50, new Item(0));
        q.schedule(WHEEL_SPAN_MICROS * 10, new Item(1));
        assertThatThrownBy(() -> q.advanceClockTo(51)).isInstanceOf(IllegalStateException.class);
        q.advanceClockTo(50);
        assertThat(q.nowMicros()).isEqualTo(50);
        assertThat(q.poll()).isEqualTo(new Item(0));
        // the far item too, though it waits beyond the wheel
        assertThatThrownBy(() -> q.advanceClockTo(WHEEL_SPAN_MICROS * 10 + 1))
                .isInstanceOf(IllegalStateException.class);
        q.advanceClockTo(WHEEL_SPAN_MICROS * 10);
        assertThat(q.poll()).isEqualTo(new Item(1));
    }

    @Test
    void theClockDoesNotRunBackwards() {
        Scheduler<Item> q = new Scheduler<>();
        q.advanceClockTo(1_000);
        assertThatThrownBy(() -> q.advanceClockTo(999)).isInstanceOf(IllegalArgumentException.class);
        assertThat(q.nowMicros()).isEqualTo(1_000);
    }

    @Test
    void anEmptyQueueGivesNullAndTheLargestTimeAndKeepsItsClock() {
        Scheduler<Item> q = new Scheduler<>();
        q.advanceClockTo(7);
        assertThat(q.poll()).isNull();
        assertThat(q.peekTimeMicros()).isEqualTo(Long.MAX_VALUE);
        assertThat(q.nowMicros()).isEqualTo(7);
        assertThat(q.firedCount()).isZero();
    }

    @Test
    void itemsAtTheLargestTimesStillComeOutInOrder() {
        // the wheel is reached by subtracting the clock: nothing there may overflow
        Scheduler<Item> q = new Scheduler<>();
        q.schedule(Long.MAX_VALUE, new Item(0));
        q.schedule(Long.MAX_VALUE - 5, new Item(1));
        q.schedule(Long.MAX_VALUE, new Item(2));
        assertThat(q.poll()).isEqualTo(new Item(1));
        q.schedule(Long.MAX_VALUE, new Item(3));
        assertThat(q.poll()).isEqualTo(new Item(0));
        assertThat(q.poll()).isEqualTo(new Item(2));
        assertThat(q.poll()).isEqualTo(new Item(3));
        assertThat(q.poll()).isNull();
        assertThat(q.nowMicros()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anItemCarriesTheIdOfWhatWasCurrentWhenItWasScheduled() {
        Scheduler<Item> q = new Scheduler<>();
        long command = q.newId();
        q.setCurrent(command, -1);
        long first = q.schedule(10, new Item(0));
        q.poll();
        assertThat(q.currentId()).isEqualTo(first);
        assertThat(q.currentCause()).isEqualTo(command);
        long second = q.scheduleAfter(WHEEL_SPAN_MICROS * 3, new Item(1));
        q.poll();
        assertThat(q.currentId()).isEqualTo(second);
        assertThat(q.currentCause()).isEqualTo(first);
    }

    // =================================================================================================================

    /** The queue under test beside the reference it must agree with. */
    private static final class Pair {
        Scheduler<Item> queue;
        final Reference reference;

        Pair(Scheduler<Item> queue, Reference reference) {
            this.queue = queue;
            this.reference = reference;
        }
    }

    /**
     * Random operations applied to both sides of a pair, checking after each that they agree. Each seed draws its own
     * mix (how often it takes items decides whether the queue stays near empty or grows to thousands).
     */
    private static final class Driver {
        private final SplittableRandom random;
        private final long seed;
        private final int pendingTarget;
        private final long[] recentTimes = new long[8];
        private int nextItem;
        private int op;

        Driver(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            // some seeds keep the queue near empty, some let it grow to thousands
            this.pendingTarget = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(3_000);
        }

        void drive(Pair p, int ops) {
            for (int i = 0; i < ops; i++, op++) {
                step(p);
                agree(p);
            }
        }

        void drain(Pair p) {
            while (p.reference.pendingCount() > 0) {
                pollBoth(p);
                op++;
            }
            pollBoth(p);
            agree(p);
        }

        private void step(Pair p) {
            if (p.reference.pendingCount() > pendingTarget && random.nextBoolean()) {
                pollBoth(p);
                return;
            }
            int k = random.nextInt(100);
            if (k < 30) {
                pollBoth(p);
            } else if (k < 80) {
                scheduleBoth(p, someTime(p.reference.nowMicros()));
            } else if (k < 84) {
                // a burst at one instant: a boxcar window fanning out to every copy
                long at = someTime(p.reference.nowMicros());
                int n = 1 + random.nextInt(60);
                for (int i = 0; i < n; i++) {
                    scheduleBoth(p, at);
                }
            } else if (k < 89) {
                advanceBoth(p);
            } else if (k < 91) {
                assertEquals(p.reference.newId(), p.queue.newId(), this::where);
            } else if (k < 93) {
                long id = random.nextLong(-1, 1_000_000);
                long cause = random.nextLong(-1, 1_000_000);
                p.reference.setCurrent(id, cause);
                p.queue.setCurrent(id, cause);
            } else if (k < 94) {
                // go on with a copy (the original is dropped, so the copy must hold everything)
                p.queue = p.queue.copy();
            } else if (k < 98) {
                int n = random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    pollBoth(p);
                }
            } else if (k < 99) {
                List<Integer> seen = new ArrayList<>();
                p.queue.forEachPending(e -> seen.add(e.n()));
                seen.sort(null);
                assertEquals(p.reference.pendingNumbers(), seen, this::where);
            } else {
                pollBoth(p);
            }
        }

        /** Mostly a few ms ahead, with equal times, the wheel's edge, and the far future mixed in. */
        private long someTime(long now) {
            int k = random.nextInt(100);
            long at;
            if (k < 8) {
                at = now;
            } else if (k < 20) {
                at = Math.max(now, recentTimes[random.nextInt(recentTimes.length)]);
            } else if (k < 60) {
                at = now + random.nextLong(1, 3_000);
            } else if (k < 78) {
                at = now + random.nextLong(3_000, 70_000);
            } else if (k < 90) {
                at = now + WHEEL_SPAN_MICROS + random.nextLong(-3, 4);
            } else if (k < 93) {
                at = now + random.nextLong(1, 4) * WHEEL_SPAN_MICROS + random.nextLong(-2, 3);
            } else {
                at = now + random.nextLong(1_000_000, 300_000_000);
            }
            recentTimes[random.nextInt(recentTimes.length)] = at;
            return at;
        }

        private void scheduleBoth(Pair p, long at) {
            Item item = new Item(nextItem++);
            assertEquals(p.reference.schedule(at, item), p.queue.schedule(at, item), this::where);
        }

        private void pollBoth(Pair p) {
            Item expected = p.reference.poll();
            assertSame(expected, p.queue.poll(), this::where);
            assertEquals(p.reference.currentId(), p.queue.currentId(), this::where);
            assertEquals(p.reference.currentCause(), p.queue.currentCause(), this::where);
        }

        private void advanceBoth(Pair p) {
            long now = p.reference.nowMicros();
            long next = p.reference.peekTimeMicros();
            long to;
            if (next == Long.MAX_VALUE) {
                // a long idle gap: nothing pending, the clock jumps far ahead
                to = now + random.nextLong(0, 500_000_000);
            } else if (random.nextBoolean()) {
                to = next;
            } else {
                to = now + random.nextLong(0, next - now + 1);
            }
            p.reference.advanceClockTo(to);
            p.queue.advanceClockTo(to);
        }

        private void agree(Pair p) {
            assertEquals(p.reference.nowMicros(), p.queue.nowMicros(), this::where);
            assertEquals(p.reference.peekTimeMicros(), p.queue.peekTimeMicros(), this::where);
            assertEquals(p.reference.pendingCount(), p.queue.pendingCount(), this::where);
            assertEquals(p.reference.firedCount(), p.queue.firedCount(), this::where);
        }

        private String where() {
            return "seed " + seed + ", operation " + op;
        }
    }

    /** What the scheduler must do, written the plain way: a PriorityQueue over (time, sequence). */
    private static final class Reference {
        record Entry(long time, long seq, long cause, Item item) {
        }

        private static final Comparator<Entry> ORDER =
                Comparator.comparingLong(Entry::time).thenComparingLong(Entry::seq);

        private final PriorityQueue<Entry> queue;
        private long nextSeq;
        private long nowMicros;
        private long firedCount;
        private long currentId = -1;
        private long currentCause = -1;

        Reference() {
            queue = new PriorityQueue<>(ORDER);
        }

        Reference copy() {
            Reference r = new Reference();
            r.queue.addAll(queue);
            r.nextSeq = nextSeq;
            r.nowMicros = nowMicros;
            r.firedCount = firedCount;
            r.currentId = currentId;
            r.currentCause = currentCause;
            return r;
        }

        long schedule(long at, Item item) {
            assertThat(at).isGreaterThanOrEqualTo(nowMicros);
            long seq = nextSeq++;
            queue.add(new Entry(at, seq, currentId, item));
            return seq;
        }

        Item poll() {
            Entry e = queue.poll();
            if (e == null) {
                return null;
            }
            nowMicros = e.time;
            currentId = e.seq;
            currentCause = e.cause;
            firedCount++;
            return e.item;
        }

        void advanceClockTo(long at) {
            nowMicros = at;
        }

        long peekTimeMicros() {
            return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().time;
        }

        List<Integer> pendingNumbers() {
            List<Integer> out = new ArrayList<>();
            for (Entry e : queue) {
                out.add(e.item.n());
            }
            out.sort(null);
            return out;
        }

        long newId() {
            return nextSeq++;
        }

        void setCurrent(long id, long cause) {
            currentId = id;
            currentCause = cause;
        }

        long nowMicros() {
            return nowMicros;
        }

        int pendingCount() {
            return queue.size();
        }

        long firedCount() {
            return firedCount;
        }

        long currentId() {
            return currentId;
        }

        long currentCause() {
            return currentCause;
        }
    }
}

package dev.auroralab.engine.sim;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The scheduler as it was before the timing wheel: one binary min-heap over parallel arrays ordered by (time, sequence
 * number). Kept here, unchanged but for its name, as the "old" line of {@link QueueBench}; the engine no longer uses it.
 *
 * @param <E> the item type: immutable values
 */
final class BinaryHeapQueue<E> {

    private long[] times;
    private long[] seqs;
    private long[] causes;
    private Object[] items;
    private int size;
    private long nextSeq;
    private long nowMicros;
    private long firedCount;
    private long currentId = -1;
    private long currentCause = -1;

    BinaryHeapQueue() {
        times = new long[1024];
        seqs = new long[1024];
        causes = new long[1024];
        items = new Object[1024];
    }

    private BinaryHeapQueue(BinaryHeapQueue<E> o) {
        times = o.times.clone();
        seqs = o.seqs.clone();
        causes = o.causes.clone();
        items = o.items.clone();
        size = o.size;
        nextSeq = o.nextSeq;
        nowMicros = o.nowMicros;
        firedCount = o.firedCount;
        currentId = o.currentId;
        currentCause = o.currentCause;
    }

    /** An independent queue holding the same items in the same order (the items themselves are values). */
    BinaryHeapQueue<E> copy() {
        return new BinaryHeapQueue<>(this);
    }

    public long nowMicros() {
        return nowMicros;
    }

    /** Number of items taken since the start: the bench's engine event count. */
    public long firedCount() {
        return firedCount;
    }

    public int pendingCount() {
        return size;
    }

    /** A fresh id from the sequence the queued items use (for a command: something that causes work now). */
    public long newId() {
        return nextSeq++;
    }

    /** The id of the item taken last (or set by {@link #setCurrent}): what work done now is caused by. */
    public long currentId() {
        return currentId;
    }

    /** The cause of the item taken last. */
    public long currentCause() {
        return currentCause;
    }

    /** Work done now is caused by {@code id}, itself caused by {@code cause} (a command applied between items). */
    public void setCurrent(long id, long cause) {
        currentId = id;
        currentCause = cause;
    }

    /** Queues {@code item} at {@code atMicros}, caused by the current item or command. Returns the item's id. */
    public long schedule(long atMicros, E item) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule in the past: " + atMicros + " < " + nowMicros);
        }
        if (size == times.length) {
            grow();
        }
        int i = size++;
        long seq = nextSeq++;
        long cause = currentId;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (before(times[parent], seqs[parent], atMicros, seq)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = atMicros;
        seqs[i] = seq;
        causes[i] = cause;
        items[i] = item;
        return seq;
    }

    public long scheduleAfter(long delayMicros, E item) {
        return schedule(nowMicros + delayMicros, item);
    }

    /** Time of the next item, or {@link Long#MAX_VALUE} when none is pending. */
    public long peekTimeMicros() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /**
     * Takes the next item, advancing the clock to its time; its id and cause become {@link #currentId()} and
     * {@link #currentCause()}. Returns null when nothing is pending.
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (size == 0) {
            return null;
        }
        long t = times[0];
        E e = (E) items[0];
        currentId = seqs[0];
        currentCause = causes[0];
        removeTop();
        nowMicros = t;
        firedCount++;
        return e;
    }

    /** Moves the clock forward without taking anything (used to land exactly on a requested time). */
    public void advanceClockTo(long atMicros) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("time does not run backwards: " + atMicros + " < " + nowMicros);
        }
        if (atMicros > peekTimeMicros()) {
            throw new IllegalStateException("an item is pending before " + atMicros);
        }
        nowMicros = atMicros;
    }

    /** Calls {@code visit} with every pending item, in no particular order (for drawing messages in flight). */
    @SuppressWarnings("unchecked")
    public void forEachPending(Consumer<E> visit) {
        for (int i = 0; i < size; i++) {
            visit.accept((E) items[i]);
        }
    }

    private void removeTop() {
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        long c = causes[last];
        Object e = items[last];
        items[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (before(t, s, times[child], seqs[child])) {
                break;
            }
            move(child, i);
            i = child;
        }
        times[i] = t;
        seqs[i] = s;
        causes[i] = c;
        items[i] = e;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        causes[to] = causes[from];
        items[to] = items[from];
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        seqs = Arrays.copyOf(seqs, n);
        causes = Arrays.copyOf(causes, n);
        items = Arrays.copyOf(items, n);
    }
}

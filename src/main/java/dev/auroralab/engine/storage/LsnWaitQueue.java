package dev.auroralab.engine.storage;

/**
 * Writes waiting for an LSN. Aurora allocates no LSN above VDL + LAL (10,000,000): when storage falls that far behind,
 * the writer throttles incoming writes (P17 §4.2.1, "can throttle the incoming writes") until VDL moves on. The writes
 * wait, their commit latency grows, and they go on in arrival order; they are not errors.
 *
 * <p>Model: writes are counted per boxcar window with the time the window opened, as the commit ledger counts them.
 * The queue holds at most {@link #MAX_GROUPS} groups: past that, a window's writes join the newest group and take its
 * (earlier) arrival time, so a very long stall reports latencies up to a window too long for those writes but the
 * queue's memory stays bounded, whatever the stall's length.
 */
public final class LsnWaitQueue {

    /** Groups kept before new windows merge into the newest (a stall of about 16 s at one group per 2 ms window). */
    public static final int MAX_GROUPS = 8192;

    private long[] count = new long[16];
    private long[] arrivedAtMicros = new long[16];
    /** Ring buffer: the oldest group is at {@code head}, {@code size} groups in all. */
    private int head;
    private int size;
    private long waiting;

    public LsnWaitQueue() {
    }

    /** An independent copy: changing either later leaves the other alone. */
    public LsnWaitQueue copy() {
        LsnWaitQueue c = new LsnWaitQueue();
        c.count = count.clone();
        c.arrivedAtMicros = arrivedAtMicros.clone();
        c.head = head;
        c.size = size;
        c.waiting = waiting;
        return c;
    }

    /** Writes waiting now, all groups together. */
    public long waiting() {
        return waiting;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** {@code writes} more writes (0 or more) that arrived from {@code arrivedAtMicros} wait at the back. */
    public void add(long writes, long arrivedAtMicros) {
        if (writes <= 0) {
            return;
        }
        waiting += writes;
        if (size == MAX_GROUPS) {
            count[index(size - 1)] += writes;
            return;
        }
        if (size == count.length) {
            grow();
        }
        int at = index(size);
        count[at] = writes;
        this.arrivedAtMicros[at] = arrivedAtMicros;
        size++;
    }

    /** The writes of the oldest group (0 when the queue is empty). */
    public long headCount() {
        return size == 0 ? 0 : count[head];
    }

    /** When the oldest group's writes arrived. */
    public long headArrivedAtMicros() {
        return arrivedAtMicros[head];
    }

    /** Takes {@code writes} (at most the oldest group's count) from the front. */
    public void take(long writes) {
        if (size == 0 || writes > count[head] || writes < 0) {
            throw new IllegalArgumentException("cannot take " + writes + " of " + headCount());
        }
        count[head] -= writes;
        waiting -= writes;
        if (count[head] == 0) {
            head = (head + 1) % count.length;
            size--;
        }
    }

    /** Every waiting write leaves the queue (the writer that would have issued them is gone). Returns how many. */
    public long clear() {
        long n = waiting;
        head = 0;
        size = 0;
        waiting = 0;
        return n;
    }

    private int index(int k) {
        return (head + k) % count.length;
    }

    private void grow() {
        long[] c = new long[count.length * 2];
        long[] a = new long[count.length * 2];
        for (int k = 0; k < size; k++) {
            c[k] = count[index(k)];
            a[k] = arrivedAtMicros[index(k)];
        }
        count = c;
        arrivedAtMicros = a;
        head = 0;
    }
}

package dev.auroralab.engine.sim;


/**
 * The discrete-event scheduler: a binary min-heap ordered by (simulated microseconds, sequence number).
 *
 * <p>The sequence number breaks ties in scheduling order, so two runs that schedule the same events in the same order
 * fire them in the same order: this is what makes a run reproducible byte for byte. Times and sequence numbers live in
 * primitive arrays beside the payloads so that the hot path (millions of boxcar deliveries per run) allocates only the
 * event object itself.
 */
public final class Scheduler {

    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private SimEvent[] events = new SimEvent[1024];
    private int size;
    private long nextSeq;
    private long nowMicros;
    private long firedCount;

    public long nowMicros() {
        return nowMicros;
    }

    /** Number of events fired since the start: the bench's engine event count. */
    public long firedCount() {
        return firedCount;
    }

    public int pendingCount() {
        return size;
    }

    public void schedule(long atMicros, SimEvent event) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule in the past: " + atMicros + " < " + nowMicros);
        }
        if (size == times.length) {
            grow();
        }
        int i = size++;
        long seq = nextSeq++;
        // sift up
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (before(times[parent], seqs[parent], atMicros, seq)) {
                break;
            }
            times[i] = times[parent];
            seqs[i] = seqs[parent];
            events[i] = events[parent];
            i = parent;
        }
        times[i] = atMicros;
        seqs[i] = seq;
        events[i] = event;
    }

    public void scheduleAfter(long delayMicros, SimEvent event) {
        schedule(nowMicros + delayMicros, event);
    }

    /** Time of the next event, or {@link Long#MAX_VALUE} when none is pending. */
    public long peekTimeMicros() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Fires the next event, advancing the clock to its time. Returns false when nothing is pending. */
    public boolean fireNext() {
        if (size == 0) {
            return false;
        }
        long t = times[0];
        SimEvent e = events[0];
        removeTop();
        nowMicros = t;
        firedCount++;
        e.fire();
        return true;
    }

    /** Moves the clock forward without firing anything (used to land exactly on a requested time). */
    public void advanceClockTo(long atMicros) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("time does not run backwards: " + atMicros + " < " + nowMicros);
        }
        if (atMicros > peekTimeMicros()) {
            throw new IllegalStateException("an event is pending before " + atMicros);
        }
        nowMicros = atMicros;
    }

    /** Calls {@code visit} with every pending event, in no particular order (for drawing messages in flight). */
    public void forEachPending(java.util.function.Consumer<SimEvent> visit) {
        for (int i = 0; i < size; i++) {
            visit.accept(events[i]);
        }
    }

    private void removeTop() {
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        SimEvent e = events[last];
        events[last] = null;
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
            times[i] = times[child];
            seqs[i] = seqs[child];
            events[i] = events[child];
            i = child;
        }
        times[i] = t;
        seqs[i] = s;
        events[i] = e;
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void grow() {
        int n = times.length * 2;
        times = java.util.Arrays.copyOf(times, n);
        seqs = java.util.Arrays.copyOf(seqs, n);
        events = java.util.Arrays.copyOf(events, n);
    }
}

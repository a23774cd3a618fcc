package dev.auroralab.engine.sim;

import java.util.Arrays;

/**
 * The items beyond the timing wheel's reach, by node number: timers seconds or minutes out (failure detection,
 * restarts, backups), and redo applies when the replica lag is long. Few, so a plain binary min-heap over
 * (time, sequence number) does.
 */
final class FarHeap {

    private long[] times;
    private long[] seqs;
    private int[] nodes;
    private int size;

    FarHeap() {
        times = new long[64];
        seqs = new long[64];
        nodes = new int[64];
    }

    private FarHeap(FarHeap o) {
        times = o.times.clone();
        seqs = o.seqs.clone();
        nodes = o.nodes.clone();
        size = o.size;
    }

    FarHeap copy() {
        return new FarHeap(this);
    }

    int size() {
        return size;
    }

    /** The node at position {@code i} of the heap's array, {@code 0 <= i < size()}: for visiting them all. */
    int nodeAt(int i) {
        return nodes[i];
    }

    /** Time of the first item, or {@link Long#MAX_VALUE} when empty. */
    long peekTimeMicros() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    void push(long timeMicros, long seq, int node) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            nodes = Arrays.copyOf(nodes, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (before(times[parent], seqs[parent], timeMicros, seq)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = timeMicros;
        seqs[i] = seq;
        nodes[i] = node;
    }

    /** Removes the first item (the heap is not empty) and returns its node. */
    int pop() {
        int top = nodes[0];
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        int n = nodes[last];
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
        nodes[i] = n;
        return top;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        nodes[to] = nodes[from];
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}

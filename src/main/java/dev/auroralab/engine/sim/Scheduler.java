package dev.auroralab.engine.sim;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The discrete-event queue: items ordered by (simulated microseconds, sequence number), each carrying the id of what
 * caused it.
 *
 * <p>The sequence number breaks ties in scheduling order, so two runs that schedule the same items in the same order
 * take them in the same order: this is what makes a run reproducible byte for byte. The items are values (records
 * that name what they act on by id), so {@link #copy()} is a plain array copy and a copy of the queue never shares
 * mutable state with the original. Each item's sequence number is also its id; {@link #newId()} draws an id from the
 * same counter for things that cause work without being queued (a user's command), so every cause has one id space.
 *
 * <p>How it is kept: nearly every item lands within a few milliseconds of now (boxcars, acks, redo applies), so the
 * queue is a timing wheel of one-microsecond slots reaching {@link #WHEEL_SPAN_MICROS} ahead of the clock, each slot
 * a first-in first-out list. Items for the same microsecond leave in the order they were scheduled, which is sequence
 * order, so the wheel never compares anything; a two-level bitmap ({@link SlotBitmap}) finds the next occupied slot.
 * Items further out wait in a small heap ({@link FarHeap}) and move into the wheel, in (time, sequence) order, as soon
 * as the clock comes within the span of them: before anything else can be scheduled for their microsecond, so they
 * still leave ahead of it. The items live in a pool of parallel arrays indexed by node number, recycled through a
 * free list, so scheduling allocates nothing; a slot holds its last node, whose next is the slot's first (a ring), so
 * one int per slot serves both ends.
 *
 * @param <E> the item type: immutable values
 */
public final class Scheduler<E> {

    static final int WHEEL_BITS = 16;
    /**
     * How far ahead the wheel reaches: 65.5 ms, past the replica lag at the headline load (63.7 ms at 200,000
     * writes/s), so only timers go to the far heap.
     */
    static final long WHEEL_SPAN_MICROS = 1L << WHEEL_BITS;
    private static final int SLOT_MASK = (1 << WHEEL_BITS) - 1;

    // The node pool. Node 0 means "none", so a zeroed slot array starts with every slot empty.
    private long[] seqs;
    private long[] causes;
    private Object[] items;
    /** Within a slot's ring, the next node; on the free list, the next free node. */
    private int[] next;
    private int freeNodes;
    private int nodesUsed;

    /** Per slot, its last node (0: empty). Null in a frozen copy, which keeps only the occupied slots below. */
    private int[] lastInSlot;
    /** A frozen copy's occupied slots and their last nodes, in slot order (null otherwise). */
    private int[] frozenSlots;
    private int[] frozenLasts;
    private final SlotBitmap occupied;
    private int inWheel;
    private final FarHeap far;

    /** Time of the first pending item (kept, because the engine asks before every item it takes). */
    private long nextMicros = Long.MAX_VALUE;
    private long nextSeq;
    private long nowMicros;
    private long firedCount;
    private long currentId = -1;
    private long currentCause = -1;

    public Scheduler() {
        seqs = new long[1024];
        causes = new long[1024];
        items = new Object[1024];
        next = new int[1024];
        lastInSlot = new int[1 << WHEEL_BITS];
        occupied = new SlotBitmap(1 << WHEEL_BITS);
        far = new FarHeap();
    }

    private Scheduler(Scheduler<E> o, boolean freeze) {
        // a frozen copy keeps the node pool only up to the last node used, and the wheel's occupied slots only
        int keep = freeze ? o.nodesUsed + 1 : o.seqs.length;
        seqs = Arrays.copyOf(o.seqs, keep);
        causes = Arrays.copyOf(o.causes, keep);
        items = Arrays.copyOf(o.items, keep);
        next = Arrays.copyOf(o.next, keep);
        freeNodes = o.freeNodes;
        nodesUsed = o.nodesUsed;
        int[] wheel = o.lastInSlot != null ? o.lastInSlot : o.thawedWheel();
        if (freeze) {
            int n = 0;
            for (int last : wheel) {
                n += last != 0 ? 1 : 0;
            }
            frozenSlots = new int[n];
            frozenLasts = new int[n];
            for (int slot = 0, k = 0; k < n; slot++) {
                if (wheel[slot] != 0) {
                    frozenSlots[k] = slot;
                    frozenLasts[k++] = wheel[slot];
                }
            }
        } else {
            lastInSlot = wheel == o.lastInSlot ? wheel.clone() : wheel;
        }
        occupied = o.occupied.copy();
        inWheel = o.inWheel;
        far = o.far.copy();
        nextMicros = o.nextMicros;
        nextSeq = o.nextSeq;
        nowMicros = o.nowMicros;
        firedCount = o.firedCount;
        currentId = o.currentId;
        currentCause = o.currentCause;
    }

    /**
     * An independent queue holding the same items in the same order (the items themselves are values). Plain array
     * copies, about 300 KB whatever is pending: the wheel's 65,536 slots are most of it.
     */
    public Scheduler<E> copy() {
        return new Scheduler<>(this, false);
    }

    /**
     * A copy to keep, not to run (a keyframe of a run): the same items, without the wheel's empty slots or the pool's
     * unused tail, so a few kilobytes instead of about 300. Only {@link #copy()} may be called on it; that gives a
     * queue to run again.
     */
    public Scheduler<E> frozenCopy() {
        return new Scheduler<>(this, true);
    }

    private int[] thawedWheel() {
        int[] wheel = new int[1 << WHEEL_BITS];
        for (int k = 0; k < frozenSlots.length; k++) {
            wheel[frozenSlots[k]] = frozenLasts[k];
        }
        return wheel;
    }

    public long nowMicros() {
        return nowMicros;
    }

    /** Number of items taken since the start: the bench's engine event count. */
    public long firedCount() {
        return firedCount;
    }

    public int pendingCount() {
        return inWheel + far.size();
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
        int n = newNode();
        long seq = nextSeq++;
        seqs[n] = seq;
        causes[n] = currentId;
        items[n] = item;
        if (atMicros - nowMicros < WHEEL_SPAN_MICROS) {
            append(n, (int) atMicros & SLOT_MASK);
        } else {
            far.push(atMicros, seq, n);
        }
        if (atMicros < nextMicros) {
            nextMicros = atMicros;
        }
        return seq;
    }

    public long scheduleAfter(long delayMicros, E item) {
        return schedule(nowMicros + delayMicros, item);
    }

    /** Time of the next item, or {@link Long#MAX_VALUE} when none is pending. */
    public long peekTimeMicros() {
        return nextMicros;
    }

    /**
     * Takes the next item, advancing the clock to its time; its id and cause become {@link #currentId()} and
     * {@link #currentCause()}. Returns null when nothing is pending.
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        int n;
        // everything in the far heap is at least a span ahead, so later than anything in the wheel
        if (inWheel > 0) {
            n = takeFirst((int) nextMicros & SLOT_MASK);
        } else if (far.size() > 0) {
            n = far.pop();
        } else {
            return null;
        }
        E e = (E) items[n];
        currentId = seqs[n];
        currentCause = causes[n];
        freeNode(n);
        nowMicros = nextMicros;
        firedCount++;
        pullIntoWheel();
        nextMicros = firstTime();
        return e;
    }

    /** Moves the clock forward without taking anything (used to land exactly on a requested time). */
    public void advanceClockTo(long atMicros) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("time does not run backwards: " + atMicros + " < " + nowMicros);
        }
        if (atMicros > nextMicros) {
            throw new IllegalStateException("an item is pending before " + atMicros);
        }
        nowMicros = atMicros;
        pullIntoWheel();
    }

    /**
     * Calls {@code visit} with every pending item, in no particular order (for drawing messages in flight). As it
     * happens: the wheel's in time order, then the far heap's.
     */
    @SuppressWarnings("unchecked")
    public void forEachPending(Consumer<E> visit) {
        int slot = (int) nowMicros & SLOT_MASK;
        for (int seen = 0; seen < inWheel; slot = (slot + 1) & SLOT_MASK) {
            slot = occupied.nextFrom(slot);
            int last = lastInSlot[slot];
            int n = last;
            do {
                n = next[n];
                visit.accept((E) items[n]);
                seen++;
            } while (n != last);
        }
        for (int i = 0; i < far.size(); i++) {
            visit.accept((E) items[far.nodeAt(i)]);
        }
    }

    /**
     * Moves into the wheel every far item the clock has come within a span of. Called whenever the clock moves, so it
     * happens before anything can be scheduled for those items' microseconds straight into the wheel.
     */
    private void pullIntoWheel() {
        while (far.size() > 0 && far.peekTimeMicros() - nowMicros < WHEEL_SPAN_MICROS) {
            long t = far.peekTimeMicros();
            append(far.pop(), (int) t & SLOT_MASK);
        }
    }

    /** Time of the first pending item: the wheel's first occupied slot from now, else the far heap's first. */
    private long firstTime() {
        if (inWheel == 0) {
            return far.peekTimeMicros();
        }
        int from = (int) nowMicros & SLOT_MASK;
        int slot = occupied.nextFrom(from);
        return nowMicros + ((slot - from) & SLOT_MASK);
    }

    private void append(int n, int slot) {
        int last = lastInSlot[slot];
        if (last == 0) {
            next[n] = n;
            occupied.set(slot);
        } else {
            next[n] = next[last];
            next[last] = n;
        }
        lastInSlot[slot] = n;
        inWheel++;
    }

    private int takeFirst(int slot) {
        int last = lastInSlot[slot];
        int first = next[last];
        if (first == last) {
            lastInSlot[slot] = 0;
            occupied.clear(slot);
        } else {
            next[last] = next[first];
        }
        inWheel--;
        return first;
    }

    private int newNode() {
        int n = freeNodes;
        if (n != 0) {
            freeNodes = next[n];
            return n;
        }
        if (++nodesUsed == seqs.length) {
            grow();
        }
        return nodesUsed;
    }

    private void freeNode(int n) {
        items[n] = null;
        next[n] = freeNodes;
        freeNodes = n;
    }

    private void grow() {
        int n = seqs.length * 2;
        seqs = Arrays.copyOf(seqs, n);
        causes = Arrays.copyOf(causes, n);
        items = Arrays.copyOf(items, n);
        next = Arrays.copyOf(next, n);
    }
}

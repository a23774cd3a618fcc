package dev.auroralab.engine.storage;

import java.util.Arrays;

/**
 * Every boxcar the writers ever sent to one protection group, in send order: its LSN range and whether crash recovery
 * truncated it.
 *
 * <p>Aurora's writer batches the fully ordered log records of a protection group into boxcars and sends each to all six
 * copies (P17 §3.2). The model keeps one shared record of those boxcars so that a segment's state is just "which
 * boxcars do I hold" (see {@link Segment}): the records themselves are never materialised. A boxcar's LSN range spans
 * LSNs of other PGs too, since LSNs are allocated volume-wide (P18 §2.1); only its first and last record matter for the
 * SCL/PGCL/VCL arithmetic.
 *
 * <p>Trimming: a boxcar is appended every window (2 ms), so a long run cannot keep them all. {@link #forgetBelow} drops
 * the old ones while indices stay absolute: the log stores boxcars from {@code firstKept() - 1} on (the one just below
 * the cut is kept so a copy whose prefix ends there still has an exact SCL) plus the SCL below that one.
 */
public final class BoxcarLog {

    private static final int INITIAL_CAPACITY = 16;

    private long[] firstLsn;
    private long[] lastLsn;
    private boolean[] truncated;
    /** The boxcar index held in array slot 0. */
    private int origin;
    /** The lowest boxcar index still stored: {@code max(0, firstKept - 1)}. */
    private int stored;
    private int firstKept;
    /** SCL of a copy whose prefix ends just below {@code stored}: the last live boxcar's last LSN among the dropped. */
    private long sclBelowStored;
    private int size;
    /** The group whose log this is: told when the log grows or is cut, so its volume's aggregates follow. */
    ProtectionGroup owner;

    /** The arrays never shrink below this. */
    private final int minCapacity;

    public BoxcarLog() {
        this(INITIAL_CAPACITY);
    }

    /** A log whose arrays start (and never shrink below) {@code initialCapacity}: tests use tiny ones. */
    BoxcarLog(int initialCapacity) {
        minCapacity = initialCapacity;
        firstLsn = new long[initialCapacity];
        lastLsn = new long[initialCapacity];
        truncated = new boolean[initialCapacity];
    }

    /** An independent copy: appending, truncating or trimming one leaves the other as it was. */
    public BoxcarLog copy() {
        BoxcarLog c = new BoxcarLog(minCapacity);
        // only the stored part is copied, into arrays just large enough: a run's keyframes are many copies, and the
        // spare half of a doubled array is memory for nothing (the next append grows the copy again when it needs to)
        int from = stored - origin;
        int capacity = Math.max(minCapacity, size - stored + 1);
        c.origin = stored;
        c.stored = stored;
        c.firstKept = firstKept;
        c.sclBelowStored = sclBelowStored;
        c.size = size;
        c.firstLsn = Arrays.copyOfRange(firstLsn, from, from + capacity);
        c.lastLsn = Arrays.copyOfRange(lastLsn, from, from + capacity);
        c.truncated = Arrays.copyOfRange(truncated, from, from + capacity);
        return c;
    }

    /** Appends a boxcar and returns its index in this PG's log. */
    public int append(long first, long last) {
        if (size - origin == firstLsn.length) {
            int live = size - stored;
            relocate(live * 2 > firstLsn.length ? firstLsn.length * 2 : firstLsn.length);
        }
        int at = size - origin;
        firstLsn[at] = first;
        lastLsn[at] = last;
        truncated[at] = false;
        if (owner != null) {
            owner.logChanged();
        }
        return size++;
    }

    /** Total boxcars ever appended, forgotten ones included: the next index {@link #append} returns. */
    public int size() {
        return size;
    }

    /** The lowest boxcar index the log still knows about; every boxcar below it has been forgotten. */
    public int firstKept() {
        return firstKept;
    }

    /**
     * Forgets the boxcars below {@code index}; a no-op when they already are. Indices stay absolute. Queries about
     * indices at or above {@code index - 1} keep answering exactly as before (see each one for what it does below).
     *
     * <p>The engine must only forget what nothing it still asks about needs: every prefix it will query (a copy's, an
     * acknowledgement in flight, PGCL, the staged boxcar) and every boxcar in flight is at or above {@code index - 1},
     * and no later truncation cuts below the boxcars it forgets (else {@link #truncateAbove} throws). A copy below
     * the cut (wiped, or new) is fine as long as it is filled past the cut with {@link Segment#fillUpTo} before it is
     * asked what it holds: until then it never claims a forgotten boxcar.
     *
     * @throws IllegalArgumentException when {@code index > size()}
     */
    public void forgetBelow(int index) {
        if (index > size) {
            throw new IllegalArgumentException("cannot forget boxcar " + (index - 1) + ": the log has " + size);
        }
        if (index <= firstKept) {
            return;
        }
        if (owner != null) {
            owner.logChanged();
        }
        int newStored = index - 1;
        sclBelowStored = sclOf(newStored - 1);
        stored = newStored;
        firstKept = index;
        int live = size - stored;
        int capacity = firstLsn.length;
        while (capacity > minCapacity && live * 4 < capacity) {
            capacity /= 2;
        }
        if (capacity < firstLsn.length) {
            relocate(capacity);
        }
    }

    /** Moves the stored part to the start of arrays of {@code capacity} slots (the same arrays when it fits). */
    private void relocate(int capacity) {
        int from = stored - origin;
        int live = size - stored;
        if (capacity == firstLsn.length) {
            System.arraycopy(firstLsn, from, firstLsn, 0, live);
            System.arraycopy(lastLsn, from, lastLsn, 0, live);
            System.arraycopy(truncated, from, truncated, 0, live);
        } else {
            firstLsn = Arrays.copyOfRange(firstLsn, from, from + capacity);
            lastLsn = Arrays.copyOfRange(lastLsn, from, from + capacity);
            truncated = Arrays.copyOfRange(truncated, from, from + capacity);
        }
        origin = stored;
    }

    /** Bytes the log's arrays take (two LSNs and a flag a slot): what a copy of it costs. */
    public long footprintBytes() {
        return 17L * firstLsn.length;
    }

    /** Slots allocated per array: for the memory tests. */
    int capacity() {
        return firstLsn.length;
    }

    /** @throws IllegalArgumentException when boxcar {@code index} is forgotten (below {@code firstKept() - 1}) */
    public long firstLsn(int index) {
        return firstLsn[slotOf(index)];
    }

    /** @throws IllegalArgumentException when boxcar {@code index} is forgotten (below {@code firstKept() - 1}) */
    public long lastLsn(int index) {
        return lastLsn[slotOf(index)];
    }

    private int slotOf(int index) {
        if (index < stored) {
            throw new IllegalArgumentException("boxcar " + index + " is forgotten (first kept " + firstKept + ")");
        }
        return index - origin;
    }

    /**
     * Whether recovery truncated boxcar {@code index}. A forgotten boxcar (below {@code firstKept() - 1}) answers
     * false: a copy that never held it (a new or wiped copy) must then be filled past it rather than skip it, which
     * is the safe side. An index at or above {@link #size()} answers false too.
     */
    public boolean isTruncated(int index) {
        return index >= stored && index < size && truncated[index - origin];
    }

    /**
     * Crash recovery's truncation (P17 §4.3): records above {@code vdl} are void. A boxcar entirely above is marked
     * truncated, so every copy treats it as present-and-empty and a late delivery is ignored; a boxcar straddling
     * {@code vdl} keeps its lower part.
     *
     * @throws IllegalStateException when the cut reaches into the forgotten boxcars: {@code vdl} is below the last
     *     LSN of the last live boxcar under {@code firstKept() - 1}, so the engine forgot too much
     */
    public void truncateAbove(long vdl) {
        if (owner != null) {
            owner.logChanged();
        }
        // LSNs only grow (a new writer starts above the last truncation range), so walk back until below vdl
        for (int i = size - 1; i >= stored; i--) {
            int at = i - origin;
            if (truncated[at]) {
                continue;
            }
            if (lastLsn[at] <= vdl) {
                return;
            }
            if (firstLsn[at] > vdl) {
                truncated[at] = true;
            } else {
                lastLsn[at] = vdl;
            }
        }
        // the untrimmed walk would go on to the last live forgotten boxcar and stop there only if it ends at or below
        if (sclBelowStored > vdl) {
            throw new IllegalStateException("truncation at " + vdl + " cuts into forgotten boxcars (below "
                    + firstKept + ", live up to " + sclBelowStored + ")");
        }
    }

    /**
     * SCL of a copy whose complete prefix ends at boxcar {@code prefix}: the last LSN it holds every record up to.
     * Exact for {@code prefix >= firstKept() - 1} and for -1 (0); for a forgotten prefix it answers as for
     * {@code firstKept() - 1}, an upper bound (the engine shows it, never decides with it).
     */
    public long sclOf(int prefix) {
        if (prefix < 0) {
            return 0;
        }
        for (int i = Math.min(prefix, size - 1); i >= stored; i--) {
            if (!truncated[i - origin]) {
                return lastLsn[i - origin];
            }
        }
        return sclBelowStored;
    }

    /**
     * The first LSN this PG still needs from boxcar {@code index} onwards, or {@link Long#MAX_VALUE} when every boxcar
     * from there on is truncated or there is none: the limit this PG places on VCL.
     *
     * @throws IllegalArgumentException when {@code index < firstKept() - 1}: the forgotten boxcars' answer is unknown
     */
    public long firstLiveLsnFrom(int index) {
        if (index < stored) {
            throw new IllegalArgumentException("boxcar " + index + " is forgotten (first kept " + firstKept + ")");
        }
        for (int i = index; i < size; i++) {
            if (!truncated[i - origin]) {
                return firstLsn[i - origin];
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * The highest LSN a copy holding boxcars up to {@code prefix} is complete through: just below the next live
     * boxcar, or {@link Long#MAX_VALUE} when no live boxcar follows. Needs {@code prefix >= firstKept() - 2}.
     */
    public long completeThrough(int prefix) {
        long next = firstLiveLsnFrom(prefix + 1);
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - 1;
    }

    /**
     * The highest boxcar index whose first record is at or below {@code lsn}, or -1. Clamped once boxcars are
     * forgotten: when the true answer is below {@code firstKept() - 1} it returns {@code firstKept() - 1}. Every
     * engine caller compares the answer with a copy's prefix ("does it hold everything up to here?"), and the engine
     * keeps those prefixes at or above {@code firstKept() - 1}, where the clamped and the true index give the same
     * answer.
     */
    public int lastIndexAtOrBelow(long lsn) {
        int from = stored - origin;
        int found = LsnSearch.lastStartingAtOrBelow(firstLsn, from, size - origin, lsn);
        if (found < from) {
            return firstKept == 0 ? -1 : stored;
        }
        return origin + found;
    }
}

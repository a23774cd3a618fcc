package dev.auroralab.engine.storage;

import java.util.function.Consumer;

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
 * the cut is kept so a copy whose prefix ends there still has an exact SCL) plus the SCL below that one. The boxcars
 * live in {@link ChunkedColumns}: a copy (a run's keyframe) shares the old ones with its original.
 */
public final class BoxcarLog {

    private static final int INITIAL_CAPACITY = 16;
    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int TRUNCATED = 2;

    /** Per boxcar: first LSN, last LSN, truncated (1) or not (0). */
    private final ChunkedColumns rows;
    /** The lowest boxcar index still stored: {@code max(0, firstKept - 1)}. */
    private int stored;
    private int firstKept;
    /** SCL of a copy whose prefix ends just below {@code stored}: the last live boxcar's last LSN among the dropped. */
    private long sclBelowStored;
    /** The group whose log this is: told when the log grows or is cut, so its volume's aggregates follow. */
    ProtectionGroup owner;

    public BoxcarLog() {
        this(INITIAL_CAPACITY);
    }

    /** A log whose storage starts (and never shrinks below) {@code initialCapacity} boxcars: tests use tiny ones. */
    BoxcarLog(int initialCapacity) {
        rows = new ChunkedColumns(3, initialCapacity);
    }

    private BoxcarLog(BoxcarLog of) {
        rows = of.rows.copy();
        stored = of.stored;
        firstKept = of.firstKept;
        sclBelowStored = of.sclBelowStored;
    }

    /**
     * An independent copy: appending, truncating or trimming one leaves the other as it was. It shares the old
     * boxcars with this log (see {@link ChunkedColumns}), so it costs about the last two thousand boxcars.
     */
    public BoxcarLog copy() {
        return new BoxcarLog(this);
    }

    /** Appends a boxcar and returns its index in this PG's log. */
    public int append(long first, long last) {
        int at = rows.append();
        rows.set(at, FIRST, first);
        rows.set(at, LAST, last);
        if (owner != null) {
            owner.logChanged();
        }
        return at;
    }

    /** Total boxcars ever appended, forgotten ones included: the next index {@link #append} returns. */
    public int size() {
        return rows.end();
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
        if (index > size()) {
            throw new IllegalArgumentException("cannot forget boxcar " + (index - 1) + ": the log has " + size());
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
        rows.forgetBelow(stored);
    }

    /** Bytes this log holds alone (the boxcars it shares with its copies: {@link #forEachSharedChunk}). */
    public long footprintBytes() {
        return rows.ownBytes();
    }

    /** Bytes of each chunk {@link #forEachSharedChunk} names. */
    public long sharedChunkBytes() {
        return rows.chunkBytes();
    }

    /** Each block of old boxcars this log may share with its copies, by identity: a memory budget counts each once. */
    public void forEachSharedChunk(Consumer<Object> chunk) {
        rows.forEachChunk(chunk);
    }

    /** Boxcar slots held in memory: for the memory tests. */
    int capacity() {
        return rows.heldRows();
    }

    /** @throws IllegalArgumentException when boxcar {@code index} is forgotten (below {@code firstKept() - 1}) */
    public long firstLsn(int index) {
        return rows.get(checked(index), FIRST);
    }

    /** @throws IllegalArgumentException when boxcar {@code index} is forgotten (below {@code firstKept() - 1}) */
    public long lastLsn(int index) {
        return rows.get(checked(index), LAST);
    }

    private int checked(int index) {
        if (index < stored) {
            throw new IllegalArgumentException("boxcar " + index + " is forgotten (first kept " + firstKept + ")");
        }
        return index;
    }

    /**
     * Whether recovery truncated boxcar {@code index}. A forgotten boxcar (below {@code firstKept() - 1}) answers
     * false: a copy that never held it (a new or wiped copy) must then be filled past it rather than skip it, which
     * is the safe side. An index at or above {@link #size()} answers false too.
     */
    public boolean isTruncated(int index) {
        return index >= stored && index < size() && rows.get(index, TRUNCATED) != 0;
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
        for (int i = size() - 1; i >= stored; i--) {
            if (rows.get(i, TRUNCATED) != 0) {
                continue;
            }
            if (rows.get(i, LAST) <= vdl) {
                return;
            }
            if (rows.get(i, FIRST) > vdl) {
                rows.set(i, TRUNCATED, 1);
            } else {
                rows.set(i, LAST, vdl);
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
        for (int i = Math.min(prefix, size() - 1); i >= stored; i--) {
            if (rows.get(i, TRUNCATED) == 0) {
                return rows.get(i, LAST);
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
        checked(index);
        for (int i = index, size = size(); i < size; i++) {
            if (rows.get(i, TRUNCATED) == 0) {
                return rows.get(i, FIRST);
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
        int found = rows.lastAtOrBelow(FIRST, lsn);
        if (found < stored) {
            return firstKept == 0 ? -1 : stored;
        }
        return found;
    }
}

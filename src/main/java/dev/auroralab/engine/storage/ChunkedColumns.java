package dev.auroralab.engine.storage;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Rows of {@code width} longs with absolute row indices, appended at the end and forgotten at the front: the storage
 * of the boxcar log and the commit ledger, which grow for as long as a copy is out (an AZ outage keeps every boxcar
 * since the outage began).
 *
 * <p>Why chunks: a run keeps engine copies as keyframes (see {@code dev.auroralab.run.Run}). Copying a log that holds
 * ten minutes of boxcars into every keyframe cost 15 MiB a keyframe, so the keyframe budget allowed only a few and a
 * seek replayed up to a minute. Here the old rows live in sealed chunks of {@link #CHUNK_ROWS} rows that a copy shares
 * with its original; only the unsealed tail (at most about {@code 2 * CHUNK_ROWS} rows) is copied. A sealed chunk is
 * written only by a truncation reaching below the tail; that write clones the chunk first (copy on write), so a
 * copy and its original never see each other's changes.
 *
 * <p>Rows below {@link #first()} are forgotten: reading one is the caller's error (not checked here, the callers do).
 */
final class ChunkedColumns {

    static final int CHUNK_SHIFT = 10;
    /** Rows in a sealed chunk. */
    static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_ROWS - 1;

    private final int width;
    /** The tail never shrinks below this many rows. */
    private final int minRows;

    /** Sealed chunks, each {@code CHUNK_ROWS * width} longs, row-major; chunk 0 starts at row {@link #chunkBase}. */
    private long[][] chunks = new long[0][];
    /** Whether this instance may write chunk j in place: it cloned it itself and made no copy since. */
    private boolean[] owned = new boolean[0];
    private int chunkCount;
    private int chunkBase;

    /** The unsealed rows, row-major; row {@link #origin} is at index 0. */
    private long[] tail;
    private int origin;
    private int first;
    private int end;

    ChunkedColumns(int width, int minRows) {
        this.width = width;
        this.minRows = minRows;
        tail = new long[minRows * width];
    }

    /** An independent copy sharing the sealed chunks (neither writes a shared chunk in place any more). */
    ChunkedColumns copy() {
        Arrays.fill(owned, false);
        return new ChunkedColumns(this);
    }

    private ChunkedColumns(ChunkedColumns of) {
        width = of.width;
        minRows = of.minRows;
        chunks = Arrays.copyOf(of.chunks, of.chunkCount);
        owned = new boolean[of.chunkCount];
        chunkCount = of.chunkCount;
        chunkBase = of.chunkBase;
        // only the live part of the tail, into an array just large enough: keyframes are many copies
        int from = Math.max(of.first, of.origin);
        int rows = Math.max(minRows, of.end - from + 1);
        origin = chunkCount > 0 ? of.origin : from;
        int skip = (origin - of.origin) * width;
        tail = Arrays.copyOfRange(of.tail, skip, skip + rows * width);
        first = of.first;
        end = of.end;
    }

    /** Rows ever appended, forgotten ones included: the index the next {@link #append} returns. */
    int end() {
        return end;
    }

    /** The lowest row still held. */
    int first() {
        return first;
    }

    long get(int row, int column) {
        if (row >= origin) {
            return tail[(row - origin) * width + column];
        }
        int r = row - chunkBase;
        return chunks[r >>> CHUNK_SHIFT][(r & CHUNK_MASK) * width + column];
    }

    void set(int row, int column, long value) {
        if (row >= origin) {
            tail[(row - origin) * width + column] = value;
            return;
        }
        int r = row - chunkBase;
        int j = r >>> CHUNK_SHIFT;
        if (!owned[j]) {
            chunks[j] = chunks[j].clone();
            owned[j] = true;
        }
        chunks[j][(r & CHUNK_MASK) * width + column] = value;
    }

    /** Adds a row (all zero) and returns its index. */
    int append() {
        int tailRows = tail.length / width;
        if (end - origin == tailRows) {
            if (tailRows >= 2 * CHUNK_ROWS && first - origin < CHUNK_ROWS) {
                seal();
            } else {
                int from = Math.max(first, origin);
                relocate(from, (end - from) * 2 > tailRows ? tailRows * 2 : tailRows);
            }
        }
        int at = (end - origin) * width;
        Arrays.fill(tail, at, at + width, 0L);
        return end++;
    }

    /** Moves the tail's first chunk of rows into a sealed chunk. */
    private void seal() {
        if (chunkCount == chunks.length) {
            int grown = Math.max(4, chunkCount * 2);
            chunks = Arrays.copyOf(chunks, grown);
            owned = Arrays.copyOf(owned, grown);
        }
        if (chunkCount == 0) {
            chunkBase = origin;
        }
        chunks[chunkCount] = Arrays.copyOf(tail, CHUNK_ROWS * width);
        owned[chunkCount] = true;
        chunkCount++;
        System.arraycopy(tail, CHUNK_ROWS * width, tail, 0, tail.length - CHUNK_ROWS * width);
        origin += CHUNK_ROWS;
    }

    /** Moves the tail's rows from {@code from} to the start of an array of {@code rows} rows. */
    private void relocate(int from, int rows) {
        int skip = (from - origin) * width;
        int live = (end - from) * width;
        if (rows * width == tail.length) {
            System.arraycopy(tail, skip, tail, 0, live);
        } else {
            tail = Arrays.copyOfRange(tail, skip, skip + rows * width);
        }
        origin = from;
    }

    /**
     * Forgets the rows below {@code row}; a no-op when they already are. Sealed chunks wholly below go, and a tail
     * mostly forgotten shrinks.
     */
    void forgetBelow(int row) {
        if (row <= first) {
            return;
        }
        first = row;
        int drop = 0;
        while (drop < chunkCount && chunkBase + (drop + 1) * CHUNK_ROWS <= row) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(chunks, drop, chunks, 0, chunkCount - drop);
            System.arraycopy(owned, drop, owned, 0, chunkCount - drop);
            Arrays.fill(chunks, chunkCount - drop, chunkCount, null);
            chunkCount -= drop;
            chunkBase += drop * CHUNK_ROWS;
        }
        if (chunkCount > 0) {
            return;
        }
        int live = end - Math.max(first, origin);
        int rows = tail.length / width;
        int capacity = rows;
        while (capacity > minRows && live * 4 < capacity) {
            capacity /= 2;
        }
        if (capacity < rows) {
            relocate(Math.max(first, origin), capacity);
        }
    }

    /**
     * Cuts the rows from {@code newEnd} on (a truncation): they are gone, and the next append returns {@code newEnd}.
     * A cut into the sealed chunks turns the chunk it lands in back into tail.
     */
    void cutFrom(int newEnd) {
        if (newEnd >= end) {
            return;
        }
        if (newEnd < origin && chunkCount > 0) {
            int j = newEnd <= chunkBase ? 0 : (newEnd - chunkBase) >>> CHUNK_SHIFT;
            int start = chunkBase + j * CHUNK_ROWS;
            // the rows of chunk j below newEnd become the tail; the chunks from j on go
            long[] rebuilt = new long[Math.max(minRows, 2 * CHUNK_ROWS) * width];
            System.arraycopy(chunks[j], 0, rebuilt, 0, Math.max(0, newEnd - start) * width);
            Arrays.fill(chunks, j, chunkCount, null);
            chunkCount = j;
            tail = rebuilt;
            origin = start;
        }
        end = Math.max(newEnd, first);
    }

    /**
     * The last row in {@code [first(), end())} whose {@code column} is at or below {@code value}, or
     * {@code first() - 1}; the column must be ascending over those rows.
     */
    int lastAtOrBelow(int column, long value) {
        int tailFrom = Math.max(first, origin);
        if (chunkCount == 0 || (end > tailFrom && tail[(tailFrom - origin) * width + column] <= value)) {
            return searchRows(tail, origin, tailFrom, end, column, value);
        }
        // the last chunk whose first live row is at or below value
        int lo = 0;
        int hi = chunkCount - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int start = Math.max(first, chunkBase + mid * CHUNK_ROWS);
            if (get(start, column) <= value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return first - 1;
        }
        int chunkStart = chunkBase + found * CHUNK_ROWS;
        return searchRows(chunks[found], chunkStart, Math.max(first, chunkStart),
                Math.min(end, chunkStart + CHUNK_ROWS), column, value);
    }

    /** Binary search over rows {@code [from, to)} of {@code rows}, whose row 0 is row {@code base}. */
    private int searchRows(long[] rows, int base, int from, int to, int column, long value) {
        int lo = from;
        int hi = to - 1;
        int found = from - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (rows[(mid - base) * width + column] <= value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Rows held in memory, sealed and tail: for the memory tests. */
    int heldRows() {
        return chunkCount * CHUNK_ROWS + tail.length / width;
    }

    /** Bytes this instance holds alone: the tail and the chunk directory (shared chunks: {@link #forEachChunk}). */
    long ownBytes() {
        return 8L * tail.length + 8L * chunkCount + 64;
    }

    /** Bytes of one sealed chunk. */
    long chunkBytes() {
        return 8L * CHUNK_ROWS * width + 16;
    }

    /** Each sealed chunk, by identity: copies share them, so a memory budget counts each once. */
    void forEachChunk(Consumer<Object> chunk) {
        for (int j = 0; j < chunkCount; j++) {
            chunk.accept(chunks[j]);
        }
    }
}

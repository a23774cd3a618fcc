package dev.auroralab.engine.storage;

import dev.auroralab.engine.Scheduled;

import java.util.Arrays;

/**
 * One copy of a protection group on one storage node.
 *
 * <p>Aurora: a segment persists the boxcars it receives and acknowledges with its SCL, the highest LSN up to which it
 * holds every record of its PG; records it missed are found from the backlink chain and fetched from peers by gossip
 * (P17 §4.2.1, P18 §2.2-2.3). Storage has no vote: it must accept a write from the current epoch (P18 §2.3), and it
 * rejects requests that carry a stale volume epoch, which is how a new writer fences the old one (P18 §2.4).
 *
 * <p>Model: a segment holds a set of boxcar indices of its PG's {@link BoxcarLog}: a complete prefix plus any boxcars
 * that arrived beyond a hole. Its SCL is the last LSN of the prefix. Records are never materialised.
 *
 * <p>The boxcars beyond the hole live in a small window of bits that starts at the lowest of them, not at boxcar 0,
 * so a copy costs memory in proportion to the boxcars it holds out of order, however far the volume has run.
 */
public final class Segment {

    private final String id;
    private final char letter;
    private final ProtectionGroup pg;
    private final StorageNode node;
    private final int slot;
    private SegmentState state = SegmentState.UP;
    private int prefix = -1;
    /** Boxcars held beyond the prefix: bit i of word w is boxcar {@code beyondBase + 64 * w + i}. */
    private long[] beyond = new long[1];
    /** A multiple of 64; meaningless while {@code beyondCount} is 0. */
    private int beyondBase;
    private int beyondCount;
    private int catchUpTarget = -1;
    private long volumeEpoch;
    /** The writer's knowledge of this copy's prefix, from its acknowledgements (reset when the writer changes). */
    private int ackedPrefix = -1;
    /** Failed by a user action on this copy (as opposed to its node or AZ being out). */
    private boolean failedByUser;
    /** Replaced by a membership change: no longer part of its PG. */
    private boolean retired;
    /** Increments at every state change so a scheduled repair check can tell it is stale. */
    private int generation;
    /** How scheduled messages name this copy: fixed for its life, so worked out once. */
    private final Scheduled.CopyRef ref;

    Segment(String id, char letter, ProtectionGroup pg, StorageNode node, int slot) {
        this.id = id;
        this.letter = letter;
        this.pg = pg;
        this.node = node;
        this.slot = slot;
        this.ref = new Scheduled.CopyRef(pg.regionIndex(), pg.index(), letter);
    }

    /** How a scheduled message names this copy: region index, PG index and letter. */
    public Scheduled.CopyRef ref() {
        return ref;
    }

    /**
     * This copy as it is now, for a copied protection group {@code pg} on {@code node} (the copy of its node): every
     * field is the same, and later changes to either leave the other alone.
     */
    Segment copyFor(ProtectionGroup pg, StorageNode node) {
        Segment c = new Segment(id, letter, pg, node, slot);
        c.state = state;
        c.prefix = prefix;
        c.beyond = beyond.clone();
        c.beyondBase = beyondBase;
        c.beyondCount = beyondCount;
        c.catchUpTarget = catchUpTarget;
        c.volumeEpoch = volumeEpoch;
        c.ackedPrefix = ackedPrefix;
        c.failedByUser = failedByUser;
        c.retired = retired;
        c.generation = generation;
        return c;
    }

    public String id() {
        return id;
    }

    /** The P18-style name within its PG: A-F for the first six copies, G, H, ... for replacements. */
    public char letter() {
        return letter;
    }

    public ProtectionGroup pg() {
        return pg;
    }

    public StorageNode node() {
        return node;
    }

    public String az() {
        return node.az();
    }

    public int slot() {
        return slot;
    }

    public SegmentState state() {
        return state;
    }

    public void setState(SegmentState state) {
        pg.copiesChanged();
        this.state = state;
        generation++;
    }

    public int generation() {
        return generation;
    }

    public boolean failedByUser() {
        return failedByUser;
    }

    public void setFailedByUser(boolean failedByUser) {
        this.failedByUser = failedByUser;
    }

    public boolean retired() {
        return retired;
    }

    /** Reachable with its data: a read (or crash recovery's quorum read) can use it. */
    public boolean servesReads() {
        return (state == SegmentState.UP || state == SegmentState.CATCHING_UP) && !retired;
    }

    /** Still exists with whatever it held, reachable or not: not destroyed, not retired, not an unfilled new copy. */
    public boolean survives() {
        return !retired && state != SegmentState.DESTROYED && state != SegmentState.REPLACING;
    }

    public void retire() {
        pg.copiesChanged();
        this.retired = true;
    }

    public int prefix() {
        return prefix;
    }

    public long scl() {
        return pg.log().sclOf(prefix);
    }

    public long volumeEpoch() {
        return volumeEpoch;
    }

    public void setVolumeEpoch(long epoch) {
        this.volumeEpoch = epoch;
    }

    public int ackedPrefix() {
        return ackedPrefix;
    }

    public void setAckedPrefix(int ackedPrefix) {
        this.ackedPrefix = ackedPrefix;
    }

    public int catchUpTarget() {
        return catchUpTarget;
    }

    public void setCatchUpTarget(int target) {
        this.catchUpTarget = target;
    }

    /** Whether this copy holds boxcar {@code index} (a truncated boxcar counts as held: it is empty). */
    public boolean holds(int index) {
        return index <= prefix || beyondHolds(index) || pg.log().isTruncated(index);
    }

    /** Whether this copy holds every boxcar up to {@code index}. */
    public boolean holdsAllUpTo(int index) {
        return prefix >= index || allTruncatedBetween(prefix + 1, index);
    }

    private boolean allTruncatedBetween(int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!pg.log().isTruncated(i) && !beyondHolds(i)) {
                return false;
            }
        }
        return true;
    }

    /** Persists boxcar {@code index}. Returns the new prefix. */
    public int receive(int index) {
        pg.prefixChanged();
        if (index > prefix) {
            beyondAdd(index);
            advancePrefix();
        }
        return prefix;
    }

    /** Copies every boxcar up to {@code index} from a peer (hydration of a new copy, or bulk gossip). */
    public void fillUpTo(int index) {
        pg.prefixChanged();
        if (index <= prefix) {
            return;
        }
        // everything up to the end of the log is now held: jump the prefix there instead of setting a bit per boxcar
        int reach = Math.min(index, pg.log().size() - 1);
        if (reach > prefix) {
            prefix = reach;
            beyondDropUpTo(prefix);
        }
        // boxcars not sent yet are held beyond, as if they had arrived (kept so behaviour matches the old bit set)
        for (long i = prefix + 1; i <= index; i++) {
            beyondAdd((int) i);
        }
        advancePrefix();
    }

    private void advancePrefix() {
        BoxcarLog log = pg.log();
        int next = prefix + 1;
        while (next < log.size() && (beyondHolds(next) || log.isTruncated(next))) {
            next++;
        }
        prefix = next - 1;
        beyondDropUpTo(prefix);
    }

    /** Drops what recovery truncated: boxcars above the cut are void, and a straddling boxcar keeps its lower part. */
    public void applyTruncation() {
        pg.prefixChanged();
        advancePrefix();
    }

    /** A destroyed copy loses everything it held. */
    public void wipe() {
        pg.prefixChanged();
        prefix = -1;
        beyondClear();
        ackedPrefix = -1;
    }

    // ---- the window of boxcars beyond the prefix ------------------------------------------------------------------

    private boolean beyondHolds(int index) {
        if (beyondCount == 0 || index < beyondBase) {
            return false;
        }
        int word = (index - beyondBase) >>> 6;
        return word < beyond.length && (beyond[word] & (1L << index)) != 0;
    }

    private void beyondAdd(int index) {
        if (beyondCount == 0) {
            beyondBase = index & ~63;
        } else if (index < beyondBase) {
            int newBase = index & ~63;
            int shift = (beyondBase - newBase) >>> 6;
            long[] grown = new long[beyond.length + shift];
            System.arraycopy(beyond, 0, grown, shift, beyond.length);
            beyond = grown;
            beyondBase = newBase;
        }
        int word = (index - beyondBase) >>> 6;
        if (word >= beyond.length) {
            beyond = Arrays.copyOf(beyond, Math.max(word + 1, beyond.length * 2));
        }
        long bit = 1L << index;
        if ((beyond[word] & bit) == 0) {
            beyond[word] |= bit;
            beyondCount++;
        }
    }

    /** Forgets the bits at or below {@code index} and slides the window up so it starts at the first word in use. */
    private void beyondDropUpTo(int index) {
        if (beyondCount == 0 || index < beyondBase) {
            return;
        }
        int countBefore = beyondCount;
        int words = Math.min(beyond.length, ((index - beyondBase) >>> 6) + 1);
        for (int w = 0; w < words; w++) {
            long keep = w == words - 1 && w == (index - beyondBase) >>> 6 ? -2L << index : 0;
            beyondCount -= Long.bitCount(beyond[w] & ~keep);
            beyond[w] &= keep;
        }
        if (beyondCount == 0) {
            beyondClear();
            return;
        }
        if (beyondCount == countBefore && beyond[0] != 0) {
            return; // nothing left the window: the usual case while a hole waits for gossip
        }
        int first = 0;
        while (beyond[first] == 0) {
            first++;
        }
        int last = beyond.length - 1;
        while (beyond[last] == 0) {
            last--;
        }
        int used = last - first + 1;
        if (first > 0 || used * 4 < beyond.length) {
            // a window four times too big shrinks: memory follows the hole, not the longest hole ever seen
            int length = used * 4 < beyond.length ? Math.max(1, used * 2) : beyond.length;
            long[] moved = length == beyond.length ? beyond : new long[length];
            System.arraycopy(beyond, first, moved, 0, used);
            if (moved == beyond) {
                Arrays.fill(beyond, used, beyond.length, 0);
            }
            beyond = moved;
            beyondBase += first * 64;
        }
    }

    private void beyondClear() {
        if (beyond.length > 4) {
            beyond = new long[1];
        } else {
            Arrays.fill(beyond, 0);
        }
        beyondCount = 0;
    }

    /** Words of the window beyond the prefix: for the memory tests. */
    int beyondWords() {
        return beyond.length;
    }

    @Override
    public String toString() {
        return id;
    }
}

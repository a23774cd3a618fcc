package dev.auroralab.engine.storage;

import java.util.BitSet;

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
 */
public final class Segment {

    private final String id;
    private final char letter;
    private final ProtectionGroup pg;
    private final StorageNode node;
    private final int slot;
    private SegmentState state = SegmentState.UP;
    private int prefix = -1;
    private final BitSet beyond = new BitSet();
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

    Segment(String id, char letter, ProtectionGroup pg, StorageNode node, int slot) {
        this.id = id;
        this.letter = letter;
        this.pg = pg;
        this.node = node;
        this.slot = slot;
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
        return index <= prefix || beyond.get(index) || pg.log().isTruncated(index);
    }

    /** Whether this copy holds every boxcar up to {@code index}. */
    public boolean holdsAllUpTo(int index) {
        return prefix >= index || allTruncatedBetween(prefix + 1, index);
    }

    private boolean allTruncatedBetween(int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!pg.log().isTruncated(i) && !beyond.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Persists boxcar {@code index}. Returns the new prefix. */
    public int receive(int index) {
        if (index > prefix) {
            beyond.set(index);
            advancePrefix();
        }
        return prefix;
    }

    /** Copies every boxcar up to {@code index} from a peer (hydration of a new copy, or bulk gossip). */
    public void fillUpTo(int index) {
        if (index > prefix) {
            beyond.set(prefix + 1, index + 1);
            advancePrefix();
        }
    }

    private void advancePrefix() {
        BoxcarLog log = pg.log();
        int next = prefix + 1;
        while (next < log.size() && (beyond.get(next) || log.isTruncated(next))) {
            beyond.clear(next);
            next++;
        }
        prefix = next - 1;
    }

    /** Drops what recovery truncated: boxcars above the cut are void, and a straddling boxcar keeps its lower part. */
    public void applyTruncation() {
        advancePrefix();
    }

    /** A destroyed copy loses everything it held. */
    public void wipe() {
        prefix = -1;
        beyond.clear();
        ackedPrefix = -1;
    }

    @Override
    public String toString() {
        return id;
    }
}

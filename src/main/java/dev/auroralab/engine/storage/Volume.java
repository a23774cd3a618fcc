package dev.auroralab.engine.storage;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A region's volume seen all at once: the aggregates the engine asks of every protection group together, kept up to
 * date as single groups change, so that the cost of a write, a read or a quorum check does not grow with the size of
 * the volume (a 128 TiB volume has 13,108 groups).
 *
 * <p>Aurora: VCL is the highest LSN below which no record misses a write quorum in any PG (P18 §2.3, Fig. 3); a read
 * is served when a copy of each PG it touches holds the read point (P17 §4.2.3); the volume is writable while every
 * PG has its write quorum (P17 §2.1). Model: a group that changes (a copy persisted a boxcar, changed state, was
 * replaced; its log grew; its PGCL moved) marks itself dirty here; the next question refreshes only the dirty groups:
 * a min-tree over each group's VCL limit, a min-tree over each group's read limit, and the list of groups whose quorum
 * may have changed. The answers are exactly what a loop over every group would give (VolumeTest).
 */
public final class Volume {

    private final List<ProtectionGroup> pgs;
    private final int leaves;
    private final long[] vclTree;
    private final long[] readTree;
    private int[] vclDirty = new int[16];
    private int vclDirtyCount;
    private int[] readDirty = new int[16];
    private int readDirtyCount;
    private int[] quorumDirty = new int[16];
    private int quorumDirtyCount;

    /**
     * Indexes {@code pgs} (the region's list, indexed by {@link ProtectionGroup#index()}, complete: the volume does
     * not grow while running). Every group starts quorum-dirty, so a copied engine reports any change its original
     * had not reported yet.
     */
    public Volume(List<ProtectionGroup> pgs) {
        this.pgs = pgs;
        int n = 1;
        while (n < Math.max(1, pgs.size())) {
            n <<= 1;
        }
        leaves = n;
        vclTree = new long[2 * n];
        readTree = new long[2 * n];
        Arrays.fill(vclTree, Long.MAX_VALUE);
        Arrays.fill(readTree, Long.MAX_VALUE);
        for (ProtectionGroup pg : pgs) {
            pg.attach(this);
            vclTree[n + pg.index()] = pg.vclLimit();
            readTree[n + pg.index()] = pg.readLimitLsn();
            markQuorum(pg);
        }
        for (int i = n - 1; i >= 1; i--) {
            vclTree[i] = Math.min(vclTree[2 * i], vclTree[2 * i + 1]);
            readTree[i] = Math.min(readTree[2 * i], readTree[2 * i + 1]);
        }
    }

    /** VCL of this volume: the lowest VCL limit of its groups, capped at {@code maxAllocatedLsn} (P18 §2.3). */
    public long completeLsn(long maxAllocatedLsn) {
        for (int k = 0; k < vclDirtyCount; k++) {
            ProtectionGroup pg = pgs.get(vclDirty[k]);
            pg.vclDirty = false;
            set(vclTree, pg.index(), pg.vclLimit());
        }
        vclDirtyCount = 0;
        return Math.min(maxAllocatedLsn, vclTree[1]);
    }

    /**
     * The highest read point every group can serve now: a read at or below it finds, in each group, a reachable copy
     * holding it. {@link Long#MIN_VALUE} when some group has none for any read point.
     */
    public long readableThroughLsn() {
        for (int k = 0; k < readDirtyCount; k++) {
            ProtectionGroup pg = pgs.get(readDirty[k]);
            pg.readDirty = false;
            set(readTree, pg.index(), pg.readLimitLsn());
        }
        readDirtyCount = 0;
        return readTree[1];
    }

    /** Calls {@code visit} with the index of every group whose quorum may have changed, in ascending order; clears. */
    public void drainQuorumChanges(IntConsumer visit) {
        if (quorumDirtyCount == 0) {
            return;
        }
        int[] dirty = Arrays.copyOf(quorumDirty, quorumDirtyCount);
        quorumDirtyCount = 0;
        Arrays.sort(dirty);
        for (int g : dirty) {
            pgs.get(g).quorumDirty = false;
        }
        for (int g : dirty) {
            visit.accept(g);
        }
    }

    // ---- marks, from the groups ----------------------------------------------------------------------------------

    void markVcl(ProtectionGroup pg) {
        if (!pg.vclDirty) {
            pg.vclDirty = true;
            vclDirty = push(vclDirty, vclDirtyCount++, pg.index());
        }
    }

    void markRead(ProtectionGroup pg) {
        if (!pg.readDirty) {
            pg.readDirty = true;
            readDirty = push(readDirty, readDirtyCount++, pg.index());
        }
    }

    void markQuorum(ProtectionGroup pg) {
        if (!pg.quorumDirty) {
            pg.quorumDirty = true;
            quorumDirty = push(quorumDirty, quorumDirtyCount++, pg.index());
        }
    }

    private static int[] push(int[] list, int at, int value) {
        int[] out = at == list.length ? Arrays.copyOf(list, at * 2) : list;
        out[at] = value;
        return out;
    }

    private void set(long[] tree, int index, long value) {
        int i = leaves + index;
        tree[i] = value;
        for (i >>= 1; i >= 1; i >>= 1) {
            long m = Math.min(tree[2 * i], tree[2 * i + 1]);
            if (tree[i] == m) {
                break;
            }
            tree[i] = m;
        }
    }
}

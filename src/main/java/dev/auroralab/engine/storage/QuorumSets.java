package dev.auroralab.engine.storage;

import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import java.util.ArrayList;
import java.util.List;

/**
 * The quorum sets of one protection group. Normally one term: the six copies, of which a write needs 4 and a read 3
 * (P17 §2.1). While a copy is being replaced, each slot with a replacement doubles the terms (the old copy or the new
 * one, P18 §4, "quorum sets during membership changes"): a write must reach the write quorum in every term (AND) and a
 * read in any one (OR). In the degraded model a slot of the AZ left out is not active and the terms are 4 long.
 *
 * <p>Works out the terms, the write and read gauges (fewest copies taking writes over all terms, most copies with their
 * data over all terms) and the acknowledged prefix the writer may claim as PGCL. The gauges and the mask of slots with
 * a replacement are cached until {@link #forget()} (a copy changed state or the membership changed); the acknowledged
 * prefix is worked out each time without allocating, as it is asked on every acknowledgement.
 *
 * <p>Simplifies: terms are built from the group's six slots in slot order; a slot has at most one replacement at a
 * time.
 */
final class QuorumSets {

    private final ProtectionGroup pg;
    private final int[] scratch = new int[ModelValues.COPIES_PER_PG];
    /** The cached values; -1 once forgotten. */
    private int replacementMask = -1;
    private int writable = -1;
    private int readable = -1;

    QuorumSets(ProtectionGroup pg) {
        this.pg = pg;
    }

    /** A copy changed state, or the membership or model changed: what was cached may be wrong now. */
    void forget() {
        replacementMask = -1;
        writable = -1;
        readable = -1;
    }

    /** Active slots that have a replacement in flight: each doubles the number of quorum terms. */
    private int replacementMask() {
        if (replacementMask < 0) {
            int mask = 0;
            for (int i = 0; i < ModelValues.COPIES_PER_PG; i++) {
                Slot slot = pg.slot(i);
                if (pg.active(slot) && slot.replacement() != null) {
                    mask |= 1 << i;
                }
            }
            replacementMask = mask;
        }
        return replacementMask;
    }

    /** The quorum terms in force, each a list of copies: ABCDEF, or ABCDEF and ABCDEG during a change, etc. */
    List<List<Segment>> terms() {
        int mask = replacementMask();
        List<List<Segment>> terms = new ArrayList<>();
        for (int choice = 0; choice < (1 << ModelValues.COPIES_PER_PG); choice++) {
            if ((choice & ~mask) != 0) {
                continue;
            }
            List<Segment> term = new ArrayList<>(ModelValues.COPIES_PER_PG);
            for (int i = 0; i < ModelValues.COPIES_PER_PG; i++) {
                Slot slot = pg.slot(i);
                if (pg.active(slot)) {
                    term.add((choice & (1 << i)) != 0 ? slot.replacement() : slot.current());
                }
            }
            terms.add(term);
        }
        return terms;
    }

    /** Fewest copies accepting writes over all terms: the number a write-quorum gauge shows. */
    int writableCopies() {
        if (writable < 0) {
            int min = Integer.MAX_VALUE;
            for (List<Segment> term : terms()) {
                int n = 0;
                for (Segment s : term) {
                    if (s.state().accepting()) {
                        n++;
                    }
                }
                min = Math.min(min, n);
            }
            writable = min;
        }
        return writable;
    }

    /** Most copies reachable with their data over all terms: the number a read-quorum gauge shows. */
    int readableCopies() {
        if (readable < 0) {
            int max = 0;
            for (List<Segment> term : terms()) {
                int n = 0;
                for (Segment s : term) {
                    if (s.state() == SegmentState.UP || s.state() == SegmentState.CATCHING_UP) {
                        n++;
                    }
                }
                max = Math.max(max, n);
            }
            readable = max;
        }
        return readable;
    }

    /**
     * The PG complete point the writer may claim from the acknowledged prefixes: for each term, the Vw-th highest
     * acknowledged prefix; the group is complete up to the lowest of those (the AND of the terms).
     */
    int ackedPrefix() {
        int mask = replacementMask();
        int w = pg.writeQuorumSize();
        if (mask == 0) {
            return vwthHighest(w, 0);
        }
        int min = Integer.MAX_VALUE;
        for (int choice = 0; choice < (1 << ModelValues.COPIES_PER_PG); choice++) {
            if ((choice & ~mask) == 0) {
                min = Math.min(min, vwthHighest(w, choice));
            }
        }
        return min;
    }

    /** The {@code w}-th highest acknowledged prefix in the term {@code choice} picks; -1 when it has fewer copies. */
    private int vwthHighest(int w, int choice) {
        int n = 0;
        for (int i = 0; i < ModelValues.COPIES_PER_PG; i++) {
            Slot slot = pg.slot(i);
            if (!pg.active(slot)) {
                continue;
            }
            Segment s = (choice & (1 << i)) != 0 ? slot.replacement() : slot.current();
            // insertion sort, descending
            int v = s.ackedPrefix();
            int j = n++;
            while (j > 0 && scratch[j - 1] < v) {
                scratch[j] = scratch[j - 1];
                j--;
            }
            scratch[j] = v;
        }
        return n >= w ? scratch[w - 1] : -1;
    }
}

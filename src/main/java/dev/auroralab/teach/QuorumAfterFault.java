package dev.auroralab.teach;

import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.storage.SegmentState;
import java.util.List;
import java.util.Set;

/**
 * A protection group's write and read quorums counted again as if some of its copies went down now.
 *
 * <p>Aurora: a write needs the write quorum in every term of the write set (AND), a read the read quorum in any term of
 * the read set (OR); normally one term, 4/6 and 3/6 of ABCDEF; while F is replaced by G, 4/6 of ABCDEF AND 4/6 of
 * ABCDEG (P18 §4); in the degraded model of a long AZ loss, 3/4 and 2/4 (P18 §4.1).
 *
 * <p>What is the engine's and what is counted here: the terms and the number each needs are the engine's own, read
 * from the snapshot's write and read sets, so the membership changes, the degraded model and the quorum sizes are
 * never worked out again here. Which states take writes ({@link SegmentState#accepting()}) is the engine's too. What
 * is counted here is only the copies of each term that are left, because the engine's counting
 * ({@code storage.QuorumSets}) works on its live copies, which a snapshot does not hold. Two rules of the engine are
 * followed by hand, each said where it is used: a copy serves reads when it is up or catching up; a replacement that
 * goes down before it is filled is dropped, and its terms with it ({@code Repair.refreshSegment}).
 */
final class QuorumAfterFault {

    /** A quorum counted: whether it holds, how many copies count, how many it needs, out of how many in the model. */
    record Count(boolean held, int copies, int needed, int inModel) {
    }

    private QuorumAfterFault() {
    }

    /** The write set with the copies {@code down} (segment ids) gone: the fewest copies taking writes over the terms. */
    static Count writes(ProtectionGroupSnapshot pg, Set<String> down) {
        return count(pg, pg.writeSet(), down, true);
    }

    /** The read set with the copies {@code down} gone: the most copies serving reads over the terms. */
    static Count reads(ProtectionGroupSnapshot pg, Set<String> down) {
        return count(pg, pg.readSet(), down, false);
    }

    private static Count count(ProtectionGroupSnapshot pg, List<QuorumTerm> terms, Set<String> down, boolean writes) {
        StringBuilder dropped = new StringBuilder(0);
        for (SegmentSnapshot s : pg.segments()) {
            if (s.replacement() && down.contains(s.id())) {
                // a new copy that loses its node or AZ before it is filled is dropped: the change rolls back. The
                // counts come out the same as with the copy merely down (the copy it replaces is out meanwhile, or
                // the change would have rolled back), but the terms stay the engine's
                dropped.append(s.letter());
            }
        }
        int best = writes ? Integer.MAX_VALUE : 0;
        int needed = 0;
        boolean held = writes;
        for (QuorumTerm t : terms) {
            if (anyOf(t.copies(), dropped)) {
                continue;
            }
            int n = 0;
            for (int k = 0; k < t.copies().length(); k++) {
                SegmentState after = stateAfter(copy(pg, t, t.copies().charAt(k)), down);
                n += (writes ? after.accepting() : servesReads(after)) ? 1 : 0;
            }
            needed = t.needed();
            if (writes) {
                best = Math.min(best, n);
                held &= n >= t.needed();
            } else {
                best = Math.max(best, n);
                held |= n >= t.needed();
            }
        }
        return new Count(held, best == Integer.MAX_VALUE ? 0 : best, needed, pg.copiesInModel());
    }

    /** The copy a term names by its letter (a group lists six to a dozen copies: a walk is cheaper than a map). */
    private static SegmentSnapshot copy(ProtectionGroupSnapshot pg, QuorumTerm t, char letter) {
        for (SegmentSnapshot s : pg.segments()) {
            if (s.letter() == letter) {
                return s;
            }
        }
        throw new IllegalArgumentException(pg.id() + ": the term " + t.describe() + " names copy " + letter
                + ", which the snapshot does not list");
    }

    /**
     * Whether a read at {@code readPoint} would still find a copy of this group: one that is up (an up copy holds
     * everything it was sent, and the read point is at or below VDL, which four copies acknowledged), or one catching
     * up whose SCL already reaches the read point. The engine's test is the copy's complete prefix against the
     * group's last boxcar at or below the read point ({@code ReadPath}), which a snapshot does not hold; this is the
     * part of it a snapshot can decide.
     */
    static boolean readableCopyLeft(ProtectionGroupSnapshot pg, Set<String> down, long readPoint) {
        for (SegmentSnapshot s : pg.segments()) {
            SegmentState after = stateAfter(s, down);
            if (after == SegmentState.UP || after == SegmentState.CATCHING_UP && s.scl() >= readPoint) {
                return true;
            }
        }
        return false;
    }

    /** A copy's state after the fault: down when the fault reaches it, unless it is destroyed already. */
    static SegmentState stateAfter(SegmentSnapshot s, Set<String> down) {
        return down.contains(s.id()) && s.state() != SegmentState.DESTROYED ? SegmentState.DOWN : s.state();
    }

    /** The engine's rule (Segment.servesReads): a copy serves reads when it is up or catching up by gossip. */
    static boolean servesReads(SegmentState state) {
        return state == SegmentState.UP || state == SegmentState.CATCHING_UP;
    }

    private static boolean anyOf(String letters, CharSequence set) {
        for (int k = 0; k < set.length(); k++) {
            if (letters.indexOf(set.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }
}

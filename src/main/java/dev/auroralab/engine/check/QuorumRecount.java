package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PG's quorums counted again from its copies' states, without the engine's own arithmetic.
 *
 * <p>Aurora: six copies, a write needs 4 and a read 3 (P17 §2.1). While copy F is replaced by G, a write needs 4/6 of
 * ABCDEF AND 4/6 of ABCDEG, a read 3/6 of either (P18 §4); two replacements give four terms. In the degraded model of
 * a long AZ loss, the four copies left need 3 for a write (P18 §4.1) and, so that reads and writes overlap, 2 for a
 * read. The numbers are Aurora's, written here rather than read from the model, so that a wrong model value shows.
 *
 * <p>A copy takes writes when it is up, catching up by gossip or being filled as a replacement; it serves reads when
 * it is up or catching up (a new copy has nothing to read yet).
 */
final class QuorumRecount {

    static final int COPIES = 6;
    static final int WRITE_QUORUM = 4;
    static final int READ_QUORUM = 3;
    static final int DEGRADED_COPIES = 4;
    static final int DEGRADED_WRITE_QUORUM = 3;
    static final int DEGRADED_READ_QUORUM = 2;

    static final String UP = "up";
    static final String DOWN = "down";
    static final String CATCHING_UP = "catching up";
    static final String REPLACING = "replacing";
    static final String DESTROYED = "destroyed";
    static final List<String> STATES = List.of(UP, DOWN, CATCHING_UP, REPLACING, DESTROYED);

    private QuorumRecount() {
    }

    static boolean degraded(ProtectionGroupSnapshot pg) {
        return pg.degradedExcludedAz() != null;
    }

    static int writeQuorum(ProtectionGroupSnapshot pg) {
        return degraded(pg) ? DEGRADED_WRITE_QUORUM : WRITE_QUORUM;
    }

    static int readQuorum(ProtectionGroupSnapshot pg) {
        return degraded(pg) ? DEGRADED_READ_QUORUM : READ_QUORUM;
    }

    static int copiesInModel(ProtectionGroupSnapshot pg) {
        return degraded(pg) ? DEGRADED_COPIES : COPIES;
    }

    static boolean takesWrites(SegmentSnapshot s) {
        return s.state().label().equals(UP) || s.state().label().equals(CATCHING_UP) || s.state().label().equals(REPLACING);
    }

    static boolean servesReads(SegmentSnapshot s) {
        return s.state().label().equals(UP) || s.state().label().equals(CATCHING_UP);
    }

    /** The copies of each position (address), current copy first, in the order the snapshot lists them. */
    static Map<String, List<SegmentSnapshot>> positions(ProtectionGroupSnapshot pg) {
        Map<String, List<SegmentSnapshot>> out = new LinkedHashMap<>();
        for (SegmentSnapshot s : pg.segments()) {
            List<SegmentSnapshot> copies = out.computeIfAbsent(s.address(), a -> new ArrayList<>());
            if (s.replacement()) {
                copies.add(s);
            } else {
                copies.add(0, s);
            }
        }
        return out;
    }

    /**
     * The quorum terms: one copy from each position in the model, every combination of current copy and replacement.
     */
    static List<List<SegmentSnapshot>> terms(ProtectionGroupSnapshot pg) {
        List<List<SegmentSnapshot>> terms = new ArrayList<>();
        terms.add(List.of());
        for (List<SegmentSnapshot> choices : positions(pg).values()) {
            if (!choices.get(0).inQuorumModel()) {
                continue;
            }
            List<List<SegmentSnapshot>> grown = new ArrayList<>();
            for (List<SegmentSnapshot> term : terms) {
                for (SegmentSnapshot choice : choices) {
                    List<SegmentSnapshot> t = new ArrayList<>(term);
                    t.add(choice);
                    grown.add(t);
                }
            }
            terms = grown;
        }
        return terms;
    }

    /** Fewest copies taking writes over the terms: the write set holds when this reaches the write quorum. */
    static int writableCopies(List<List<SegmentSnapshot>> terms) {
        int min = Integer.MAX_VALUE;
        for (List<SegmentSnapshot> term : terms) {
            min = Math.min(min, (int) term.stream().filter(QuorumRecount::takesWrites).count());
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** Most copies serving reads over the terms: the read set holds when this reaches the read quorum. */
    static int readableCopies(List<List<SegmentSnapshot>> terms) {
        int max = 0;
        for (List<SegmentSnapshot> term : terms) {
            max = Math.max(max, (int) term.stream().filter(QuorumRecount::servesReads).count());
        }
        return max;
    }

    static boolean writeQuorumHeld(ProtectionGroupSnapshot pg) {
        return writableCopies(terms(pg)) >= writeQuorum(pg);
    }

    /** A term in the engine's words: "4/6 of ABCDEG". */
    static String describe(List<SegmentSnapshot> term, int needed) {
        StringBuilder letters = new StringBuilder();
        term.forEach(s -> letters.append(s.letter()));
        return needed + "/" + term.size() + " of " + letters;
    }
}

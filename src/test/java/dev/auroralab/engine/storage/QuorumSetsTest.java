package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The quorum arithmetic of a protection group while a membership change is in flight (P18 §4: the AND of the write
 * terms, the OR of the read terms) and in the degraded 3-of-4 model (P18 §4.1), against a naive reference that
 * enumerates every term by hand. QuorumTest covers the plain ABCDEF cases one at a time.
 */
class QuorumSetsTest {

    private static final String[] AZS = {"a", "a", "b", "b", "c", "c"};

    private static ProtectionGroup pg() {
        ProtectionGroup pg = new ProtectionGroup("pg-0", 0, 10);
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, AZS[i], i % 2 + 1, new StorageNode("n" + i, AZS[i]));
        }
        return pg;
    }

    private static void acked(ProtectionGroup pg, int... prefixes) {
        for (int i = 0; i < 6; i++) {
            pg.slot(i).current().setAckedPrefix(prefixes[i]);
        }
    }

    @Test
    void whileFIsReplacedByGThePgclIsTheLowerOfTheFourthHighestOfAbcdefAndOfAbcdeg() {
        ProtectionGroup pg = pg();
        acked(pg, 9, 9, 8, 3, 2, 7);
        Segment g = pg.beginReplacement(pg.slot(5), new StorageNode("spare", "c"), 1);
        g.setAckedPrefix(-1);
        // ABCDEF sorted 9 9 8 7 3 2: 4th is 7. ABCDEG sorted 9 9 8 3 2 -1: 4th is 3. The AND takes 3.
        assertThat(pg.quorumAckedPrefix()).isEqualTo(3);
        g.setAckedPrefix(9);
        // ABCDEG is now 9 9 9 8 3 2: 4th is 8; ABCDEF still says 7
        assertThat(pg.quorumAckedPrefix()).isEqualTo(7);
    }

    @Test
    void thePgclStaysFrozenWhileTheNewCopyIsEmptyAndOnlyThreeOldCopiesMoveOn() {
        ProtectionGroup pg = pg();
        acked(pg, 5, 5, 5, 5, 5, 5);
        Segment g = pg.beginReplacement(pg.slot(5), new StorageNode("spare", "c"), 1);
        g.setAckedPrefix(-1);
        assertThat(pg.quorumAckedPrefix()).isEqualTo(5);
        // A, B, C acknowledge boxcars 6-20; D, E and F (down, being replaced) say nothing new
        for (int i = 0; i < 3; i++) {
            pg.slot(i).current().setAckedPrefix(20);
        }
        // ABCDEF: 20 20 20 5 5 5 -> 5; ABCDEG: 20 20 20 5 5 -1 -> 5
        assertThat(pg.quorumAckedPrefix()).isEqualTo(5);
        // G alone moving on cannot help ABCDEF: the AND holds PGCL until D or E catches up
        g.setAckedPrefix(20);
        assertThat(pg.quorumAckedPrefix()).isEqualTo(5);
        pg.slot(3).current().setAckedPrefix(18);
        // ABCDEF: 20 20 20 18 5 5 -> 18; ABCDEG: 20 20 20 20 18 5 -> 20
        assertThat(pg.quorumAckedPrefix()).isEqualTo(18);
    }

    @Test
    void inTheDegradedModelThePgclIsTheThirdHighestOfTheFourCopiesLeft() {
        ProtectionGroup pg = pg();
        // E and F (AZ c) acknowledged the most before the AZ went out: they must not count once it is left out
        acked(pg, 4, 6, 2, 8, 50, 50);
        pg.enterDegradedModel("c");
        // ABCD sorted 8 6 4 2: the 3rd is 4
        assertThat(pg.quorumAckedPrefix()).isEqualTo(4);
        pg.leaveDegradedModel();
        // back to 4 of 6: 50 50 8 6 4 2 -> 6
        assertThat(pg.quorumAckedPrefix()).isEqualTo(6);
    }

    @Test
    void aReplacementOutsideTheDegradedModelAddsNoTerm() {
        ProtectionGroup pg = pg();
        pg.enterDegradedModel("c");
        pg.beginReplacement(pg.slot(5), new StorageNode("spare", "c"), 1);
        assertThat(pg.quorumTerms()).hasSize(1);
        assertThat(letters(pg.quorumTerms().get(0))).isEqualTo("ABCD");
        pg.beginReplacement(pg.slot(1), new StorageNode("spare-a", "a"), 2);
        assertThat(pg.quorumTerms()).extracting(QuorumSetsTest::letters).containsExactly("ABCD", "AHCD");
    }

    @Test
    void theQuorumArithmeticMatchesANaiveEnumerationOfEveryTermOverASeededSweep() {
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= 3000 && failures.size() < 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            ProtectionGroup pg = randomGroup(r);
            String expected = reference(pg);
            String actual = actual(pg);
            if (!expected.equals(actual)) {
                failures.add("seed=" + seed + ": expected " + expected + " got " + actual);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static final SegmentState[] STATES = SegmentState.values();

    /** Random states, 0-3 replacements in flight, maybe the degraded model, random acknowledged prefixes. */
    private static ProtectionGroup randomGroup(SplittableRandom r) {
        ProtectionGroup pg = pg();
        for (int i = 0; i < 6; i++) {
            Segment s = pg.slot(i).current();
            s.setState(STATES[r.nextInt(STATES.length)]);
            s.setAckedPrefix(r.nextInt(-1, 30));
        }
        int replacements = r.nextInt(4);
        for (int k = 0; k < replacements; k++) {
            int slot = r.nextInt(6);
            if (pg.slot(slot).replacement() != null) {
                continue;
            }
            Segment g = pg.beginReplacement(pg.slot(slot), new StorageNode("spare" + k, AZS[slot]), k + 1);
            if (r.nextBoolean()) {
                g.setState(STATES[r.nextInt(STATES.length)]);
            }
            g.setAckedPrefix(r.nextInt(-1, 30));
        }
        // the caches must follow state changes made after a first look
        pg.writableCopies();
        pg.readableCopies();
        if (r.nextInt(3) == 0) {
            pg.enterDegradedModel(AZS[2 * r.nextInt(3)]);
        }
        if (r.nextBoolean()) {
            Segment s = pg.slot(r.nextInt(6)).current();
            s.setState(STATES[r.nextInt(STATES.length)]);
        }
        return pg;
    }

    private static String actual(ProtectionGroup pg) {
        return "terms=" + pg.quorumTerms().stream().map(QuorumSetsTest::letters).toList()
                + " pgcl=" + pg.quorumAckedPrefix() + " writable=" + pg.writableCopies() + " readable="
                + pg.readableCopies() + " write=" + pg.writeQuorumHeld() + " read=" + pg.readQuorumHeld();
    }

    /** The same facts computed from the definitions, one term at a time. */
    private static String reference(ProtectionGroup pg) {
        String out = pg.degradedExcludedAz();
        List<List<Segment>> terms = new ArrayList<>();
        terms.add(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            ProtectionGroup.Slot slot = pg.slot(i);
            if (slot.az().equals(out)) {
                continue;
            }
            List<List<Segment>> next = new ArrayList<>();
            for (List<Segment> t : terms) {
                List<Segment> withCurrent = new ArrayList<>(t);
                withCurrent.add(slot.current());
                next.add(withCurrent);
            }
            if (slot.replacement() != null) {
                for (List<Segment> t : terms) {
                    List<Segment> withNew = new ArrayList<>(t);
                    withNew.add(slot.replacement());
                    next.add(withNew);
                }
            }
            terms = next;
        }
        int vw = out == null ? 4 : 3;
        int vr = out == null ? 3 : 2;
        int pgcl = Integer.MAX_VALUE;
        int writable = Integer.MAX_VALUE;
        int readable = 0;
        for (List<Segment> t : terms) {
            List<Integer> prefixes = new ArrayList<>();
            int w = 0;
            int rd = 0;
            for (Segment s : t) {
                prefixes.add(s.ackedPrefix());
                SegmentState st = s.state();
                if (st == SegmentState.UP || st == SegmentState.CATCHING_UP || st == SegmentState.REPLACING) {
                    w++;
                }
                if (st == SegmentState.UP || st == SegmentState.CATCHING_UP) {
                    rd++;
                }
            }
            prefixes.sort((x, y) -> Integer.compare(y, x));
            pgcl = Math.min(pgcl, prefixes.get(vw - 1));
            writable = Math.min(writable, w);
            readable = Math.max(readable, rd);
        }
        // terms are listed with the replacement choices as a binary counter over the slots, lowest slot first
        List<String> named = new ArrayList<>();
        for (List<Segment> t : sortedLikeTheEngine(pg, terms)) {
            named.add(letters(t));
        }
        return "terms=" + named + " pgcl=" + pgcl + " writable=" + writable + " readable=" + readable + " write="
                + (writable >= vw) + " read=" + (readable >= vr);
    }

    /** Orders terms by the binary number whose bit i says slot i's replacement was chosen. */
    private static List<List<Segment>> sortedLikeTheEngine(ProtectionGroup pg, List<List<Segment>> terms) {
        List<List<Segment>> sorted = new ArrayList<>(terms);
        sorted.sort((x, y) -> Integer.compare(choice(pg, x), choice(pg, y)));
        return sorted;
    }

    private static int choice(ProtectionGroup pg, List<Segment> term) {
        int bits = 0;
        for (Segment s : term) {
            if (pg.slot(s.slot()).replacement() == s) {
                bits |= 1 << s.slot();
            }
        }
        return bits;
    }

    private static String letters(List<Segment> term) {
        StringBuilder b = new StringBuilder();
        for (Segment s : term) {
            b.append(s.letter());
        }
        return b.toString();
    }
}

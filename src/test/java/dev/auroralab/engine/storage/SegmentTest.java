package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A copy keeps the boxcars beyond its hole in a window that follows the hole, not the absolute index, and answers
 * exactly as the bit set over every boxcar it replaced did.
 */
class SegmentTest {

    private static ProtectionGroup pgWithSixCopies() {
        ProtectionGroup pg = new ProtectionGroup("pg-0", 0, 10);
        String[] azs = {"a", "a", "b", "b", "c", "c"};
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, azs[i], i % 2 + 1, new StorageNode("n" + i, azs[i]));
        }
        return pg;
    }

    private static void append(ProtectionGroup pg, int boxcars) {
        BoxcarLog log = pg.log();
        for (int i = 0; i < boxcars; i++) {
            long first = 2L * log.size() + 1;
            log.append(first, first + 1);
        }
    }

    @Test
    void aCopyReceivingTenMillionBoxcarsInOrderKeepsOneWord() {
        ProtectionGroup pg = pgWithSixCopies();
        Segment s = pg.slot(0).current();
        BoxcarLog log = pg.log();
        for (int i = 0; i < 10_000_000; i++) {
            log.append(2L * i + 1, 2L * i + 2);
            assertThat(s.receive(i) == i).isTrue();
            if (i % 4096 == 4095) {
                log.forgetBelow(i);
            }
        }
        assertThat(s.beyondWords()).isEqualTo(1);
        assertThat(s.scl()).isEqualTo(20_000_000L);
        assertThat(log.capacity()).isLessThanOrEqualTo(16_384);
    }

    @Test
    void aWipedCopyFilledToAHighIndexKeepsOneWord() {
        ProtectionGroup pg = pgWithSixCopies();
        append(pg, 3_000_000);
        Segment s = pg.slot(1).current();
        s.fillUpTo(1_000_000);
        s.wipe();
        assertThat(s.prefix()).isEqualTo(-1);
        assertThat(s.holds(5)).isFalse();
        s.fillUpTo(2_999_999);
        assertThat(s.prefix()).isEqualTo(2_999_999);
        assertThat(s.beyondWords()).isEqualTo(1);
    }

    @Test
    void aCopyWithAHoleKeepsAWindowAsLongAsWhatArrivedBeyondItNotAsItsIndex() {
        ProtectionGroup pg = pgWithSixCopies();
        append(pg, 2_000_000);
        Segment s = pg.slot(2).current();
        s.fillUpTo(99);
        // back from an outage: new boxcars arrive far beyond the hole while gossip has not filled it yet
        for (int i = 1_990_000; i < 2_000_000; i++) {
            s.receive(i);
        }
        assertThat(s.prefix()).isEqualTo(99);
        assertThat(s.holds(1_995_000)).isTrue();
        assertThat(s.holds(1_989_999)).isFalse();
        assertThat(s.holdsAllUpTo(1_999_999)).isFalse();
        assertThat(s.beyondWords()).isBetween(10_000 / 64, 2 * 10_000 / 64 + 2);
        s.fillUpTo(1_989_999); // gossip fills the hole: the prefix runs on through what arrived beyond it
        assertThat(s.prefix()).isEqualTo(1_999_999);
        assertThat(s.beyondWords()).isEqualTo(1);
    }

    @Test
    void aHalfFilledHoleGivesMostOfItsWindowBack() {
        ProtectionGroup pg = pgWithSixCopies();
        append(pg, 200_000);
        Segment s = pg.slot(3).current();
        for (int i = 100_000; i < 200_000; i++) {
            s.receive(i);
        }
        int widest = s.beyondWords();
        s.fillUpTo(190_000); // the prefix jumps into the window and runs on through the rest of it
        assertThat(s.prefix()).isEqualTo(199_999);
        Segment t = pg.slot(4).current();
        for (int i = 100_000; i < 200_000; i += 2) {
            t.receive(i); // every other boxcar: the prefix cannot run through them
        }
        assertThat(t.beyondWords()).isGreaterThanOrEqualTo(widest / 2);
        t.fillUpTo(195_000);
        assertThat(t.prefix()).isEqualTo(195_000);
        assertThat(t.holds(195_002)).isTrue();
        assertThat(t.holds(195_001)).isFalse();
        assertThat(t.beyondWords()).isLessThanOrEqualTo(2 * 5_000 / 64 + 2);
    }

    @Test
    void aSegmentAnswersAsTheBitSetItReplacedDid() {
        int trimmedRuns = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Sweep sweep = new Sweep(seed);
            sweep.run(1000);
            if (sweep.trimmed.log().firstKept() > sweep.referenceLog.size() / 4) {
                trimmedRuns++;
            }
        }
        assertThat(trimmedRuns).as("runs whose log forgot a quarter of its boxcars").isGreaterThan(22);
    }

    /**
     * One seeded run: the same boxcars, deliveries, fills, truncations and wipes on a plain group, a group whose log is
     * trimmed at random safe points (and sometimes replaced by its copy), and the old bit-set reference.
     */
    private static final class Sweep {
        private final long seed;
        private final SplittableRandom random;
        private final OriginalBoxcarLog referenceLog = new OriginalBoxcarLog();
        private final ReferenceSegment[] reference = new ReferenceSegment[6];
        private final ProtectionGroup plain = pgWithSixCopies();
        private ProtectionGroup trimmed = pgWithSixCopies();
        /** A trimmed copy wiped after the log forgot some boxcars: it may not know a forgotten boxcar was truncated. */
        private final boolean[] behind = new boolean[6];
        private long nextLsn = 1;

        Sweep(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            for (int k = 0; k < 6; k++) {
                reference[k] = new ReferenceSegment(referenceLog);
            }
        }

        void run(int steps) {
            for (int step = 0; step < steps; step++) {
                int op = random.nextInt(100);
                int k = random.nextInt(6);
                int size = referenceLog.size();
                if (op < 35 || size == 0) {
                    long first = nextLsn + random.nextInt(3);
                    long last = first + random.nextInt(4);
                    nextLsn = last + 1;
                    referenceLog.append(first, last);
                    plain.log().append(first, last);
                    trimmed.log().append(first, last);
                } else if (op < 65) {
                    // mostly recent boxcars, out of order; now and then an old one
                    int index = random.nextInt(4) == 0 ? random.nextInt(size)
                            : Math.max(0, size - 1 - random.nextInt(8));
                    int expected = reference[k].receive(index);
                    check(plain.slot(k).current().receive(index) == expected, "receive", index);
                    int got = trimmed.slot(k).current().receive(index);
                    check(behind[k] || got == expected, "trimmed receive", index);
                } else if (op < 75) {
                    int index = reference[k].prefix() - 2 + random.nextInt(size - reference[k].prefix() + 4);
                    reference[k].fillUpTo(index);
                    plain.slot(k).current().fillUpTo(index);
                    trimmed.slot(k).current().fillUpTo(index);
                    if (index >= trimmed.log().firstKept() - 1) {
                        behind[k] = false; // filled past what the log forgot: it knows again all it must
                    }
                } else if (op < 80) {
                    truncate();
                } else if (op < 83) {
                    reference[k].wipe();
                    plain.slot(k).current().wipe();
                    trimmed.slot(k).current().wipe();
                    behind[k] = trimmed.log().firstKept() > 1;
                } else if (op < 97) {
                    forget();
                } else {
                    trimmed = trimmed.copy(node -> node);
                }
                compare();
            }
        }

        private void truncate() {
            // recovery never cuts into what the log forgot
            BoxcarLog log = trimmed.log();
            long floor = log.sclOf(log.firstKept() - 1);
            long cut = floor + random.nextLong(Math.max(1, nextLsn - floor));
            referenceLog.truncateAbove(cut);
            plain.log().truncateAbove(cut);
            log.truncateAbove(cut);
            for (int k = 0; k < 6; k++) {
                reference[k].applyTruncation();
                plain.slot(k).current().applyTruncation();
                trimmed.slot(k).current().applyTruncation();
            }
            nextLsn += random.nextInt(20);
        }

        /** Forgets up to the lowest prefix of the copies that are not behind, as the engine will. */
        private void forget() {
            int limit = trimmed.log().size();
            for (int k = 0; k < 6; k++) {
                if (!behind[k]) {
                    limit = Math.min(limit, trimmed.slot(k).current().prefix() + 1);
                }
            }
            int from = trimmed.log().firstKept();
            if (limit > from) {
                trimmed.log().forgetBelow(from + random.nextInt(limit - from + 1));
            }
        }

        private void compare() {
            int size = referenceLog.size();
            int cut = trimmed.log().firstKept();
            for (int k = 0; k < 6; k++) {
                ReferenceSegment r = reference[k];
                Segment p = plain.slot(k).current();
                Segment t = trimmed.slot(k).current();
                check(p.prefix() == r.prefix(), "prefix of copy " + k, r.prefix());
                check(p.scl() == r.scl(), "scl of copy " + k, r.prefix());
                check(behind[k] || t.prefix() == r.prefix(), "trimmed prefix of copy " + k, r.prefix());
                check(behind[k] || t.scl() == r.scl(), "trimmed scl of copy " + k, r.prefix());
                int[] indices = {0, r.prefix(), r.prefix() + 1, r.prefix() + 2, size - 1, size, size + 1,
                    random.nextInt(size + 2), r.prefix() + 1 + random.nextInt(Math.max(1, size - r.prefix() + 1))};
                for (int i : indices) {
                    if (i < 0) {
                        continue;
                    }
                    check(p.holds(i) == r.holds(i), "holds of copy " + k, i);
                    check(p.holdsAllUpTo(i) == r.holdsAllUpTo(i), "holdsAllUpTo of copy " + k, i);
                    if (i < cut - 1) {
                        continue;
                    }
                    if (behind[k]) {
                        // a copy that never held the forgotten boxcars may not claim more than the reference
                        check(!t.holds(i) || r.holds(i), "behind copy's holds " + k, i);
                        check(!t.holdsAllUpTo(i) || r.holdsAllUpTo(i), "behind copy's holdsAllUpTo " + k, i);
                    } else {
                        check(t.holds(i) == r.holds(i), "trimmed holds of copy " + k, i);
                        check(t.holdsAllUpTo(i) == r.holdsAllUpTo(i), "trimmed holdsAllUpTo of copy " + k, i);
                    }
                }
            }
        }

        private void check(boolean same, String what, long at) {
            if (!same) {
                throw new AssertionError(what + " differs at " + at + "; reproduce with seed=" + seed);
            }
        }
    }
}

package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Forgetting old boxcars changes no answer a copy at or above the cut can ask for, and a copy of a log is its own. */
class BoxcarLogTest {

    /** Boxcars of ten LSNs each, every other one to this PG: 1-10, 21-30, 41-50, ... */
    private static BoxcarLog logOf(int boxcars) {
        BoxcarLog log = new BoxcarLog();
        for (int i = 0; i < boxcars; i++) {
            log.append(20L * i + 1, 20L * i + 10);
        }
        return log;
    }

    @Test
    void aTrimmedLogKeepsItsSizeAndAnswersAtTheCutExactly() {
        BoxcarLog log = logOf(100);
        log.forgetBelow(40);
        assertThat(log.size()).isEqualTo(100);
        assertThat(log.firstKept()).isEqualTo(40);
        // boxcar 39 (781-790) is the one just below the cut: a copy whose prefix ends there still has its SCL
        assertThat(log.sclOf(39)).isEqualTo(790);
        assertThat(log.completeThrough(39)).isEqualTo(800);
        assertThat(log.lastLsn(39)).isEqualTo(790);
        assertThat(log.sclOf(-1)).isZero();
        assertThat(log.append(2001, 2010)).isEqualTo(100);
    }

    @Test
    void theSclBelowTheCutSkipsTruncatedBoxcars() {
        BoxcarLog log = logOf(10);
        log.truncateAbove(125); // boxcar 6 (121-130) keeps 121-125, 7-9 are void
        log.append(1001, 1010); // 10
        log.append(1021, 1030); // 11
        log.forgetBelow(10);
        assertThat(log.isTruncated(9)).isTrue();
        assertThat(log.sclOf(9)).isEqualTo(125);
        assertThat(log.sclOf(10)).isEqualTo(1010);
        log.forgetBelow(12);
        assertThat(log.sclOf(11)).isEqualTo(1030);
        assertThat(log.completeThrough(11)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void lastIndexAtOrBelowClampsToTheBoxcarJustBelowTheCut() {
        BoxcarLog log = logOf(100);
        assertThat(log.lastIndexAtOrBelow(0)).isEqualTo(-1);
        log.forgetBelow(40);
        assertThat(log.lastIndexAtOrBelow(805)).isEqualTo(40); // boxcar 40 is 801-810
        assertThat(log.lastIndexAtOrBelow(790)).isEqualTo(39);
        assertThat(log.lastIndexAtOrBelow(781)).isEqualTo(39);
        // the true answers are 38 and -1: both below the cut, so the boxcar just below it
        assertThat(log.lastIndexAtOrBelow(770)).isEqualTo(39);
        assertThat(log.lastIndexAtOrBelow(0)).isEqualTo(39);
    }

    @Test
    void forgettingWhatIsAlreadyForgottenChangesNothing() {
        BoxcarLog log = logOf(100);
        log.forgetBelow(40);
        log.forgetBelow(30);
        log.forgetBelow(40);
        assertThat(log.firstKept()).isEqualTo(40);
        assertThat(log.sclOf(39)).isEqualTo(790);
        log.forgetBelow(100);
        assertThat(log.firstKept()).isEqualTo(100);
        assertThat(log.sclOf(99)).isEqualTo(1990);
        assertThat(log.firstLiveLsnFrom(100)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void forgettingBoxcarsNotYetSentIsRefused() {
        BoxcarLog log = logOf(10);
        assertThatThrownBy(() -> log.forgetBelow(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aForgottenBoxcarIsNeitherTruncatedNorReadable() {
        BoxcarLog log = logOf(100);
        log.truncateAbove(5);
        log.append(5001, 5010);
        log.forgetBelow(100);
        assertThat(log.isTruncated(99)).isTrue(); // just below the cut: exact
        assertThat(log.isTruncated(50)).isFalse(); // forgotten: a copy that lacks it must be filled past it
        assertThatThrownBy(() -> log.lastLsn(50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.firstLiveLsnFrom(50)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.firstLiveLsnFrom(99)).isEqualTo(5001);
        assertThat(log.sclOf(99)).isEqualTo(5);
    }

    @Test
    void aTruncationThatWouldCutIntoForgottenBoxcarsIsRefused() {
        BoxcarLog log = logOf(100);
        log.forgetBelow(40); // boxcar 39 (781-790) is stored, 38 (761-770) is not
        log.truncateAbove(775); // 39 on are void; the untrimmed walk stops at 38, which ends at 770
        assertThat(log.isTruncated(39)).isTrue();
        assertThat(log.sclOf(39)).isEqualTo(770);
        assertThat(log.sclOf(99)).isEqualTo(770);
        assertThatThrownBy(() -> log.truncateAbove(765)).isInstanceOf(IllegalStateException.class);
        BoxcarLog other = logOf(100);
        other.forgetBelow(40);
        other.truncateAbove(785); // cuts into boxcar 39, which is still stored
        assertThat(other.sclOf(39)).isEqualTo(785);
        assertThat(other.completeThrough(39)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLogThatIsTrimmedAsItGrowsKeepsSmallArrays() {
        BoxcarLog log = new BoxcarLog();
        for (int i = 0; i < 10_000_000; i++) {
            log.append(2L * i + 1, 2L * i + 2);
            if (i % 1000 == 999) {
                log.forgetBelow(i - 100);
            }
        }
        assertThat(log.capacity()).isLessThanOrEqualTo(2048);
        assertThat(log.sclOf(log.size() - 1)).isEqualTo(20_000_000L);
    }

    @Test
    void aLogThatWasLongShrinksOnceMostOfItIsForgotten() {
        BoxcarLog log = logOf(100_000);
        assertThat(log.capacity()).isGreaterThanOrEqualTo(100_000);
        log.forgetBelow(99_900);
        // what is left: the sealed chunk holding boxcar 99,899 and the tail
        assertThat(log.capacity()).isLessThanOrEqualTo(3 * ChunkedColumns.CHUNK_ROWS);
        assertThat(log.sclOf(99_899)).isEqualTo(20L * 99_899 + 10);
        assertThat(log.lastLsn(99_999)).isEqualTo(20L * 99_999 + 10);
    }

    @Test
    void aCopiedLogAndItsOriginalGoTheirOwnWays() {
        BoxcarLog original = logOf(300);
        original.forgetBelow(100);
        BoxcarLog copy = original.copy();
        copy.truncateAbove(3000); // boxcar 150 (3001-3010) on are void in the copy only
        copy.append(9001, 9010);
        copy.forgetBelow(200);
        assertThat(original.size()).isEqualTo(300);
        assertThat(original.firstKept()).isEqualTo(100);
        assertThat(original.isTruncated(150)).isFalse();
        assertThat(original.sclOf(299)).isEqualTo(5990);
        original.truncateAbove(4000);
        original.append(7001, 7010);
        original.forgetBelow(250);
        assertThat(copy.size()).isEqualTo(301);
        assertThat(copy.sclOf(299)).isEqualTo(2990);
        assertThat(copy.sclOf(300)).isEqualTo(9010);
        assertThat(copy.isTruncated(250)).isTrue();
        assertThat(copy.firstKept()).isEqualTo(200);
        assertThat(original.lastLsn(300)).isEqualTo(7010);
        assertThat(original.sclOf(299)).isEqualTo(3990);
    }

    @Test
    void aTrimmedLogAnswersEveryQueryAtOrAboveTheCutAsTheUntrimmedLogDoes() {
        for (long seed = 1; seed <= 60; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            OriginalBoxcarLog reference = new OriginalBoxcarLog();
            BoxcarLog untrimmed = new BoxcarLog();
            BoxcarLog trimmed = new BoxcarLog(1 << random.nextInt(4)); // tiny arrays: they move and shrink often
            long nextLsn = 1;
            for (int step = 0; step < 1500; step++) {
                int op = random.nextInt(100);
                if (op < 75) {
                    long first = nextLsn + random.nextInt(4);
                    long last = first + random.nextInt(5);
                    nextLsn = last + 1;
                    int i = reference.append(first, last);
                    assertThat(untrimmed.append(first, last)).as("seed=%d", seed).isEqualTo(i);
                    assertThat(trimmed.append(first, last)).as("seed=%d", seed).isEqualTo(i);
                } else if (op < 80) {
                    // recovery never cuts into what the engine forgot: from the SCL just below the cut up
                    long floor = trimmed.sclOf(trimmed.firstKept() - 1);
                    long cut = floor + random.nextLong(Math.max(1, nextLsn - floor));
                    reference.truncateAbove(cut);
                    untrimmed.truncateAbove(cut);
                    trimmed.truncateAbove(cut);
                    nextLsn += random.nextInt(30); // the next writer allocates above a truncation range
                } else if (op < 95) {
                    int from = trimmed.firstKept();
                    trimmed.forgetBelow(from + random.nextInt(trimmed.size() - from + 1));
                } else {
                    trimmed = trimmed.copy(); // a copy answers as its original did
                }
                assertSameAnswers(seed, random, reference, untrimmed, trimmed, nextLsn, step % 300 == 299);
            }
        }
    }

    /**
     * Compares every query a copy at or above the cut can ask: at the cut, at the end and at a few random points each
     * step, and at every index and LSN when {@code everything}. Plain comparisons, so the sweep stays quick.
     */
    private static void assertSameAnswers(long seed, SplittableRandom random, OriginalBoxcarLog reference,
            BoxcarLog untrimmed, BoxcarLog trimmed, long nextLsn, boolean everything) {
        int size = reference.size();
        int cut = trimmed.firstKept();
        check(untrimmed.size() == size && trimmed.size() == size, seed, "size", size);
        int[] indices = everything ? range(-1, size) : new int[] {-1, 0, cut - 1, cut, size - 1,
            random.nextInt(size + 1) - 1, random.nextInt(size + 1) - 1,
            Math.max(cut - 1, random.nextInt(size + 1) - 1)};
        for (int i : indices) {
            if (i >= size) {
                continue; // no copy's prefix lies beyond the log
            }
            check(untrimmed.sclOf(i) == reference.sclOf(i), seed, "untrimmed sclOf", i);
            check(untrimmed.completeThrough(i) == reference.completeThrough(i), seed, "untrimmed completeThrough", i);
            check(i < 0 || untrimmed.isTruncated(i) == reference.isTruncated(i), seed, "untrimmed isTruncated", i);
            if (i < cut - 1) {
                continue;
            }
            check(trimmed.sclOf(i) == reference.sclOf(i), seed, "sclOf", i);
            check(trimmed.completeThrough(i) == reference.completeThrough(i), seed, "completeThrough", i);
            if (i >= 0) {
                check(trimmed.isTruncated(i) == reference.isTruncated(i), seed, "isTruncated", i);
                check(trimmed.firstLiveLsnFrom(i) == reference.firstLiveLsnFrom(i), seed, "firstLiveLsnFrom", i);
                check(trimmed.firstLsn(i) == reference.firstLsn(i), seed, "firstLsn", i);
                check(trimmed.lastLsn(i) == reference.lastLsn(i), seed, "lastLsn", i);
            }
        }
        long[] lsns = everything ? rangeOfLsns(nextLsn + 2) : new long[] {0, nextLsn, random.nextLong(nextLsn + 2),
            random.nextLong(nextLsn + 2), size == 0 ? 0 : reference.firstLsn(Math.max(0, cut - 1))};
        for (long lsn : lsns) {
            int expected = reference.lastIndexAtOrBelow(lsn);
            check(untrimmed.lastIndexAtOrBelow(lsn) == expected, seed, "untrimmed lastIndexAtOrBelow", lsn);
            int clamped = cut == 0 ? expected : Math.max(expected, cut - 1);
            check(trimmed.lastIndexAtOrBelow(lsn) == clamped, seed, "lastIndexAtOrBelow (cut " + cut + ")", lsn);
        }
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static long[] rangeOfLsns(long to) {
        long[] out = new long[(int) to + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    private static void check(boolean same, long seed, String query, long at) {
        if (!same) {
            throw new AssertionError(
                    query + "(" + at + ") differs from the untrimmed log; reproduce with seed=" + seed);
        }
    }
}

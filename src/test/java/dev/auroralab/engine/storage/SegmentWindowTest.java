package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The exact size of a copy's window of boxcars beyond its hole (Segment), worked by hand: 64 boxcars a word, the
 * window starting at the word of the lowest boxcar held beyond the prefix, doubling as it grows, and cleared when the
 * prefix runs through everything it held. SegmentTest checks the sizes within bounds over long runs.
 */
class SegmentWindowTest {

    private static Segment copyOfAGroupWith(int boxcars) {
        ProtectionGroup pg = new ProtectionGroup("pg-0", 0, 10);
        String[] azs = {"a", "a", "b", "b", "c", "c"};
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, azs[i], i % 2 + 1, new StorageNode("n" + i, azs[i]));
        }
        for (int i = 0; i < boxcars; i++) {
            pg.log().append(2L * i + 1, 2L * i + 2);
        }
        return pg.slot(0).current();
    }

    @Test
    void aPrefixReachingTheFirstBoxcarOfTheWindowEmptiesIt() {
        Segment s = copyOfAGroupWith(300);
        s.receive(64); // the window starts at word 64-127, with boxcar 64 alone in it
        assertThat(s.prefix()).isEqualTo(-1);
        assertThat(s.beyondWords()).isEqualTo(1);
        s.fillUpTo(64); // the prefix reaches exactly the window's first boxcar: nothing is left beyond
        assertThat(s.prefix()).isEqualTo(64);
        s.receive(200); // a new window at 192-255: one word, not three from 64
        assertThat(s.beyondWords()).isEqualTo(1);
        assertThat(s.holds(200)).isTrue();
        assertThat(s.holds(199)).isFalse();
        assertThat(s.holds(64)).isTrue();
    }

    @Test
    void aWindowGrowsByDoublingAndIsGivenBackWhenThePrefixRunsThroughIt() {
        Segment s = copyOfAGroupWith(1_000);
        for (int i = 1; i <= 640; i++) {
            s.receive(i); // boxcar 0 missing: 1-640 wait beyond, in words 0-10
        }
        // 1, 2, 4, 8, then 16 words once word 8 is needed
        assertThat(s.beyondWords()).isEqualTo(16);
        s.fillUpTo(0);
        assertThat(s.prefix()).isEqualTo(640);
        assertThat(s.beyondWords()).isEqualTo(1);
    }

    @Test
    void aWindowFourTimesTooBigShrinksToTwiceWhatItHolds() {
        Segment s = copyOfAGroupWith(1_000);
        for (int i = 1; i <= 640; i++) {
            s.receive(i);
        }
        s.receive(700); // word 10 (640-703) holds 640 and 700
        // the hole at 0 is filled and the prefix runs to 640; 700 is left alone in its word, one word used of 16
        s.fillUpTo(0);
        assertThat(s.prefix()).isEqualTo(640);
        assertThat(s.beyondWords()).isEqualTo(2);
        assertThat(s.holds(700)).isTrue();
        assertThat(s.holds(699)).isFalse();
        assertThat(s.holds(701)).isFalse();
    }
}

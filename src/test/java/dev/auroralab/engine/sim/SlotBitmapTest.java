package dev.auroralab.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlotBitmapTest {

    @Test
    void findsTheNextOccupiedSlotRoundTheRingAsABitSetWouldForEverySeed() {
        int[] sizes = {64, 128, 4096, 8192, 1 << 16};
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int slots = sizes[(int) (seed % sizes.length)];
            SlotBitmap bitmap = new SlotBitmap(slots);
            BitSet reference = new BitSet(slots);
            // sparse for some seeds, dense for others
            int occupiedPercent = random.nextInt(4) == 0 ? 50 : 1;
            for (int op = 0; op < 2_000; op++) {
                int slot = random.nextInt(slots);
                if (random.nextInt(100) < occupiedPercent + 1) {
                    bitmap.set(slot);
                    reference.set(slot);
                } else {
                    bitmap.clear(slot);
                    reference.clear(slot);
                }
                int from = random.nextInt(slots);
                int expected = reference.nextSetBit(from);
                if (expected < 0) {
                    expected = reference.nextSetBit(0);
                }
                int f = from;
                assertEquals(expected, bitmap.nextFrom(from), () -> "slots " + slots + ", from " + f);
            }
        }
    }

    @Test
    void aCopyIsIndependent() {
        SlotBitmap a = new SlotBitmap(4096);
        a.set(100);
        SlotBitmap b = a.copy();
        b.clear(100);
        b.set(7);
        assertThat(a.nextFrom(0)).isEqualTo(100);
        assertThat(b.nextFrom(0)).isEqualTo(7);
        assertThat(b.nextFrom(8)).isEqualTo(7);
    }

    @Test
    void anEmptyRingHasNoNextSlot() {
        assertThat(new SlotBitmap(1 << 16).nextFrom(12_345)).isEqualTo(-1);
    }

    @Test
    void aRingIsAPowerOfTwoFromSixtyFourSlots() {
        assertThatThrownBy(() -> new SlotBitmap(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotBitmap(100)).isInstanceOf(IllegalArgumentException.class);
    }
}

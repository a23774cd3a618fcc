package dev.auroralab.engine.sim;

/**
 * Which slots of the timing wheel hold items: a bit per slot, and above those a bit per word of them, so the next
 * occupied slot is a few word reads away however sparse the wheel is (a few hundred items over 65,536 slots).
 */
final class SlotBitmap {

    /** Bit {@code s % 64} of word {@code s / 64}: slot {@code s} holds an item. */
    private final long[] words;
    /** Bit {@code w % 64} of summary word {@code w / 64}: word {@code w} is not zero. */
    private final long[] summary;

    /** {@code slots} is a power of two, at least 64. */
    SlotBitmap(int slots) {
        if (slots < 64 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two from 64: " + slots);
        }
        words = new long[slots >>> 6];
        summary = new long[Math.max(1, slots >>> 12)];
    }

    private SlotBitmap(SlotBitmap o) {
        words = o.words.clone();
        summary = o.summary.clone();
    }

    SlotBitmap copy() {
        return new SlotBitmap(this);
    }

    void set(int slot) {
        int w = slot >>> 6;
        words[w] |= 1L << slot;
        summary[w >>> 6] |= 1L << w;
    }

    void clear(int slot) {
        int w = slot >>> 6;
        long bits = words[w] & ~(1L << slot);
        words[w] = bits;
        if (bits == 0) {
            summary[w >>> 6] &= ~(1L << w);
        }
    }

    /**
     * The first occupied slot at or after {@code from}, going on past the last slot to the first (the wheel is a
     * ring), or -1 when no slot is occupied.
     */
    int nextFrom(int from) {
        int w = from >>> 6;
        long bits = words[w] & (-1L << from);
        if (bits != 0) {
            return (w << 6) | Long.numberOfTrailingZeros(bits);
        }
        int after = (w + 1) & (words.length - 1);
        int s = after >>> 6;
        long marks = summary[s] & (-1L << after);
        // at most once round the summary: its first word is looked at again, whole, at the end, which covers the
        // words before `after` there, the word of `from` among them (its slots before `from` are the ring's last)
        for (int k = 0; k <= summary.length; k++) {
            if (marks != 0) {
                int found = (s << 6) | Long.numberOfTrailingZeros(marks);
                return (found << 6) | Long.numberOfTrailingZeros(words[found]);
            }
            s = s + 1 == summary.length ? 0 : s + 1;
            marks = summary[s];
        }
        return -1;
    }
}

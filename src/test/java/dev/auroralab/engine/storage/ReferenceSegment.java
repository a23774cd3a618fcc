package dev.auroralab.engine.storage;

import java.util.BitSet;

/**
 * What a copy holds, computed as {@link Segment} did before its window: a prefix and a {@link BitSet} indexed by the
 * absolute boxcar index, over the untrimmed {@link OriginalBoxcarLog}. The reference the new segment is compared with.
 */
final class ReferenceSegment {

    private final OriginalBoxcarLog log;
    private int prefix = -1;
    private final BitSet beyond = new BitSet();

    ReferenceSegment(OriginalBoxcarLog log) {
        this.log = log;
    }

    int prefix() {
        return prefix;
    }

    long scl() {
        return log.sclOf(prefix);
    }

    boolean holds(int index) {
        return index <= prefix || beyond.get(index) || log.isTruncated(index);
    }

    boolean holdsAllUpTo(int index) {
        if (prefix >= index) {
            return true;
        }
        for (int i = prefix + 1; i <= index; i++) {
            if (!log.isTruncated(i) && !beyond.get(i)) {
                return false;
            }
        }
        return true;
    }

    int receive(int index) {
        if (index > prefix) {
            beyond.set(index);
            advancePrefix();
        }
        return prefix;
    }

    void fillUpTo(int index) {
        if (index > prefix) {
            beyond.set(prefix + 1, index + 1);
            advancePrefix();
        }
    }

    private void advancePrefix() {
        int next = prefix + 1;
        while (next < log.size() && (beyond.get(next) || log.isTruncated(next))) {
            beyond.clear(next);
            next++;
        }
        prefix = next - 1;
    }

    void applyTruncation() {
        advancePrefix();
    }

    void wipe() {
        prefix = -1;
        beyond.clear();
    }
}

package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedColumnsTest {

    /** The plain model the chunked rows must match: every row ever appended, in a list. */
    private static final class Reference {
        final List<long[]> rows = new ArrayList<>();
        int first;

        Reference copy() {
            Reference c = new Reference();
            rows.forEach(r -> c.rows.add(r.clone()));
            c.first = first;
            return c;
        }
    }

    private static void assertSame(ChunkedColumns c, Reference r) {
        assertThat(c.end()).isEqualTo(r.rows.size());
        assertThat(c.first()).isEqualTo(r.first);
        for (int row = r.first; row < r.rows.size(); row++) {
            for (int col = 0; col < 2; col++) {
                assertThat(c.get(row, col)).as("row %d column %d", row, col).isEqualTo(r.rows.get(row)[col]);
            }
        }
    }

    private static int lastAtOrBelow(Reference r, long value) {
        int found = r.first - 1;
        for (int row = r.first; row < r.rows.size(); row++) {
            if (r.rows.get(row)[0] <= value) {
                found = row;
            }
        }
        return found;
    }

    @Test
    void copiesAppendedCutAndTrimmedAtRandomMatchAPlainListAndNeverSeeEachOthersChanges() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<ChunkedColumns> live = new ArrayList<>(List.of(new ChunkedColumns(2, 4)));
            List<Reference> model = new ArrayList<>(List.of(new Reference()));
            long nextValue = 1;
            for (int step = 0; step < 4000; step++) {
                int i = random.nextInt(live.size());
                ChunkedColumns c = live.get(i);
                Reference r = model.get(i);
                int op = random.nextInt(100);
                if (op < 70) {
                    int n = 1 + random.nextInt(400);
                    for (int k = 0; k < n; k++) {
                        int row = c.append();
                        c.set(row, 0, nextValue);
                        c.set(row, 1, seed * step + k);
                        r.rows.add(new long[] {nextValue, seed * step + k});
                        nextValue += 1 + random.nextInt(3);
                    }
                } else if (op < 80 && r.rows.size() > r.first) {
                    int to = r.first + random.nextInt(r.rows.size() - r.first + 1);
                    c.forgetBelow(to);
                    r.first = Math.max(r.first, to);
                } else if (op < 88 && r.rows.size() > r.first) {
                    // a truncation: cut the end and rewrite the row it lands in (copy on write below the tail)
                    int cut = r.first + random.nextInt(r.rows.size() - r.first);
                    c.cutFrom(cut + 1);
                    c.set(cut, 1, -step);
                    r.rows.subList(cut + 1, r.rows.size()).clear();
                    r.rows.get(cut)[1] = -step;
                } else if (op < 94 && r.rows.size() > r.first) {
                    int row = r.first + random.nextInt(r.rows.size() - r.first);
                    c.set(row, 1, 7 * step);
                    r.rows.get(row)[1] = 7 * step;
                } else if (live.size() < 6) {
                    live.add(c.copy());
                    model.add(r.copy());
                }
                long probe = random.nextLong(Math.max(1, nextValue + 5));
                assertThat(c.lastAtOrBelow(0, probe)).as("seed %d step %d probe %d", seed, step, probe)
                        .isEqualTo(lastAtOrBelow(r, probe));
            }
            for (int i = 0; i < live.size(); i++) {
                assertSame(live.get(i), model.get(i));
            }
        }
    }

    @Test
    void aCopyOfALongLogCostsItsTailAndSharesTheSealedChunks() {
        ChunkedColumns c = new ChunkedColumns(3, 16);
        for (int i = 0; i < 300_000; i++) {
            c.set(c.append(), 0, i);
        }
        ChunkedColumns copy = c.copy();
        assertThat(copy.ownBytes()).isLessThan(8L * 3 * 3 * ChunkedColumns.CHUNK_ROWS);
        IdentityHashMap<Object, Boolean> ofOriginal = new IdentityHashMap<>();
        c.forEachChunk(chunk -> ofOriginal.put(chunk, true));
        List<Object> ofCopy = new ArrayList<>();
        copy.forEachChunk(ofCopy::add);
        assertThat(ofCopy).hasSizeGreaterThan(250).allMatch(ofOriginal::containsKey);
        // a write into a shared chunk leaves the other side as it was
        copy.set(10, 0, -1);
        assertThat(c.get(10, 0)).isEqualTo(10);
        c.set(11, 0, -2);
        assertThat(copy.get(11, 0)).isEqualTo(11);
        assertThat(copy.get(10, 0)).isEqualTo(-1);
    }
}

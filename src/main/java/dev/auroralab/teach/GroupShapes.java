package dev.auroralab.teach;

import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.storage.SegmentState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's protection groups sorted by shape, so that groups every fault treats alike are judged once: a 256 TiB
 * volume has 26,215 groups, and while it is healthy they come in two shapes (the engine places a group's two copies
 * of an AZ on nodes 1 and 2, or 3 and 4: decision 0026).
 *
 * <p>Two groups have the same shape when everything distance to failure reads of a group is the same but its name:
 * copy by copy (in the group's order) the letter, AZ, storage node, state, whether it is a replacement and whether a
 * user failed it, and, for a copy catching up, where its SCL lies among the read points a read could ask for (every
 * instance's applied LSN and the region's durable LSN: a read is served by such a copy only when its SCL reaches the
 * read point); and the write and read sets' terms and the copies in the model. Every fault then takes the same
 * copies of each (by position: {@link #masksOfNode}, {@link #masksOfAz}), and what it does to one is what it does to
 * all: the quorums, the read, the command's preconditions. Only the names differ, which the result puts back.
 */
final class GroupShapes {

    /** One shape: the first group that has it (its representative, in volume order) and how many groups do. */
    static final class Shape {
        final int index;
        final int first;
        final ProtectionGroupSnapshot rep;
        int count;
        /** The representative's copy ids by position, and the masks' sets of them (a few masks repeat a lot). */
        private final Map<Integer, Set<String>> idsByMask = new HashMap<>();

        Shape(int index, int first, ProtectionGroupSnapshot rep) {
            this.index = index;
            this.first = first;
            this.rep = rep;
        }

        /** The representative's copies at the positions of {@code mask} (bit k: the k-th copy), by id. */
        Set<String> ids(int mask) {
            return idsByMask.computeIfAbsent(mask, m -> {
                Set<String> out = new HashSet<>();
                List<SegmentSnapshot> segs = rep.segments();
                for (int k = 0; k < segs.size(); k++) {
                    if ((m & (1 << k)) != 0) {
                        out.add(segs.get(k).id());
                    }
                }
                return Set.copyOf(out);
            });
        }
    }

    final RegionSnapshot region;
    final List<ProtectionGroupSnapshot> pgs;
    /** Each group's shape, by the group's index in the volume. */
    final int[] shapeOf;
    final List<Shape> shapes = new ArrayList<>();
    /** The read points a catching-up copy's SCL is placed among, sorted. */
    private final long[] readPoints;
    private final Map<String, int[]> byNode = new HashMap<>();
    private final Map<String, int[]> byAz = new HashMap<>();
    private int[] all;

    GroupShapes(RegionSnapshot r) {
        this.region = r;
        this.pgs = r.volume().protectionGroups();
        this.shapeOf = new int[pgs.size()];
        long[] points = new long[r.instances().size() + 1];
        int n = 0;
        for (InstanceSnapshot i : r.instances()) {
            points[n++] = i.appliedLsn();
        }
        points[n] = r.durableLsn();
        Arrays.sort(points);
        this.readPoints = points;
        for (int g = 0; g < pgs.size(); g++) {
            sort(g);
        }
    }

    private final Map<Integer, List<Shape>> byHash = new HashMap<>();
    private Shape last;
    private Shape beforeLast;

    /**
     * Finds group {@code g}'s shape, or makes it a new one. A method of its own, not the loop's body: the JIT compiles
     * a method called thousands of times long before it compiles a loop run once, and the first analysis of a large
     * volume (the moment D is pressed) runs mostly compiled.
     */
    private void sort(int g) {
        ProtectionGroupSnapshot pg = pgs.get(g);
        Shape found = null;
        // neighbours share a shape, or alternate between two (the engine's placement): try those first, which spares
        // the hash of nearly every group
        if (last != null && same(last.rep, pg)) {
            found = last;
        } else if (beforeLast != null && same(beforeLast.rep, pg)) {
            found = beforeLast;
        } else {
            int h = hash(pg);
            for (Shape s : byHash.getOrDefault(h, List.of())) {
                if (same(s.rep, pg)) {
                    found = s;
                    break;
                }
            }
            if (found == null) {
                found = new Shape(shapes.size(), g, pg);
                shapes.add(found);
                byHash.computeIfAbsent(h, k -> new ArrayList<>(1)).add(found);
            }
        }
        found.count++;
        shapeOf[g] = found.index;
        if (found != last) {
            beforeLast = last;
            last = found;
        }
    }

    /** Where a catching-up copy's SCL lies among the read points: how many it reaches. */
    private int readBucket(SegmentSnapshot s) {
        if (s.state() != SegmentState.CATCHING_UP) {
            return 0;
        }
        int k = Arrays.binarySearch(readPoints, s.scl());
        // the number of read points at or below the SCL (binarySearch finds any of equal ones: walk past them)
        int at = k >= 0 ? k : -k - 1;
        while (at < readPoints.length && readPoints[at] <= s.scl()) {
            at++;
        }
        return at + 1;
    }

    private int hash(ProtectionGroupSnapshot pg) {
        int h = pg.writeSet().hashCode() * 31 + pg.readSet().hashCode();
        h = h * 31 + pg.copiesInModel();
        for (SegmentSnapshot s : pg.segments()) {
            h = h * 31 + s.letter();
            h = h * 31 + s.nodeId().hashCode();
            h = h * 31 + s.state().ordinal() * 4 + (s.replacement() ? 2 : 0) + (s.failedByUser() ? 1 : 0);
            h = h * 31 + readBucket(s);
        }
        return h;
    }

    private boolean same(ProtectionGroupSnapshot a, ProtectionGroupSnapshot b) {
        List<SegmentSnapshot> as = a.segments();
        List<SegmentSnapshot> bs = b.segments();
        if (as.size() != bs.size() || a.copiesInModel() != b.copiesInModel() || !a.writeSet().equals(b.writeSet())
                || !a.readSet().equals(b.readSet())) {
            return false;
        }
        for (int k = 0; k < as.size(); k++) {
            SegmentSnapshot x = as.get(k);
            SegmentSnapshot y = bs.get(k);
            if (x.letter() != y.letter() || x.state() != y.state() || x.replacement() != y.replacement()
                    || x.failedByUser() != y.failedByUser() || !x.nodeId().equals(y.nodeId())
                    || !x.az().equals(y.az())
                    || x.state() == SegmentState.CATCHING_UP && readBucket(x) != readBucket(y)) {
                return false;
            }
        }
        return true;
    }

    /** Per shape, the positions of its copies on storage node {@code nodeId} (0 where none). */
    int[] masksOfNode(String nodeId) {
        return byNode.computeIfAbsent(nodeId, id -> masks((s, k) -> s.nodeId().equals(id)));
    }

    /** Per shape, the positions of its copies in AZ {@code az}. */
    int[] masksOfAz(String az) {
        return byAz.computeIfAbsent(az, a -> masks((s, k) -> s.az().equals(a)));
    }

    /** Per shape, every position: the whole region. */
    int[] masksOfAll() {
        if (all == null) {
            all = masks((s, k) -> true);
        }
        return all;
    }

    /** Per shape, only position {@code position} of {@code shape}. */
    int[] maskOfCopy(int shape, int position) {
        int[] m = new int[shapes.size()];
        m[shape] = 1 << position;
        return m;
    }

    private interface Takes {
        boolean takes(SegmentSnapshot s, int position);
    }

    private int[] masks(Takes t) {
        int[] out = new int[shapes.size()];
        for (Shape sh : shapes) {
            List<SegmentSnapshot> segs = sh.rep.segments();
            for (int k = 0; k < segs.size(); k++) {
                if (t.takes(segs.get(k), k)) {
                    out[sh.index] |= 1 << k;
                }
            }
        }
        return out;
    }
}

package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The volume's incremental aggregates (storage/Volume) answer exactly what a loop over every group answers, however
 * the groups change between two questions: VCL's limit, the highest read point every group serves, and the groups
 * whose quorum may have changed. A group's read limit is checked against its definition too (a read at the limit is
 * served, one LSN above it is not).
 */
class VolumeTest {

    private static final String[] AZS = {"a", "a", "b", "b", "c", "c"};
    private static final SegmentState[] STATES = SegmentState.values();

    private static ProtectionGroup group(int index) {
        ProtectionGroup pg = new ProtectionGroup("pg-" + index, index, 10);
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, AZS[i], i % 2 + 1, new StorageNode("n" + index + "-" + i, AZS[i]));
        }
        return pg;
    }

    /** Whether every boxcar a read at {@code readPoint} needs is held by some copy serving reads (P17 §4.2.3). */
    private static boolean serves(ProtectionGroup pg, long readPoint) {
        int needed = -1;
        for (int i = pg.log().firstKept(); i < pg.log().size(); i++) {
            if (pg.log().firstLsn(i) <= readPoint) {
                needed = i;
            }
        }
        if (needed < 0) {
            return true;
        }
        for (Segment s : pg.allCopies()) {
            if (s.servesReads() && s.prefix() >= needed) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theAggregatesAnswerAsALoopOverEveryGroupOverASeededSweep() {
        for (long seed = 1; seed <= 80; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(19);
            List<ProtectionGroup> pgs = new ArrayList<>();
            for (int g = 0; g < n; g++) {
                pgs.add(group(g));
            }
            Volume v = new Volume(pgs);
            // every group starts quorum-dirty, once
            TreeSet<Integer> dirty = new TreeSet<>();
            for (int g = 0; g < n; g++) {
                dirty.add(g);
            }
            long lsn = 1;
            for (int op = 0; op < 300; op++) {
                ProtectionGroup pg = pgs.get(r.nextInt(n));
                Segment s = pg.slot(r.nextInt(6)).current();
                switch (r.nextInt(7)) {
                    case 0, 1 -> {
                        long len = 1 + r.nextInt(5);
                        pg.log().append(lsn, lsn + len - 1);
                        lsn += len + r.nextInt(3);
                    }
                    case 2 -> {
                        if (pg.log().size() > 0) {
                            s.receive(r.nextInt(pg.log().size()));
                        }
                    }
                    case 3 -> {
                        s.setState(STATES[r.nextInt(STATES.length)]);
                        dirty.add(pg.index());
                    }
                    case 4 -> pg.setPgclBoxcar(Math.min(pg.log().size() - 1, pg.pgclBoxcar() + 1 + r.nextInt(3)));
                    case 5 -> {
                        if (pg.log().size() > 0) {
                            s.fillUpTo(r.nextInt(pg.log().size()));
                        }
                    }
                    default -> {
                        if (r.nextInt(4) == 0) {
                            pg.log().truncateAbove(r.nextLong(Math.max(1, lsn)));
                            for (Segment c : pg.allCopies()) {
                                c.applyTruncation();
                            }
                        }
                    }
                }
                if (r.nextInt(3) != 0) {
                    continue;
                }
                long cap = r.nextBoolean() ? Long.MAX_VALUE - 1 : lsn / 2;
                long loopVcl = cap;
                long loopRead = Long.MAX_VALUE;
                for (ProtectionGroup g : pgs) {
                    loopVcl = Math.min(loopVcl, g.log().completeThrough(g.pgclBoxcar()));
                    loopRead = Math.min(loopRead, g.readLimitLsn());
                }
                assertThat(v.completeLsn(cap)).as("seed %d op %d: VCL", seed, op).isEqualTo(loopVcl);
                assertThat(v.readableThroughLsn()).as("seed %d op %d: read limit", seed, op).isEqualTo(loopRead);
                if (r.nextBoolean()) {
                    List<Integer> visited = new ArrayList<>();
                    v.drainQuorumChanges(visited::add);
                    assertThat(visited).as("seed %d op %d: quorum changes", seed, op).containsExactlyElementsOf(dirty);
                    dirty.clear();
                }
            }
            for (ProtectionGroup g : pgs) {
                long limit = g.readLimitLsn();
                if (limit != Long.MIN_VALUE && limit != Long.MAX_VALUE) {
                    assertThat(serves(g, limit)).as("seed %d: %s serves its limit %d", seed, g.id(), limit).isTrue();
                    assertThat(serves(g, limit + 1)).as("seed %d: %s above its limit", seed, g.id()).isFalse();
                }
                if (limit == Long.MAX_VALUE) {
                    assertThat(serves(g, lsn + 1_000)).isTrue();
                }
            }
        }
    }

    @Test
    void aVolumeOfOneGroupAndOneOfFiveAnswerForTheirLowestGroup() {
        List<ProtectionGroup> pgs = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            pgs.add(group(g));
        }
        Volume v = new Volume(pgs);
        // no boxcar anywhere: nothing limits VCL but the cap, and every read point is served
        assertThat(v.completeLsn(77)).isEqualTo(77);
        assertThat(v.readableThroughLsn()).isEqualTo(Long.MAX_VALUE);
        // group 3 gets LSNs 10-19 in one boxcar at quorum, group 4 gets 20-29 not yet at quorum
        pgs.get(3).log().append(10, 19);
        pgs.get(3).slot(0).current().receive(0);
        pgs.get(3).setPgclBoxcar(0);
        pgs.get(4).log().append(20, 29);
        assertThat(v.completeLsn(100)).isEqualTo(19);
        // group 3's copy A holds its boxcar, no copy holds group 4's: reads up to 19 are served, 20 is not
        assertThat(v.readableThroughLsn()).isEqualTo(19);
        pgs.get(4).slot(2).current().receive(0);
        assertThat(v.readableThroughLsn()).isEqualTo(Long.MAX_VALUE);
        pgs.get(4).setPgclBoxcar(0);
        assertThat(v.completeLsn(100)).isEqualTo(100);
        List<Integer> visited = new ArrayList<>();
        v.drainQuorumChanges(visited::add);
        assertThat(visited).containsExactly(0, 1, 2, 3, 4);
        visited.clear();
        v.drainQuorumChanges(visited::add);
        assertThat(visited).isEmpty();
        pgs.get(2).slot(0).current().setState(SegmentState.DOWN);
        pgs.get(0).slot(0).current().setState(SegmentState.DOWN);
        pgs.get(2).slot(1).current().setState(SegmentState.DOWN);
        v.drainQuorumChanges(visited::add);
        assertThat(visited).containsExactly(0, 2);
    }
}

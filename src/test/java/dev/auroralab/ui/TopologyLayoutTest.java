package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.largest;
import static dev.auroralab.ui.ViewModelFixtures.vm;
import static dev.auroralab.ui.ViewModelFixtures.vmAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.ui.topology.Box;
import dev.auroralab.ui.topology.TopologyLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the topology's elements sit on the logical page, what is under a point, and the fit to a canvas. */
class TopologyLayoutTest {

    private static EngineSnapshot healthy() {
        return vmAt("healthy-cluster", SECOND).snapshot();
    }

    /** 1 writer + 15 replicas, 100 GiB (10 PGs, 60 copies, 5 per storage node). */
    private static EngineSnapshot biggest() {
        SimulationViewModel vm = vm(largest());
        vm.advanceTo(SECOND);
        return vm.snapshot();
    }

    /** Healthy cluster with copy A of pg-0 being replaced by G: seven copies in pg-0's row. */
    private static EngineSnapshot replacing() {
        SimulationViewModel vm = vmAt("healthy-cluster", SECOND);
        vm.act(new Command.FailSegment("pg-0/us-east-1a/1"));
        vm.advanceTo(11 * SECOND + 1_000);
        return vm.snapshot();
    }

    private static List<EngineSnapshot> topologies() {
        return List.of(healthy(), biggest(), replacing());
    }

    private static boolean overlap(Box a, Box b) {
        return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
    }

    private static boolean inside(Box inner, Box outer) {
        return inner.x() >= outer.x() && inner.right() <= outer.right() && inner.y() >= outer.y()
                && inner.bottom() <= outer.bottom();
    }

    private static void assertNoTwoOverlap(String what, Map<String, Box> boxes) {
        List<Map.Entry<String, Box>> list = new ArrayList<>(boxes.entrySet());
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                assertThat(overlap(list.get(i).getValue(), list.get(j).getValue()))
                        .as("%s %s and %s overlap", what, list.get(i).getKey(), list.get(j).getKey()).isFalse();
            }
        }
    }

    private static Set<String> copyIds(EngineSnapshot s) {
        Set<String> out = new HashSet<>();
        s.volume().protectionGroups().forEach(pg -> pg.segments().forEach(seg -> out.add(seg.id())));
        return out;
    }

    @Test
    void everyAzInstanceStorageNodeCopyAndProtectionGroupHasABox() {
        for (EngineSnapshot s : topologies()) {
            TopologyLayout l = TopologyLayout.of(s);

            assertThat(l.azColumns.keySet()).containsExactlyElementsOf(s.azs());
            assertThat(l.azHeaders.keySet()).containsExactlyElementsOf(s.azs());
            assertThat(l.instances.keySet()).containsExactlyInAnyOrderElementsOf(
                    s.instances().stream().map(EngineSnapshot.InstanceSnapshot::id).toList());
            assertThat(l.nodes.keySet()).containsExactlyInAnyOrderElementsOf(
                    s.storageNodes().stream().map(StorageNodeSnapshot::id).toList());
            assertThat(l.pgRows.keySet()).containsExactlyElementsOf(
                    s.volume().protectionGroups().stream().map(ProtectionGroupSnapshot::id).toList());
            // each copy twice: in the storage node that holds it and in its protection group's row
            assertThat(l.pgChips.keySet()).isEqualTo(copyIds(s));
            assertThat(l.nodeChips.keySet()).isEqualTo(copyIds(s));
            assertThat(l.writerEndpoint).isNotNull();
            assertThat(l.readerEndpoint).isNotNull();
            assertThat(l.legend).isNotNull();
        }
        assertThat(TopologyLayout.of(replacing()).pgChips).containsKey("pg-0/us-east-1a/1#1");
    }

    @Test
    void noTwoCardsNodesOrCopiesOverlapAndEachSitsInsideItsContainer() {
        for (EngineSnapshot s : topologies()) {
            TopologyLayout l = TopologyLayout.of(s);

            assertNoTwoOverlap("instances", l.instances);
            assertNoTwoOverlap("storage nodes", l.nodes);
            assertNoTwoOverlap("copies in nodes", l.nodeChips);
            assertNoTwoOverlap("copies in PG rows", l.pgChips);
            assertNoTwoOverlap("PG rows", l.pgRows);
            assertNoTwoOverlap("AZ columns", l.azColumns);
            for (var i : s.instances()) {
                assertThat(inside(l.instances.get(i.id()), l.azColumns.get(i.az()))).as(i.id()).isTrue();
                for (Box n : l.nodes.values()) {
                    assertThat(overlap(l.instances.get(i.id()), n)).as("%s over a node", i.id()).isFalse();
                }
            }
            for (StorageNodeSnapshot n : s.storageNodes()) {
                assertThat(inside(l.nodes.get(n.id()), l.azColumns.get(n.az()))).as(n.id()).isTrue();
                for (String copy : n.segments()) {
                    assertThat(inside(l.nodeChips.get(copy), l.nodes.get(n.id()))).as("%s in %s", copy, n.id())
                            .isTrue();
                }
            }
            for (ProtectionGroupSnapshot pg : s.volume().protectionGroups()) {
                for (SegmentSnapshot seg : pg.segments()) {
                    assertThat(inside(l.pgChips.get(seg.id()), l.pgRows.get(pg.id()))).as(seg.id()).isTrue();
                }
                for (Box column : l.azColumns.values()) {
                    assertThat(l.pgRows.get(pg.id()).y()).as("%s below the AZs", pg.id())
                            .isGreaterThan(column.bottom());
                }
                assertThat(l.legend.y()).isGreaterThan(l.pgRows.get(pg.id()).bottom());
            }
            assertThat(l.height).isGreaterThanOrEqualTo(l.legend.bottom());
        }
    }

    @Test
    void hitTestAtTheCentreOfEachElementReturnsThatElement() {
        for (EngineSnapshot s : topologies()) {
            TopologyLayout l = TopologyLayout.of(s);
            l.instances.forEach((id, b) -> assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.instance(id)));
            l.nodes.forEach((id, b) -> assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.node(id)));
            l.nodeChips.forEach((id, b) -> assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.segment(id)));
            l.pgChips.forEach((id, b) -> assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.segment(id)));
            l.azHeaders.forEach((az, b) -> assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.az(az)));
            // the column itself where no card or node covers it: its padding at the bottom left
            l.azColumns.forEach((az, b) -> assertThat(l.hitTest(b.x() + 3, b.bottom() - 3)).isEqualTo(Selection.az(az)));
            // a PG row is the PG where no copy covers it: its label, left of the first copy
            l.pgRows.forEach((pg, b) -> {
                double firstCopy = s.pg(pg).segments().stream().mapToDouble(seg -> l.pgChips.get(seg.id()).x()).min()
                        .orElseThrow();
                assertThat(l.hitTest((b.x() + firstCopy) / 2, b.cy())).isEqualTo(Selection.pg(pg));
            });
            assertThat(l.hitTest(l.writerEndpoint.cx(), l.writerEndpoint.cy()))
                    .isEqualTo(new Selection(Selection.Kind.ENDPOINT, "cluster"));
            assertThat(l.hitTest(l.readerEndpoint.cx(), l.readerEndpoint.cy()))
                    .isEqualTo(new Selection(Selection.Kind.ENDPOINT, "reader"));
            assertThat(l.hitTest(-5, -5)).isNull();
            assertThat(l.hitTest(TopologyLayout.WIDTH / 2, l.height + 50)).isNull();
            assertThat(l.hitTest(l.legend.cx(), l.legend.cy())).isNull();
        }
    }

    @Test
    void theLabelOfAProtectionGroupRowSelectsTheGroupWhileItsCopiesSelectThemselves() {
        // TopologyView.centreOf(pg) points at the label (row.x + 30): the middle of the row is its copies
        TopologyLayout l = TopologyLayout.of(healthy());
        Box row = l.pgRows.get("pg-0");
        assertThat(l.hitTest(row.x() + 30, row.cy())).isEqualTo(Selection.pg("pg-0"));
        assertThat(l.hitTest(row.cx(), row.cy())).isNotNull();
    }

    @Test
    void theLargestTopologyKeepsEverythingInsideThePageWidth() {
        EngineSnapshot s = biggest();
        TopologyLayout l = TopologyLayout.of(s);
        assertThat(s.instances()).hasSize(16);
        assertThat(l.pgRows).hasSize(10);
        assertThat(l.nodeChips).hasSize(60);

        List<Box> all = new ArrayList<>();
        all.addAll(l.azColumns.values());
        all.addAll(l.instances.values());
        all.addAll(l.nodes.values());
        all.addAll(l.nodeChips.values());
        all.addAll(l.pgChips.values());
        all.addAll(l.pgRows.values());
        all.addAll(List.of(l.writerEndpoint, l.readerEndpoint, l.legend));
        for (Box b : all) {
            assertThat(b.x()).as("%s", b).isGreaterThanOrEqualTo(0);
            assertThat(b.right()).as("%s", b).isLessThanOrEqualTo(TopologyLayout.WIDTH);
            assertThat(b.y()).as("%s", b).isGreaterThanOrEqualTo(0);
            assertThat(b.bottom()).as("%s", b).isLessThanOrEqualTo(l.height);
        }
        // the gauge text starts right of the widest row of copies and on the page
        double widestCopies = l.pgChips.values().stream().mapToDouble(Box::right).max().orElseThrow();
        assertThat(l.gaugeX).isGreaterThan(widestCopies).isLessThan(TopologyLayout.WIDTH);
    }

    @Test
    void aRowWithAReplacementCopyMovesTheGaugeRightOfItAndStillFitsThePage() {
        EngineSnapshot s = replacing();
        TopologyLayout l = TopologyLayout.of(s);
        List<SegmentSnapshot> pg0 = s.pg("pg-0").segments();
        assertThat(pg0).hasSizeGreaterThan(6);
        double lastCopyRight = l.pgChips.get(pg0.get(pg0.size() - 1).id()).right();
        assertThat(l.gaugeX).isGreaterThan(lastCopyRight);
        assertThat(l.gaugeX + TopologyLayout.GAUGE_MIN_W).isLessThanOrEqualTo(TopologyLayout.WIDTH);
        // seven copies leave too little room for the gauge on one line: writes, reads and the sets take a line each
        assertThat(l.gaugeOnThreeLines).isTrue();
        assertThat(TopologyLayout.of(healthy()).gaugeOnThreeLines).as("six copies leave room for one line").isFalse();
    }

    @Test
    void theLayoutFollowsAReplicaBeingAdded() {
        SimulationViewModel vm = vmAt("healthy-cluster", SECOND);
        TopologyLayout before = TopologyLayout.of(vm.snapshot());
        vm.act(new Command.AddReplica("reader-3", "us-east-1a", 1, "db.r6g.large"));
        TopologyLayout after = TopologyLayout.of(vm.snapshot());

        assertThat(before.instances).doesNotContainKey("reader-3");
        assertThat(after.instances).containsKey("reader-3");
        Box card = after.instances.get("reader-3");
        assertThat(after.hitTest(card.cx(), card.cy())).isEqualTo(Selection.instance("reader-3"));
        assertThat(inside(card, after.azColumns.get("us-east-1a"))).isTrue();
    }

    @Test
    void fitScalesThePageIntoTheCanvasAndMapsCanvasPointsBackToLogicalOnes() {
        TopologyLayout l = TopologyLayout.of(healthy());
        double[][] canvases = {{1280, 800}, {600, 2000}, {3000, 500}, {1200, l.height}, {333, 777}};
        for (double[] c : canvases) {
            TopologyLayout.Fit fit = l.fit(c[0], c[1]);
            double scale = Math.min(c[0] / TopologyLayout.WIDTH, c[1] / l.height);

            assertThat(fit.scale()).isCloseTo(scale, within(1e-12));
            // the whole page fits, centred left to right, from the top
            assertThat(TopologyLayout.WIDTH * fit.scale()).isLessThanOrEqualTo(c[0] + 1e-9);
            assertThat(l.height * fit.scale()).isLessThanOrEqualTo(c[1] + 1e-9);
            assertThat(fit.offsetX()).isCloseTo((c[0] - TopologyLayout.WIDTH * fit.scale()) / 2, within(1e-9));
            assertThat(fit.offsetY()).isZero();
            for (double[] p : new double[][] {{0, 0}, {TopologyLayout.WIDTH, l.height}, {123.5, 456.25}}) {
                double px = fit.offsetX() + p[0] * fit.scale();
                double py = fit.offsetY() + p[1] * fit.scale();
                assertThat(fit.toLogicalX(px)).isCloseTo(p[0], within(1e-9));
                assertThat(fit.toLogicalY(py)).isCloseTo(p[1], within(1e-9));
            }
            // a click on an instance's canvas centre finds that instance
            Box w = l.instances.get("writer-1");
            double px = fit.offsetX() + w.cx() * fit.scale();
            double py = fit.offsetY() + w.cy() * fit.scale();
            assertThat(l.hitTest(fit.toLogicalX(px), fit.toLogicalY(py))).isEqualTo(Selection.instance("writer-1"));
        }
    }

    @Test
    void onATinyCanvasTheScaleStopsAtOneTenth() {
        TopologyLayout l = TopologyLayout.of(healthy());
        TopologyLayout.Fit fit = l.fit(20, 10);
        assertThat(fit.scale()).isEqualTo(0.1);
        assertThat(fit.toLogicalX(fit.offsetX())).isZero();
    }

    @Test
    void theKeyboardOrderReachesEveryElementOnceStartingWithTheInstances() {
        for (EngineSnapshot s : topologies()) {
            List<Selection> order = TopologyLayout.of(s).keyboardOrder();
            assertThat(order).doesNotHaveDuplicates();
            assertThat(order).containsExactlyInAnyOrderElementsOf(ViewModelFixtures.allElements(s));
            assertThat(order.get(0)).isEqualTo(Selection.instance(s.instances().get(0).id()));
        }
    }

    @Test
    void aLayoutIsReusedUntilTheStructureChanges() {
        SimulationViewModel vm = vmAt("healthy-cluster", SECOND);
        TopologyLayout first = TopologyLayout.of(vm.snapshot(), null);
        vm.advanceTo(3 * SECOND);
        assertThat(TopologyLayout.of(vm.snapshot(), first)).as("only values changed").isSameAs(first);

        vm.act(new Command.AddReplica("reader-9", "us-east-1c", 3, "db.r6g.large"));
        TopologyLayout second = TopologyLayout.of(vm.snapshot(), first);
        assertThat(second).as("an instance was added").isNotSameAs(first);
        assertThat(second.instances).containsKey("reader-9");

        vm.act(new Command.FailSegment("pg-0/us-east-1a/1"));
        vm.advanceTo(vm.nowMicros() + 11 * SECOND);
        TopologyLayout third = TopologyLayout.of(vm.snapshot(), second);
        assertThat(third).as("a replacement copy joined pg-0").isNotSameAs(second);
        assertThat(third.pgChips).hasSize(second.pgChips.size() + 1);
        // whatever the path, the reused layout equals a fresh one
        assertThat(third.pgChips).isEqualTo(TopologyLayout.of(vm.snapshot()).pgChips);
    }

    @Test
    void aPageTooTallForTheCanvasStopsShrinkingAtTheReadableScaleAndScrolls() {
        TopologyLayout l = TopologyLayout.of(biggest());
        double w = 1100;
        double h = 500; // far shorter than the page at any readable scale
        assertThat(l.fit(w, h).scale()).as("plain fit shrinks to the height").isLessThan(0.8);
        assertThat(l.overflows(w, h, 0.8)).isTrue();
        TopologyLayout.Fit top = l.fit(w, h, 0.8, 0);
        assertThat(top.scale()).isEqualTo(0.8);
        assertThat(top.offsetY()).isZero();
        double overflow = l.height * 0.8 - h;
        assertThat(l.fit(w, h, 0.8, 100).offsetY()).isEqualTo(-100);
        assertThat(l.fit(w, h, 0.8, 1e9).offsetY()).as("clamped to the page's end").isCloseTo(-overflow, within(1e-9));
        assertThat(l.fit(w, h, 0.8, -5).offsetY()).isZero();
        // a page that fits is drawn as before, and never scrolls
        TopologyLayout small = TopologyLayout.of(healthy());
        assertThat(small.overflows(1100, 2000, 0.8)).isFalse();
        assertThat(small.fit(1100, 2000, 0.8, 300)).isEqualTo(small.fit(1100, 2000));
    }
}

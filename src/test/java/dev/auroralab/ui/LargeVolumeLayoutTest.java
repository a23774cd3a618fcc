package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.ui.topology.TopologyLayout;
import org.junit.jupiter.api.Test;

/**
 * A 128 TiB volume (13,108 protection groups, 78,648 copies) is a valid scenario: the layout draws the first
 * {@link TopologyLayout#MAX_PG_ROWS} groups, counts the rest, and nothing it builds grows with the square of the
 * topology (the message scratch array once held (instances + copies)² bytes and overflowed).
 */
class LargeVolumeLayoutTest {

    static final String YAML = """
            schemaVersion: 1
            name: The largest volume
            seed: 3
            duration: 60s
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 131072
              instances:
                - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                - {id: reader-1, az: us-east-1b, tier: 0, instanceClass: db.r6g.large}
            workload: {writesPerSecond: 1000, readsPerSecond: 1000}
            """;

    @Test
    void aVolumeOf128TiBDrawsItsFirstGroupsAndCountsTheRest() {
        SimulationViewModel vm = ViewModelFixtures.vm(ViewModelFixtures.read("largest-volume.yaml", YAML));
        vm.advanceTo(SECOND / 4);
        EngineSnapshot s = vm.snapshot();
        int groups = s.volume().protectionGroups().size();
        assertThat(groups).isEqualTo(13_108);

        TopologyLayout l = TopologyLayout.of(s);
        assertThat(l.pgTotal).isEqualTo(groups);
        assertThat(l.pgDrawn).isEqualTo(TopologyLayout.MAX_PG_ROWS);
        assertThat(l.pgRows).hasSize(TopologyLayout.MAX_PG_ROWS);
        assertThat(l.moreGroups).as("a line says how many are not drawn").isNotNull();
        assertThat(l.moreGroups.bottom()).isLessThanOrEqualTo(l.legend.y());
        // six chips per group drawn, in the rows and in the storage nodes; every other copy is counted per node
        assertThat(l.pgChips).hasSize(6 * TopologyLayout.MAX_PG_ROWS);
        assertThat(l.nodeChips).hasSize(6 * TopologyLayout.MAX_PG_ROWS);
        int copies = s.storageNodes().stream().mapToInt(n -> n.segments().size()).sum();
        int notDrawn = l.copiesNotDrawn.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(notDrawn + l.nodeChips.size()).isEqualTo(copies);
        for (StorageNodeSnapshot n : s.storageNodes()) {
            assertThat(l.nodes.get(n.id()).bottom()).as("node %s stays in its column", n.id())
                    .isLessThanOrEqualTo(l.azColumns.get(n.az()).bottom());
        }
        // the page is as tall as a 120 GiB volume's, not thousands of rows
        assertThat(l.height).isLessThan(1_000);
        assertThat(l.keyboardOrder()).hasSizeLessThan(200);
    }

    @Test
    void aLayoutOfASmallVolumeDrawsEveryGroupAndNeedsNoCountLine() {
        SimulationViewModel vm = ViewModelFixtures.vmAt("healthy-cluster", SECOND);
        TopologyLayout l = TopologyLayout.of(vm.snapshot());
        assertThat(l.pgDrawn).isEqualTo(l.pgTotal).isEqualTo(3);
        assertThat(l.moreGroups).isNull();
        assertThat(l.copiesNotDrawn).isEmpty();
    }
}

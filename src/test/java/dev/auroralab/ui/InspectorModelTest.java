package dev.auroralab.ui;

import dev.auroralab.engine.storage.SegmentState;
import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.allElements;
import static dev.auroralab.ui.ViewModelFixtures.builtIn;
import static dev.auroralab.ui.ViewModelFixtures.vm;
import static dev.auroralab.ui.ViewModelFixtures.vmAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.ui.InspectorModel.Field;
import dev.auroralab.ui.topology.ProtectionGroupRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inspector's rows: every engine field of the selected element, then the volume, from the snapshot alone. */
class InspectorModelTest {

    private static final String HEALTHY = "healthy-cluster";
    private static final String COPY_A = "pg-0/us-east-1a/1";
    private static final List<String> VOLUME_ROWS = List.of("status", "why", "VCL (complete)", "VDL (durable)",
            "next LSN", "LSN limit (LAL)", "volume epoch", "writer", "failover", "workload",
            "writes acked", "acked writes lost", "commit latency", "write downtime", "read downtime",
            "seed");

    /** The rows of the selection's own section (before the volume heading), by name. */
    private static Map<String, String> section(Selection sel, EngineSnapshot s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : InspectorModel.fields(sel, s)) {
            if (f.heading() && f.name().equals("Volume")) {
                break;
            }
            out.put(f.name(), f.value());
        }
        return out;
    }

    private static List<String> headings(Selection sel, EngineSnapshot s) {
        return InspectorModel.fields(sel, s).stream().filter(Field::heading).map(Field::name).toList();
    }

    private static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    @Test
    void withNothingSelectedTheInspectorShowsTheVolumeAndItsCounters() {
        EngineSnapshot s = vmAt(HEALTHY, 2 * SECOND).snapshot();
        List<Field> rows = InspectorModel.fields(null, s);

        assertThat(rows.get(0)).isEqualTo(new Field("Volume", null));
        assertThat(rows.subList(1, rows.size())).extracting(Field::name).containsExactlyElementsOf(VOLUME_ROWS);
        assertThat(rows).contains(new Field("status", "Writable"), new Field("writer", "writer-1"),
                new Field("failover", "none"), new Field("seed", "1"),
                new Field("VDL (durable)", grouped(s.volume().vdl())),
                new Field("workload", "1,000 writes/s, 4,000 reads/s"),
                new Field("acked writes lost", "0"));
    }

    @Test
    void aCopyListsItsStateSclAddressNodeAndHowFarItTrailsItsGroup() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        vm.advanceTo(3 * SECOND);
        EngineSnapshot s = vm.snapshot();
        SegmentSnapshot a = s.segment(COPY_A);

        Map<String, String> rows = section(Selection.segment(COPY_A), s);

        assertThat(headings(Selection.segment(COPY_A), s)).containsExactly("Copy A of pg-0", "Volume");
        assertThat(rows).containsEntry("id", COPY_A).containsEntry("address", COPY_A).containsEntry("state", "down")
                .containsEntry("SCL (complete up to)", grouped(a.scl())).containsEntry("AZ", "us-east-1a")
                .containsEntry("storage node", "sn-us-east-1a-1").containsEntry("replacement", "false")
                .containsEntry("in the quorum", "true")
                .containsEntry("behind PGCL by", grouped(s.pg("pg-0").pgcl() - a.scl()) + " LSNs");
        assertThat(s.pg("pg-0").pgcl() - a.scl()).as("a down copy falls behind").isPositive();
    }

    @Test
    void everyCopyShowsTheStateAndSclTheEngineHas() {
        SimulationViewModel vm = vmAt("two-copies-destroyed", 12 * SECOND);
        EngineSnapshot s = vm.snapshot();
        for (var pg : s.volume().protectionGroups()) {
            for (SegmentSnapshot seg : pg.segments()) {
                Map<String, String> rows = section(Selection.segment(seg.id()), s);
                assertThat(rows).as(seg.id()).containsEntry("state", seg.state().label())
                        .containsEntry("SCL (complete up to)", grouped(seg.scl()))
                        .containsEntry("replacement", String.valueOf(seg.replacement()));
            }
        }
        assertThat(s.volume().protectionGroups()).flatExtracting(pg -> pg.segments())
                .extracting(SegmentSnapshot::state).contains(SegmentState.DESTROYED);
    }

    @Test
    void aProtectionGroupListsItsQuorumsSetsEpochAndCopies() {
        EngineSnapshot s = vmAt(HEALTHY, 2 * SECOND).snapshot();
        Map<String, String> rows = section(Selection.pg("pg-0"), s);

        assertThat(headings(Selection.pg("pg-0"), s)).containsExactly("Protection group pg-0", "Volume");
        assertThat(rows).containsEntry("size", "10 GiB").containsEntry("copies up", "6 of 6")
                .containsEntry("write quorum", "held: 6 of 6, need 4")
                .containsEntry("read quorum", "held: 6 of 6, need 3")
                .containsEntry("write set", "4/6 of ABCDEF").containsEntry("read set", "3/6 of ABCDEF")
                .containsEntry("membership epoch", "1")
                .containsEntry("PGCL", grouped(s.pg("pg-0").pgcl()))
                .containsEntry("degraded (3 of 4)", "no");
        assertThat(rows).containsKeys("copy A", "copy B", "copy C", "copy D", "copy E", "copy F");
        assertThat(rows.get("copy C")).startsWith("up, SCL ").endsWith(", us-east-1b");
    }

    @Test
    void aProtectionGroupThatLostItsWriteQuorumSaysSoWithTheCounts() {
        // az-plus-one: us-east-1c out at 10 s, one more copy of pg-0 at 12 s
        EngineSnapshot s = vmAt("az-plus-one", 13 * SECOND).snapshot();
        Map<String, String> rows = section(Selection.pg("pg-0"), s);

        assertThat(rows).containsEntry("write quorum", "LOST: 3 of 6, need 4")
                .containsEntry("read quorum", "held: 3 of 6, need 3")
                .containsEntry("copies up", "3 of 6");
        assertThat(rows.get("copy E")).startsWith("down, ");
    }

    @Test
    void duringAMembershipChangeTheCopyCountMatchesTheGaugeAndNamesTheReplacementBeingFilled() {
        // az-plus-one: copy C of pg-0 fails at 12 s; at 22 s repair starts filling G in its place (10 GiB, 10 s)
        EngineSnapshot s = vmAt("az-plus-one", 25 * SECOND).snapshot();
        var pg = s.pg("pg-0");
        Map<String, String> rows = section(Selection.pg("pg-0"), s);

        assertThat(pg.segments()).hasSize(7);
        assertThat(rows).containsEntry("copies up", "3 of 6 (+1 replacement being filled: G)");
        assertThat(ProtectionGroupRows.gauge(pg)).startsWith("writes 3/6 ");
        assertThat(rows.get("copy G")).startsWith("replacing, ").endsWith(", us-east-1b, replaces C");
    }

    @Test
    void inTheDegradedModelTheCopyCountMatchesTheGaugeAndNamesTheCopiesLeftOut() {
        // lose-an-az: us-east-1c out at 10 s; the quorum reconfigured to 3 of 4 at 20 s
        SimulationViewModel vm = vm(builtIn("lose-an-az"));
        vm.advanceTo(20 * SECOND);
        vm.act(new Command.ReconfigureQuorum("us-east-1c"));
        vm.advanceTo(25 * SECOND);
        var pg = vm.snapshot().pg("pg-1");
        Map<String, String> rows = section(Selection.pg("pg-1"), vm.snapshot());

        assertThat(rows).containsEntry("copies up", "4 of 4 (+2 in us-east-1c, left out of the 3-of-4 model: E, F)");
        assertThat(ProtectionGroupRows.gauge(pg)).startsWith("writes 4/4 ");
        assertThat(rows.get("copy E")).endsWith(", left out of the 3-of-4 model");
    }

    @Test
    void aReaderShowsItsReplicaLagAndTheWriterShowsItsDurablePointInstead() {
        EngineSnapshot s = vmAt(HEALTHY, 2 * SECOND).snapshot();
        InstanceSnapshot reader = s.instance("reader-1");
        InstanceSnapshot writer = s.instance("writer-1");

        Map<String, String> r = section(Selection.instance("reader-1"), s);
        assertThat(r).containsEntry("role", "reader").containsEntry("status", "up").containsEntry("AZ", "us-east-1b")
                .containsEntry("region", "us-east-1").containsEntry("instance class", "db.r6g.large")
                .containsEntry("promotion tier", "0").containsEntry("applied LSN", grouped(reader.appliedLsn()))
                .containsEntry("replica lag", String.format(Locale.ROOT, "%.2f ms", reader.lagMicros() / 1e3))
                .containsEntry("cluster endpoint", "false").containsEntry("reader endpoint", "true");
        assertThat(reader.lagMicros()).isPositive();

        Map<String, String> w = section(Selection.instance("writer-1"), s);
        assertThat(w).containsEntry("role", "writer").containsEntry("replica lag", "- (writer)")
                .containsEntry("VDL (durable)", grouped(s.volume().vdl()))
                .containsEntry("cluster endpoint", "true").doesNotContainKey("applied LSN");
    }

    @Test
    void anAzAStorageNodeAndTheEndpointsListTheirFields() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailAvailabilityZone("us-east-1c"));
        EngineSnapshot s = vm.snapshot();

        assertThat(section(Selection.az("us-east-1c"), s)).containsEntry("status", "out")
                .containsEntry("instances", "reader-2").containsEntry("storage nodes", "4");
        assertThat(section(Selection.az("us-east-1a"), s)).containsEntry("status", "up")
                .containsEntry("instances", "writer-1");
        assertThat(section(Selection.node("sn-us-east-1c-1"), s)).containsEntry("AZ", "us-east-1c")
                .containsEntry("reachable", "false")
                .containsEntry("copies held", "2: pg-0/us-east-1c/1, pg-2/us-east-1c/1");
        assertThat(section(new Selection(Selection.Kind.ENDPOINT, "cluster"), s)).containsEntry("reaches", "writer-1");
        assertThat(section(new Selection(Selection.Kind.ENDPOINT, "reader"), s))
                .containsEntry("reaches", String.join(", ", s.endpoints().readerEndpoint()));
    }

    @Test
    void theVolumeRowsFollowEverySelection() {
        EngineSnapshot s = vmAt("writer-crash-failover-by-tier", 25 * SECOND).snapshot();
        for (Selection sel : allElements(s)) {
            List<Field> rows = InspectorModel.fields(sel, s);
            List<String> headings = rows.stream().filter(Field::heading).map(Field::name).toList();
            assertThat(headings).as(sel.describe()).hasSize(2).endsWith("Volume");
            int volume = rows.indexOf(new Field("Volume", null));
            assertThat(rows.subList(volume + 1, rows.size())).extracting(Field::name)
                    .as(sel.describe()).containsExactlyElementsOf(VOLUME_ROWS);
            assertThat(rows).as(sel.describe()).noneMatch(f -> !f.heading() && f.value().isEmpty()
                    && !f.name().equals("instances"));
        }
        // mid-failover the volume rows say so
        assertThat(InspectorModel.fields(null, s)).contains(new Field("writer", "none"));
        assertThat(InspectorModel.fields(null, s)).anySatisfy(f -> assertThat(f.name()).isEqualTo("failover"))
                .noneMatch(f -> f.name().equals("failover") && f.value().equals("none"));
    }

    @Test
    void whileTheWritersFailureIsBeingDetectedTheFailoverTargetIsNotChosenYet() {
        // writer-1 fails at 10 s; health checks notice 10 s later, and only then is a replica chosen
        EngineSnapshot s = vmAt("writer-crash-failover-by-tier", 12 * SECOND).snapshot();

        assertThat(s.failoverInProgress().to()).isNull();
        assertThat(InspectorModel.fields(null, s))
                .contains(new Field("failover", "detecting (writer-1 → not chosen yet)"));
    }

    @Test
    void aSecondarysClusterEndpointThatReachesNoInstanceSaysNowhere() {
        // a secondary has no writer, so its cluster endpoint resolves to no instance
        EngineSnapshot s = vmAt("global-switchover", 5 * SECOND).snapshot();
        EngineSnapshot secondary = s.forRegion(s.regions().get(1).region());

        assertThat(secondary.endpoints().clusterEndpoint()).isNull();
        assertThat(section(new Selection(Selection.Kind.ENDPOINT, "cluster"), secondary))
                .containsEntry("reaches", "nowhere");
    }

    @Test
    void unknownIdsDoNotCrashAndShowOnlyTheVolume() {
        EngineSnapshot s = vmAt(HEALTHY, SECOND).snapshot();
        List<Field> volumeOnly = InspectorModel.fields(null, s);

        for (Selection gone : List.of(Selection.instance("reader-99"), Selection.segment("pg-0/us-east-1a/1#9"),
                Selection.segment("nonsense"), Selection.node("sn-nowhere"), Selection.pg("pg-42"),
                new Selection(Selection.Kind.VOLUME, "volume"))) {
            assertThat(InspectorModel.fields(gone, s)).as(gone.describe()).isEqualTo(volumeOnly);
        }
        assertThat(InspectorModel.fields(Selection.instance("writer-1"), null)).isEmpty();
        assertThat(InspectorModel.fields(null, null)).isEmpty();
    }
}

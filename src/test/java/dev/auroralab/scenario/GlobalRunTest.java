package dev.auroralab.scenario;

import dev.auroralab.run.ScenarioRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.scenario.ExpectationResult;
import dev.auroralab.scenario.RunResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Global Database runs: the region expectations hold or fail with the engine's reason, and the report's new keys. */
class GlobalRunTest {

    private static RunResult failover;

    @BeforeAll
    static void runTheGlobalFailoverOnce() throws ScenarioError {
        failover = ScenarioRunner.run(BuiltInScenarios.load("global-region-outage-failover"), null, null);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    // ---- expectations ------------------------------------------------------------------------------------------

    /** Each region check twice at the end of a calm 5 s run: first as it is (holds), then as it is not (fails). */
    @Test
    void eachRegionCheckHoldsWhenTrueAndFailsWithTheEnginesValueWhenNot() throws ScenarioError {
        Scenario s = ScenarioReader.read("checks.yaml", GlobalErrorCases.GLOBAL + """
                duration: 5s
                expect:
                  - {at: end, writerRegion: us-east-1}
                  - {at: end, writerRegion: eu-west-1}
                  - {at: end, regionRole: {us-east-1: primary, eu-west-1: secondary}}
                  - {at: end, regionRole: {eu-west-1: primary}}
                  - {at: end, regionLagMillisAtMost: {eu-west-1: 1000, us-west-2: 1000}}
                  - {at: end, regionLagMillisAtMost: {eu-west-1: 1}}
                  - {at: end, regionWritable: {us-east-1: true, eu-west-1: false}}
                  - {at: end, regionWritable: {eu-west-1: true}}
                  - {at: end, regionReadable: {eu-west-1: true}}
                  - {at: end, regionReadable: {eu-west-1: false}}
                  - {at: end, commitsBlocked: false}
                  - {at: end, commitsBlocked: true}
                  - {at: end, splitBrain: false}
                  - {at: end, splitBrain: true}
                  - {at: end, staleReadsSeen: {eu-west-1: false}}
                  - {at: end, staleReadsSeen: {eu-west-1: true}}
                  - {at: end, acknowledgedWritesLostAtLeast: 0}
                  - {at: end, acknowledgedWritesLostAtLeast: 1}
                """);

        List<ExpectationResult> results = ScenarioRunner.run(s, null, null).expectations();

        assertThat(results).hasSize(18);
        for (int i = 0; i < results.size(); i += 2) {
            assertThat(results.get(i).passed()).as(results.get(i).message()).isTrue();
            assertThat(results.get(i + 1).passed()).as(results.get(i + 1).message()).isFalse();
        }
        assertThat(results.get(1).message()).contains("writerRegion us-east-1, expected eu-west-1");
        assertThat(results.get(3).message()).contains("eu-west-1 role secondary, expected primary");
        assertThat(results.get(4).message()).contains("eu-west-1 RPO lag", "(at most 1000)");
        assertThat(results.get(5).message()).contains("eu-west-1 RPO lag", "expected at most 1 ms (secondary)");
        assertThat(results.get(7).message()).contains("eu-west-1 writable false (secondary)");
        assertThat(results.get(9).message()).contains("eu-west-1 readable true (secondary)");
        assertThat(results.get(11).message()).contains("commitsBlocked false (managed RPO off)");
        assertThat(results.get(13).message()).contains("splitBrain false (writable regions: us-east-1)");
        assertThat(results.get(15).message()).contains("eu-west-1 stale reads 0 (write forwarding off)");
        assertThat(results.get(17).message()).contains("acknowledgedWritesLost 0, expected at least 1");
    }

    @Test
    void aPrimaryProtectionGroupIsCheckedByItsShortNameAndASecondarysByItsRegionalOne() throws ScenarioError {
        Scenario s = ScenarioReader.read("pgs.yaml", GlobalErrorCases.GLOBAL + """
                duration: 3s
                timeline:
                  - {at: 1s, do: fail-segment, target: eu-west-1/pg-1/eu-west-1b/2}
                expect:
                  - {at: end, pg: pg-1, segmentsUp: 6}
                  - {at: end, pg: eu-west-1/pg-1, segmentsUp: 5, writeQuorum: true}
                  - {at: end, pg: us-west-2/pg-1, segmentsUp: 6}
                """);

        List<ExpectationResult> results = ScenarioRunner.run(s, null, null).expectations();

        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.message()).isTrue());
        assertThat(results.get(1).message()).contains("eu-west-1/pg-1 segmentsUp 5");
    }

    // ---- the report --------------------------------------------------------------------------------------------

    @Test
    void aGlobalFailoverIsReportedWithItsKindLossesRpoAndRto() {
        EngineSnapshot s = failover.finalSnapshot();
        FailoverRecord f = s.failovers().get(0);
        ObjectNode r = RunReport.toTree(failover);

        JsonNode entry = r.get("failovers").get(0);
        assertThat(keys(entry)).containsExactly("kind", "from", "to", "startedAtSeconds", "completedAtSeconds",
                "acknowledgedWritesLost", "rpoSeconds", "rtoSeconds", "writeDowntimeSeconds", "recoverySnapshot");
        assertThat(entry.get("recoverySnapshot").asText()).isEqualTo("rds:unplanned-global-failover-us-east-1-0m25s");
        assertThat(entry.get("kind").asText()).isEqualTo("global-failover");
        assertThat(entry.get("from").asText()).isEqualTo("us-east-1");
        assertThat(entry.get("to").asText()).isEqualTo("us-west-2");
        assertThat(entry.get("startedAtSeconds").asDouble()).isEqualTo(25.0);
        assertThat(entry.get("acknowledgedWritesLost").asLong()).isPositive()
                .isEqualTo(r.at("/writes/acknowledgedLost").asLong());
        assertThat(entry.get("rpoSeconds").decimalValue()).isPositive()
                .isEqualByComparingTo(RunReport.seconds(f.rpoMicros()));
        assertThat(entry.get("rtoSeconds").decimalValue())
                .isEqualByComparingTo(RunReport.seconds(f.completedAtMicros() - f.startedAtMicros()));
        assertThat(entry.get("writeDowntimeSeconds").asDouble()).isGreaterThan(entry.get("rtoSeconds").asDouble());
    }

    @Test
    void theReportListsEveryRegionWithItsRoleLagAndAccessAfterTheOldKeys() {
        ObjectNode r = RunReport.toTree(failover);
        JsonNode fin = r.get("final");

        assertThat(keys(fin)).containsExactly("writer", "writerRegion", "writable", "readable", "status", "reason",
                "vcl", "vdl", "volumeEpoch", "protectionGroups", "instances", "regions", "global");
        assertThat(fin.get("writerRegion").asText()).isEqualTo("us-west-2");
        assertThat(fin.get("writer").asText()).isEqualTo("oregon-reader-1");
        JsonNode regions = fin.get("regions");
        assertThat(regions).hasSize(2);
        assertThat(keys(regions.get(0))).startsWith("region", "role", "lagMillis", "writable", "readable");
        assertThat(regions.get(0).get("region").asText()).isEqualTo("us-east-1");
        assertThat(regions.get(0).get("role").asText()).isEqualTo("secondary");
        assertThat(regions.get(0).get("writable").asBoolean()).isFalse();
        assertThat(regions.get(0).get("readable").asBoolean()).isTrue();
        assertThat(regions.get(0).get("lagMillis").decimalValue()).isPositive().isEqualByComparingTo(
                RunReport.millis(failover.finalSnapshot().regionSnapshot("us-east-1").rpoLagMicros()));
        assertThat(regions.get(1).get("region").asText()).isEqualTo("us-west-2");
        assertThat(regions.get(1).get("role").asText()).isEqualTo("primary");
        assertThat(regions.get(1).get("lagMillis").asDouble()).isZero();
        assertThat(regions.get(1).get("writable").asBoolean()).isTrue();
        assertThat(fin.at("/global/splitBrain").asBoolean()).isFalse();
        assertThat(fin.at("/global/writableRegions").toString()).isEqualTo("[\"us-west-2\"]");
    }

    @Test
    void aSingleRegionReportListsItsOneRegionAsThePrimary() throws ScenarioError {
        RunResult single = ScenarioRunner.run(BuiltInScenarios.load("healthy-cluster"), null, 2_000_000L);
        JsonNode regions = RunReport.toTree(single).at("/final/regions");

        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).get("region").asText()).isEqualTo("us-east-1");
        assertThat(regions.get(0).get("role").asText()).isEqualTo("primary");
        assertThat(regions.get(0).get("lagMillis").asDouble()).isZero();
        assertThat(regions.get(0).get("writable").asBoolean()).isTrue();
        assertThat(regions.get(0).get("readable").asBoolean()).isTrue();
        assertThat(RunReport.toTree(single).at("/final/writerRegion").asText()).isEqualTo("us-east-1");
    }

    @Test
    void writeForwardingIsReportedPerRegion() throws ScenarioError {
        RunResult r = ScenarioRunner.run(BuiltInScenarios.load("global-write-forwarding"), null, 10_000_000L);
        JsonNode regions = RunReport.toTree(r).at("/final/regions");

        assertThat(regions.get(0).has("writeForwarding")).as("the primary forwards nothing").isFalse();
        assertThat(regions.get(1).at("/writeForwarding/consistency").asText()).isEqualTo("eventual");
        assertThat(regions.get(1).at("/writeForwarding/staleReads").asLong()).isPositive();
        assertThat(regions.get(2).at("/writeForwarding/consistency").asText()).isEqualTo("session");
        assertThat(regions.get(2).at("/writeForwarding/staleReads").asLong()).isZero();
        assertThat(regions.get(3).at("/writeForwarding/readWaitMaxMillis").asDouble())
                .isGreaterThan(regions.get(2).at("/writeForwarding/readWaitMaxMillis").asDouble());
    }
}

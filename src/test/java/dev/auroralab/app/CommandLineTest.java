package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.GlobalErrorCases;
import dev.auroralab.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String SCENARIO = """
            schemaVersion: 1
            name: cli test
            seed: 7
            duration: 20s
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 30
              instances:
                - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                - {id: reader-1, az: us-east-1b, tier: 0, instanceClass: db.r6g.xlarge}
            workload: {writesPerSecond: 1000, readsPerSecond: 4000}
            timeline:
              - {at: 10s, do: fail-az, target: us-east-1c}
              - {at: 12s, do: fail-segment, target: pg-0/us-east-1b/1}
            expect:
              - {at: 11s, writable: true, readable: true}
              - {at: 13s, writable: false, pg: pg-0, writeQuorum: false, readQuorum: true}
              - {at: end, writer: writer-1, acknowledgedWritesLost: 0}
            """;

    @Test
    void runExitsZeroWhenEveryExpectationHoldsAndWritesTheReportContract() throws Exception {
        Path report = dir.resolve("report.json");
        assertThat(cli.run("run", file("s.yaml", SCENARIO).toString(), "--report", report.toString())).isZero();
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(r.get("seed").asLong()).isEqualTo(7);
        assertThat(r.get("simulatedSeconds").asDouble()).isEqualTo(20.0);
        for (String k : List.of("issued", "acknowledged", "failed", "acknowledgedLost")) {
            assertThat(r.get("writes").has(k)).as(k).isTrue();
        }
        assertThat(r.at("/writes/commitLatencyMillis/p99").asDouble()).isPositive();
        assertThat(r.at("/reads/served").asLong()).isPositive();
        assertThat(r.at("/downtime/writeSeconds").asDouble()).isGreaterThan(1.0);
        assertThat(r.at("/final/writer").asText()).isEqualTo("writer-1");
        assertThat(r.at("/final/writerRegion").asText()).isEqualTo("us-east-1");
        assertThat(r.at("/final/protectionGroups/0/segmentsUp").asInt()).isEqualTo(3);
        assertThat(r.at("/final/instances/1/role").asText()).isEqualTo("reader");
        assertThat(r.at("/final/instances/1/lagMillis").asDouble()).isPositive();
        assertThat(r.get("expectations")).hasSize(3);
        assertThat(r.get("events").toString()).contains("AvailabilityZoneFailed", "WriteQuorumLost");
        assertThat(cli.out()).contains("all 3 checked expectations held");
    }

    @Test
    void runExitsOneAndPrintsTheEnginesReasonWhenAnExpectationFails() throws Exception {
        String wrong = SCENARIO.replace("{at: 13s, writable: false", "{at: 13s, writable: true");
        assertThat(cli.run("run", file("w.yaml", wrong).toString())).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL at 13s (line 18)", "pg-0 reaches 3 of 6 copies; writes need 4");
    }

    @Test
    void runExitsTwoWithFileLineAndColumnForABadFile() throws Exception {
        String bad = SCENARIO.replace("do: fail-az", "do: fail-zone");
        assertThat(cli.run("run", file("bad.yaml", bad).toString())).isEqualTo(2);
        assertThat(cli.err()).contains("bad.yaml:14:").contains("fail-zone").doesNotContain("Exception");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aSeedOverrideIsReportedAndTheReportCanGoToStandardOutput() throws Exception {
        assertThat(cli.run("run", file("s.yaml", SCENARIO).toString(), "--seed", "99", "--duration", "5s", "--report",
                "-")).isZero();
        JsonNode r = new ObjectMapper().readTree(cli.out());
        assertThat(r.get("seed").asLong()).isEqualTo(99);
        assertThat(r.get("simulatedSeconds").asDouble()).isEqualTo(5.0);
    }

    @Test
    void validateChecksWithoutRunning() throws Exception {
        assertThat(cli.run("validate", file("s.yaml", SCENARIO).toString())).isZero();
        assertThat(cli.out()).contains("OK");
        assertThat(cli.run("validate", file("b.json", "{").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("b.json:");
    }

    @Test
    void anUnparsableDurationOptionIsAUsageError() throws Exception {
        assertThat(cli.run("run", file("s.yaml", SCENARIO).toString(), "--duration", "ten")).isEqualTo(2);
        assertThat(cli.err()).contains("--duration");
    }

    // ---- Global Database ---------------------------------------------------------------------------------------

    static List<GlobalErrorCases.Case> globalErrors() {
        return GlobalErrorCases.all();
    }

    @ParameterizedTest(name = "{0}: exit 2 from validate and run")
    @MethodSource("globalErrors")
    void aBadGlobalScenarioExitsTwoWithItsFileLineAndColumn(GlobalErrorCases.Case c) throws Exception {
        Path bad = file("bad.yaml", c.yaml());
        String where = "bad.yaml:" + c.line() + ":" + c.column() + ": ";

        assertThat(cli.run("validate", bad.toString())).isEqualTo(2);
        assertThat(cli.run("run", bad.toString())).isEqualTo(2);

        assertThat(cli.out()).isEmpty();
        // the same one-line message from each command, and nothing else
        String line = cli.err().lines().findFirst().orElseThrow();
        assertThat(line).startsWith(where).contains(c.phrases());
        assertThat(cli.err()).isEqualTo(line + System.lineSeparator() + line + System.lineSeparator())
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void runPrintsEachGlobalFailoverWithItsRtoRpoAndLossesAndEachRegionWithItsRoleAndLag() throws Exception {
        Path scenario = dir.resolve("failover.yaml");
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("scenarios/global-region-outage-failover.yaml")) {
            Files.copy(in, scenario);
        }
        Path report = dir.resolve("report.json");

        assertThat(cli.run("run", scenario.toString(), "--report", report.toString())).isZero();

        FailoverRecord f = ScenarioRunner.run(BuiltInScenarios.load("global-region-outage-failover"), null, null)
                .finalSnapshot().failovers().get(0);
        assertThat(f.acknowledgedWritesLost()).isPositive();
        assertThat(cli.out()).contains(String.format(Locale.ROOT,
                "  global-failover us-east-1 -> us-west-2: RTO %.1f s, RPO %.3f s, %,d acknowledged writes lost"
                        + " (in snapshot rds:unplanned-global-failover-us-east-1-0m25s)%n",
                f.rtoMicros() / 1e6, f.rpoMicros() / 1e6, f.acknowledgedWritesLost()));
        assertThat(cli.out()).containsPattern("  region us-east-1: secondary, RPO lag [0-9.]+ ms, read-only\\R")
                .contains("  region us-west-2: primary, RPO lag 0.0 ms, writable" + System.lineSeparator())
                .contains("  global: writes go to us-west-2, managed RPO off" + System.lineSeparator())
                .contains("all 7 checked expectations held");
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.at("/failovers/0/kind").asText()).isEqualTo("global-failover");
        assertThat(r.at("/failovers/0/acknowledgedWritesLost").asLong()).isEqualTo(f.acknowledgedWritesLost());
        assertThat(r.at("/failovers/0/rtoSeconds").asDouble()).isEqualTo(f.rtoMicros() / 1e6);
        assertThat(r.at("/final/writerRegion").asText()).isEqualTo("us-west-2");
        assertThat(r.at("/final/regions/0/role").asText()).isEqualTo("secondary");
        assertThat(r.at("/final/regions/1/role").asText()).isEqualTo("primary");
    }

    /**
     * Runs cut at a moment a value is missing (no writer yet, a target not chosen, a region promoted): neither the
     * summary nor any text of the report may say "null" (a JSON null value is data, not text).
     */
    @ParameterizedTest(name = "{0} cut at {1}")
    @CsvSource({"writer-crash-failover-by-tier, 15s", "writer-crash-failover-by-tier, 45s",
            "writer-crash-no-replica, 40s", "global-region-outage-failover, 40s", "global-detach-and-promote, 40s",
            "global-switchover, 25s"})
    void noRunSummaryOrReportTextSaysNull(String scenario, String duration) throws Exception {
        cli.run("run", scenario, "--duration", duration, "--report", "-");

        assertThat(cli.err()).as("the summary").contains("  end: ").doesNotContainPattern("(?i)\\bnull\\b");
        JsonNode report = new ObjectMapper().readTree(cli.out());
        List<String> texts = new ArrayList<>();
        report.get("events").forEach(e -> texts.add(e.get("detail").asText()));
        report.get("expectations").forEach(e -> texts.add(e.get("message").asText()));
        texts.add(report.at("/final/reason").asText());
        assertThat(texts).hasSizeGreaterThan(3).noneMatch(t -> t.matches("(?is).*\\bnull\\b.*"));
    }

    @Test
    void aSingleRegionRunPrintsNoRegionLines() throws Exception {
        assertThat(cli.run("run", file("s.yaml", SCENARIO).toString())).isZero();
        assertThat(cli.out()).doesNotContain("  region ", "  global:");
    }

    @Test
    void validateCountsTheInstancesOfEveryRegion() throws Exception {
        assertThat(cli.run("validate", file("g.yaml", GlobalErrorCases.GLOBAL).toString())).isZero();
        assertThat(cli.out()).contains("g.yaml: OK (g.yaml: 3 instances in 3 regions, 3 protection groups");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "two", ""})
    void benchRefusesASecondaryCountOutsideZeroToTen(String count) {
        assertThat(cli.run("bench", "--secondaries", count)).isEqualTo(2);
        assertThat(cli.err()).contains("--secondaries takes a number from 0 to 10", "usage: bench");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void benchWithSecondariesAddsThatManyRegionsOfThreeAzsAndTwoReaders() {
        ClusterSpec none = BenchCommand.headlineSpec();
        ClusterSpec two = BenchCommand.headlineSpec(2);
        ClusterSpec ten = BenchCommand.headlineSpec(10);

        assertThat(none.secondaries()).isEmpty();
        assertThat(two.secondaries()).extracting(ClusterSpec.SecondarySpec::region)
                .containsExactly("eu-west-1", "us-west-2");
        assertThat(two.secondaries()).allSatisfy(r -> {
            assertThat(r.azs()).hasSize(3);
            assertThat(r.instances()).hasSize(2).allSatisfy(i -> assertThat(i.role()).isEqualTo(Role.READER));
            assertThat(r.latencyMs()).isEqualTo(70);
        });
        // the same headline load in the primary, and a spec the engine accepts
        assertThat(two.instances()).isEqualTo(none.instances());
        assertThat(two.writesPerSecond()).isEqualTo(200_000);
        assertThat(ten.validate().secondaries()).hasSize(10);
    }
}

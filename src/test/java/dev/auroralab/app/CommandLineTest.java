package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}

package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.command.Command;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    static final String EXAMPLE_YAML = """
            schemaVersion: 1
            name: Lose an AZ, then one more copy
            seed: 7
            duration: 60s                    # durations: 250ms, 10s, 2m, 1h, 1.5s
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]     # exactly 3
              volumeGiB: 30                  # 3 protection groups: pg-0, pg-1, pg-2
              instances:
                - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                - {id: reader-1, az: us-east-1b, tier: 0, instanceClass: db.r6g.xlarge}   # role defaults to reader
            workload: {writesPerSecond: 1000, readsPerSecond: 4000}
            timeline:
              - {at: 10s, do: fail-az, target: us-east-1c}
              - {at: 12s, do: fail-segment, target: pg-0/us-east-1b/1}   # PG id / AZ / copy 1 or 2
            expect:
              - {at: 11s, writable: true, readable: true}
              - {at: 13s, writable: false, pg: pg-0, writeQuorum: false, readQuorum: true}
              - {at: end, writer: writer-1, acknowledgedWritesLost: 0}
            """;

    static final String EXAMPLE_JSON = """
            {
              "schemaVersion": 1,
              "name": "Lose an AZ, then one more copy",
              "seed": 7,
              "duration": "60s",
              "cluster": {
                "region": "us-east-1",
                "azs": ["us-east-1a", "us-east-1b", "us-east-1c"],
                "volumeGiB": 30,
                "instances": [
                  {"id": "writer-1", "az": "us-east-1a", "role": "writer", "instanceClass": "db.r6g.large"},
                  {"id": "reader-1", "az": "us-east-1b", "tier": 0, "instanceClass": "db.r6g.xlarge"}
                ]
              },
              "workload": {"writesPerSecond": 1000, "readsPerSecond": 4000},
              "timeline": [
                {"at": "10s", "do": "fail-az", "target": "us-east-1c"},
                {"at": "12s", "do": "fail-segment", "target": "pg-0/us-east-1b/1"}
              ],
              "expect": [
                {"at": "11s", "writable": true, "readable": true},
                {"at": "13s", "writable": false, "pg": "pg-0", "writeQuorum": false, "readQuorum": true},
                {"at": "end", "writer": "writer-1", "acknowledgedWritesLost": 0}
              ]
            }
            """;

    /** The smallest accepted file; tests add to it. */
    static final String MINIMAL_YAML = """
            schemaVersion: 1
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 10
              instances:
                - {id: writer-1, az: us-east-1a, role: writer}
                - {id: reader-1, az: us-east-1b}
            """;

    @Test
    void theExampleBuildsTheClusterItDescribes() throws ScenarioError {
        Scenario s = ScenarioReader.read("lose-az.yaml", EXAMPLE_YAML);

        assertThat(s.name()).isEqualTo("Lose an AZ, then one more copy");
        assertThat(s.description()).isNull();
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.durationMicros()).isEqualTo(60_000_000L);
        assertThat(s.sourceName()).isEqualTo("lose-az.yaml");
        assertThat(s.cluster()).isEqualTo(new ClusterSpec("us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c"),
                30, List.of(new InstanceSpec("writer-1", "us-east-1a", Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "us-east-1b", Role.READER, 0, "db.r6g.xlarge")),
                1000, 4000, 7));
        assertThat(s.cluster().protectionGroupCount()).isEqualTo(3);
    }

    @Test
    void theExampleTimelineBecomesEngineCommandsWithTheirTimesAndLines() throws ScenarioError {
        Scenario s = ScenarioReader.read("lose-az.yaml", EXAMPLE_YAML);

        assertThat(s.timeline()).containsExactly(
                new TimedCommand(10_000_000, new Command.FailAvailabilityZone("us-east-1c"), 14),
                new TimedCommand(12_000_000, new Command.FailSegment("pg-0/us-east-1b/1"), 15));
    }

    @Test
    void theExampleExpectationsKeepEveryCheckAndLeaveTheRestUnchecked() throws ScenarioError {
        Scenario s = ScenarioReader.read("lose-az.yaml", EXAMPLE_YAML);

        assertThat(s.expectations()).containsExactly(
                new Expectation(11_000_000L, "11s", true, true, false, null, null, null, null, null, null, 17),
                new Expectation(13_000_000L, "13s", false, null, false, null, "pg-0", false, true, null, null, 18),
                new Expectation(null, "end", null, null, true, "writer-1", null, null, null, null, 0L, 19));
        assertThat(s.expectations().get(2).atEnd()).isTrue();
    }

    @Test
    void jsonAndYamlOfTheSameScenarioGiveEqualResultsApartFromLines() throws ScenarioError {
        Scenario yaml = ScenarioReader.read("lose-az.yaml", EXAMPLE_YAML);
        Scenario json = ScenarioReader.read("lose-az.json", EXAMPLE_JSON);

        assertThat(json).usingRecursiveComparison()
                .ignoringFields("sourceName", "timeline.line", "expectations.line")
                .isEqualTo(yaml);
        assertThat(json.timeline()).extracting(TimedCommand::command)
                .isEqualTo(yaml.timeline().stream().map(TimedCommand::command).toList());
    }

    @Test
    void missingOptionalKeysTakeTheirDefaults() throws ScenarioError {
        Scenario s = ScenarioReader.read("minimal.yml", MINIMAL_YAML);

        assertThat(s.name()).isEqualTo("minimal.yml");
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.durationMicros()).isEqualTo(60_000_000L);
        assertThat(s.cluster().writesPerSecond()).isEqualTo(1000);
        assertThat(s.cluster().readsPerSecond()).isEqualTo(4000);
        assertThat(s.cluster().instances().get(1))
                .isEqualTo(new InstanceSpec("reader-1", "us-east-1b", Role.READER, 1, "db.r6g.large"));
        assertThat(s.timeline()).isEmpty();
        assertThat(s.expectations()).isEmpty();
    }

    @Test
    void everyActionMapsToItsEngineCommand() throws ScenarioError {
        Scenario s = ScenarioReader.read("all.yaml", MINIMAL_YAML + """
                description: every action once
                timeline:
                  - {at: 1s, do: fail-instance, target: reader-1}
                  - {at: 2s, do: restore-instance, target: reader-1}
                  - {at: 3s, do: fail-az, target: us-east-1c}
                  - {at: 4s, do: restore-az, target: us-east-1c}
                  - {at: 5s, do: fail-segment, target: pg-0/us-east-1a/2}
                  - {at: 6s, do: restore-segment, target: pg-0/us-east-1a/2}
                  - {at: 7s, do: destroy-segment, target: pg-0/us-east-1c/1}
                  - {at: 8s, do: fail-storage-node, target: sn-us-east-1a-2}
                  - {at: 9s, do: restore-storage-node, target: sn-us-east-1a-2}
                  - {at: 10s, do: failover}
                  - {at: 11s, do: failover, target: reader-1}
                  - {at: 12s, do: add-replica, id: reader-2, az: us-east-1c}
                  - {at: 13s, do: add-replica, id: reader-3, az: us-east-1b, tier: 4, instanceClass: db.r6g.4xlarge}
                  - {at: 14s, do: remove-replica, target: reader-3}
                  - {at: 15s, do: set-tier, target: reader-2, tier: 0}
                  - {at: 16s, do: set-workload, writesPerSecond: 2500.5}
                  - {at: 17s, do: set-workload, readsPerSecond: 0}
                """);

        assertThat(s.description()).isEqualTo("every action once");
        assertThat(s.timeline()).extracting(TimedCommand::command).containsExactly(
                new Command.FailInstance("reader-1"),
                new Command.RestoreInstance("reader-1"),
                new Command.FailAvailabilityZone("us-east-1c"),
                new Command.RestoreAvailabilityZone("us-east-1c"),
                new Command.FailSegment("pg-0/us-east-1a/2"),
                new Command.RestoreSegment("pg-0/us-east-1a/2"),
                new Command.DestroySegment("pg-0/us-east-1c/1"),
                new Command.FailStorageNode("sn-us-east-1a-2"),
                new Command.RestoreStorageNode("sn-us-east-1a-2"),
                new Command.Failover(null),
                new Command.Failover("reader-1"),
                new Command.AddReplica("reader-2", "us-east-1c", 1, "db.r6g.large"),
                new Command.AddReplica("reader-3", "us-east-1b", 4, "db.r6g.4xlarge"),
                new Command.RemoveReplica("reader-3"),
                new Command.SetPromotionTier("reader-2", 0),
                new Command.SetWorkload(2500.5, null),
                new Command.SetWorkload(null, 0.0));
    }

    @Test
    void theTimelineIsSortedByTimeKeepingFileOrderForEqualTimes() throws ScenarioError {
        Scenario s = ScenarioReader.read("order.yaml", MINIMAL_YAML + """
                timeline:
                  - {at: 20s, do: restore-az, target: us-east-1c}
                  - {at: 5s, do: fail-az, target: us-east-1c}
                  - {at: 5s, do: fail-instance, target: reader-1}
                  - {at: 0ms, do: set-workload, readsPerSecond: 10}
                """);

        assertThat(s.timeline()).extracting(TimedCommand::line).containsExactly(13, 11, 12, 10);
        assertThat(s.timeline()).extracting(TimedCommand::atMicros).containsExactly(0L, 5_000_000L, 5_000_000L,
                20_000_000L);
    }

    @Test
    void aReplicaAddedLaterCanBeFailedAndRemovedAfterItIsAdded() throws ScenarioError {
        Scenario s = ScenarioReader.read("later.yaml", MINIMAL_YAML + """
                timeline:
                  - {at: 30s, do: remove-replica, target: reader-2}
                  - {at: 20s, do: fail-instance, target: reader-2}
                  - {at: 10s, do: add-replica, id: reader-2, az: us-east-1c}
                  - {at: 40s, do: add-replica, id: reader-2, az: us-east-1a}
                expect:
                  - {at: end, writer: reader-2}
                  - {at: 0s, writer: null}
                """);

        assertThat(s.timeline()).hasSize(4);
        assertThat(s.expectations().get(1).writerSpecified()).isTrue();
        assertThat(s.expectations().get(1).writer()).isNull();
    }

    @Test
    void yamlYesAndNoAreBooleansAndCrLfLineEndsAndAByteOrderMarkAreFine() throws ScenarioError {
        String yaml = "\uFEFF" + (MINIMAL_YAML + "expect:\n  - {at: 1s, writable: yes, readable: no}\n")
                .replace("\n", "\r\n");

        Expectation e = ScenarioReader.read("crlf.yaml", yaml).expectations().get(0);

        assertThat(e.writable()).isTrue();
        assertThat(e.readable()).isFalse();
        assertThat(e.line()).isEqualTo(10);
    }

    @Test
    void fifteenReplicasAreAccepted() throws ScenarioError {
        StringBuilder yaml = new StringBuilder(MINIMAL_YAML);
        for (int i = 2; i <= 15; i++) {
            yaml.append("    - {id: reader-").append(i).append(", az: us-east-1c}\n");
        }
        assertThat(ScenarioReader.read("fifteen.yaml", yaml.toString()).cluster().instances()).hasSize(16);
    }

    @Test
    void aFileOnDiskIsReadAndNamedByItsFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("on-disk.yaml");
        Files.writeString(file, EXAMPLE_YAML, StandardCharsets.UTF_8);

        Scenario s = ScenarioReader.read(file);

        assertThat(s.sourceName()).isEqualTo("on-disk.yaml");
        assertThat(s).isEqualTo(ScenarioReader.read("on-disk.yaml", EXAMPLE_YAML));
    }

    @Test
    void aScenarioOnTheClassPathIsReadByItsResourcePath(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/builtin.json"), EXAMPLE_JSON, StandardCharsets.UTF_8);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Scenario s = ScenarioReader.readResource(loader, "/scenarios/builtin.json");
            assertThat(s.sourceName()).isEqualTo("builtin.json");
            assertThat(s.cluster()).isEqualTo(ScenarioReader.read("x.json", EXAMPLE_JSON).cluster());
        }
    }

    @Test
    void aMissingClassPathScenarioIsAnErrorNamingThePath() {
        ScenarioError e = catchThrowableOfType(ScenarioError.class,
                () -> ScenarioReader.readResource("scenarios/nope.yaml"));

        assertThat(e.message()).isEqualTo("nope.yaml: no scenario at 'scenarios/nope.yaml' on the class path. "
                + "Check the resource path, e.g. scenarios/lose-an-az.yaml");
    }
}

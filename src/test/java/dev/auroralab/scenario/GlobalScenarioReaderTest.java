package dev.auroralab.scenario;

import dev.auroralab.engine.snapshot.RegionRole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Global Database scenarios read to the ClusterSpec, commands and checks the engine and runner take. */
class GlobalScenarioReaderTest {

    /** On Aurora PostgreSQL, so that the managed RPO may be set. */
    private static final String GLOBAL = GlobalErrorCases.GLOBAL_POSTGRES;

    private static Scenario read(String yaml) throws ScenarioError {
        return ScenarioReader.read("global.yaml", yaml);
    }

    private static List<Command> commands(Scenario s) {
        return s.timeline().stream().map(TimedCommand::command).toList();
    }

    @Test
    void secondariesBecomeTheClusterSpecsSecondaryRegionsWithReadOnlyInstances() throws ScenarioError {
        Scenario s = read(GLOBAL.replace("      - {id: dublin-1, az: eu-west-1a}\n",
                "      - {id: dublin-1, az: eu-west-1a}\n"
                        + "      - {id: dublin-2, az: eu-west-1c, role: reader, tier: 0, instanceClass: db.r6g.xlarge}\n"));

        assertThat(s.isGlobal()).isTrue();
        assertThat(s.cluster().region()).isEqualTo("us-east-1");
        assertThat(s.cluster().secondaries()).containsExactly(
                new SecondarySpec("eu-west-1", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), List.of(
                        new InstanceSpec("dublin-1", "eu-west-1a", Role.READER, 1, "db.r6g.large"),
                        new InstanceSpec("dublin-2", "eu-west-1c", Role.READER, 0, "db.r6g.xlarge")), 35),
                new SecondarySpec("us-west-2", List.of("us-west-2a", "us-west-2b", "us-west-2c"), List.of(), 33));
        // the engine's own check agrees with the reader's
        s.cluster().validate();
    }

    @Test
    void aRunWithAnotherSeedKeepsTheSecondaries() throws ScenarioError {
        Scenario s = read(GLOBAL);

        assertThat(s.clusterWithSeed(99).seed()).isEqualTo(99);
        assertThat(s.clusterWithSeed(99).secondaries()).isEqualTo(s.cluster().secondaries());
        assertThat(s.clusterWithSeed(s.seed())).isEqualTo(s.cluster());
    }

    @Test
    void aScenarioWithoutSecondariesIsNotGlobal() throws ScenarioError {
        Scenario s = read(GlobalErrorCases.SINGLE + "secondaries: []\n");

        assertThat(s.isGlobal()).isFalse();
        assertThat(s.cluster().secondaries()).isEmpty();
    }

    @Test
    void everyGlobalActionMapsToItsCommand() throws ScenarioError {
        // forwarding goes to eu-west-1: us-west-2 is headless here, and a headless secondary cannot forward
        Scenario s = read(GLOBAL + """
                duration: 5m
                timeline:
                  - {at: 1s, do: set-managed-rpo, seconds: 20s}
                  - {at: 2s, do: set-write-forwarding, target: eu-west-1, consistency: eventual}
                  - {at: 3s, do: set-write-forwarding, target: eu-west-1, consistency: session}
                  - {at: 4s, do: set-write-forwarding, target: eu-west-1, consistency: global}
                  - {at: 5s, do: set-write-forwarding, target: eu-west-1, consistency: off}
                  - {at: 6s, do: set-managed-rpo, seconds: off}
                  - {at: 7s, do: set-managed-rpo, seconds: 1m}
                  - {at: 10s, do: fail-region, target: us-east-1}
                  - {at: 20s, do: failover-global, target: eu-west-1}
                  - {at: 30s, do: restore-region, target: us-east-1}
                  - {at: 3m, do: switchover, target: us-east-1}
                  - {at: 4m, do: detach-and-promote, target: us-west-2}
                """);

        assertThat(commands(s)).containsExactly(
                new Command.SetManagedRpo(20L),
                new Command.SetWriteForwarding("eu-west-1", ReadConsistency.EVENTUAL),
                new Command.SetWriteForwarding("eu-west-1", ReadConsistency.SESSION),
                new Command.SetWriteForwarding("eu-west-1", ReadConsistency.GLOBAL),
                new Command.SetWriteForwarding("eu-west-1", null),
                new Command.SetManagedRpo(null),
                new Command.SetManagedRpo(60L),
                new Command.FailRegion("us-east-1"),
                new Command.FailoverGlobal("eu-west-1"),
                new Command.RestoreRegion("us-east-1"),
                new Command.Switchover("us-east-1"),
                new Command.DetachAndPromote("us-west-2"));
    }

    @Test
    void offMayBeQuoted() throws ScenarioError {
        Scenario s = read(GLOBAL + """
                timeline:
                  - {at: 1s, do: set-write-forwarding, target: us-west-2, consistency: "off"}
                  - {at: 2s, do: set-managed-rpo, seconds: 'off'}
                """);

        assertThat(commands(s)).containsExactly(new Command.SetWriteForwarding("us-west-2", null),
                new Command.SetManagedRpo(null));
    }

    @Test
    void theOldPrimaryIsASecondaryAfterASwitchoverSoItCanBeSwitchedBack() throws ScenarioError {
        Scenario s = read(GLOBAL + """
                timeline:
                  - {at: 10s, do: switchover, target: eu-west-1}
                  - {at: 40s, do: set-write-forwarding, target: us-east-1, consistency: session}
                  - {at: 50s, do: switchover, target: us-east-1}
                """);

        assertThat(commands(s)).containsExactly(new Command.Switchover("eu-west-1"),
                new Command.SetWriteForwarding("us-east-1", ReadConsistency.SESSION),
                new Command.Switchover("us-east-1"));
    }

    @Test
    void instancesAzsStorageNodesAndSegmentsOfEveryRegionAreTargets() throws ScenarioError {
        Scenario s = read(GLOBAL + """
                timeline:
                  - {at: 1s, do: fail-instance, target: dublin-1}
                  - {at: 2s, do: fail-az, target: us-west-2b}
                  - {at: 3s, do: fail-storage-node, target: sn-eu-west-1c-4}
                  - {at: 4s, do: fail-segment, target: eu-west-1/pg-2/eu-west-1b/2}
                  - {at: 5s, do: destroy-segment, target: us-east-1/pg-0/us-east-1a/1}
                  - {at: 6s, do: restore-segment, target: pg-1/us-east-1c/2}
                  - {at: 7s, do: add-replica, id: oregon-1, az: us-west-2a, tier: 2}
                  - {at: 8s, do: set-tier, target: oregon-1, tier: 0}
                """);

        assertThat(commands(s)).containsExactly(new Command.FailInstance("dublin-1"),
                new Command.FailAvailabilityZone("us-west-2b"), new Command.FailStorageNode("sn-eu-west-1c-4"),
                new Command.FailSegment("eu-west-1/pg-2/eu-west-1b/2"),
                new Command.DestroySegment("us-east-1/pg-0/us-east-1a/1"),
                new Command.RestoreSegment("pg-1/us-east-1c/2"),
                new Command.AddReplica("oregon-1", "us-west-2a", 2, "db.r6g.large"),
                new Command.SetPromotionTier("oregon-1", 0));
    }

    @Test
    void regionExpectationsAreReadInFileOrder() throws ScenarioError {
        Scenario s = read(GLOBAL + """
                expect:
                  - {at: 10s, writerRegion: us-east-1, regionRole: {us-west-2: secondary, us-east-1: primary}}
                  - {at: 20s, regionLagMillisAtMost: {eu-west-1: 1000}, regionWritable: {eu-west-1: false}}
                  - {at: 30s, regionReadable: {us-west-2: true}, commitsBlocked: false, splitBrain: false}
                  - {at: end, staleReadsSeen: {eu-west-1: true}, acknowledgedWritesLostAtLeast: 1}
                  - {at: end, pg: eu-west-1/pg-1, segmentsUp: 6}
                  - {at: end, pg: us-east-1/pg-1, writeQuorum: true}
                  - {at: end, writer: dublin-1}
                """);

        List<Expectation> e = s.expectations();
        assertThat(e.get(0).global().writerRegion()).isEqualTo("us-east-1");
        assertThat(e.get(0).global().regionRole()).containsExactly(Map.entry("us-west-2", RegionRole.SECONDARY),
                Map.entry("us-east-1", RegionRole.PRIMARY));
        assertThat(e.get(1).global().regionLagMillisAtMost()).containsExactly(Map.entry("eu-west-1", 1000L));
        assertThat(e.get(1).global().regionWritable()).containsExactly(Map.entry("eu-west-1", false));
        assertThat(e.get(2).global().regionReadable()).containsExactly(Map.entry("us-west-2", true));
        assertThat(e.get(2).global().commitsBlocked()).isFalse();
        assertThat(e.get(2).global().splitBrain()).isFalse();
        assertThat(e.get(3).global().staleReadsSeen()).containsExactly(Map.entry("eu-west-1", true));
        assertThat(e.get(3).acknowledgedWritesLostAtLeast()).isEqualTo(1L);
        assertThat(e.get(3).acknowledgedWritesLost()).isNull();
        assertThat(e.get(4).pg()).as("a secondary's PG as the engine names it").isEqualTo("eu-west-1/pg-1");
        assertThat(e.get(5).pg()).as("the primary's PG, region or not, is pg-N").isEqualTo("pg-1");
        assertThat(e.get(6).writer()).isEqualTo("dublin-1");
        assertThat(e.get(6).global().isEmpty()).isTrue();
    }

    @Test
    void theSameGlobalScenarioReadsTheSameFromJson() throws ScenarioError {
        String json = """
                {"schemaVersion": 1, "duration": "60s",
                 "cluster": {"region": "us-east-1", "engine": "aurora-postgresql", "azs": ["us-east-1a", "us-east-1b", "us-east-1c"],
                   "volumeGiB": 30, "instances": [{"id": "writer-1", "az": "us-east-1a", "role": "writer"},
                                                  {"id": "reader-1", "az": "us-east-1b"}]},
                 "secondaries": [
                   {"region": "eu-west-1", "azs": ["eu-west-1a", "eu-west-1b", "eu-west-1c"], "latencyMs": 35,
                    "instances": [{"id": "dublin-1", "az": "eu-west-1a"}]},
                   {"region": "us-west-2", "azs": ["us-west-2a", "us-west-2b", "us-west-2c"], "latencyMs": 33}],
                 "timeline": [{"at": "5s", "do": "set-managed-rpo", "seconds": "off"}]}
                """;
        Scenario fromJson = ScenarioReader.read("global.json", json);
        Scenario fromYaml = read(GLOBAL + "timeline:\n  - {at: 5s, do: set-managed-rpo, seconds: off}\n");

        assertThat(fromJson.cluster()).isEqualTo(fromYaml.cluster());
        assertThat(commands(fromJson)).isEqualTo(commands(fromYaml));
    }
}

package dev.auroralab.scenario;

import dev.auroralab.run.ScenarioRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.command.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Written scenarios read back to the same scenario and run to the same report; saves are all or nothing. */
class ScenarioWriterTest {

    static Stream<String> builtIns() {
        return BuiltInScenarios.NAMES.stream();
    }

    /** Reads written text back; line numbers and the file name say where, not what, so they are dropped. */
    private static Scenario readBack(String yaml) throws ScenarioError {
        return withoutPositions(ScenarioReader.read("written.yaml", yaml));
    }

    /** Written independently of the writer's own check, so that a slip there cannot hide here. */
    private static Scenario withoutPositions(Scenario s) {
        return new Scenario(s.name(), s.description(), s.seed(), s.durationMicros(), s.cluster(),
                s.timeline().stream().map(t -> new TimedCommand(t.atMicros(), t.command(), 0)).toList(),
                s.expectations().stream().map(e -> new Expectation(e.atMicros(), e.atText(), e.writable(),
                        e.readable(), e.writerSpecified(), e.writer(), e.pg(), e.writeQuorum(), e.readQuorum(),
                        e.segmentsUp(), e.acknowledgedWritesLost(), e.acknowledgedWritesLostAtLeast(), e.writesPending(),
                        e.writesFailed(), e.global(), e.live(), 0))
                        .toList(), "");
    }

    private static Scenario withTimeline(Scenario s, List<TimedCommand> timeline) {
        return new Scenario(s.name(), s.description(), s.seed(), s.durationMicros(), s.cluster(), timeline,
                s.expectations(), s.sourceName());
    }

    private static TimedCommand at(long micros, Command command) {
        return new TimedCommand(micros, command, 0);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInScenarioRoundTripsThroughTheWriter(String name) throws ScenarioError {
        Scenario original = BuiltInScenarios.load(name);
        String yaml = ScenarioWriter.toYaml(original, List.of());
        assertThat(readBack(yaml)).isEqualTo(withoutPositions(original));
    }

    @Test
    void aWrittenBuiltInLooksLikeTheFileItCameFrom() throws ScenarioError {
        String yaml = ScenarioWriter.toYaml(BuiltInScenarios.load("az-plus-one"), List.of());
        // as the built-in file, but the description is folded anew and durations take their shortest form (1m)
        assertThat(yaml).isEqualTo("""
                schemaVersion: 1
                name: Lose an AZ, then one more copy
                description: >
                  AZ+1: with us-east-1c out, one more copy of pg-0 fails. pg-0 has 3 of 6 copies: writes stop (they need 4) but reads
                  go on (a read needs one copy that holds the read point, and the 3 left form a read quorum). Storage notices the
                  failed copy (C) after 10 s and replaces it in the same AZ with a new copy G through a membership change (write set
                  ABCDEF AND ABGDEF); once the new copy is filled (about 10 s for 10 GiB) writes resume, with nothing lost.
                seed: 7
                duration: 1m
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
                  - {at: 13s, writable: false, readable: true, pg: pg-0, writeQuorum: false, readQuorum: true}
                  - {at: 13s, pg: pg-1, writeQuorum: true}
                  - {at: 40s, writable: true, pg: pg-0, writeQuorum: true}
                  - {at: end, writer: writer-1, acknowledgedWritesLost: 0}
                """);
    }

    /** Every single-region kind, given out of order, at whole and non-whole seconds, down to one microsecond. */
    private static final List<TimedCommand> SINGLE_REGION_EXTRA = List.of(
                at(12_345_678, new Command.SetPromotionTier("reader-2", 0)),
                at(5_000_000, new Command.AddReplica("reader-2", "us-east-1c", 3, "db.r6g.2xlarge")),
                at(1, new Command.SetWorkload(2500.5, null)),
                at(10_000_000, new Command.FailInstance("reader-1")),
                at(10_000_000, new Command.RestoreInstance("reader-1")),
                at(12_000_000, new Command.FailAvailabilityZone("us-east-1b")),
                at(14_000_000, new Command.ReconfigureQuorum("us-east-1b")),
                at(14_250_000, new Command.RestoreAvailabilityZone("us-east-1b")),
                at(15_000_001, new Command.FailSegment("pg-2/us-east-1a/2")),
                at(16_000_000, new Command.RestoreSegment("pg-2/us-east-1a/2")),
                at(17_500_000, new Command.DestroySegment("pg-1/us-east-1c/1")),
                at(18_000_000, new Command.FailStorageNode("sn-us-east-1a-4")),
                at(19_000_000, new Command.RestoreStorageNode("sn-us-east-1a-4")),
                at(20_000_000, new Command.Failover("reader-2")),
                at(25_000_000, new Command.Failover(null)),
                at(30_000_000, new Command.RemoveReplica("reader-1")),
                at(45_999_999, new Command.SetWorkload(null, 123.25)),
                at(60_000_000, new Command.SetWorkload(100_000.0, 0.1)),
                at(60_000_000, new Command.CrashInstance("writer-1")));

    /**
     * Every Global Database kind, for global-write-forwarding (us-east-1 primary; eu-west-1, us-west-2 and
     * eu-central-1 secondaries; 60s long; file commands at 5s), with the targets a secondary at their time.
     */
    private static final List<TimedCommand> GLOBAL_EXTRA = List.of(
            at(50_000_000, new Command.DetachAndPromote("eu-central-1")),
            at(1_000_000, new Command.SetManagedRpo(20L)),
            at(2_500_000, new Command.SetManagedRpo(null)),
            at(3_000_000, new Command.SetManagedRpo(3_600L)),
            at(5_000_000, new Command.SetWriteForwarding("eu-west-1", null)),
            at(6_000_000, new Command.SetWriteForwarding("us-west-2", Command.ReadConsistency.GLOBAL)),
            at(10_000_001, new Command.FailRegion("us-east-1")),
            at(11_000_000, new Command.FailoverGlobal("eu-west-1")),
            at(20_000_000, new Command.RestoreRegion("us-east-1")),
            at(40_000_000, new Command.Switchover("us-east-1")),
            at(45_000_000, new Command.FailSegment("eu-west-1/pg-1/eu-west-1b/2")),
            at(45_000_000, new Command.FailStorageNode("sn-eu-central-1a-3")),
            at(46_000_000, new Command.AddReplica("oregon-reader-2", "us-west-2c", 0, "db.r6g.large")));

    @Test
    void theRoundTripTestsTogetherWriteEveryKindOfCommand() {
        Set<Class<?>> kinds = Stream.concat(SINGLE_REGION_EXTRA.stream(), GLOBAL_EXTRA.stream())
                .map(t -> t.command().getClass()).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @Test
    void extraCommandsOfEveryKindRoundTripInTimeOrderAfterFileCommandsAtTheSameTime() throws ScenarioError {
        Scenario original = BuiltInScenarios.load("az-plus-one"); // file commands at 10s and 12s; 60s long
        List<TimedCommand> extra = SINGLE_REGION_EXTRA;

        String yaml = ScenarioWriter.toYaml(original, extra);

        List<TimedCommand> expected = new ArrayList<>();
        expected.add(at(1, extra.get(2).command()));
        expected.add(at(5_000_000, extra.get(1).command()));
        expected.add(at(10_000_000, new Command.FailAvailabilityZone("us-east-1c"))); // the file's, first
        expected.add(at(10_000_000, extra.get(3).command()));
        expected.add(at(10_000_000, extra.get(4).command()));
        expected.add(at(12_000_000, new Command.FailSegment("pg-0/us-east-1b/1"))); // the file's, first
        expected.add(at(12_000_000, extra.get(5).command()));
        expected.add(at(12_345_678, extra.get(0).command()));
        extra.subList(6, extra.size()).forEach(expected::add);
        assertThat(readBack(yaml)).isEqualTo(withoutPositions(withTimeline(original, expected)));
        assertThat(yaml).contains("  - {at: 0.001ms, do: set-workload, writesPerSecond: 2500.5}\n",
                "  - {at: 12.345678s, do: set-tier, target: reader-2, tier: 0}\n",
                "  - {at: 5s, do: add-replica, id: reader-2, az: us-east-1c, tier: 3, instanceClass: db.r6g.2xlarge}\n",
                "  - {at: 25s, do: failover}\n",
                "  - {at: 45.999999s, do: set-workload, readsPerSecond: 123.25}\n");
    }

    @Test
    void globalCommandsOfEveryKindRoundTripInTimeOrderAfterFileCommandsAtTheSameTime() throws ScenarioError {
        // on Aurora PostgreSQL, where the managed RPO exists; the engine line is written back too
        Scenario mysql = BuiltInScenarios.load("global-write-forwarding");
        Scenario original = new Scenario(mysql.name(), mysql.description(), mysql.seed(), mysql.durationMicros(),
                mysql.cluster().withEngine(dev.auroralab.engine.EngineFlavour.AURORA_POSTGRESQL), mysql.timeline(),
                mysql.expectations(), mysql.sourceName());

        String yaml = ScenarioWriter.toYaml(original, GLOBAL_EXTRA);
        assertThat(yaml).contains("  engine: aurora-postgresql\n");

        List<TimedCommand> expected = new ArrayList<>(original.timeline());
        expected.addAll(GLOBAL_EXTRA);
        expected.sort(Comparator.comparingLong(TimedCommand::atMicros)); // stable: the file's three 5s ones first
        assertThat(expected.get(6).command()).isEqualTo(GLOBAL_EXTRA.get(4).command());
        assertThat(readBack(yaml)).isEqualTo(withoutPositions(withTimeline(original, expected)));
        assertThat(yaml).contains(
                "  - {at: 1s, do: set-managed-rpo, seconds: 20s}\n",
                "  - {at: 2.5s, do: set-managed-rpo, seconds: off}\n",
                "  - {at: 3s, do: set-managed-rpo, seconds: 1h}\n",
                "  - {at: 5s, do: set-write-forwarding, target: eu-west-1, consistency: off}\n",
                "  - {at: 6s, do: set-write-forwarding, target: us-west-2, consistency: global}\n",
                "  - {at: 10.000001s, do: fail-region, target: us-east-1}\n",
                "  - {at: 11s, do: failover-global, target: eu-west-1}\n",
                "  - {at: 20s, do: restore-region, target: us-east-1}\n",
                "  - {at: 40s, do: switchover, target: us-east-1}\n",
                "  - {at: 45s, do: fail-segment, target: eu-west-1/pg-1/eu-west-1b/2}\n",
                "  - {at: 50s, do: detach-and-promote, target: eu-central-1}\n");
    }

    @Test
    void aGlobalActionOnARegionThatIsNoSecondaryThenIsRefusedWithTheReason() throws ScenarioError {
        Scenario s = BuiltInScenarios.load("global-write-forwarding");
        List<TimedCommand> late = List.of(at(10_000_000, new Command.Switchover("eu-west-1")),
                at(20_000_000, new Command.FailoverGlobal("eu-west-1")));

        assertThatThrownBy(() -> ScenarioWriter.toYaml(s, late)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eu-west-1' is the primary at 20s (it became the primary at 10s)");
    }

    @Test
    void aWrittenGlobalBuiltInLooksLikeTheFileItCameFrom() throws ScenarioError {
        String yaml = ScenarioWriter.toYaml(BuiltInScenarios.load("global-managed-rpo"), List.of());
        String file = new String(readResource("scenarios/global-managed-rpo.yaml"),
                java.nio.charset.StandardCharsets.UTF_8);
        // the same text from the line after the description on (the description is folded anew)
        assertThat(yaml.substring(yaml.indexOf("\nseed:"))).isEqualTo(file.substring(file.indexOf("\nseed:"))
                .replace("at: 60s", "at: 1m"));
    }

    private static byte[] readResource(String name) {
        try (var in = ScenarioWriterTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The JSON report, except that each expectation message's "(line N)" is masked: it names the line in its own file,
     * and a written file has its lines elsewhere (the description is folded anew, a timeline may have grown).
     */
    private static String report(Scenario s) {
        return RunReport.toJson(ScenarioRunner.run(s, null, null)).replaceAll("\\(line \\d+\\)", "(line _)");
    }

    @Test
    void theWrittenScenarioRunsToTheSameReport() throws ScenarioError {
        Scenario original = BuiltInScenarios.load("az-plus-one");
        Scenario written = ScenarioReader.read("az-plus-one.yaml", ScenarioWriter.toYaml(original, List.of()));
        assertThat(report(written)).isEqualTo(report(original)).contains("\"passed\" : true");
    }

    @Test
    void userActionsChangeTheRunAsTheyDidInTheWindow() throws ScenarioError {
        Scenario original = BuiltInScenarios.load("healthy-cluster");
        List<TimedCommand> actions = List.of(at(10_000_000, new Command.FailInstance("writer-1")),
                at(12_500_000, new Command.SetWorkload(3000.0, null)));
        Scenario written = ScenarioReader.read("saved.yaml", ScenarioWriter.toYaml(original, actions));
        assertThat(report(written)).isEqualTo(report(withTimeline(original, actions)))
                .isNotEqualTo(report(original));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "ON", "off", "y", "N", "true", "False", "null", "~", "123", "-5", "0x1F",
            "1e5", "1_000", ".inf", "12:30", "2024-01-01", "a: b", "a:b", "#x", "x #y", "[a]", "{b}", "a, b", "-c",
            "- d", "?e", "&anchor", "*alias", "!tag", "%pct", "@at", "`tick", "'single'", "\"double\"", "back\\slash",
            "été", "日本", "emoji 😀", "=", "<<", "|", ">", "a\tb", "bell\u0007", "bom\ufeff", "del\u007f"})
    void textYamlWouldMisreadIsQuotedAndReadsBackExactly(String text) throws ScenarioError {
        // the same text as name, description, AZ (so also inside segment and storage node ids) and instance id
        ClusterSpec cluster = new ClusterSpec("region " + text, List.of(text, "az-b", "az-c"), 10,
                List.of(new InstanceSpec(text, text, Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "az-b", Role.READER, 0, "db.r6g.large")),
                1000, 4000, 1);
        Expectation writer = new Expectation(null, "end", null, null, true, text, null, null, null, null, null, 0);
        Scenario s = new Scenario(text, text, 1, 60_000_000, cluster,
                List.of(at(1_000_000, new Command.FailInstance(text)),
                        at(2_000_000, new Command.FailSegment("pg-0/" + text + "/1")),
                        at(3_000_000, new Command.FailStorageNode("sn-" + text + "-2")),
                        at(4_000_000, new Command.Failover(text))),
                List.of(writer), "x.yaml");
        assertThat(readBack(ScenarioWriter.toYaml(s, List.of()))).isEqualTo(withoutPositions(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "123", "a: b", "#x", "  padded  ", "a\nb", "cr\r\nlf", "nel\u0085x", "ls\u2028x",
            "ps\u2029x", "bell\u0007", "\\", "\"", "'"})
    void namesKeepEveryCharacter(String name) throws ScenarioError {
        Scenario builtIn = BuiltInScenarios.load("healthy-cluster");
        Scenario s = new Scenario(name, builtIn.description(), builtIn.seed(), builtIn.durationMicros(),
                builtIn.cluster(), builtIn.timeline(), builtIn.expectations(), builtIn.sourceName());
        assertThat(readBack(ScenarioWriter.toYaml(s, List.of()))).isEqualTo(withoutPositions(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"One paragraph, no final newline.", "One paragraph with a final newline.\n", "",
            "\n", "Two\n\nparagraphs\n", "  leading spaces\n", "double  space\n", "trailing space \n",
            "# starts like a comment\n", "- starts like a list item\n", "key: value # and a comment\n",
            "two final newlines\n\n", "\ttab first\n", "\"quoted\" and 'quoted'\n", "nbsp\u00a0inside\n",
            "nel\u0085inside\n", "ls\u2028inside\n", "emoji 😀 inside\n"})
    void descriptionsKeepEveryCharacter(String description) throws ScenarioError {
        Scenario builtIn = BuiltInScenarios.load("healthy-cluster");
        String longer = description.replace("paragraph", "paragraph " + "that goes on ".repeat(20));
        for (String d : List.of(description, longer)) {
            Scenario s = new Scenario(builtIn.name(), d, builtIn.seed(), builtIn.durationMicros(),
                    builtIn.cluster(), builtIn.timeline(), builtIn.expectations(), builtIn.sourceName());
            assertThat(readBack(ScenarioWriter.toYaml(s, List.of()))).isEqualTo(withoutPositions(s));
        }
    }

    @Test
    void everyLiveCheckRoundTripsThroughTheWriter() throws ScenarioError {
        Scenario s = ScenarioReader.read("live.yaml", """
                schemaVersion: 1
                name: Live
                duration: 20s
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer}
                    - {id: reader-1, az: us-east-1b}
                expect:
                  - {at: 5s, pg: pg-0, membershipChanging: false, membershipEpoch: 1, failoverPhase: endpoint-moving,
                     clusterEndpoint: reader-1}
                  - {at: end, replicaLagMillisAtMost: {reader-1: 100}, replicaLagMillisAtLeast: {reader-1: 1},
                     commitLatencyMillisAtMost: 10, commitLatencyMillisAtLeast: 1, writesPendingAtMost: 50,
                     writesPendingAtLeast: 0}
                """);
        String yaml = ScenarioWriter.toYaml(s, List.of());
        assertThat(yaml).contains("failoverPhase: endpoint-moving", "clusterEndpoint: reader-1",
                "replicaLagMillisAtMost: {reader-1: 100}",
                "membershipEpoch: 1");
        assertThat(readBack(yaml)).isEqualTo(withoutPositions(s));
    }

    @Test
    void aScenarioWithoutDescriptionTimelineOrExpectationsRoundTrips() throws ScenarioError {
        Scenario builtIn = BuiltInScenarios.load("writer-crash-no-replica");
        Scenario bare = new Scenario(builtIn.name(), null, builtIn.seed(), 1, builtIn.cluster(), List.of(), List.of(),
                "x.yaml");
        String yaml = ScenarioWriter.toYaml(bare, List.of());
        assertThat(yaml).doesNotContain("description", "timeline", "expect");
        assertThat(readBack(yaml)).isEqualTo(withoutPositions(bare));
    }

    @Test
    void actionsTheFileCannotHoldAreRefusedWithTheReason() throws ScenarioError {
        Scenario s = BuiltInScenarios.load("healthy-cluster"); // 60s long, writer-1, reader-1 and reader-2
        Map<TimedCommand, String> refused = Map.of(
                at(61_000_000, new Command.FailInstance("reader-1")), "at 61s is after the run ends (duration 1m)",
                at(-1, new Command.FailInstance("reader-1")), "'-0.001ms' is negative",
                at(1_000_000, new Command.FailInstance("reader-9")), "instance 'reader-9' does not exist at 1s",
                at(1_000_000, new Command.SetWorkload(null, null)), "set-workload changes nothing",
                at(1_000_000, new Command.SetWorkload(Double.NaN, null)), "a rate must be a finite number",
                at(1_000_000, new Command.SetWorkload(null, -1.0)), "a rate must be a finite number");
        refused.forEach((action, reason) -> assertThatThrownBy(() -> ScenarioWriter.toYaml(s, List.of(action)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason));
    }

    @Test
    void writeReplacesTheFileWithOneThatReadsBackAndLeavesNothingElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("saved.yaml");
        Files.writeString(file, "old content");
        Scenario s = BuiltInScenarios.load("az-plus-one");
        List<TimedCommand> actions = List.of(at(20_500_000, new Command.Failover(null)));
        ScenarioWriter.write(file, s, actions);
        assertThat(withoutPositions(ScenarioReader.read(file)))
                .isEqualTo(withoutPositions(withTimeline(s, Stream.concat(s.timeline().stream(), actions.stream())
                        .sorted(Comparator.comparingLong(TimedCommand::atMicros)).toList())));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeIntoAMissingDirectoryThrowsAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("missing").resolve("saved.yaml");
        Scenario s = BuiltInScenarios.load("healthy-cluster");
        assertThatThrownBy(() -> ScenarioWriter.write(file, s, List.of())).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRefusedSaveLeavesTheOldFileAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("saved.yaml");
        Files.writeString(file, "old content");
        Scenario s = BuiltInScenarios.load("healthy-cluster");
        List<TimedCommand> late = List.of(at(61_000_000, new Command.FailInstance("reader-1")));
        assertThatThrownBy(() -> ScenarioWriter.write(file, s, late)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(file)).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}

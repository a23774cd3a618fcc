package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.teach.MythCard.Demonstration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each card's demonstration, run headless as the window plays it: the measured fact must hold, so a change to the
 * engine that stops showing what a card says fails here (issue 14). The two cards with no demonstration ("200K
 * writes/s", "5× MySQL") have nothing to run; MythCardsTest checks that they say so.
 */
class MythDemonstrationsTest {

    private static final long SECOND = 1_000_000;
    private static final long MINUTE = 60 * SECOND;

    private static Demonstration demo(String cardId) {
        return MythCards.byId(cardId).orElseThrow().shownBy().orElseThrow();
    }

    /** The card's scenario, played forward to its moment (the command line's kind of run: no keyframes). */
    private static Run openedAt(Demonstration d) throws ScenarioError {
        Scenario s = d.load();
        Run r = Run.forwardOnly(s, s.seed());
        r.playTo(d.atMicros());
        return r;
    }

    private static FailoverRecord onlyFailover(EngineSnapshot s) {
        assertThat(s.failovers()).hasSize(1);
        return s.failovers().get(0);
    }

    // ---- 1. "highly available by default, but 10 minutes failover" ------------------------------------------------

    @Test
    void withNoReplicaTheLostWriterIsRecreatedAndTheClusterIsDownForMinutes() throws ScenarioError {
        Demonstration d = demo("ha-by-default-10-minute-failover");
        Run r = openedAt(d);
        assertThat(r.snapshot().volume().writable()).as("the card opens before the loss").isTrue();

        r.playTo(d.atMicros() + MINUTE);
        assertThat(r.snapshot().writerId()).isNull();
        assertThat(r.snapshot().volume().writable()).isFalse();
        assertThat(r.snapshot().volume().readable()).as("no replica reads for it either").isFalse();

        r.playTo(d.load().durationMicros());
        FailoverRecord f = onlyFailover(r.snapshot());
        assertThat(f.kind()).isEqualTo(FailoverKind.RECREATE);
        assertThat(f.writeDowntimeMicros()).as("minutes, not seconds; under the UG-2023's 10 minutes")
                .isGreaterThan(4 * MINUTE).isLessThan(10 * MINUTE);
        assertThat(f.acknowledgedWritesLost()).as("storage kept every acknowledged write").isZero();
    }

    @Test
    void withAReplicaTheSameLossIsOverInUnderThirtySeconds() throws ScenarioError {
        // the comparison the first card's watch text points to
        Scenario s = BuiltInScenarios.load("writer-crash-failover-by-tier");
        Run r = Run.forwardOnly(s, s.seed());
        r.playTo(s.durationMicros());
        FailoverRecord f = onlyFailover(r.snapshot());
        assertThat(f.kind()).isEqualTo(FailoverKind.IN_REGION);
        assertThat(f.to()).isNotEqualTo(f.from());
        assertThat(f.writeDowntimeMicros()).as("UG: under 60 s, often under 30").isLessThan(30 * SECOND);
        assertThat(r.snapshot().counters().readsFailed()).as("the replicas kept serving reads").isZero();
    }

    // ---- 2. "RDS Multi-AZ is Aurora's six copies" -----------------------------------------------------------------

    @Test
    void losingAnAzLeavesAWriteQuorumOfTheSharedSixCopiesWithNoFailoverAndTheReplicaReading() throws ScenarioError {
        Demonstration d = demo("rds-multi-az-is-six-copies");
        Run r = openedAt(d);
        EngineSnapshot before = r.snapshot();
        assertThat(before.downAzs()).as("the card opens before the AZ goes").isEmpty();
        for (ProtectionGroupSnapshot pg : before.volume().protectionGroups()) {
            Map<String, Long> perAz = pg.segments().stream()
                    .collect(Collectors.groupingBy(SegmentSnapshot::az, Collectors.counting()));
            assertThat(perAz).as(pg.id() + ": three AZs").hasSize(3);
            assertThat(perAz.values()).as(pg.id() + ": two copies in each").containsOnly(2L);
        }
        String writer = before.writerId();

        r.playTo(11 * SECOND);
        EngineSnapshot mid = r.snapshot();
        r.playTo(30 * SECOND);
        EngineSnapshot after = r.snapshot();
        assertThat(after.downAzs()).hasSize(1);
        for (ProtectionGroupSnapshot pg : after.volume().protectionGroups()) {
            assertThat(pg.segmentsUp()).as(pg.id()).isEqualTo(4);
            assertThat(pg.writeQuorum()).as(pg.id()).isTrue();
        }
        assertThat(after.volume().writable()).isTrue();
        assertThat(after.writerId()).as("no standby takes over: the same writer").isEqualTo(writer);
        assertThat(after.failovers()).as("no failover at all").isEmpty();
        assertThat(after.failoverInProgress()).isNull();
        assertThat(after.counters().writesAcknowledged()).isGreaterThan(mid.counters().writesAcknowledged());
        assertThat(after.instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(after.counters().readsServed()).as("the replica keeps reading").isGreaterThan(
                mid.counters().readsServed());
        assertThat(after.counters().readsFailed()).isZero();
    }

    // ---- 3. "up to 128 TB" ----------------------------------------------------------------------------------------

    @Test
    void theLargestVolumeIs256TiBOfTenGiBGroupsAndOneGiBMoreIsRefused() throws ScenarioError {
        Demonstration d = demo("up-to-128-tb");
        assertThat(BuiltInScenarios.LARGE).contains(d.scenario());
        Scenario s = d.load();
        assertThat(s.cluster().volumeGiB()).as("256 TiB in GiB").isEqualTo(256 * 1024);
        Run r = openedAt(d);
        r.playTo(SECOND);
        EngineSnapshot snap = r.snapshot();
        List<ProtectionGroupSnapshot> groups = snap.volume().protectionGroups();
        assertThat(groups).as("ceil(262,144 / 10), the card's 26,215").hasSize(26_215);
        assertThat(groups.get(groups.size() - 1).segments()).hasSize(6);
        assertThat(snap.volume().writable()).isTrue();

        String yaml = """
                schemaVersion: 1
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 262145
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer}
                """;
        assertThatThrownBy(() -> ScenarioReader.read("bigger.yaml", yaml)).isInstanceOf(ScenarioError.class)
                .hasMessageContaining("bigger.yaml:5:").hasMessageContaining("256 TiB");
    }

    // ---- 4. "15 read replicas across multiple regions" ------------------------------------------------------------

    @Test
    void readersInOtherRegionsAreSecondaryClustersAndThePrimaryKeepsAtMost15MinusSReplicas() throws ScenarioError {
        Demonstration d = demo("15-replicas-across-regions");
        Run r = openedAt(d);
        r.playTo(d.atMicros() + 5 * SECOND);
        EngineSnapshot s = r.snapshot();
        String primary = s.writerRegion();
        assertThat(s.instances()).as("the cluster's instances are all in its region")
                .allMatch(i -> i.region().equals(primary));
        List<RegionSnapshot> secondaries = s.regions().stream().filter(g -> g.role() == RegionRole.SECONDARY).toList();
        assertThat(secondaries).hasSize(3);
        for (RegionSnapshot g : secondaries) {
            assertThat(g.instances()).as(g.region()).isNotEmpty().allMatch(i -> i.region().equals(g.region()));
            assertThat(g.readable()).as(g.region() + " reads").isTrue();
            assertThat(g.writable()).as(g.region() + " is read-only").isFalse();
            assertThat(g.volume().protectionGroups()).as(g.region() + " has a volume of its own").isNotEmpty();
            assertThat(g.rpoLagMicros()).as(g.region() + " trails by storage-level replication")
                    .isLessThan(SECOND);
        }

        // the engine's limit: 15 − 3 = 12 replicas beside three secondaries, then a refusal that says why
        String az = s.azs().get(1);
        long replicas = s.instances().size() - 1;
        int added = 0;
        CommandResult last;
        do {
            last = r.act(new Command.AddReplica("extra-" + added, az, 1, "db.r6g.large")).result();
            added += last.accepted() ? 1 : 0;
        } while (last.accepted() && added < 20);
        assertThat(replicas + added).isEqualTo(12);
        assertThat(last.message()).contains("15 − 3 = 12");
        assertThat(r.act(new Command.AddReplica("one-more", secondaries.get(0).azs().get(0), 1, "db.r6g.large"))
                .result().accepted()).as("a secondary region still takes readers").isTrue();
    }

    @Test
    void aClusterWithoutSecondariesTakes15ReplicasInItsRegionAndRefusesTheSixteenth() throws ScenarioError {
        StringBuilder yaml = new StringBuilder("""
                schemaVersion: 1
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer}
                """);
        for (int i = 1; i <= 15; i++) {
            yaml.append("    - {id: reader-").append(i).append(", az: us-east-1").append("abc".charAt(i % 3))
                    .append("}\n");
        }
        Scenario s = ScenarioReader.read("fifteen.yaml", yaml.toString());
        Run r = Run.forwardOnly(s, s.seed());
        r.playTo(SECOND);
        CommandResult sixteenth = r.act(new Command.AddReplica("reader-16", "us-east-1b", 1, "db.r6g.large")).result();
        assertThat(sixteenth.accepted()).isFalse();
        assertThat(sixteenth.message()).contains("at most 15 replicas");
    }

    // ---- 7. "4 copies for writes, 3 for reads" ----------------------------------------------------------------------

    @Test
    void writesGoToAllSixCopiesAndNeedFourAndReadsGoOnFromThreeOfTheSameSix() throws ScenarioError {
        Demonstration d = demo("4-copies-write-3-copies-read");
        Run r = openedAt(d);
        r.playTo(d.atMicros() - SECOND);
        long durableBefore = r.snapshot().pg("pg-0").pgcl();
        r.playTo(d.atMicros());
        ProtectionGroupSnapshot healthy = r.snapshot().pg("pg-0");
        assertThat(durableBefore).isPositive();
        assertThat(healthy.segments()).as("every copy holds what was durable a second ago: no copy is only for"
                + " reads").hasSize(6).allMatch(seg -> seg.scl() >= durableBefore);
        Map<String, SegmentSnapshot> six = healthy.segments().stream()
                .collect(Collectors.toMap(SegmentSnapshot::id, Function.identity()));

        r.playTo(11 * SECOND);
        EngineSnapshot four = r.snapshot();
        assertThat(four.pg("pg-0").segmentsUp()).isEqualTo(4);
        assertThat(four.pg("pg-0").writeQuorumNeeded()).isEqualTo(4);
        assertThat(four.volume().writable()).as("4 of 6: a write quorum").isTrue();

        r.playTo(13 * SECOND);
        EngineSnapshot three = r.snapshot();
        ProtectionGroupSnapshot pg0 = three.pg("pg-0");
        assertThat(pg0.segmentsUp()).isEqualTo(3);
        assertThat(pg0.readQuorumNeeded()).isEqualTo(3);
        assertThat(pg0.writeQuorum()).isFalse();
        assertThat(pg0.readQuorum()).isTrue();
        assertThat(three.volume().writable()).as("3 of 6: no write quorum").isFalse();
        assertThat(three.volume().readable()).isTrue();
        List<SegmentSnapshot> left = pg0.segments().stream().filter(seg -> seg.state() == SegmentState.UP).toList();
        assertThat(left).as("the three that read are three of the six that were written").hasSize(3)
                .allMatch(seg -> six.containsKey(seg.id()) && !seg.replacement());

        r.playTo(18 * SECOND);
        EngineSnapshot later = r.snapshot();
        assertThat(later.counters().writesAcknowledged()).as("no commit while pg-0 lacks a write quorum")
                .isEqualTo(three.counters().writesAcknowledged());
        assertThat(later.counters().readsServed()).as("reads go on").isGreaterThan(three.counters().readsServed());

        r.playTo(40 * SECOND);
        assertThat(r.snapshot().volume().writable()).as("a replacement copy restores the write quorum").isTrue();
    }
}

package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.allElements;
import static dev.auroralab.ui.ViewModelFixtures.builtIn;
import static dev.auroralab.ui.ViewModelFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.TimedCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No text a learner reads may say "null": a Java null reaching a message means a value the text did not expect to be
 * missing (a failover target not chosen yet, an endpoint pointing nowhere). Runs every built-in scenario, hand-made
 * runs for the corners (no replica with the writer's AZ out, AZ+1 and a long AZ outage, a region failover), and seeded
 * random fault schedules, and at many moments reads every event detail, command description and result, volume
 * reason, inspector row of every element of every region, ledger row and action label and reason.
 */
class UserTextNeverSaysNullTest {

    private static final Pattern NULL_WORD = Pattern.compile("\\bnull\\b", Pattern.CASE_INSENSITIVE);
    private static final long STEP_MICROS = 100_000;
    private static final int SEEDS = Integer.getInteger("sweep.seeds", 12);

    /** The user-visible texts seen in one run: each distinct text once, with where it was first seen. */
    private static final class Texts {
        private final Set<String> seen = new HashSet<>();
        private final Set<String> bad = new LinkedHashSet<>();

        void check(String where, String text) {
            if (text != null && seen.add(text) && NULL_WORD.matcher(text).find()) {
                bad.add(where + ": " + text);
            }
        }
    }

    /**
     * Runs {@code timeline} on {@code spec} to {@code durationMicros}, reading every text at least once a second and
     * right after every logged event (within {@link #STEP_MICROS}), so short phases are read too.
     */
    private static Texts sweep(ClusterSpec spec, List<TimedCommand> timeline, long durationMicros) {
        AuroraEngine engine = new AuroraEngine(spec);
        Texts texts = new Texts();
        boolean[] logged = {true};
        engine.addListener(e -> logged[0] = true);
        TreeSet<Long> instants = new TreeSet<>();
        for (long t = 0; t <= durationMicros; t += STEP_MICROS) {
            instants.add(t);
        }
        timeline.forEach(tc -> instants.add(tc.atMicros()));
        long lastRead = Long.MIN_VALUE;
        for (long t : instants) {
            engine.advanceTo(t);
            for (TimedCommand tc : timeline) {
                if (tc.atMicros() == t) {
                    texts.check("command", tc.command().describe());
                    CommandResult r = engine.apply(tc.command());
                    texts.check("result of " + tc.command().describe(), r.message());
                }
            }
            if (logged[0] || t - lastRead >= SECOND) {
                checkSnapshot(engine.snapshot(), texts);
                logged[0] = false;
                lastRead = t;
            }
        }
        for (AuroraEvent e : engine.events()) {
            texts.check(e.type(), e.detail());
            Selection subject = EventLinks.subject(e);
            if (subject != null) {
                texts.check("link of " + e.type(), subject.describe());
            }
        }
        assertThat(texts.seen).as("texts read").hasSizeGreaterThan(200);
        return texts;
    }

    private static void checkSnapshot(EngineSnapshot s, Texts texts) {
        String at = "t=" + s.nowMicros() + " ";
        if (s.failoverInProgress() != null) {
            texts.check(at + "failover in progress", s.failoverInProgress().describe());
        }
        for (FailoverRecord f : s.failovers()) {
            texts.check(at + "ledger", LedgerText.kind(f) + " " + LedgerText.fromTo(f));
        }
        List<EngineSnapshot> views = new ArrayList<>();
        views.add(s);
        for (RegionSnapshot r : s.regions()) {
            views.add(s.forRegion(r.region()));
            texts.check(at + "region " + r.region(), r.volume().reason());
        }
        for (EngineSnapshot view : views) {
            texts.check(at + "volume of " + view.region(), view.volume().reason());
            List<Selection> selections = new ArrayList<>(allElements(view));
            view.regions().forEach(r -> selections.add(Selection.region(r.region())));
            selections.add(null);
            for (Selection sel : selections) {
                String where = at + view.region() + " " + (sel == null ? "nothing selected" : sel.describe());
                for (InspectorModel.Field f : InspectorModel.fields(sel, view)) {
                    texts.check(where + " / " + f.name(), f.name() + " " + (f.heading() ? "" : f.value()));
                }
                if (sel != null) {
                    for (TopologyAction a : TopologyActions.forSelection(sel, view)) {
                        texts.check(where + " action", a.label() + " " + a.command().describe()
                                + (a.enabled() ? "" : " " + a.disabledReason()));
                    }
                }
            }
            for (RegionSnapshot r : view.regions()) {
                for (TopologyAction a : RegionActions.forRegion(r.region(), view)) {
                    texts.check(at + "region action", a.label() + " " + a.command().describe()
                            + (a.enabled() ? "" : " " + a.disabledReason()));
                }
            }
        }
    }

    private static void assertNoNull(String run, Texts texts) {
        assertThat(texts.bad).as(run + ": texts that say null").isEmpty();
    }

    private static DynamicTest scenarioTest(String name, Scenario s) {
        return DynamicTest.dynamicTest(name, () -> assertNoNull(name,
                sweep(s.clusterWithSeed(s.seed()), s.timeline(), s.durationMicros())));
    }

    @TestFactory
    Stream<DynamicTest> noBuiltInScenarioEverShowsNull() {
        return BuiltInScenarios.NAMES.stream().map(n -> scenarioTest(n, builtIn(n)));
    }

    private static final String CLUSTER = """
            schemaVersion: 1
            name: %s
            seed: %d
            duration: %s
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 20
              instances:
            %s
            timeline:
            %s
            """;

    private static Scenario handMade(String name, long seed, String duration, String instances, String timeline) {
        return read(name + ".yaml", CLUSTER.formatted(name, seed, duration, instances.stripTrailing().indent(4),
                timeline.stripTrailing().indent(2)));
    }

    @TestFactory
    Stream<DynamicTest> noHandMadeCornerEverShowsNull() {
        String writerOnly = "- {id: writer-1, az: us-east-1a, role: writer}";
        String twoReplicas = """
                - {id: writer-1, az: us-east-1a, role: writer}
                - {id: reader-1, az: us-east-1b, tier: 0}
                - {id: reader-2, az: us-east-1c, tier: 1}
                """;
        return Stream.of(
                scenarioTest("writer crash, no replica", handMade("no-replica", 3, "40s", writerOnly, """
                        - {at: 5s, do: fail-instance, target: writer-1}
                        - {at: 6s, do: failover}
                        """)),
                scenarioTest("writer's AZ out, no replica", handMade("no-replica-az-out", 4, "50s", writerOnly, """
                        - {at: 5s, do: fail-az, target: us-east-1a}
                        - {at: 30s, do: restore-az, target: us-east-1a}
                        """)),
                scenarioTest("promotion target fails while promoted", handMade("target-fails", 5, "60s", twoReplicas,
                        """
                        - {at: 5s, do: fail-instance, target: writer-1}
                        - {at: 16s, do: fail-instance, target: reader-1}
                        - {at: 18s, do: fail-instance, target: reader-2}
                        - {at: 40s, do: restore-instance, target: reader-1}
                        """)),
                // promoted at 25 s, the new writer finds pg-0 without a read quorum and waits for one
                scenarioTest("new writer waits for a read quorum", handMade("no-read-quorum", 6, "50s", twoReplicas,
                        """
                        - {at: 5s, do: fail-instance, target: writer-1}
                        - {at: 24s, do: fail-segment, target: pg-0/us-east-1a/1}
                        - {at: 24s, do: fail-segment, target: pg-0/us-east-1a/2}
                        - {at: 24s, do: fail-segment, target: pg-0/us-east-1c/1}
                        - {at: 24s, do: fail-segment, target: pg-0/us-east-1c/2}
                        - {at: 27300ms, do: restore-segment, target: pg-0/us-east-1a/1}
                        - {at: 27300ms, do: restore-segment, target: pg-0/us-east-1c/1}
                        """)),
                scenarioTest("AZ+1, then a long AZ outage and a second AZ", handMade("az-plus-one-long", 7, "150s",
                        twoReplicas, """
                        - {at: 5s, do: fail-az, target: us-east-1c}
                        - {at: 7s, do: fail-segment, target: pg-0/us-east-1b/1}
                        - {at: 9s, do: destroy-segment, target: pg-1/us-east-1a/2}
                        - {at: 90s, do: fail-az, target: us-east-1b}
                        - {at: 110s, do: restore-az, target: us-east-1b}
                        - {at: 120s, do: restore-az, target: us-east-1c}
                        """)),
                scenarioTest("a region failover and the old primary's return", global(8)));
    }

    /** A primary and two secondaries: the primary goes dark, the global database fails over, the old one rejoins. */
    private static Scenario global(long seed) {
        Scenario base = builtIn("global-region-outage-failover");
        List<TimedCommand> timeline = List.of(
                new TimedCommand(3 * SECOND, new Command.SetWriteForwarding(secondary(base, 0),
                        Command.ReadConsistency.SESSION), 0),
                new TimedCommand(4 * SECOND, new Command.SetManagedRpo(20L), 0),
                new TimedCommand(5 * SECOND, new Command.Switchover(secondary(base, 0)), 0),
                new TimedCommand(6 * SECOND, new Command.FailInstance("writer-1"), 0),
                new TimedCommand(30 * SECOND, new Command.FailRegion(base.cluster().region()), 0),
                new TimedCommand(35 * SECOND, new Command.FailoverGlobal(secondary(base, 0)), 0),
                new TimedCommand(60 * SECOND, new Command.RestoreRegion(base.cluster().region()), 0),
                new TimedCommand(70 * SECOND, new Command.DetachAndPromote(base.cluster().region()), 0));
        return new Scenario("global corners", null, seed, 100 * SECOND, base.cluster(), timeline, List.of(),
                "global.yaml");
    }

    private static String secondary(Scenario s, int index) {
        List<SecondarySpec> secs = s.cluster().secondaries();
        return secs.get(Math.min(index, secs.size() - 1)).region();
    }

    @Test
    void noRandomFaultScheduleEverShowsNull() {
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            Texts texts = sweep(randomCluster(seed), randomTimeline(seed), 40 * SECOND);
            if (!texts.bad.isEmpty()) {
                failures.add("reproduce with seed=" + seed + ": " + texts.bad.iterator().next()
                        + (texts.bad.size() > 1 ? " (and " + (texts.bad.size() - 1) + " more)" : ""));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static final List<String> AZS = List.of("us-east-1a", "us-east-1b", "us-east-1c");
    private static final List<String> EU_AZS = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");

    private static ClusterSpec randomCluster(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 104_729);
        List<InstanceSpec> instances = new ArrayList<>();
        instances.add(new InstanceSpec("writer-1", AZS.get(r.nextInt(3)), Role.WRITER, 1, "db.r6g.large"));
        int replicas = r.nextInt(3);
        for (int i = 1; i <= replicas; i++) {
            instances.add(new InstanceSpec("reader-" + i, AZS.get(r.nextInt(3)), Role.READER, r.nextInt(3),
                    "db.r6g.large"));
        }
        List<SecondarySpec> secondaries = r.nextInt(3) == 0 ? List.of() : List.of(new SecondarySpec("eu-west-1",
                EU_AZS, List.of(new InstanceSpec("eu-reader-1", "eu-west-1a", Role.READER, 0, "db.r6g.large")), 40));
        return new ClusterSpec("us-east-1", AZS, 20, instances, 200, 400, seed, secondaries);
    }

    private static List<TimedCommand> randomTimeline(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7_919);
        List<String> instanceIds = List.of("writer-1", "reader-1", "reader-2", "eu-reader-1", "reader-9");
        List<String> regions = List.of("us-east-1", "eu-west-1");
        List<TimedCommand> out = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 14; i++) {
            t += SECOND / 2 + r.nextLong(3 * SECOND);
            String az = (r.nextInt(4) == 0 ? EU_AZS : AZS).get(r.nextInt(3));
            String instance = instanceIds.get(r.nextInt(instanceIds.size()));
            String region = regions.get(r.nextInt(2));
            String segment = "pg-" + r.nextInt(2) + "/" + AZS.get(r.nextInt(3)) + "/" + (1 + r.nextInt(2));
            String node = "sn-" + az + "-" + (1 + r.nextInt(4));
            Command c = switch (r.nextInt(20)) {
                case 0 -> new Command.FailInstance(instance);
                case 1 -> new Command.RestoreInstance(instance);
                case 2 -> new Command.FailAvailabilityZone(az);
                case 3 -> new Command.RestoreAvailabilityZone(az);
                case 4 -> new Command.FailSegment(segment);
                case 5 -> new Command.RestoreSegment(segment);
                case 6 -> new Command.DestroySegment(segment);
                case 7 -> new Command.FailStorageNode(node);
                case 8 -> new Command.RestoreStorageNode(node);
                case 9 -> new Command.Failover(r.nextBoolean() ? null : instance);
                case 10 -> new Command.AddReplica("reader-9", az, r.nextInt(16), "db.r6g.xlarge");
                case 11 -> new Command.RemoveReplica(instance);
                case 12 -> new Command.SetPromotionTier(instance, r.nextInt(16));
                case 13 -> new Command.SetWorkload(r.nextBoolean() ? null : 500.0, r.nextBoolean() ? null : 900.0);
                case 14 -> new Command.FailRegion(region);
                case 15 -> new Command.RestoreRegion(region);
                case 16 -> new Command.Switchover(region);
                case 17 -> new Command.FailoverGlobal(region);
                case 18 -> new Command.SetWriteForwarding(region, r.nextBoolean() ? null
                        : Command.ReadConsistency.values()[r.nextInt(3)]);
                default -> new Command.SetManagedRpo(r.nextBoolean() ? null : 20L);
            };
            out.add(new TimedCommand(t, c, 0));
        }
        return out;
    }
}

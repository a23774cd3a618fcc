package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.actionableElements;
import static dev.auroralab.ui.ViewModelFixtures.largest;
import static dev.auroralab.ui.ViewModelFixtures.vm;
import static dev.auroralab.ui.ViewModelFixtures.vmAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The context menu's actions, from the snapshot alone: which are offered for each kind and state of element, why
 * the others are disabled, the F and R keys, and whether the engine takes what the menu offers.
 */
class TopologyActionsTest {

    private static final String HEALTHY = "healthy-cluster";
    private static final String COPY_A = "pg-0/us-east-1a/1";

    private static List<String> labels(List<TopologyAction> actions) {
        return actions.stream().map(TopologyAction::label).toList();
    }

    private static TopologyAction labelled(List<TopologyAction> actions, String label) {
        return actions.stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + label + "' in " + labels(actions)));
    }

    private static List<TopologyAction> actions(SimulationViewModel vm, Selection sel) {
        return TopologyActions.forSelection(sel, vm.snapshot());
    }

    // ---- what is offered, by kind and state ----------------------------------------------------------------------

    @Test
    void anAzThatIsUpOffersFailAndAddingAReplicaButNotRestore() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        List<TopologyAction> a = actions(vm, Selection.az("us-east-1b"));

        assertThat(labels(a)).containsExactly("Fail AZ us-east-1b", "Restore AZ us-east-1b",
                "Add a replica in us-east-1b", "Reconfigure quorum: 3 of 4 without us-east-1b (P18 §4.1)");
        assertThat(a.get(3).disabledReason())
                .isEqualTo("AZ us-east-1b is not out: the quorum changes only to leave out an AZ that is lost");
        assertThat(a.get(0).enabled()).isTrue();
        assertThat(a.get(0).command()).isEqualTo(new Command.FailAvailabilityZone("us-east-1b"));
        assertThat(a.get(0).shortcut()).isEqualTo("F");
        assertThat(a.get(1).enabled()).isFalse();
        assertThat(a.get(1).disabledReason()).isEqualTo("AZ us-east-1b is not out");
        assertThat(a.get(1).shortcut()).isEqualTo("R");
        assertThat(a.get(2).enabled()).isTrue();
        // the next free reader number, the writer's instance class, the default tier
        assertThat(a.get(2).command()).isEqualTo(new Command.AddReplica("reader-3", "us-east-1b", 1, "db.r6g.large"));
        assertThat(a.get(2).shortcut()).isNull();
    }

    @Test
    void anAzThatIsOutOffersRestoreButNotFail() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailAvailabilityZone("us-east-1c"));
        List<TopologyAction> a = actions(vm, Selection.az("us-east-1c"));

        assertThat(a.get(0).enabled()).isFalse();
        assertThat(a.get(0).disabledReason()).isEqualTo("AZ us-east-1c is already out");
        assertThat(a.get(1).enabled()).isTrue();
        assertThat(a.get(1).command()).isEqualTo(new Command.RestoreAvailabilityZone("us-east-1c"));
        // the other AZs are untouched
        assertThat(actions(vm, Selection.az("us-east-1a")).get(0).enabled()).isTrue();
    }

    @Test
    void theWriterOffersFailAndAFailoverWhereAuroraPicksButNoTiersAndNoRemove() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        List<TopologyAction> a = actions(vm, Selection.instance("writer-1"));

        assertThat(labels(a)).containsExactly("Fail writer-1 (instance lost)",
                "Crash writer-1 (process restarts in place)", "Restore writer-1", "Fail over (Aurora picks the replica)");
        assertThat(a).extracting(TopologyAction::enabled).containsExactly(true, true, false, true);
        assertThat(a.get(0).command()).isEqualTo(new Command.FailInstance("writer-1"));
        assertThat(a.get(1).command()).isEqualTo(new Command.CrashInstance("writer-1"));
        assertThat(a.get(2).disabledReason()).isEqualTo("writer-1 is not down");
        assertThat(a.get(3).command()).isEqualTo(new Command.Failover(null));
        assertThat(a).extracting(TopologyAction::submenu).containsOnlyNulls();
    }

    @Test
    void aReaderOffersAFailoverToItSixteenPromotionTiersWithItsCurrentOneDisabledAndRemove() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        List<TopologyAction> a = actions(vm, Selection.instance("reader-2"));

        assertThat(labels(a)).startsWith("Fail reader-2 (instance lost)", "Crash reader-2 (process restarts in place)",
                "Restore reader-2", "Fail over to reader-2")
                .endsWith("Remove reader-2");
        assertThat(labelled(a, "Fail over to reader-2").command()).isEqualTo(new Command.Failover("reader-2"));
        List<TopologyAction> tiers = a.stream().filter(x -> "Promotion tier".equals(x.submenu())).toList();
        assertThat(tiers).hasSize(ModelValues.MAX_TIER + 1).hasSize(16);
        // reader-2 is tier 1 in the healthy cluster
        for (int t = 0; t <= 15; t++) {
            TopologyAction tier = tiers.get(t);
            assertThat(tier.command()).isEqualTo(new Command.SetPromotionTier("reader-2", t));
            assertThat(tier.enabled()).as("tier %d", t).isEqualTo(t != 1);
        }
        assertThat(tiers.get(1).label()).isEqualTo("Tier 1 (now)");
        assertThat(tiers.get(1).disabledReason()).isEqualTo("already tier 1");
        assertThat(tiers.get(0).label()).isEqualTo("Tier 0");
        assertThat(labelled(a, "Remove reader-2").command()).isEqualTo(new Command.RemoveReplica("reader-2"));
    }

    @Test
    void aDownReaderCanBeRestoredButNotFailedAgainNorFailedOverTo() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailInstance("reader-1"));
        List<TopologyAction> a = actions(vm, Selection.instance("reader-1"));

        assertThat(labelled(a, "Fail reader-1 (instance lost)").enabled()).isFalse();
        assertThat(labelled(a, "Fail reader-1 (instance lost)").disabledReason()).isEqualTo("reader-1 is already down");
        assertThat(labelled(a, "Crash reader-1 (process restarts in place)").disabledReason())
                .isEqualTo("reader-1 is down: only a running instance's database process can crash");
        assertThat(labelled(a, "Restore reader-1").enabled()).isTrue();
        assertThat(labelled(a, "Fail over to reader-1").enabled()).isFalse();
        assertThat(labelled(a, "Fail over to reader-1").disabledReason()).isEqualTo("reader-1 is not an available replica");
    }

    @Test
    void anInstanceDownWithItsAzCanBeRestoredAndTheEngineSaysItStartsWhenTheAzReturns() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailAvailabilityZone("us-east-1b"));
        TopologyAction restore = labelled(actions(vm, Selection.instance("reader-1")), "Restore reader-1");

        assertThat(restore.enabled()).isTrue();
        assertThat(vm.act(restore.command()).message()).isEqualTo("reader-1 will start when AZ us-east-1b returns");
    }

    @Test
    void aCopyThatIsUpCanBeFailedOrDestroyedButNotRestored() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        List<TopologyAction> a = actions(vm, Selection.segment(COPY_A));

        assertThat(labels(a)).containsExactly("Fail copy A (pg-0/us-east-1a/1)", "Restore copy A",
                "Destroy copy A with its data");
        assertThat(a).extracting(TopologyAction::enabled).containsExactly(true, false, true);
        assertThat(a.get(1).disabledReason()).isEqualTo("pg-0/us-east-1a/1 is not failed");
        assertThat(a).extracting(TopologyAction::command).containsExactly(new Command.FailSegment(COPY_A),
                new Command.RestoreSegment(COPY_A), new Command.DestroySegment(COPY_A));
    }

    @Test
    void aFailedCopyCanBeRestoredOrDestroyedButNotFailedAgain() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        List<TopologyAction> a = actions(vm, Selection.segment(COPY_A));

        assertThat(a).extracting(TopologyAction::enabled).containsExactly(false, true, true);
        assertThat(a.get(0).disabledReason()).isEqualTo("pg-0/us-east-1a/1 is already failed");
    }

    @Test
    void aDestroyedCopyCanNeitherBeFailedNorRestoredNorDestroyedAgain() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.DestroySegment(COPY_A));
        List<TopologyAction> a = actions(vm, Selection.segment(COPY_A));

        assertThat(a).extracting(TopologyAction::enabled).containsExactly(false, false, false);
        assertThat(a).extracting(TopologyAction::disabledReason).containsExactly("pg-0/us-east-1a/1 is destroyed",
                "pg-0/us-east-1a/1 was destroyed; storage replaces it on its own",
                "pg-0/us-east-1a/1 is already destroyed");
        assertThat(TopologyActions.keyed(Selection.segment(COPY_A), vm.snapshot(), TopologyAction.Kind.RESTORE))
                .isNull();
        // and the engine agrees
        assertThat(vm.act(new Command.RestoreSegment(COPY_A)).accepted()).isFalse();
    }

    @Test
    void aStorageNodeOffersFailOrRestoreByItsState() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        Selection node = Selection.node("sn-us-east-1a-1");
        assertThat(actions(vm, node)).extracting(TopologyAction::enabled).containsExactly(true, false);
        assertThat(actions(vm, node).get(1).disabledReason()).isEqualTo("sn-us-east-1a-1 is not failed");

        vm.act(new Command.FailStorageNode("sn-us-east-1a-1"));
        assertThat(actions(vm, node)).extracting(TopologyAction::enabled).containsExactly(false, true);
        assertThat(actions(vm, node).get(0).disabledReason()).isEqualTo("sn-us-east-1a-1 is already failed");
        assertThat(actions(vm, node).get(1).command()).isEqualTo(new Command.RestoreStorageNode("sn-us-east-1a-1"));

        // restoring the node while its AZ is out is allowed: it serves again once the AZ returns
        vm.act(new Command.FailAvailabilityZone("us-east-1a"));
        assertThat(actions(vm, node).get(1).enabled()).isTrue();
    }

    @Test
    void withFifteenReplicasAddingAnotherIsDisabledAndSaysWhy() {
        SimulationViewModel vm = vm(largest());
        EngineSnapshot s = vm.snapshot();
        assertThat(s.instances()).filteredOn(i -> i.role() == InstanceRole.READER).hasSize(15);

        for (String az : s.azs()) {
            TopologyAction add = actions(vm, Selection.az(az)).get(2);
            assertThat(add.enabled()).isFalse();
            assertThat(add.disabledReason()).isEqualTo("a cluster has at most 15 replicas");
            assertThat(vm.act(add.command()).accepted()).as("the engine agrees").isFalse();
        }
        // one fewer, and a replica can be added again, under the freed name
        vm.act(new Command.RemoveReplica("reader-7"));
        TopologyAction add = actions(vm, Selection.az("us-east-1a")).get(2);
        assertThat(add.enabled()).isTrue();
        assertThat(add.command()).isEqualTo(new Command.AddReplica("reader-7", "us-east-1a", 1, "db.r6g.large"));
        assertThat(vm.act(add.command()).accepted()).isTrue();
    }

    @Test
    void anAddedReplicaTakesTheSmallestFreeReaderNumber() {
        assertThat(TopologyActions.nextReplicaId(vmAt(HEALTHY, 0).snapshot())).isEqualTo("reader-3");
        assertThat(TopologyActions.nextReplicaId(vm(largest()).snapshot())).isEqualTo("reader-16");
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.RemoveReplica("reader-1"));
        assertThat(TopologyActions.nextReplicaId(vm.snapshot())).isEqualTo("reader-1");
    }

    @Test
    void fAndRFindTheEnabledFailAndRestoreActionOfTheSelection() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        Selection az = Selection.az("us-east-1c");

        assertThat(TopologyActions.keyed(az, vm.snapshot(), TopologyAction.Kind.FAIL).command())
                .isEqualTo(new Command.FailAvailabilityZone("us-east-1c"));
        assertThat(TopologyActions.keyed(az, vm.snapshot(), TopologyAction.Kind.RESTORE)).isNull();

        vm.act(TopologyActions.keyed(az, vm.snapshot(), TopologyAction.Kind.FAIL).command());
        assertThat(TopologyActions.keyed(az, vm.snapshot(), TopologyAction.Kind.FAIL)).isNull();
        assertThat(TopologyActions.keyed(az, vm.snapshot(), TopologyAction.Kind.RESTORE).command())
                .isEqualTo(new Command.RestoreAvailabilityZone("us-east-1c"));

        Selection reader = Selection.instance("reader-1");
        assertThat(TopologyActions.keyed(reader, vm.snapshot(), TopologyAction.Kind.FAIL).command())
                .isEqualTo(new Command.FailInstance("reader-1"));
        assertThat(TopologyActions.keyed(Selection.segment(COPY_A), vm.snapshot(), TopologyAction.Kind.FAIL)
                .command()).isEqualTo(new Command.FailSegment(COPY_A));
        // OTHER actions (failover, tiers, destroy) have no shared key
        assertThat(TopologyActions.forSelection(reader, vm.snapshot()))
                .filteredOn(a -> a.kind() == TopologyAction.Kind.OTHER).extracting(TopologyAction::shortcut)
                .containsOnlyNulls();
    }

    @Test
    void elementsWithoutActionsUnknownIdsAndNothingSelectedOfferNothing() {
        EngineSnapshot s = vmAt(HEALTHY, SECOND).snapshot();

        assertThat(TopologyActions.forSelection(Selection.pg("pg-0"), s)).isEmpty();
        assertThat(TopologyActions.forSelection(new Selection(Selection.Kind.VOLUME, "volume"), s)).isEmpty();
        assertThat(TopologyActions.forSelection(new Selection(Selection.Kind.ENDPOINT, "cluster"), s)).isEmpty();
        assertThat(TopologyActions.forSelection(Selection.instance("reader-99"), s)).isEmpty();
        assertThat(TopologyActions.forSelection(Selection.node("sn-nowhere"), s)).isEmpty();
        assertThat(TopologyActions.forSelection(Selection.segment("pg-9/us-east-1a/1"), s)).isEmpty();
        assertThat(TopologyActions.forSelection(null, s)).isEmpty();
        assertThat(TopologyActions.forSelection(Selection.az("us-east-1a"), null)).isEmpty();
        assertThat(TopologyActions.keyed(null, s, TopologyAction.Kind.FAIL)).isNull();
    }

    // ---- what is offered, the engine takes ------------------------------------------------------------------------

    @Test
    void everyEnabledActionOnEveryElementOfTheHealthyClusterIsAcceptedByTheEngine() {
        EngineSnapshot s = vmAt(HEALTHY, 500_000).snapshot();
        int tried = 0;
        for (Selection sel : actionableElements(s)) {
            for (TopologyAction a : TopologyActions.forSelection(sel, s)) {
                if (!a.enabled()) {
                    continue;
                }
                // each on its own fresh run at the same instant, so one action cannot change what the next meets
                SimulationViewModel vm = vmAt(HEALTHY, 500_000);
                CommandResult r = vm.act(a.command());
                assertThat(r.accepted()).as("%s on %s: %s", a.label(), sel.describe(), r.message()).isTrue();
                assertThat(vm.userCommands()).hasSize(1);
                tried++;
            }
        }
        // 3 AZs x 2, writer 3 (fail, crash, fail over), 2 readers x 19, 12 nodes, 18 copies x 2
        assertThat(tried).isEqualTo(6 + 3 + 38 + 12 + 36);
    }

    /**
     * A seeded walk through every built-in scenario: advance a little, pick an element and one of its enabled
     * actions, apply it through the view model. Refusals the engine gives to enabled actions are collected by the
     * known bug that explains them ({@link #knownMismatch}); any other refusal is a new mismatch and fails.
     */
    @Test
    void aSeededWalkThroughEveryBuiltInScenarioMeetsNoRefusalBeyondTheKnownMenuBugs() {
        Map<String, Integer> known = new TreeMap<>();
        int accepted = 0;
        for (String name : BuiltInScenarios.NAMES) {
            accepted += walk(name, 7, 40, known, true);
        }
        assertThat(accepted).as("actions the walk applied").isGreaterThan(150);
        // while the bugs below stand, the walk meets several of them; once they are fixed, enable the strict walk
    }

    @Test
    void aSeededWalkThroughEveryBuiltInScenarioNeverHasAnEnabledActionRefused() {
        for (String name : BuiltInScenarios.NAMES) {
            walk(name, 7, 40, new TreeMap<>(), false);
        }
    }

    private static int walk(String scenario, long seed, int steps, Map<String, Integer> known, boolean tolerate) {
        SplittableRandom r = new SplittableRandom(seed * 31 + scenario.hashCode());
        SimulationViewModel vm = vm(scenario);
        int accepted = 0;
        for (int step = 0; step < steps; step++) {
            vm.advanceTo(vm.nowMicros() + r.nextLong(3 * SECOND));
            EngineSnapshot s = vm.snapshot();
            List<Selection> elements = actionableElements(s);
            Selection sel = elements.get(r.nextInt(elements.size()));
            List<TopologyAction> enabled = TopologyActions.forSelection(sel, s).stream()
                    .filter(TopologyAction::enabled).toList();
            if (enabled.isEmpty()) {
                continue;
            }
            TopologyAction a = enabled.get(r.nextInt(enabled.size()));
            CommandResult result = vm.act(a.command());
            if (result.accepted()) {
                accepted++;
                continue;
            }
            String bug = tolerate ? knownMismatch(a, sel, s) : null;
            assertThat(bug).as("%s: '%s' on %s at t = %d µs was enabled but refused: %s", scenario, a.label(),
                    sel.describe(), s.nowMicros(), result.message()).isNotNull();
            known.merge(bug, 1, Integer::sum);
        }
        return accepted;
    }

    /** Which known menu bug explains an enabled action being refused in state {@code s}, or null for none. */
    private static String knownMismatch(TopologyAction a, Selection sel, EngineSnapshot s) {
        Command c = a.command();
        if (sel.kind() == Selection.Kind.SEGMENT) {
            SegmentSnapshot seg = s.segment(sel.id());
            if (seg.replacement()) {
                return "replacement copy addressed by its slot";
            }
            boolean nodeOut = s.storageNodes().stream().anyMatch(n -> n.id().equals(seg.nodeId()) && !n.up());
            if (c instanceof Command.RestoreSegment && seg.state() == SegmentState.DOWN
                    && (nodeOut || s.downAzs().contains(seg.az()))) {
                return "restore offered for a copy down with its node or AZ";
            }
        }
        if (c instanceof Command.Failover f) {
            String w = s.writerId();
            if (s.failoverInProgress() != null || w == null || s.instance(w).status() != InstanceStatus.UP) {
                return "failover offered while one is in progress";
            }
            boolean promotable = s.instances().stream().anyMatch(i -> i.role() == InstanceRole.READER
                    && i.status() == InstanceStatus.UP && !s.downAzs().contains(i.az()));
            if (f.targetInstanceId() == null && !promotable) {
                return "failover offered with no replica to promote";
            }
        }
        if (c instanceof Command.RemoveReplica rm && s.failoverInProgress() != null
                && rm.instanceId().equals(s.failoverInProgress().to())) {
            return "remove offered for the replica being promoted";
        }
        return null;
    }

    // ---- the bugs, one by one -------------------------------------------------------------------------------------

    /** Fails copy A at 1 s and waits for storage to start replacing it with a new copy G (at 11 s). */
    private static SimulationViewModel replacingCopyA() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailSegment(COPY_A));
        vm.advanceTo(11 * SECOND + 1_000);
        return vm;
    }

    @Test
    void whileCopyAIsBeingReplacedItsReplacementCopyGIsShownWithTheSameSlotAddress() {
        SimulationViewModel vm = replacingCopyA();
        List<SegmentSnapshot> pg0 = vm.snapshot().pg("pg-0").segments();
        SegmentSnapshot g = pg0.stream().filter(SegmentSnapshot::replacement).findFirst().orElseThrow();

        assertThat(g.letter()).isEqualTo('G');
        assertThat(g.state()).isEqualTo(SegmentState.REPLACING);
        assertThat(g.id()).isNotEqualTo(COPY_A);
        assertThat(g.address()).isEqualTo(COPY_A);
    }

    @Test
    void actionsOnAReplacementCopyActOnThatCopyAndNotOnTheCopyItReplaces() {
        SimulationViewModel vm = replacingCopyA();
        SegmentSnapshot g = vm.snapshot().pg("pg-0").segments().stream().filter(SegmentSnapshot::replacement)
                .findFirst().orElseThrow();
        List<TopologyAction> a = actions(vm, Selection.segment(g.id()));
        TopologyAction destroyG = labelled(a, "Destroy copy G with its data");
        TopologyAction failG = labelled(a, "Fail copy G (" + COPY_A + ")");

        if (destroyG.enabled()) {
            SimulationViewModel destroyed = replacingCopyA();
            destroyed.act(destroyG.command());
            EngineSnapshot after = destroyed.snapshot();
            SegmentSnapshot gAfter = after.segment(g.id());
            assertThat(after.segment(COPY_A).state()).as("copy A, which was not selected")
                    .isEqualTo(SegmentState.DOWN);
            assertThat(gAfter == null || gAfter.state() == SegmentState.DESTROYED)
                    .as("copy G, the one the menu said to destroy: %s", gAfter).isTrue();
        }
        if (failG.enabled()) {
            assertThat(vm.act(failG.command()).accepted()).as("Fail copy G: %s", vm.statusProperty().get())
                    .isTrue();
        }
    }

    @Test
    void restoreIsNotOfferedForACopyThatIsDownOnlyBecauseItsNodeOrAzIsOut() {
        SimulationViewModel vm = vmAt(HEALTHY, SECOND);
        vm.act(new Command.FailStorageNode("sn-us-east-1a-1"));
        assertThat(vm.snapshot().segment(COPY_A).state()).isEqualTo(SegmentState.DOWN);
        assertEnabledActionsAccepted(vm, Selection.segment(COPY_A));

        SimulationViewModel azOut = vmAt(HEALTHY, SECOND);
        azOut.act(new Command.FailAvailabilityZone("us-east-1a"));
        assertEnabledActionsAccepted(azOut, Selection.segment(COPY_A));
    }

    @Test
    void theWritersFailoverIsNotOfferedWhenThereIsNoReplicaToPromote() {
        SimulationViewModel vm = vmAt("writer-crash-no-replica", SECOND);
        assertEnabledActionsAccepted(vm, Selection.instance("writer-1"));
    }

    @Test
    void failoverIsNotOfferedWhileAFailoverIsInProgress() {
        // writer-1 fails at 10 s; detection takes 10 s
        SimulationViewModel vm = vmAt("writer-crash-failover-by-tier", 12 * SECOND);
        assertThat(vm.snapshot().failoverInProgress()).isNotNull();
        assertEnabledActionsAccepted(vm, Selection.instance("reader-2"));
        assertEnabledActionsAccepted(vm, Selection.instance("writer-1"));
    }

    @Test
    void theReplicaBeingPromotedCannotBeRemovedFromTheMenu() {
        // detected at 20 s, reader-3 (tier 0, the largest) is promoted for 10 s
        SimulationViewModel vm = vmAt("writer-crash-failover-by-tier", 21 * SECOND);
        assertThat(vm.snapshot().failoverInProgress().to()).isEqualTo("reader-3");
        assertEnabledActionsAccepted(vm, Selection.instance("reader-3"));
    }

    /** Applies each enabled action of {@code sel} to a fresh replay of {@code vm}'s run at the same instant. */
    private static void assertEnabledActionsAccepted(SimulationViewModel vm, Selection sel) {
        for (TopologyAction a : actions(vm, sel)) {
            if (!a.enabled()) {
                continue;
            }
            SimulationViewModel copy = vm(vm.scenario());
            for (var tc : vm.userCommands()) {
                copy.advanceTo(tc.atMicros());
                copy.act(tc.command());
            }
            copy.advanceTo(vm.nowMicros());
            assertThat(copy.snapshot()).isEqualTo(vm.snapshot());
            CommandResult r = copy.act(a.command());
            assertThat(r.accepted()).as("'%s' on %s is enabled, but the engine says: %s", a.label(), sel.describe(),
                    r.message()).isTrue();
        }
    }
}

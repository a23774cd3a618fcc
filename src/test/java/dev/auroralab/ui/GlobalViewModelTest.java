package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.RegionRole;
import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.vm;
import static dev.auroralab.ui.ViewModelFixtures.vmAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.scenario.ScenarioWriter;
import dev.auroralab.scenario.TimedCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Global Database through the view model, on the real engine and the built-in global scenarios: the region on
 * show, what selecting a region or an element of another region does, the region's actions reaching the engine and the
 * saved file, and the RPO/RTO ledger.
 */
class GlobalViewModelTest {

    private static final String SWITCHOVER = "global-switchover";
    private static final String OUTAGE = "global-region-outage-failover";

    private static List<String> regionNames(EngineSnapshot s) {
        return s.regions().stream().map(RegionSnapshot::region).toList();
    }

    private static List<String> instanceIds(EngineSnapshot s) {
        return s.instances().stream().map(InstanceSnapshot::id).toList();
    }

    @Test
    void aGlobalScenarioReachesTheEngineWithItsSecondaryRegions() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);

        assertThat(vm.snapshot().isGlobal()).isTrue();
        assertThat(regionNames(vm.snapshot())).containsExactly("us-east-1", "eu-west-1");
        assertThat(vm.snapshot().regionSnapshot("eu-west-1").instances()).extracting(InstanceSnapshot::id)
                .containsExactly("dublin-reader-1", "dublin-reader-2");
    }

    @Test
    void aSingleRegionScenarioIsNotGlobalAndShowsItsOneRegion() {
        SimulationViewModel vm = vmAt("healthy-cluster", SECOND);

        assertThat(vm.snapshot().isGlobal()).isFalse();
        assertThat(vm.viewSnapshot()).isSameAs(vm.snapshot());
        assertThat(vm.viewedRegion()).isEqualTo("us-east-1");
        vm.selectAdjacentRegion(1);
        assertThat(vm.selection()).isNull();
    }

    @Test
    void selectingARegionsCardShowsThatRegionInTheTopology() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);
        assertThat(vm.viewedRegion()).as("the writes' region by default").isEqualTo("us-east-1");

        vm.select(Selection.region("eu-west-1"));

        assertThat(vm.chosenRegionProperty().get()).isEqualTo("eu-west-1");
        assertThat(vm.viewedRegion()).isEqualTo("eu-west-1");
        EngineSnapshot view = vm.viewSnapshot();
        assertThat(view.region()).isEqualTo("eu-west-1");
        assertThat(view.azs()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(instanceIds(view)).containsExactly("dublin-reader-1", "dublin-reader-2");
        assertThat(view.writerId()).as("a secondary has no writer").isNull();
        // the inspector shows the region's fields, then its volume
        List<InspectorModel.Field> fields = InspectorModel.fields(vm.selection(), view);
        assertThat(fields.get(0).name()).isEqualTo("Region eu-west-1");
        assertThat(fields).anySatisfy(f -> assertThat(f.name()).isEqualTo("RPO lag"));
        assertThat(fields).anySatisfy(f -> assertThat(f.name()).isEqualTo("Volume of eu-west-1"));
    }

    @Test
    void withNoRegionChosenTheTopologyFollowsTheWritesAcrossASwitchover() {
        SimulationViewModel vm = vmAt(SWITCHOVER, 60 * SECOND);

        assertThat(vm.snapshot().writerRegion()).isEqualTo("eu-west-1");
        assertThat(vm.viewedRegion()).isEqualTo("eu-west-1");
        assertThat(vm.viewSnapshot().writerId()).isNotNull();
    }

    @Test
    void aChosenRegionStaysOnShowWhenItsRoleChanges() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);
        vm.select(Selection.region("us-east-1"));

        vm.advanceTo(60 * SECOND);

        assertThat(vm.snapshot().regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(vm.viewedRegion()).isEqualTo("us-east-1");
        assertThat(vm.viewSnapshot().region()).isEqualTo("us-east-1");
    }

    @Test
    void selectingAnElementOfAnotherRegionShowsThatRegion() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);

        // e.g. a click on an event-log line about a secondary's instance, or its protection group
        vm.select(Selection.instance("dublin-reader-2"));
        assertThat(vm.viewedRegion()).isEqualTo("eu-west-1");
        assertThat(vm.selection()).isEqualTo(Selection.instance("dublin-reader-2"));

        vm.select(Selection.pg("pg-0"));
        assertThat(vm.viewedRegion()).isEqualTo("us-east-1");
        vm.select(Selection.pg("eu-west-1/pg-1"));
        assertThat(vm.viewedRegion()).isEqualTo("eu-west-1");
        vm.select(Selection.az("us-east-1b"));
        assertThat(vm.viewedRegion()).isEqualTo("us-east-1");
    }

    @Test
    void showingAnotherRegionDropsASelectionThatIsNotInIt() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);
        vm.select(Selection.instance("writer-1"));

        vm.showRegion("eu-west-1");
        assertThat(vm.selection()).isNull();

        vm.select(Selection.region("eu-west-1"));
        vm.showRegion("us-east-1");
        assertThat(vm.selection()).as("a region's card stays selected").isEqualTo(Selection.region("eu-west-1"));

        vm.showRegion(null);
        assertThat(vm.viewedRegion()).isEqualTo("us-east-1");
    }

    @Test
    void theGKeyWalksTheRegionsStartingFromTheOneOnShow() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);

        vm.selectAdjacentRegion(1);
        assertThat(vm.selection()).isEqualTo(Selection.region("us-east-1"));
        vm.selectAdjacentRegion(1);
        assertThat(vm.selection()).isEqualTo(Selection.region("eu-west-1"));
        assertThat(vm.viewedRegion()).isEqualTo("eu-west-1");
        vm.selectAdjacentRegion(1);
        assertThat(vm.selection()).isEqualTo(Selection.region("us-east-1"));
        vm.selectAdjacentRegion(-1);
        assertThat(vm.selection()).isEqualTo(Selection.region("eu-west-1"));
    }

    @Test
    void restartingOrLoadingForgetsTheChosenRegion() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);
        vm.select(Selection.region("eu-west-1"));

        vm.restart();
        assertThat(vm.chosenRegionProperty().get()).isNull();
        assertThat(vm.viewedRegion()).isEqualTo("us-east-1");

        vm.select(Selection.region("eu-west-1"));
        vm.openBuiltIn("healthy-cluster");
        assertThat(vm.chosenRegionProperty().get()).isNull();
        assertThat(vm.viewSnapshot()).isSameAs(vm.snapshot());
    }

    @Test
    void theFKeyOnARegionFailsItAndRRestoresIt() {
        SimulationViewModel vm = vmAt(SWITCHOVER, SECOND);
        vm.select(Selection.region("eu-west-1"));

        TopologyAction fail = TopologyActions.keyed(vm.selection(), vm.viewSnapshot(), TopologyAction.Kind.FAIL);
        assertThat(fail.command()).isEqualTo(new Command.FailRegion("eu-west-1"));
        assertThat(vm.act(fail.command()).accepted()).isTrue();
        assertThat(vm.snapshot().regionSnapshot("eu-west-1").role()).isEqualTo(RegionRole.DOWN);
        assertThat(TopologyActions.keyed(vm.selection(), vm.viewSnapshot(), TopologyAction.Kind.FAIL)).isNull();

        TopologyAction restore = TopologyActions.keyed(vm.selection(), vm.viewSnapshot(),
                TopologyAction.Kind.RESTORE);
        assertThat(vm.act(restore.command()).accepted()).isTrue();
        assertThat(vm.snapshot().regionSnapshot("eu-west-1").role()).isEqualTo(RegionRole.SECONDARY);
    }

    @Test
    void everyEnabledRegionActionIsTakenByTheEngine() {
        for (String scenario : List.of(SWITCHOVER, OUTAGE, "global-detach-and-promote", "global-write-forwarding",
                "global-managed-rpo")) {
            for (long at : new long[] {5 * SECOND, 40 * SECOND}) {
                EngineSnapshot s = vmAt(scenario, at).snapshot();
                for (RegionSnapshot r : s.regions()) {
                    for (TopologyAction a : RegionActions.forRegion(r.region(), s)) {
                        if (!a.enabled()) {
                            assertThat(a.disabledReason()).as("%s on %s", a.label(), r.region()).isNotBlank();
                            continue;
                        }
                        SimulationViewModel fresh = vmAt(scenario, at);
                        assertThat(fresh.act(a.command()).accepted())
                                .as("%s at %d s: '%s' on %s (%s) - %s", scenario, at / SECOND, a.label(), r.region(),
                                        r.role(), fresh.statusProperty().get())
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyEnabledActionOnAnElementOfASecondaryIsTakenByTheEngine() {
        SimulationViewModel probe = vmAt(SWITCHOVER, 5 * SECOND);
        EngineSnapshot view = probe.snapshot().forRegion("eu-west-1");
        for (Selection sel : ViewModelFixtures.actionableElements(view)) {
            for (TopologyAction a : TopologyActions.forSelection(sel, view)) {
                if (!a.enabled()) {
                    continue;
                }
                SimulationViewModel fresh = vmAt(SWITCHOVER, 5 * SECOND);
                assertThat(fresh.act(a.command()).accepted()).as("'%s' on %s: %s", a.label(), sel.describe(),
                        fresh.statusProperty().get()).isTrue();
            }
        }
        // an in-region failover is the primary's business; the secondary's readers do not offer it
        TopologyAction failover = TopologyActions.forSelection(Selection.instance("dublin-reader-1"), view).stream()
                .filter(a -> a.command() instanceof Command.Failover).findFirst().orElseThrow();
        assertThat(failover.enabled()).isFalse();
        assertThat(failover.disabledReason()).contains("eu-west-1 is not the primary");
    }

    @Test
    void regionActionsAreSavedWithTheRunAndReplayToTheSameState() throws Exception {
        // the scenario turns forwarding on in its three secondaries at 5 s; these come after, through the menus
        SimulationViewModel vm = vmAt("global-write-forwarding", 6 * SECOND);
        // an Aurora MySQL cluster: the managed RPO is refused with the reason, and a refused action is not saved
        assertThat(vm.act(new Command.SetManagedRpo(30L)).message()).contains("Aurora PostgreSQL parameter");
        vm.advanceTo(7 * SECOND);
        vm.act(new Command.SetWriteForwarding("us-west-2", ReadConsistency.GLOBAL));
        vm.advanceTo(8 * SECOND);
        vm.act(new Command.Switchover("eu-central-1"));
        vm.advanceTo(12 * SECOND);

        assertThat(vm.userCommands()).extracting(TimedCommand::command).containsExactly(
                new Command.SetWriteForwarding("us-west-2", ReadConsistency.GLOBAL),
                new Command.Switchover("eu-central-1"));
        Scenario saved = ScenarioReader.read("saved-global.yaml",
                ScenarioWriter.toYaml(vm.scenario(), vm.userCommands()));
        SimulationViewModel replay = vm(saved);
        replay.advanceTo(12 * SECOND);
        assertThat(replay.snapshot()).isEqualTo(vm.snapshot());
    }

    @Test
    void aGlobalFailoverAddsOneLedgerRowWithItsCost() {
        SimulationViewModel vm = vmAt(OUTAGE, 24 * SECOND);
        assertThat(vm.snapshot().failovers()).isEmpty();

        vm.advanceTo(100 * SECOND);

        List<EngineSnapshot.FailoverRecord> ledger = vm.snapshot().failovers();
        assertThat(ledger).hasSize(1);
        EngineSnapshot.FailoverRecord r = ledger.get(0);
        assertThat(LedgerText.kind(r)).isEqualTo("global failover (data loss)");
        assertThat(r.from()).isEqualTo("us-east-1");
        assertThat(r.to()).isEqualTo("us-west-2");
        assertThat(r.acknowledgedWritesLost()).isPositive();
        assertThat(LedgerText.seconds(r.rtoMicros())).isEqualTo("60.0");
        assertThat(r.writeDowntimeMicros()).isGreaterThan(r.rtoMicros());
    }

    @Test
    void theAlarmBarSpeaksOfSplitBrainAndBlockedCommitsOnlyWhenTheyHappen() {
        SimulationViewModel vm = vmAt("global-detach-and-promote", SECOND);
        assertThat(GlobalControls.alarmText(vm.snapshot())).isEmpty();
        vm.advanceTo(vm.scenario().durationMicros());
        EngineSnapshot end = vm.snapshot();
        if (end.global().splitBrain()) {
            assertThat(GlobalControls.alarmText(end)).startsWith("⚠ SPLIT BRAIN · two regions take writes: ");
        }

        SimulationViewModel rpo = vmAt("global-managed-rpo", SECOND);
        boolean sawBlocked = false;
        for (long t = 2; t * SECOND <= rpo.scenario().durationMicros(); t += 2) {
            rpo.advanceTo(t * SECOND);
            if (rpo.snapshot().global().commitsBlocked()) {
                sawBlocked = true;
                assertThat(GlobalControls.alarmText(rpo.snapshot())).contains("⊘ COMMITS BLOCKED")
                        .contains("over " + rpo.snapshot().global().managedRpoSeconds() + " s behind");
            }
        }
        assertThat(sawBlocked).as("the managed-RPO scenario blocks commits at some point").isTrue();
    }
}

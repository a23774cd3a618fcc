package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static dev.auroralab.ui.ViewModelFixtures.vmAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.EngineFlavour;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import dev.auroralab.ui.GlobalFixtures.R;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a region's menu offers for each role, from the snapshot alone: switching over, failing over and detaching only
 * on a secondary, forwarding only on a secondary, the managed RPO only on the primary, and a reason on every item that
 * is disabled.
 */
class RegionActionsTest {

    private static final EngineSnapshot BASE = vmAt("healthy-cluster", SECOND).snapshot();

    private static EngineSnapshot roles(R... regions) {
        return GlobalFixtures.global(BASE, List.of(regions));
    }

    private static TopologyAction find(List<TopologyAction> actions, Class<? extends Command> kind) {
        return actions.stream().filter(a -> kind.isInstance(a.command()) && a.submenu() == null).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName()));
    }

    private static List<TopologyAction> under(List<TopologyAction> actions, String submenu) {
        return actions.stream().filter(a -> submenu.equals(a.submenu())).toList();
    }

    @Test
    void aSecondaryOffersSwitchoverFailoverDetachAndForwardingButNotTheManagedRpo() {
        EngineSnapshot s = GlobalFixtures.withEngine(GlobalFixtures.threeRegions(BASE), EngineFlavour.AURORA_POSTGRESQL);
        List<TopologyAction> a = RegionActions.forRegion("eu-west-1", s);

        assertThat(find(a, Command.FailRegion.class).enabled()).isTrue();
        assertThat(find(a, Command.FailRegion.class).shortcut()).isEqualTo("F");
        assertThat(find(a, Command.RestoreRegion.class).disabledReason()).isEqualTo("region eu-west-1 is not out");
        assertThat(find(a, Command.Switchover.class).command()).isEqualTo(new Command.Switchover("eu-west-1"));
        assertThat(find(a, Command.Switchover.class).enabled()).isTrue();
        assertThat(find(a, Command.FailoverGlobal.class).enabled()).isTrue();
        assertThat(find(a, Command.DetachAndPromote.class).enabled()).isTrue();

        List<TopologyAction> forwarding = under(a, RegionActions.FORWARDING);
        assertThat(forwarding).extracting(TopologyAction::label).containsExactly("Off (now)", "On, eventual reads",
                "On, session reads", "On, global reads");
        assertThat(forwarding.get(0).enabled()).isFalse();
        assertThat(forwarding.get(2).command())
                .isEqualTo(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.SESSION));
        assertThat(forwarding.subList(1, 4)).allMatch(TopologyAction::enabled);

        assertThat(under(a, RegionActions.MANAGED_RPO)).isNotEmpty().allSatisfy(t -> {
            assertThat(t.enabled()).isFalse();
            assertThat(t.disabledReason()).isEqualTo("it is set on the primary, us-east-1");
        });
    }

    @Test
    void onAuroraMySqlThePrimaryOffersNoManagedRpoBecauseItIsAPostgreSqlParameter() {
        EngineSnapshot s = GlobalFixtures.global(BASE, new GlobalSnapshot(0, false, false, List.of("us-east-1")),
                List.of(R.of("us-east-1", "primary"), R.of("eu-west-1", "secondary")));
        assertThat(s.engine()).isEqualTo(EngineFlavour.AURORA_MYSQL);

        assertThat(under(RegionActions.forRegion("us-east-1", s), RegionActions.MANAGED_RPO)).isEmpty();
        assertThat(under(RegionActions.forRegion("eu-west-1", s), RegionActions.MANAGED_RPO)).isEmpty();
    }

    @Test
    void thePrimaryOffersTheManagedRpoButNothingThatWouldPromoteIt() {
        EngineSnapshot s = GlobalFixtures.withEngine(GlobalFixtures.global(BASE,
                new GlobalSnapshot(30, false, false, List.of("us-east-1")),
                List.of(R.of("us-east-1", "primary"), R.of("eu-west-1", "secondary"))),
                EngineFlavour.AURORA_POSTGRESQL);
        List<TopologyAction> a = RegionActions.forRegion("us-east-1", s);

        assertThat(find(a, Command.Switchover.class).disabledReason())
                .isEqualTo("us-east-1 is already the primary (secondaries: eu-west-1)");
        assertThat(find(a, Command.FailoverGlobal.class).enabled()).isFalse();
        assertThat(find(a, Command.DetachAndPromote.class).disabledReason())
                .isEqualTo("us-east-1 is the primary: switch over or fail over first");
        assertThat(under(a, RegionActions.FORWARDING)).allSatisfy(t ->
                assertThat(t.disabledReason()).isEqualTo("us-east-1 is the primary: it takes writes itself"));
        List<TopologyAction> rpo = under(a, RegionActions.MANAGED_RPO);
        assertThat(rpo).extracting(TopologyAction::label).containsExactly("Off", "20 s", "30 s (now)", "60 s");
        assertThat(rpo.get(0).command()).isEqualTo(new Command.SetManagedRpo(null));
        assertThat(rpo.get(1).command()).isEqualTo(new Command.SetManagedRpo(20L));
        assertThat(rpo.get(2).enabled()).isFalse();
        assertThat(rpo.get(2).disabledReason()).isEqualTo("already 30 s");
    }

    @Test
    void aRegionThatIsOutCanOnlyBeRestored() {
        EngineSnapshot s = roles(R.of("us-east-1", "primary"), R.of("eu-west-1", "down"));
        List<TopologyAction> a = RegionActions.forRegion("eu-west-1", s);

        assertThat(a.stream().filter(TopologyAction::enabled).map(TopologyAction::command))
                .containsExactly(new Command.RestoreRegion("eu-west-1"));
        assertThat(find(a, Command.FailRegion.class).disabledReason()).isEqualTo("region eu-west-1 is already out");
        assertThat(find(a, Command.Switchover.class).disabledReason()).isEqualTo("eu-west-1 is out: restore it first");
        assertThat(TopologyActions.keyed(Selection.region("eu-west-1"), s, TopologyAction.Kind.RESTORE).command())
                .isEqualTo(new Command.RestoreRegion("eu-west-1"));
    }

    @Test
    void withThePrimaryOutASecondaryCanBeFailedOverToButNotSwitchedOverTo() {
        EngineSnapshot s = roles(R.of("us-east-1", "down"), R.of("us-west-2", "secondary"));
        List<TopologyAction> a = RegionActions.forRegion("us-west-2", s);

        assertThat(find(a, Command.Switchover.class).disabledReason())
                .isEqualTo("the primary has no writer up; fail over instead (failover-global, allows data loss)");
        assertThat(find(a, Command.FailoverGlobal.class).enabled()).isTrue();
        assertThat(find(a, Command.DetachAndPromote.class).enabled()).isTrue();
        assertThat(under(a, RegionActions.MANAGED_RPO)).allSatisfy(t ->
                assertThat(t.disabledReason()).isEqualTo("it is set on the primary, and there is none now"));
    }

    @Test
    void aDetachedOrRebuildingRegionCannotBePromotedAndSaysWhy() {
        EngineSnapshot s = roles(R.of("us-east-1", "primary"), R.of("eu-west-1", "detached"),
                new R("ap-southeast-2", "secondary", true, 0, null));

        List<TopologyAction> detached = RegionActions.forRegion("eu-west-1", s);
        assertThat(find(detached, Command.Switchover.class).disabledReason())
                .isEqualTo("eu-west-1 has left the global database (detached)");
        assertThat(find(detached, Command.DetachAndPromote.class).disabledReason())
                .isEqualTo("eu-west-1 is already detached");
        assertThat(under(detached, RegionActions.FORWARDING)).noneMatch(TopologyAction::enabled);

        List<TopologyAction> resyncing = RegionActions.forRegion("ap-southeast-2", s);
        assertThat(find(resyncing, Command.FailoverGlobal.class).disabledReason())
                .isEqualTo("ap-southeast-2 is still being rebuilt after the global failover");
    }

    @Test
    void theCurrentForwardingIsMarkedAndCannotBeChosenAgain() {
        EngineSnapshot s = roles(R.of("us-east-1", "primary"), new R("eu-west-1", "secondary", false, 0, "session"));
        List<TopologyAction> forwarding = under(RegionActions.forRegion("eu-west-1", s), RegionActions.FORWARDING);

        assertThat(forwarding).extracting(TopologyAction::label).containsExactly("Off", "On, eventual reads",
                "On, session reads (now)", "On, global reads");
        assertThat(forwarding.get(0).command()).isEqualTo(new Command.SetWriteForwarding("eu-west-1", null));
        assertThat(forwarding.get(2).disabledReason()).isEqualTo("already session");
    }

    @Test
    void anUnknownRegionOffersNothing() {
        assertThat(RegionActions.forRegion("mars-1", GlobalFixtures.threeRegions(BASE))).isEmpty();
        assertThat(RegionActions.forRegion("us-east-1", BASE)).isEmpty();
    }

    @Test
    void theStateKeyChangesWithARoleOrASettingButNotWithTime() {
        EngineSnapshot a = GlobalFixtures.threeRegions(BASE);
        EngineSnapshot laterLag = roles(R.of("us-east-1", "primary"),
                new R("eu-west-1", "secondary", false, 900_000, null), R.of("ap-southeast-2", "secondary"));
        EngineSnapshot oneDown = roles(R.of("us-east-1", "primary"), R.of("eu-west-1", "down"),
                R.of("ap-southeast-2", "secondary"));

        assertThat(RegionActions.stateKey(laterLag, "eu-west-1")).isEqualTo(RegionActions.stateKey(a, "eu-west-1"));
        assertThat(RegionActions.stateKey(oneDown, "eu-west-1")).isNotEqualTo(RegionActions.stateKey(a, "eu-west-1"));
        assertThat(RegionActions.stateKey(a, "us-east-1")).isNotEqualTo(RegionActions.stateKey(a, "eu-west-1"));
    }
}

package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.TimedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A menu item is greyed out with the engine's own reason: for every action the topology's menus offer, at random
 * instants of every built-in scenario, a copy of the engine is asked to apply it. What the engine refuses, the menu
 * shows disabled with exactly the engine's sentence; what the menu enables, the engine accepts. A Global Database's
 * region menus (switchover, failover, detach, forwarding, managed RPO, fail and restore) are checked the same way. The
 * only reasons of the menu's own are the ones it adds on top (a tier or setting already in force, a joining copy, a
 * region that does not take writes, the managed RPO offered on the primary's menu only), where the engine would
 * accept.
 */
class MenuReasonsAreTheEnginesTest {

    private static boolean menusOwnReason(String reason) {
        return reason.startsWith("already tier ") || reason.contains("is joining (membership change)")
                || reason.contains("an in-region failover happens in the region the writes go to")
                // a region's menu: the setting in force, and the managed RPO offered only on the primary's menu
                || reason.startsWith("already ") || reason.startsWith("it is set on the primary");
    }

    private static List<Selection> elements(EngineSnapshot s) {
        List<Selection> out = new ArrayList<>();
        s.regions().forEach(r -> out.add(Selection.region(r.region())));
        s.azs().forEach(az -> out.add(Selection.az(az)));
        s.instances().forEach(i -> out.add(Selection.instance(i.id())));
        s.storageNodes().forEach(n -> out.add(Selection.node(n.id())));
        for (ProtectionGroupSnapshot pg : s.volume().protectionGroups()) {
            for (SegmentSnapshot seg : pg.segments()) {
                out.add(Selection.segment(seg.id()));
            }
        }
        return out;
    }

    @Test
    void everyDisabledMenuItemSaysTheReasonTheEngineGivesAndEveryEnabledOneIsAccepted() throws Exception {
        int checked = 0;
        int regionItems = 0;
        for (String name : BuiltInScenarios.NAMES) {
            Scenario sc = BuiltInScenarios.load(name);
            SplittableRandom r = new SplittableRandom(name.hashCode());
            AuroraEngine e = new AuroraEngine(sc.cluster());
            for (int step = 0; step < 6; step++) {
                long until = Math.min(sc.durationMicros(), e.nowMicros() + 1 + r.nextLong(sc.durationMicros() / 5));
                for (TimedCommand tc : sc.timeline()) {
                    if (tc.atMicros() > e.nowMicros() && tc.atMicros() <= until) {
                        e.advanceTo(tc.atMicros());
                        e.apply(tc.command());
                    }
                }
                e.advanceTo(until);
                EngineSnapshot s = e.snapshot();
                for (Selection sel : elements(s)) {
                    for (TopologyAction a : TopologyActions.forSelection(sel, s)) {
                        CommandResult result = e.copy().apply(a.command());
                        String where = name + " at " + s.nowMicros() + " µs, '" + a.label() + "'";
                        if (a.enabled()) {
                            assertThat(result.accepted()).as("%s is enabled, the engine says: %s", where,
                                    result.message()).isTrue();
                        } else if (menusOwnReason(a.disabledReason())) {
                            // the menu's own guard, on top of the engine's rules (see the class comment)
                            assertThat(a.disabledReason()).isNotBlank();
                        } else if (!result.accepted()) {
                            assertThat(a.disabledReason()).as(where).isEqualTo(result.message());
                        } else {
                            assertThat(result.accepted()).as("%s is disabled (%s) but the engine accepts it", where,
                                    a.disabledReason()).isFalse();
                        }
                        checked++;
                        regionItems += sel.kind() == Selection.Kind.REGION ? 1 : 0;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(regionItems).as("region menu items checked").isGreaterThan(200);
    }
}

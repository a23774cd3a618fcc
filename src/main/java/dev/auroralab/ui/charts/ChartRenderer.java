package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.run.MetricSampler;
import dev.auroralab.ui.Hatch;
import dev.auroralab.ui.Palette;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one compact metric chart onto a canvas: title and current value in large text, a line over the last window
 * of simulated time, a y axis with a 1-2-5 maximum and three labelled grid lines, the window's edges in simulated
 * seconds, fault periods shaded and writes-blocked periods hatched, and the scenario's end as a dashed line that says
 * "scenario end".
 *
 * <p>Why the axis does not simply cover the window's maximum: one quarter second can flatten a minute. At the end
 * of an AZ+1 stall the queued writes are acknowledged at once, with a mean commit latency of about 10,000 ms against
 * 3 ms before and after; on a 10,000 ms axis the 3 ms on either side is a line on the floor for the 60 s the spike
 * stays in view. So the axis covers the levels the line holds (at least 2 s in a row) and the values up to four
 * times the highest of them; anything higher is a spike, clipped at the top edge and marked with a ▲, the highest
 * one labelled "peak 9,881 ms" so its size is still read. A rise that lasts takes the axis up within 2 s, and a
 * window holding only the spike (a stall has no latency and 0 writes/s) shows it in full. {@link ValueAxis} has the
 * rule, why it beats a percentile, and its cost. Only the visible window's samples count.
 *
 * <p>A pure function of its arguments (no fields, nothing kept between calls), so a chart looks the same however it
 * is reached, and the view can redraw at any time: on a new frame, a resize, a theme or font-scale change.
 *
 * <p>Why it looks like this. A teacher projects it, so text starts at {@link #BASE_FONT_PX} × font scale and the
 * current value is the largest thing on the chart. Fault periods are shaded and writes-blocked periods also carry a
 * diagonal hatch, and a legend says which is which, so the facts do not rest on colour alone. A missing value (NaN)
 * breaks the line instead of dropping it to 0, which would read as a measured zero. Each sample is an average over
 * its interval, so a line piece that starts after a gap begins with a flat stroke across its first interval, which
 * also keeps a single sample between two gaps visible.
 *
 * <p>Why it is cheap: it runs every frame for three charts. It finds the window by binary search (the sampler's list
 * is random access), walks only the samples in it, builds the whole line as one path with one stroke, merges
 * consecutive shaded samples into one rectangle, and makes no collections. The axis rule adds a few passes over the
 * window (each sample looks ahead at most 2 s) and the marks of spikes and of the scenario's end are paths, not
 * arrays, so the added work stays linear and makes no garbage but the peak's text.
 */
public final class ChartRenderer {

    /** Smallest text size before font scaling; 13 px stays readable on a projector at scale 1. */
    public static final double BASE_FONT_PX = 13;
    /**
     * Says what the shading and the hatch mean, so they never rely on colour; the one wording of the charts, the
     * headline strip's tooltip and the docs. About 255 px at 13 px, so it fits on its own row of the narrowest chart
     * at 1280 × 720 (about 300 px inside), and in presenter mode it shrinks towards 13 px before it is left out.
     */
    public static final String LEGEND = "shaded: fault \u00b7 hatched: writes blocked";
    /** What the dashed line at the scenario's end says, so the line needs no colour or legend to be read. */
    public static final String SCENARIO_END_TEXT = "scenario end";
    /** For {@code scenarioEndMicros}: the scenario has no end to mark. */
    public static final long NO_SCENARIO_END = Long.MIN_VALUE;

    static final double TITLE_FONT_PX = 14;
    static final double VALUE_FONT_PX = 22;
    /** Distance between hatch lines, in pixels before font scaling. */
    static final double HATCH_SPACING_PX = 7;
    /** A rough advance width per character, as a fraction of the font size; to lay out without measuring text. */
    private static final double CHAR_WIDTH = 0.56;
    private static final double BOLD_CHAR_WIDTH = 0.62;

    private ChartRenderer() {
    }

    /**
     * Draws {@code series} from {@code samples} as it stood at {@code nowMicros}, over the last {@code windowMicros}
     * of simulated time. Samples ending after {@code nowMicros} are left out, so the same list can be shown at an
     * earlier moment. Covers the whole {@code width × height} area, background included.
     *
     * @param samples oldest first, as {@link MetricSampler#samples()} gives them; random access keeps this fast
     * @param fontScale text scale for presenting (1 = normal, 2 = twice as large)
     */
    public static void draw(GraphicsContext g, double width, double height, List<MetricSample> samples, Series series,
            long nowMicros, long windowMicros, Palette palette, double fontScale) {
        draw(g, width, height, samples, series, nowMicros, windowMicros, NO_SCENARIO_END, palette, fontScale);
    }

    /**
     * As {@link #draw(GraphicsContext, double, double, List, Series, long, long, Palette, double)}, with a dashed
     * line labelled "scenario end" at {@code scenarioEndMicros} when it lies in the window ({@link #NO_SCENARIO_END}
     * for none).
     */
    public static void draw(GraphicsContext g, double width, double height, List<MetricSample> samples, Series series,
            long nowMicros, long windowMicros, long scenarioEndMicros, Palette palette, double fontScale) {
        if (!(width > 0 && height > 0)) {
            return;
        }
        double fs = fontScale > 0 ? fontScale : 1;
        long window = Math.max(1, windowMicros);
        long windowStart = windowStartMicros(nowMicros, window);
        long windowEnd = windowStart + window;
        int from = firstEndingAfter(samples, windowStart);
        int to = firstEndingAfter(samples, nowMicros);

        double yMax = ValueAxis.top(samples, from, to, series);
        double latest = to > from ? series.valueOf(samples.get(to - 1)) : Double.NaN;
        String valueText = to > from ? series.formatValue(latest) : "\u2014";

        String family = Font.getDefault().getFamily();
        double labelPx = BASE_FONT_PX * fs;
        double titlePx = TITLE_FONT_PX * fs;
        double valuePx = VALUE_FONT_PX * fs;
        Font labelFont = Font.font(family, FontWeight.NORMAL, labelPx);

        // a clear of the whole canvas first lets JavaFX drop the commands of earlier frames not yet rendered
        g.clearRect(0, 0, width, height);
        g.save();
        g.setFill(palette.background());
        g.fillRect(0, 0, width, height);
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, width - 1, height - 1);

        // ---- header: title left, current value right; on two rows when one does not fit ---------------------------
        // Text is never shrunk below the base size: first a number drops its unit (the title names it), then a
        // value still too wide shrinks towards the base size, and text still too wide ends in an ellipsis. A missing
        // value keeps its reason ("no reader up"): a bare dash would not say why.
        double pad = 8 * fs;
        double room = width - 2 * pad;
        String title = series.title();
        boolean oneRow = boldWidth(title, titlePx) + 12 * fs + boldWidth(valueText, valuePx) <= room;
        if (!oneRow) {
            if (boldWidth(valueText, valuePx) > room && !Double.isNaN(latest)) {
                valueText = series.formatCompactValue(latest);
            }
            valuePx = Math.max(labelPx, Math.min(valuePx, room / (valueText.length() * BOLD_CHAR_WIDTH)));
            valueText = fitted(valueText, valuePx, room);
            title = fitted(title, titlePx, room);
        }
        double headerHeight = oneRow ? valuePx * 1.2 : titlePx * 1.3 + valuePx * 1.2;
        g.setTextBaseline(VPos.BASELINE);
        g.setFill(palette.text());
        g.setFont(Font.font(family, FontWeight.BOLD, titlePx));
        g.setTextAlign(TextAlignment.LEFT);
        double titleBaseline = pad + (oneRow ? valuePx * 0.95 : titlePx);
        g.fillText(title, pad, titleBaseline);
        g.setFont(Font.font(family, FontWeight.BOLD, valuePx));
        g.setTextAlign(oneRow ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(valueText, oneRow ? width - pad : pad, pad + headerHeight - valuePx * 0.25);

        // ---- plot area; the legend goes between the x labels, or on a row of its own when it does not fit there ----
        String maxLabel = ChartText.formatTick(yMax);
        String midLabel = ChartText.formatTick(yMax / 2);
        int labelChars = Math.max(maxLabel.length(), midLabel.length());
        double plotLeft = pad + labelChars * labelPx * CHAR_WIDTH + 6 * fs;
        double plotRight = width - pad;
        double plotWidth = plotRight - plotLeft;
        String left = ChartText.formatSeconds(windowStart, window);
        String right = ChartText.formatSeconds(windowEnd, window);
        double legendRoom = plotWidth - (left.length() + right.length()) * labelPx * CHAR_WIDTH - 24 * fs;
        boolean legendBetween = textWidth(LEGEND, labelPx) <= legendRoom;
        double axisRowHeight = labelPx * 1.5;
        double plotTop = pad + headerHeight + labelPx * 0.7;
        // on a row of its own the legend may shrink towards the base size, as the value does, but not below it
        double legendRowPx = Math.min(labelPx, (width - 2 * pad) / (LEGEND.length() * CHAR_WIDTH));
        boolean legendRow = !legendBetween && legendRowPx >= BASE_FONT_PX
                && height - pad - 2 * axisRowHeight - plotTop >= 40 * fs;
        double plotBottom = height - pad - axisRowHeight * (legendRow ? 2 : 1);
        double plotHeight = plotBottom - plotTop;
        if (plotWidth < 20 || plotHeight < 12) {
            g.restore();
            return;
        }

        drawFaultPeriods(g, samples, from, to, windowStart, window, plotLeft, plotTop, plotWidth, plotHeight,
                palette, fs);

        // ---- grid: 0, half, max --------------------------------------------------------------------------------------
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int k = 0; k <= 2; k++) {
            double y = crisp(plotBottom - plotHeight * k / 2);
            g.setStroke(palette.grid());
            g.strokeLine(plotLeft, y, plotRight, y);
            g.setFill(palette.mutedText());
            g.fillText(k == 0 ? "0" : k == 1 ? midLabel : maxLabel, plotLeft - 4 * fs, y);
        }

        // under the line, so the data stays whole where the two cross
        drawScenarioEnd(g, scenarioEndX(scenarioEndMicros, windowStart, window, plotLeft, plotWidth), plotLeft,
                plotTop, plotWidth, plotBottom, palette, fs, labelFont, labelPx);
        drawLine(g, samples, from, to, series, windowStart, window, yMax, plotLeft, plotBottom, plotWidth, plotHeight,
                palette, fs);
        drawSpikes(g, samples, from, to, series, windowStart, window, yMax, plotLeft, plotTop, plotWidth, palette, fs,
                labelFont, labelPx);

        // ---- x axis: the window's edges in simulated seconds, legend between or below --------------------------
        double axisY = plotBottom + axisRowHeight * 0.6;
        g.setFill(palette.mutedText());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(left, plotLeft, axisY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(right, plotRight, axisY);
        if (legendBetween) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(LEGEND, plotLeft + plotWidth / 2, axisY);
        } else if (legendRow) {
            g.setTextAlign(TextAlignment.LEFT);
            if (legendRowPx < labelPx) {
                g.setFont(Font.font(family, FontWeight.NORMAL, legendRowPx));
            }
            g.fillText(LEGEND, pad, axisY + axisRowHeight);
        }
        g.restore();
    }

    /** Shades runs of fault samples, then hatches runs of writes-blocked samples over them. */
    private static void drawFaultPeriods(GraphicsContext g, List<MetricSample> samples, int from, int to,
            long windowStart, long window, double plotLeft, double plotTop, double plotWidth, double plotHeight,
            Palette palette, double fs) {
        g.setFill(palette.faultShade());
        drawRuns(g, samples, from, to, false, windowStart, window, plotLeft, plotTop, plotWidth, plotHeight, palette,
                fs);
        drawRuns(g, samples, from, to, true, windowStart, window, plotLeft, plotTop, plotWidth, plotHeight, palette,
                fs);
    }

    /**
     * Paints each run of consecutive flagged samples as one area: one rectangle rather than one per sample, which is
     * cheaper and leaves no seams where translucent neighbours would overlap by a fraction of a pixel.
     */
    private static void drawRuns(GraphicsContext g, List<MetricSample> samples, int from, int to, boolean blocked,
            long windowStart, long window, double plotLeft, double plotTop, double plotWidth, double plotHeight,
            Palette palette, double fs) {
        // the hatch is anchored to simulated time, so it scrolls with the data instead of shimmering under it
        double spacing = HATCH_SPACING_PX * fs;
        double phase = floorMod(xOf(0, windowStart, window, plotLeft, plotWidth), spacing);
        long runStart = 0;
        long runEnd = 0;
        boolean inRun = false;
        for (int i = from; i <= to; i++) {
            MetricSample s = i < to ? samples.get(i) : null;
            boolean flagged = s != null && (blocked ? s.writesBlocked() : s.faultActive());
            if (flagged && inRun && s.startMicros() == runEnd) {
                runEnd = s.endMicros();
                continue;
            }
            if (inRun) {
                double x0 = clampedX(runStart, windowStart, window, plotLeft, plotWidth);
                double x1 = clampedX(runEnd, windowStart, window, plotLeft, plotWidth);
                if (blocked) {
                    hatch(g, x0, x1, plotTop, plotHeight, spacing, phase, palette, fs);
                } else {
                    g.fillRect(x0, plotTop, x1 - x0, plotHeight);
                }
            }
            // a flagged sample after a hole in time (a new baseline) starts a run of its own
            inRun = flagged;
            if (flagged) {
                runStart = s.startMicros();
                runEnd = s.endMicros();
            }
        }
    }

    private static void hatch(GraphicsContext g, double x0, double x1, double top, double height, double spacing,
            double phase, Palette palette, double fs) {
        if (x1 <= x0) {
            return;
        }
        g.save();
        g.setStroke(palette.fault());
        g.setGlobalAlpha(0.55);
        g.setLineWidth(Math.max(1, fs));
        Hatch.diagonal(g, x0, top, x1 - x0, height, spacing, phase);
        g.restore();
    }

    private static void drawLine(GraphicsContext g, List<MetricSample> samples, int from, int to, Series series,
            long windowStart, long window, double yMax, double plotLeft, double plotBottom, double plotWidth,
            double plotHeight, Palette palette, double fs) {
        g.setStroke(series.colour(palette));
        g.setLineWidth(2 * fs);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        g.beginPath();
        boolean penDown = false;
        long previousEnd = Long.MIN_VALUE;
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = from; i < to; i++) {
            MetricSample s = samples.get(i);
            double v = series.valueOf(s);
            if (Double.isNaN(v)) {
                penDown = false;
                continue;
            }
            double x = xOf(s.endMicros(), windowStart, window, plotLeft, plotWidth);
            double y = plotBottom - Math.min(v / yMax, 1) * plotHeight;
            if (!penDown || s.startMicros() != previousEnd) {
                g.moveTo(clampedX(s.startMicros(), windowStart, window, plotLeft, plotWidth), y);
            }
            g.lineTo(x, y);
            penDown = true;
            previousEnd = s.endMicros();
            lastX = x;
            lastY = y;
        }
        g.stroke();
        if (!Double.isNaN(lastX) && !Double.isNaN(series.valueOf(samples.get(to - 1)))) {
            // a dot on the newest point ties the line to the large value in the header
            double r = 3 * fs;
            g.setFill(series.colour(palette));
            g.fillOval(lastX - r, lastY - r, 2 * r, 2 * r);
        }
    }

    /**
     * A dashed vertical line at {@code x} (NaN: none) with the words "scenario end" low beside it, on the side with
     * room: the window keeps playing past the scenario's last step, and a learner should see where that was. Low in
     * the plot, where a spike's label never is. Dashes are drawn as one path rather than with line dashes, which
     * would take a fresh array every frame.
     */
    private static void drawScenarioEnd(GraphicsContext g, double x, double plotLeft, double plotTop,
            double plotWidth, double plotBottom, Palette palette, double fs, Font labelFont, double labelPx) {
        if (Double.isNaN(x)) {
            return;
        }
        double lineX = Math.round(x) + 0.5;
        double dash = 5 * fs;
        double gap = 4 * fs;
        g.beginPath();
        for (double y = plotTop; y < plotBottom; y += dash + gap) {
            g.moveTo(lineX, y);
            g.lineTo(lineX, Math.min(y + dash, plotBottom));
        }
        g.setStroke(palette.text());
        g.setLineWidth(Math.max(1, 1.5 * fs));
        g.setLineCap(StrokeLineCap.BUTT);
        g.stroke();

        double textWidth = textWidth(SCENARIO_END_TEXT, labelPx);
        double room = 4 * fs;
        boolean leftOfLine = lineX - room - textWidth >= plotLeft;
        double textLeft = leftOfLine ? lineX - room - textWidth
                : Math.min(lineX + room, plotLeft + plotWidth - textWidth);
        double y = plotBottom - labelPx * 0.8;
        g.setFill(palette.background());
        g.fillRect(textLeft - 2 * fs, y - labelPx * 0.65, textWidth + 4 * fs, labelPx * 1.3);
        g.setFill(palette.mutedText());
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(SCENARIO_END_TEXT, textLeft, y);
    }

    /**
     * Marks each run of samples above the axis (a spike, see {@link ValueAxis}) with a ▲ on the top edge, where the
     * line is clipped, and writes the highest one's value beside its ▲, so the spike is seen and its size read.
     */
    private static void drawSpikes(GraphicsContext g, List<MetricSample> samples, int from, int to, Series series,
            long windowStart, long window, double yMax, double plotLeft, double plotTop, double plotWidth,
            Palette palette, double fs, Font labelFont, double labelPx) {
        int peak = -1;
        double peakValue = yMax;
        for (int i = from; i < to; i++) {
            double v = series.valueOf(samples.get(i));
            if (v > peakValue) {
                peak = i;
                peakValue = v;
            }
        }
        if (peak < 0) {
            return;
        }
        double peakX = Double.NaN;
        int runFrom = -1;
        for (int i = from; i <= to; i++) {
            boolean above = i < to && series.valueOf(samples.get(i)) > yMax;
            if (above && runFrom < 0) {
                runFrom = i;
            } else if (!above && runFrom >= 0) {
                double x0 = clampedX(samples.get(runFrom).startMicros(), windowStart, window, plotLeft, plotWidth);
                double x1 = clampedX(samples.get(i - 1).endMicros(), windowStart, window, plotLeft, plotWidth);
                double x = (x0 + x1) / 2;
                spikeMark(g, x, plotTop, series, palette, fs);
                if (peak >= runFrom && peak < i) {
                    peakX = x;
                }
                runFrom = -1;
            }
        }
        // the value beside the highest ▲, on the side with room, over a veil of background: the grid and shading
        // fall behind the text, and a line passing there still shows through
        String text = peakText(series, peakValue);
        double textWidth = textWidth(text, labelPx);
        double gap = 8 * fs;
        double plotRight = plotLeft + plotWidth;
        double left = peakX + gap + textWidth <= plotRight ? peakX + gap
                : Math.max(plotLeft, peakX - gap - textWidth);
        double y = plotTop + labelPx * 0.8;
        g.setFill(palette.background());
        g.setGlobalAlpha(0.8);
        g.fillRect(left - 2 * fs, y - labelPx * 0.65, textWidth + 4 * fs, labelPx * 1.3);
        g.setGlobalAlpha(1);
        g.setFill(palette.text());
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, left, y);
    }

    /** A ▲ straddling the top edge at {@code x}: the line goes on above the axis here. */
    private static void spikeMark(GraphicsContext g, double x, double plotTop, Series series, Palette palette,
            double fs) {
        double half = 5 * fs;
        g.beginPath();
        g.moveTo(x, plotTop - 5 * fs);
        g.lineTo(x + half, plotTop + 4 * fs);
        g.lineTo(x - half, plotTop + 4 * fs);
        g.closePath();
        g.setFill(series.colour(palette));
        g.fill();
        g.setStroke(palette.background());
        g.setLineWidth(1);
        g.stroke();
    }

    // ---- pure helpers, tested without a toolkit -----------------------------------------------------------------------

    /** What a clipped spike's mark says: "peak 9,881 ms", in the words and unit of the chart's current value. */
    public static String peakText(Series series, double value) {
        return "peak " + series.formatValue(value);
    }

    /**
     * The x pixel of the scenario's end line in a plot spanning {@code [windowStart, windowStart + window]}, or NaN
     * when there is no end ({@link #NO_SCENARIO_END}) or it lies outside the window. Early in a run the window reaches
     * past now, so an end still ahead is marked too: the learner sees where the scenario will stop.
     */
    public static double scenarioEndX(long scenarioEndMicros, long windowStartMicros, long windowMicros,
            double plotLeft, double plotWidth) {
        if (scenarioEndMicros == NO_SCENARIO_END || scenarioEndMicros < windowStartMicros
                || scenarioEndMicros > windowStartMicros + windowMicros) {
            return Double.NaN;
        }
        return xOf(scenarioEndMicros, windowStartMicros, windowMicros, plotLeft, plotWidth);
    }

    /**
     * Where the shown window starts: {@code windowMicros} before now, but not before time 0. Early in a run the
     * window is pinned at 0 so the scale stays fixed and the line grows from the left, instead of the first seconds
     * being stretched across the whole chart.
     */
    public static long windowStartMicros(long nowMicros, long windowMicros) {
        return Math.max(0, nowMicros - windowMicros);
    }

    /** The x pixel of simulated time {@code micros} in a plot spanning {@code [windowStart, windowStart + window]}. */
    public static double xOf(long micros, long windowStartMicros, long windowMicros, double plotLeft,
            double plotWidth) {
        return plotLeft + (double) (micros - windowStartMicros) / windowMicros * plotWidth;
    }

    /** The simulated time at x pixel {@code x}; the inverse of {@link #xOf}, for hover read-outs. */
    public static long timeAt(double x, long windowStartMicros, long windowMicros, double plotLeft, double plotWidth) {
        return windowStartMicros + Math.round((x - plotLeft) / plotWidth * windowMicros);
    }

    /** The index of the first sample ending after {@code micros} ({@code samples.size()} when none does). */
    public static int firstEndingAfter(List<MetricSample> samples, long micros) {
        int lo = 0;
        int hi = samples.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (samples.get(mid).endMicros() <= micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The newest sample ending at or before {@code nowMicros} and inside the window, or null. */
    public static MetricSample latestShown(List<MetricSample> samples, long nowMicros, long windowMicros) {
        int to = firstEndingAfter(samples, nowMicros);
        int from = firstEndingAfter(samples, windowStartMicros(nowMicros, Math.max(1, windowMicros)));
        return to > from ? samples.get(to - 1) : null;
    }

    /** An estimate of the width of regular text, slightly generous. */
    private static double textWidth(String text, double px) {
        return text.length() * px * CHAR_WIDTH;
    }

    /** An estimate of the width of bold text, slightly generous, so that layout needs no text measuring. */
    private static double boldWidth(String text, double px) {
        return text.length() * px * BOLD_CHAR_WIDTH;
    }

    /** {@code text}, cut to end in an ellipsis when its estimated bold width exceeds {@code room}. */
    static String fitted(String text, double px, double room) {
        if (boldWidth(text, px) <= room) {
            return text;
        }
        int chars = Math.max(1, (int) (room / (px * BOLD_CHAR_WIDTH)) - 1);
        return chars >= text.length() ? text : text.substring(0, chars).stripTrailing() + "\u2026";
    }

    private static double clampedX(long micros, long windowStart, long window, double plotLeft, double plotWidth) {
        return Math.max(plotLeft, Math.min(plotLeft + plotWidth, xOf(micros, windowStart, window, plotLeft, plotWidth)));
    }

    /** Pixel centre of a 1 px line, so grid lines are crisp rather than smeared over two rows. */
    private static double crisp(double y) {
        return Math.floor(y) + 0.5;
    }

    private static double floorMod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }
}

package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.ui.Hatch;
import dev.auroralab.ui.Palette;
import java.util.Collections;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The three charts collapsed into one line of their headline numbers, for short screens and presenter mode:
 * {@code Acknowledged writes/s 1,000 · Commit latency 2.9 ms · Replica lag 2.6 ms}, then the state when it matters
 * (a shaded swatch and "fault", or a hatched one and "⊘ writes blocked", the charts' own marks) and, past the
 * scenario's end, "past the scenario's end" at the right.
 *
 * <p>The words are the charts' ({@link Series#headlineTitle()}, {@link Series#formatHeadlineValue(double)}), so a
 * learner who opens the charts reads the same names and units; the value shown is the latest complete sample, the
 * one the charts' large values show.
 *
 * <p>Why a canvas and not a row of labels: a label whose text changes asks the whole scene for a layout pass, and
 * this changes with every sample (four times a second at 1×, every frame when fast). A canvas of a fixed size is
 * repainted without any layout. Texts are measured with {@link TextMeter} (no garbage) and each value has a slot as
 * wide as a typical value ("8,888", "88.8 ms"), so that 996 → 1,004 does not shift what follows. Nothing is redone
 * until the shown sample or the past-the-end state changes; then the only garbage is the new strings.
 *
 * <p>Text starts at {@link #BASE_FONT_PX} × font scale and is drawn at that size, not scaled (decision 0009).
 */
public final class HeadlineStrip extends Pane {

    /** On the strip. */
    public static final String STYLE_CLASS = "metric-headline";
    /** Text size before font scaling: a step above the charts' 13 px, since the strip is all that shows of them. */
    public static final double BASE_FONT_PX = 14;
    /** The state while the volume refuses writes; the charts hatch such a period. */
    public static final String BLOCKED_TEXT = "\u2298 writes blocked";
    /** The state while a fault or the recovery from one is visible; the charts shade such a period. */
    public static final String FAULT_TEXT = "fault";
    /** Said once simulated time is past the scenario's last moment. */
    public static final String PAST_END_TEXT = "past the scenario's end";
    /** The tooltip's first line until the window says which key shows the charts. */
    public static final String DEFAULT_HINT = "Charts collapsed";
    static final String SEPARATOR = " \u00b7 ";
    /** The smallest scale the line is drawn at to fit: presenter mode's type at 0.7 is about the base 14 px. */
    static final double MIN_FIT_SCALE = 0.7;

    private static final Series[] SERIES = Series.values();

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();

    private List<MetricSample> samples = Collections.emptyList();
    private long nowMicros;
    private long windowMicros = ChartsView.DEFAULT_WINDOW_MICROS;
    private long scenarioEndMicros = ChartRenderer.NO_SCENARIO_END;
    private Palette palette = Palette.LIGHT;
    private double fontScale = 1;
    private String expandHint = DEFAULT_HINT;

    // ---- what the strip says; redone only when the shown sample or the past-the-end state changes ----------------
    private boolean said;
    private MetricSample shown;
    private boolean pastEnd;
    private final String[] values = new String[SERIES.length];
    private String state;
    private String text = "";

    // ---- fonts and widths; redone only when the font scale changes ---------------------------------------------------
    private Font titleFont;
    private Font valueFont;
    private TextMeter titleMeter;
    private TextMeter valueMeter;
    private final double[] titleWidths = new double[SERIES.length];
    private final double[] slotWidths = new double[SERIES.length];
    private double separatorWidth;
    private double spaceWidth;

    public HeadlineStrip() {
        getStyleClass().add(STYLE_CLASS);
        // unmanaged: the canvas must not feed its size back into the strip's preferred size, or it never shrinks
        canvas.setManaged(false);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener((o, was, is) -> draw());
        canvas.heightProperty().addListener((o, was, is) -> draw());
        getChildren().add(canvas);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        // the canvas is pixels to a screen reader: the strip speaks its line instead
        setAccessibleRole(AccessibleRole.TEXT);
        setFocusTraversable(false);
        Tooltip.install(this, tooltip);
        showHint();
        measure();
        say();
        // while hidden or out of the scene (the charts are shown instead) the strip neither says nor paints
        // anything, so it costs nothing; it catches up as it comes back
        sceneProperty().addListener((o, was, is) -> refresh());
        visibleProperty().addListener((o, was, is) -> refresh());
    }

    /**
     * Shows the latest complete sample of {@code samples} (oldest first) at simulated time {@code nowMicros}, as the
     * charts over a window of {@code windowMicros} would. Cheap when nothing changed, so it can run every frame.
     */
    public void update(List<MetricSample> samples, long nowMicros, long windowMicros) {
        this.samples = samples == null ? Collections.emptyList() : samples;
        this.nowMicros = nowMicros;
        this.windowMicros = Math.max(1, windowMicros);
        if (said && showing() && ChartRenderer.latestShown(this.samples, nowMicros, this.windowMicros) == shown
                && isPastEnd() == pastEnd) {
            return;
        }
        refresh();
    }

    /** The scenario's last moment in simulated time, or {@link ChartRenderer#NO_SCENARIO_END} (the default). */
    public void setScenarioEndMicros(long scenarioEndMicros) {
        this.scenarioEndMicros = scenarioEndMicros;
        refresh();
    }

    public long getScenarioEndMicros() {
        return scenarioEndMicros;
    }

    /** Text scale for presenting: 1 = normal (14 px), 1.4 = presenter (about 20 px). */
    public void setFontScale(double fontScale) {
        double scale = fontScale > 0 ? fontScale : 1;
        if (scale != this.fontScale) {
            this.fontScale = scale;
            measure();
            draw();
        }
    }

    public double getFontScale() {
        return fontScale;
    }

    public void setPalette(Palette palette) {
        this.palette = palette == null ? Palette.LIGHT : palette;
        draw();
    }

    /**
     * The tooltip's first line, e.g. "Charts collapsed: press C to show them"; the legend of the charts' marks
     * follows it, since the strip's state swatches use them.
     */
    public void setExpandHint(String hint) {
        expandHint = hint == null || hint.isBlank() ? DEFAULT_HINT : hint;
        showHint();
    }

    public String getExpandHint() {
        return expandHint;
    }

    /** The tooltip's whole text. */
    public String tooltipText() {
        return tooltip.getText();
    }

    /** What the strip says, as one line of plain text: what a screen reader hears and a test reads. */
    public String text() {
        return text;
    }

    /** The canvas the strip paints, for tests and for exporting a PNG. */
    Canvas canvas() {
        return canvas;
    }

    private boolean showing() {
        return getScene() != null && isVisible();
    }

    /** Says and paints what the inputs give now; while not showing, only notes that this is owed. */
    private void refresh() {
        if (!showing()) {
            said = false;
            return;
        }
        say();
        draw();
    }

    private boolean isPastEnd() {
        return scenarioEndMicros != ChartRenderer.NO_SCENARIO_END && nowMicros > scenarioEndMicros;
    }

    private void showHint() {
        tooltip.setText(expandHint + "\n" + ChartRenderer.LEGEND);
        setAccessibleHelp(expandHint);
    }

    /** Works out the texts of the shown sample; the only place that makes strings. */
    private void say() {
        shown = ChartRenderer.latestShown(samples, nowMicros, windowMicros);
        pastEnd = isPastEnd();
        StringBuilder line = new StringBuilder(128);
        for (int k = 0; k < SERIES.length; k++) {
            Series series = SERIES[k];
            values[k] = shown == null ? "\u2014" : series.formatHeadlineValue(series.valueOf(shown));
            line.append(k == 0 ? "" : SEPARATOR).append(series.headlineTitle()).append(' ').append(values[k]);
        }
        state = shown == null ? null : shown.writesBlocked() ? BLOCKED_TEXT : shown.faultActive() ? FAULT_TEXT : null;
        if (state != null) {
            line.append(SEPARATOR).append(state);
        }
        if (pastEnd) {
            line.append(SEPARATOR).append(PAST_END_TEXT);
        }
        text = line.toString();
        setAccessibleText(text);
        said = true;
    }

    /** Fonts, widths and the strip's one-line height for the current font scale. */
    private void measure() {
        double px = fontPx();
        String family = Font.getDefault().getFamily();
        titleFont = Font.font(family, FontWeight.NORMAL, px);
        valueFont = Font.font(family, FontWeight.BOLD, px);
        titleMeter = new TextMeter(titleFont);
        valueMeter = new TextMeter(valueFont);
        separatorWidth = titleMeter.width(SEPARATOR);
        spaceWidth = titleMeter.width(" ");
        double line = 2 * pad();
        for (int k = 0; k < SERIES.length; k++) {
            titleWidths[k] = titleMeter.width(SERIES[k].headlineTitle());
            slotWidths[k] = valueMeter.width(SERIES[k].formatHeadlineValue(typicalWidestValue(SERIES[k])));
            line += (k == 0 ? 0 : separatorWidth) + titleWidths[k] + spaceWidth + slotWidths[k];
        }
        double height = Math.ceil(px * 1.9);
        setPrefWidth(Math.ceil(line));
        setPrefHeight(height);
        setMinHeight(height);
        setMaxHeight(height);
    }

    /** A value as wide as most will be: a slot this wide keeps ordinary changes from moving what follows. */
    private static double typicalWidestValue(Series series) {
        return switch (series) {
            case ACK_WRITES_PER_SECOND -> 8_888;
            case COMMIT_LATENCY_MS, REPLICA_LAG_MS -> 88.8;
        };
    }

    /**
     * How far the line reaches from the strip's left edge, the note past the scenario's end aside: what the strip
     * needs to say everything that matters on one line.
     */
    double lineWidth() {
        double x = pad();
        for (int k = 0; k < SERIES.length; k++) {
            x += (k == 0 ? 0 : separatorWidth) + titleWidths[k] + spaceWidth
                    + Math.max(slotWidths[k], valueMeter.width(values[k]));
        }
        if (state != null) {
            x += fontPx() + swatchSize() + fontPx() * 0.35 + valueMeter.width(state);
        }
        return x;
    }

    /** The scale the line is drawn at in a strip {@code width} wide: 1 when it fits, less when it would be cut. */
    double fitScale(double width) {
        double line = lineWidth() + pad();
        return line <= width ? 1 : Math.max(MIN_FIT_SCALE, width / line);
    }

    private double swatchSize() {
        return Math.round(fontPx() * 0.9);
    }

    double fontPx() {
        return BASE_FONT_PX * fontScale;
    }

    private double pad() {
        return 8 * fontScale;
    }

    /** Paints the line; nothing while the strip is hidden or out of the scene (it paints as it comes back). */
    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (!showing() || !(w > 0 && h > 0)) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double px = fontPx();
        double pad = pad();
        double y = h / 2;
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, w, h);
        // every setting is made here, without save() and restore(), which copy the context's state each time
        g.setGlobalAlpha(1);
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        // a lesson's or practice's column beside the picture can leave the strip narrower than its line (presenter
        // mode's larger type): the line is drawn smaller, about its middle, rather than cut off at its state
        double fit = fitScale(w);
        g.setTransform(fit, 0, 0, fit, 0, y * (1 - fit));

        double x = pad;
        for (int k = 0; k < SERIES.length; k++) {
            g.setFont(titleFont);
            g.setFill(palette.mutedText());
            g.fillText(SERIES[k].headlineTitle(), x, y);
            x += titleWidths[k] + spaceWidth;
            g.setFont(valueFont);
            g.setFill(palette.text());
            g.fillText(values[k], x, y);
            double valueWidth = valueMeter.width(values[k]);
            if (k + 1 < SERIES.length) {
                // the separator follows the value; the rest of the slot lies after it, before the next title
                g.setFont(titleFont);
                g.setFill(palette.mutedText());
                g.fillText(SEPARATOR, x + valueWidth, y);
                x += separatorWidth;
            }
            x += Math.max(slotWidths[k], valueWidth);
        }
        if (state != null) {
            x += px;
            double size = swatchSize();
            swatch(g, x, Math.round(y - size / 2), size, shown.writesBlocked());
            x += size + px * 0.35;
            g.setFont(valueFont);
            g.setFill(palette.text());
            g.fillText(state, x, y);
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
        if (pastEnd) {
            // unobtrusive: muted, at the far right, and left out rather than crowding the numbers
            double noteWidth = titleMeter.width(PAST_END_TEXT);
            if (lineWidth() + 2 * px + noteWidth <= w - pad) {
                g.setFont(titleFont);
                g.setFill(palette.mutedText());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(PAST_END_TEXT, w - pad, y);
            }
        }
    }

    /** The charts' mark for the state: the fault shade, hatched as well while writes are blocked. */
    private void swatch(GraphicsContext g, double x, double y, double size, boolean blocked) {
        g.setFill(palette.faultShade());
        g.fillRect(x, y, size, size);
        g.setStroke(palette.fault());
        g.setLineWidth(Math.max(1, fontScale));
        if (blocked) {
            g.setGlobalAlpha(0.8);
            Hatch.diagonal(g, x, y, size, size, ChartRenderer.HATCH_SPACING_PX * fontScale * 0.7, 0);
            g.setGlobalAlpha(1);
        }
        g.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
    }
}

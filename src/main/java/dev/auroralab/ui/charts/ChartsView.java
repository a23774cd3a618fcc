package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.ui.Palette;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * The row of three compact metric charts under the topology: acknowledged writes/s, mean commit latency and
 * replica lag, each a canvas that fills its share of the row and redraws when the row is resized.
 *
 * <p>Canvas rather than JavaFX's chart controls because these redraw every animation frame: a {@code LineChart}
 * rebuilds scene-graph nodes per point and animates its axes, a canvas repaints 240 samples in a fraction of a
 * millisecond and can draw the shading and hatch of fault periods exactly as the topology view does.
 *
 * <p>Feed it with {@link #update(List, long)} once per frame (typically {@code sampler.samples()} and the engine's
 * simulated time); it keeps the list it was given and redraws from it on a resize or a theme change.
 */
public final class ChartsView extends HBox {

    /** On this row. */
    public static final String STYLE_CLASS = "metric-charts";
    /** On each chart's pane; each also carries {@link #styleClassOf(Series)}. */
    public static final String CHART_STYLE_CLASS = "metric-chart";
    /** On each chart's canvas. */
    public static final String CANVAS_STYLE_CLASS = "metric-chart-canvas";
    /** The default span of simulated time shown: one minute, enough to see a failover start and end. */
    public static final long DEFAULT_WINDOW_MICROS = 60_000_000L;

    static final double PREF_CHART_WIDTH = 320;
    static final double PREF_CHART_HEIGHT = 150;
    static final double SPACING = 8;

    private final List<ChartPane> charts = new ArrayList<>();
    private List<MetricSample> samples = Collections.emptyList();
    private long nowMicros;
    private long windowMicros = DEFAULT_WINDOW_MICROS;
    private Palette palette = Palette.LIGHT;
    private double fontScale = 1;
    private long scenarioEndMicros = ChartRenderer.NO_SCENARIO_END;

    public ChartsView() {
        super(SPACING);
        getStyleClass().add(STYLE_CLASS);
        for (Series series : Series.values()) {
            ChartPane chart = new ChartPane(series);
            HBox.setHgrow(chart, Priority.ALWAYS);
            charts.add(chart);
        }
        getChildren().addAll(charts);
        // nothing is drawn while the row is hidden or out of the scene (the window collapses it to the headline
        // strip on short screens), so it is drawn once as it comes back
        sceneProperty().addListener((o, was, is) -> redraw());
        visibleProperty().addListener((o, was, is) -> redraw());
    }

    /** The style class of the chart showing {@code series}, e.g. "metric-chart-replica-lag-ms". */
    public static String styleClassOf(Series series) {
        return CHART_STYLE_CLASS + "-" + series.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Shows {@code samples} (oldest first) as they stood at simulated time {@code nowMicros} and redraws. The list is
     * kept, not copied, so the sampler's live view costs nothing per frame.
     */
    public void update(List<MetricSample> samples, long nowMicros) {
        this.samples = samples == null ? Collections.emptyList() : samples;
        this.nowMicros = nowMicros;
        redraw();
    }

    public void setPalette(Palette palette) {
        this.palette = palette == null ? Palette.LIGHT : palette;
        redraw();
    }

    public Palette getPalette() {
        return palette;
    }

    /** Text scale for presenting: 1 = normal, 2 = twice as large. */
    public void setFontScale(double fontScale) {
        this.fontScale = fontScale > 0 ? fontScale : 1;
        redraw();
    }

    public double getFontScale() {
        return fontScale;
    }

    /** How much simulated time the charts span, ending now. */
    public void setWindowMicros(long windowMicros) {
        if (windowMicros <= 0) {
            throw new IllegalArgumentException("the window must be positive, got " + windowMicros);
        }
        this.windowMicros = windowMicros;
        redraw();
    }

    public long getWindowMicros() {
        return windowMicros;
    }

    /**
     * Marks the scenario's end, in simulated time, with a dashed line labelled "scenario end" whenever it lies in the
     * window; {@link ChartRenderer#NO_SCENARIO_END} for none (the default).
     */
    public void setScenarioEndMicros(long scenarioEndMicros) {
        this.scenarioEndMicros = scenarioEndMicros;
        redraw();
    }

    public long getScenarioEndMicros() {
        return scenarioEndMicros;
    }

    /** The canvas drawing {@code series}, for tests and for exporting a PNG of the charts. */
    public Canvas canvas(Series series) {
        return charts.get(series.ordinal()).canvas;
    }

    /** Redraws the three charts from what they were last given. */
    public void redraw() {
        if (getScene() == null || !isVisible()) {
            return;
        }
        MetricSample latest = ChartRenderer.latestShown(samples, nowMicros, windowMicros);
        for (ChartPane chart : charts) {
            chart.draw();
            chart.describe(latest);
        }
    }

    /** One chart: a pane whose size the canvas follows, so the row's layout decides the chart's size. */
    private final class ChartPane extends Pane {
        private final Series series;
        private final Canvas canvas = new Canvas();
        private MetricSample described;
        private boolean describedOnce;

        ChartPane(Series series) {
            this.series = series;
            getStyleClass().addAll(CHART_STYLE_CLASS, styleClassOf(series));
            canvas.getStyleClass().add(CANVAS_STYLE_CLASS);
            // unmanaged: the canvas must not feed its size back into the pane's preferred size, or it never shrinks
            canvas.setManaged(false);
            canvas.widthProperty().bind(widthProperty());
            canvas.heightProperty().bind(heightProperty());
            canvas.widthProperty().addListener((o, was, is) -> draw());
            canvas.heightProperty().addListener((o, was, is) -> draw());
            getChildren().add(canvas);
            setMinSize(0, 0);
            setPrefSize(PREF_CHART_WIDTH, PREF_CHART_HEIGHT);
            setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            // the canvas is pixels to a screen reader: the pane speaks the title and the current value instead
            setAccessibleRole(AccessibleRole.TEXT);
            setFocusTraversable(false);
        }

        void draw() {
            ChartRenderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), samples, series,
                    nowMicros, windowMicros, scenarioEndMicros, palette, fontScale);
        }

        /** Updates the spoken text only when the shown sample changes, not on every frame. */
        void describe(MetricSample latest) {
            if (describedOnce && latest == described) {
                return;
            }
            describedOnce = true;
            described = latest;
            String value = latest == null ? "no data yet" : series.formatValue(series.valueOf(latest));
            String state = latest == null ? "" : latest.writesBlocked() ? ", writes blocked"
                    : latest.faultActive() ? ", fault active" : "";
            setAccessibleText(series.title() + ": " + value + state);
        }
    }
}

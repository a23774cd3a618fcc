package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.ui.Palette;
import javafx.scene.paint.Color;

/**
 * The three metrics the charts plot: the title a chart shows, the unit of its values, how a value is read from a
 * {@link MetricSample} (NaN when the sample has none) and how the current value is written out.
 *
 * <p>Each line takes the colour of the thing it measures in the topology view (acks green, redo purple, the writer's
 * blue), so a learner links the chart to the picture; the title and value text carry the meaning without colour.
 */
public enum Series {
    ACK_WRITES_PER_SECOND("Acknowledged writes/s", "writes/s", "no writes"),
    COMMIT_LATENCY_MS("Commit latency (mean, ms)", "ms", "no acks"),
    REPLICA_LAG_MS("Replica lag (max, ms)", "ms", "no reader up");

    private final String title;
    private final String unit;
    private final String noValue;
    private final String headlineTitle;
    private final boolean headlineTitleNamesUnit;

    Series(String title, String unit, String noValue) {
        this.title = title;
        this.unit = unit;
        this.noValue = noValue;
        int bracket = title.indexOf(" (");
        this.headlineTitle = bracket < 0 ? title : title.substring(0, bracket);
        this.headlineTitleNamesUnit = headlineTitle.endsWith(unit);
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** What the current-value text says when the latest sample has no value (latency with no acks, lag with no reader). */
    public String noValueText() {
        return noValue;
    }

    /** The plotted value, in the unit of {@link #unit()}; NaN when the sample has none (a gap, not a 0). */
    public double valueOf(MetricSample sample) {
        return switch (this) {
            case ACK_WRITES_PER_SECOND -> sample.ackWritesPerSecond();
            case COMMIT_LATENCY_MS -> sample.meanCommitLatencyMicros() / 1_000.0;
            case REPLICA_LAG_MS -> sample.maxReplicaLagMicros() / 1_000.0;
        };
    }

    /** The line colour in {@code palette}. */
    public Color colour(Palette palette) {
        return switch (this) {
            case ACK_WRITES_PER_SECOND -> palette.ack();
            case COMMIT_LATENCY_MS -> palette.writer();
            case REPLICA_LAG_MS -> palette.redo();
        };
    }

    /** The current value as the chart's large text, e.g. "1,002 writes/s", "3.4 ms", or "— no acks" for NaN. */
    public String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "\u2014 " + noValue;
        }
        return ChartText.formatNumber(value) + " " + unit;
    }

    /** The current value without its unit, for a narrow chart whose title already names it: "1,002", "3.4", "—". */
    public String formatCompactValue(double value) {
        return Double.isNaN(value) ? "\u2014" : ChartText.formatNumber(value);
    }

    /**
     * The title without its qualifier in brackets, for the one-line headline strip: "Acknowledged writes/s",
     * "Commit latency", "Replica lag". Cut from {@link #title()}, so the strip and the charts share one wording.
     */
    public String headlineTitle() {
        return headlineTitle;
    }

    /**
     * The value as the headline strip writes it after {@link #headlineTitle()}: without the unit when that title
     * already ends in it ("1,002" after "Acknowledged writes/s"), with it otherwise ("2.9 ms"), and a missing value
     * with its reason ("— no acks").
     */
    public String formatHeadlineValue(double value) {
        if (Double.isNaN(value)) {
            return formatValue(value);
        }
        return headlineTitleNamesUnit ? formatCompactValue(value) : formatValue(value);
    }
}

package dev.auroralab.ui.timeline;

import dev.auroralab.run.Branch;
import dev.auroralab.run.ClockText;
import dev.auroralab.run.Marker;
import dev.auroralab.ui.Palette;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The run's timeline under the transport controls: the part played so far, the scenario's end (dashed), a mark for
 * every fault (triangle), action (diamond) and failover step (square) of the branch shown, and the playhead. Drag to
 * scrub, click a mark to jump to it; a mark says what it is on hover, so shape and words carry it, not colour alone.
 * The keys (← step back, Shift+← previous mark, Home, End) are the window's. Drawn on a canvas as a pure function of
 * (branch, now), so a seek or a branch switch redraws it exactly.
 */
public final class TimelineBar extends Pane {

    public static final String ID = "timelineBar";
    public static final String STYLE_CLASS = "timeline-bar";
    static final double HEIGHT = 24;
    private static final double SIDE_PX = 60;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final LongConsumer seek;
    private Branch branch;
    private long nowMicros;
    private long scenarioEndMicros;
    private Palette palette = Palette.LIGHT;
    private TimelineScale geometry = new TimelineScale(SIDE_PX, 1, 1);

    /** @param seek called with the simulated time to move the playhead to (a drag, a click, a click on a mark) */
    public TimelineBar(LongConsumer seek) {
        this.seek = seek;
        setId(ID);
        getStyleClass().add(STYLE_CLASS);
        canvas.setManaged(false);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> draw());
        canvas.heightProperty().addListener((o, a, b) -> draw());
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        setMinWidth(200);
        setCursor(Cursor.HAND);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tip);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> seek.accept(geometry.micros(e.getX(), limit())));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> describeAt(e.getX()));
        setAccessibleRole(AccessibleRole.SLIDER);
    }

    /** Shows {@code b} at simulated time {@code now}; {@code scenarioEnd} is the scenario's own duration. */
    public void show(Branch b, long now, long scenarioEnd) {
        this.branch = b;
        this.nowMicros = now;
        this.scenarioEndMicros = scenarioEnd;
        setAccessibleText("Timeline: t = " + ClockText.of(now) + (b == null ? ""
                : " of " + ClockText.of(b.extentMicros()) + " played, branch " + b.name()));
        draw();
    }

    public void setPalette(Palette p) {
        palette = p == null ? Palette.LIGHT : p;
        draw();
    }


    private long limit() {
        return branch == null ? 0 : branch.extentMicros();
    }

    private void pressed(MouseEvent e) {
        if (branch == null) {
            return;
        }
        Marker m = geometry.markAt(e.getX(), branch.markers());
        seek.accept(m != null && m.atMicros() <= limit() ? m.atMicros() : geometry.micros(e.getX(), limit()));
    }

    private void describeAt(double x) {
        if (branch == null) {
            return;
        }
        List<Marker> marks = branch.markers();
        Marker m = geometry.markAt(x, marks);
        long t = geometry.micros(x, Long.MAX_VALUE);
        tip.setText(m != null ? describe(m) + "\nClick to jump there"
                : "t = " + ClockText.of(t) + (t > limit() ? " (not played yet)" : "\nDrag to scrub; ← steps back"));
    }

    static String describe(Marker m) {
        String kind = switch (m.kind()) {
            case FAULT -> "Fault";
            case ACTION -> "Action";
            case FAILOVER -> "Failover";
        };
        return kind + " at " + ClockText.of(m.atMicros()) + ": " + m.label() + (m.learner() ? " (yours)" : "");
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (branch == null || w <= 2 * SIDE_PX) {
            return;
        }
        long span = Math.max(Math.max(branch.extentMicros(), scenarioEndMicros), nowMicros);
        geometry = new TimelineScale(SIDE_PX, w - 2 * SIDE_PX, span);
        double mid = h * 0.6;
        double track = 5;
        Font font = Font.font("System", FontWeight.NORMAL, 12);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.mutedText());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("0:00", SIDE_PX - 6, mid);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(ClockText.of(span).replaceAll("\\.\\d+$", ""), geometry.x(span) + 6, mid);
        // the track, then the part played
        g.setFill(palette.grid());
        g.fillRoundRect(geometry.leftPx(), mid - track / 2, geometry.widthPx(), track, track, track);
        g.setFill(palette.selection().deriveColor(0, 1, 1, 0.45));
        double played = geometry.x(branch.extentMicros()) - geometry.leftPx();
        g.fillRoundRect(geometry.leftPx(), mid - track / 2, played, track, track, track);
        if (scenarioEndMicros > 0 && scenarioEndMicros < span) {
            double xe = geometry.x(scenarioEndMicros);
            g.setStroke(palette.mutedText());
            g.setLineDashes(3, 3);
            g.strokeLine(xe, 2, xe, h - 2);
            g.setLineDashes(null);
        }
        for (Marker m : branch.markers()) {
            drawMark(g, m, geometry.x(m.atMicros()), mid);
        }
        // the playhead: a line through the bar and a knob on the track
        double xp = geometry.x(nowMicros);
        g.setStroke(palette.text());
        g.setLineWidth(2);
        g.strokeLine(xp, 2, xp, h - 2);
        g.setLineWidth(1);
        double knob = 6;
        g.setFill(palette.surface());
        g.fillOval(xp - knob, mid - knob, 2 * knob, 2 * knob);
        g.setStroke(palette.text());
        g.strokeOval(xp - knob, mid - knob, 2 * knob, 2 * knob);
    }

    private void drawMark(GraphicsContext g, Marker m, double x, double mid) {
        double r = 4.5;
        double y = mid - 7;
        Color fill = switch (m.kind()) {
            case FAULT -> palette.fault();
            case ACTION -> palette.writer();
            case FAILOVER -> palette.warning();
        };
        g.setFill(fill);
        g.setStroke(palette.text());
        g.setLineWidth(m.learner() ? 1.6 : 0.8);
        switch (m.kind()) {
            case FAULT -> {
                double[] xs = {x - r, x + r, x};
                double[] ys = {y - r, y - r, y + r};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case ACTION -> {
                double[] xs = {x, x + r, x, x - r};
                double[] ys = {y - r, y, y + r, y};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
            case FAILOVER -> {
                g.fillRect(x - r * 0.8, y - r * 0.8, 1.6 * r, 1.6 * r);
                g.strokeRect(x - r * 0.8, y - r * 0.8, 1.6 * r, 1.6 * r);
            }
        }
        g.setLineWidth(1);
    }
}

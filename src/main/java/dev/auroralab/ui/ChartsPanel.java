package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.MetricSample;
import dev.auroralab.ui.charts.ChartRenderer;
import dev.auroralab.ui.charts.ChartsView;
import dev.auroralab.ui.charts.HeadlineStrip;
import java.util.List;
import javafx.scene.Node;

/**
 * Joins the charts to the view model: each published moment brings the branch's samples (made by the run, the same
 * however the moment was reached) and the snapshot, and the charts and the headline strip redraw when time moved (a
 * pure function of samples and now, so scrubbing back redraws them as they were). The window shows either {@link #node()}, the three charts, or {@link #headline()}, the same numbers on one
 * line for short screens and presenter mode; both are fed, and whichever is out of the scene draws nothing.
 */
public final class ChartsPanel implements MetricsFeed {

    /**
     * The headline strip's tooltip, for the window to fill in with its key and pass to {@link #setExpandHint}:
     * {@code String.format(EXPAND_HINT, "C")}.
     */
    public static final String EXPAND_HINT = "Charts collapsed: press %s to show them";
    /** Font scale of the charts in presenter mode. */
    static final double CHARTS_PRESENTER_SCALE = 1.5;
    /** Font scale of the headline strip in presenter mode: 14 px × 1.4 ≈ 20 px, above the 18 px a room needs. */
    static final double HEADLINE_PRESENTER_SCALE = 1.4;

    private final ChartsView view = new ChartsView();
    private final HeadlineStrip headline = new HeadlineStrip();
    private EngineSnapshot drawn;

    public ChartsPanel() {
        view.setPrefHeight(180);
        view.setMinHeight(140);
        view.setMaxHeight(300);
    }

    @Override
    public void show(List<MetricSample> samples, EngineSnapshot snapshot) {
        // a new snapshot is a new moment (a frame, a seek, another branch); the same one is a redrawn frame
        if (snapshot != drawn) {
            drawn = snapshot;
            view.update(samples, snapshot.nowMicros());
            headline.update(samples, snapshot.nowMicros(), view.getWindowMicros());
        }
    }

    public void setPalette(Palette p) {
        view.setPalette(p);
        headline.setPalette(p);
    }

    /** Larger type for the back of the room, and the height that type needs; the headline strip follows. */
    public void setPresenter(boolean on) {
        view.setFontScale(on ? CHARTS_PRESENTER_SCALE : 1.0);
        view.setMinHeight(on ? 220 : 140);
        view.setMaxHeight(on ? 360 : 300);
        headline.setFontScale(on ? HEADLINE_PRESENTER_SCALE : 1.0);
    }

    /**
     * The scenario's duration in simulated time, for the charts' dashed "scenario end" line and the strip's "past
     * the scenario's end"; {@link ChartRenderer#NO_SCENARIO_END} for none. Call it when a scenario loads.
     */
    public void setScenarioEndMicros(long scenarioEndMicros) {
        view.setScenarioEndMicros(scenarioEndMicros);
        headline.setScenarioEndMicros(scenarioEndMicros);
    }

    /** The headline strip's tooltip, e.g. {@code String.format(EXPAND_HINT, "C")}; the charts' legend follows it. */
    public void setExpandHint(String hint) {
        headline.setExpandHint(hint);
    }

    /** The three charts. */
    public Node node() {
        return view;
    }

    /** The charts collapsed into one line of their headline numbers, one line high at any width. */
    public Node headline() {
        return headline;
    }
}

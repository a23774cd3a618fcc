package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.ui.charts.ChartRenderer;
import dev.auroralab.ui.charts.ChartsView;
import dev.auroralab.ui.charts.HeadlineStrip;
import dev.auroralab.run.MetricSampler;
import javafx.scene.Node;

/**
 * Joins the charts' sampler to the view model's snapshot feed: every published snapshot is sampled, and the charts
 * and the headline strip redraw when a new 250 ms sample is complete or time moved (a pure function of samples and
 * now). The window shows either {@link #node()}, the three charts, or {@link #headline()}, the same numbers on one
 * line for short screens and presenter mode; both are fed, and whichever is out of the scene draws nothing.
 */
public final class ChartsPanel implements SimulationViewModel.MetricsFeed {

    /**
     * The headline strip's tooltip, for the window to fill in with its key and pass to {@link #setExpandHint}:
     * {@code String.format(EXPAND_HINT, "C")}.
     */
    public static final String EXPAND_HINT = "Charts collapsed: press %s to show them";
    /** Font scale of the charts in presenter mode. */
    static final double CHARTS_PRESENTER_SCALE = 1.5;
    /** Font scale of the headline strip in presenter mode: 14 px × 1.4 ≈ 20 px, above the 18 px a room needs. */
    static final double HEADLINE_PRESENTER_SCALE = 1.4;

    private final MetricSampler sampler = new MetricSampler();
    private final ChartsView view = new ChartsView();
    private final HeadlineStrip headline = new HeadlineStrip();
    private long drawnAtMicros = -1;

    public ChartsPanel() {
        view.setPrefHeight(180);
        view.setMinHeight(140);
        view.setMaxHeight(300);
    }

    @Override
    public void feed(EngineSnapshot snapshot) {
        sampler.feed(snapshot);
        if (snapshot.nowMicros() != drawnAtMicros) {
            drawnAtMicros = snapshot.nowMicros();
            view.update(sampler.samples(), snapshot.nowMicros());
            headline.update(sampler.samples(), snapshot.nowMicros(), view.getWindowMicros());
        }
    }

    @Override
    public void reset() {
        sampler.reset();
        drawnAtMicros = -1;
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

    public MetricSampler sampler() {
        return sampler;
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

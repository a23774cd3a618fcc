package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.ui.charts.ChartsView;
import dev.auroralab.ui.charts.MetricSampler;
import javafx.scene.Node;

/**
 * Joins the charts' sampler to the view model's snapshot feed: every published snapshot is sampled, and the charts
 * redraw when a new 250 ms sample is complete or time moved (a pure function of samples and now).
 */
public final class ChartsPanel implements SimulationViewModel.MetricsFeed {

    private final MetricSampler sampler = new MetricSampler();
    private final ChartsView view = new ChartsView();
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
        }
    }

    @Override
    public void reset() {
        sampler.reset();
        drawnAtMicros = -1;
    }

    public void setPalette(Palette p) {
        view.setPalette(p);
    }

    /** Larger type for the back of the room, and the height that type needs. */
    public void setPresenter(boolean on) {
        view.setFontScale(on ? 1.5 : 1.0);
        view.setMinHeight(on ? 220 : 140);
        view.setMaxHeight(on ? 360 : 300);
    }

    public MetricSampler sampler() {
        return sampler;
    }

    public Node node() {
        return view;
    }
}

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
        view.setPrefHeight(150);
        view.setMinHeight(110);
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

    public void setFontScale(double scale) {
        view.setFontScale(scale);
    }

    public MetricSampler sampler() {
        return sampler;
    }

    public Node node() {
        return view;
    }
}

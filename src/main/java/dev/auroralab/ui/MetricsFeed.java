package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.MetricSample;
import java.util.List;

/**
 * Receives every moment the view model publishes: the branch's chart samples closed before it (oldest first, random
 * access) and its snapshot. The charts draw from it; kept as a seam so tests can see what they are given.
 */
@FunctionalInterface
public interface MetricsFeed {

    void show(List<MetricSample> samples, EngineSnapshot snapshot);

    MetricsFeed NONE = (samples, snapshot) -> {
    };
}

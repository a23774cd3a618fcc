package dev.auroralab.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.ui.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a lesson's highlight rings in the picture: each element named kind:id is found and boxed where it is drawn. */
class SpotlightTest {

    private static EngineSnapshot healthy() throws Exception {
        AuroraEngine e = new AuroraEngine(BuiltInScenarios.load("healthy-cluster").cluster());
        e.advanceTo(1_000_000);
        return e.snapshot();
    }

    @Test
    void theClusterAndReaderEndpointsAreFoundByNameAndRingedWhereTheirPillsAreDrawn() throws Exception {
        EngineSnapshot s = healthy();
        TopologyLayout l = TopologyLayout.of(s);
        Selection cluster = Selection.find(s, "endpoint", "cluster");
        Selection reader = Selection.find(s, "endpoint", "reader");
        assertThat(cluster).isEqualTo(new Selection(Selection.Kind.ENDPOINT, "cluster"));
        assertThat(Spotlight.boxes(l, List.of(cluster))).containsExactly(l.writerEndpoint);
        assertThat(Spotlight.boxes(l, List.of(reader))).containsExactly(l.readerEndpoint);
        assertThat(Selection.find(s, "endpoint", "custom-1")).as("custom endpoints are not modelled").isNull();
    }
}

package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.ModelValues;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Help panel's "what this model simplifies" states the Global Database model values the engine really uses. */
class ModelSimplifiesTextTest {

    private static String text() throws Exception {
        try (InputStream in = MainView.class.getResourceAsStream("model-simplifies.txt")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGlobalDatabaseSectionQuotesTheEnginesModelValues() throws Exception {
        String t = text();
        assertThat(t).contains("Global Database").contains("One engine and one clock for every region");
        assertThat(t).contains("every " + ModelValues.GLOBAL_REPLICATION_BATCH_MICROS / 1_000 + " ms");
        assertThat(t).contains(Numbers.grouped((long) ModelValues.GLOBAL_REPLICATION_RECORDS_PER_SECOND)
                + " log records a second");
        assertThat(t).contains("takes " + ModelValues.GLOBAL_PROMOTION_MICROS / 1_000_000 + " s");
        assertThat(t).contains("for " + ModelValues.GLOBAL_SWITCHOVER_MICROS / 1_000_000 + " s");
        assertThat(t).contains("rebuilt from the new primary in " + ModelValues.SECONDARY_REBUILD_MICROS / 60_000_000
                + " min").contains("rds:unplanned-global-failover").doesNotContain("[GK, unconfirmed]");
        assertThat(t).contains("one representative session")
                .contains("every " + ModelValues.FORWARDING_PROBE_INTERVAL_MICROS / 1_000 + " ms");
        assertThat(t).contains("split brain is flagged");
        assertThat(t).contains("at least " + ModelValues.MANAGED_RPO_MIN_SECONDS + " s");
    }

    @Test
    void thePredictAndPracticeSectionQuotesTheLookAheadsGridAndHorizon() throws Exception {
        String t = text();
        assertThat(t).contains("Predict, then observe (P) and exam practice");
        assertThat(t).contains("every " + dev.auroralab.teach.NextChange.GRID_MICROS / 1_000 + " ms of simulated time")
                .contains("up to " + dev.auroralab.teach.NextChange.HORIZON_MICROS / 60_000_000 + " minutes ahead");
        assertThat(t).contains("stated, not demonstrated").contains("by sessions");
    }

    @Test
    void theInstancesSectionQuotesTheTimingsTheEngineUsesForBothKindsOfFault() throws Exception {
        String t = text();
        dev.auroralab.engine.Timings d = dev.auroralab.engine.Timings.DEFAULTS;
        assertThat(t).contains("crash-instance").contains("fail-instance");
        assertThat(t).contains(d.restartMicros() / 1_000_000 + " s + " + ModelValues.CRASH_RECOVERY_MICROS / 1_000_000
                + " s crash recovery, no failover");
        assertThat(t).contains("recreated in " + d.recreateMicros() / 60_000_000 + " minutes");
        assertThat(t).contains("another AZ of the region");
        assertThat(t).doesNotContain("After 60 s");
    }

    @Test
    void theOpenScenariosTimingsAreListedAfterTheText() throws Exception {
        dev.auroralab.scenario.Scenario sc = dev.auroralab.scenario.ScenarioReader.read("t.yaml", """
                schemaVersion: 1
                cluster:
                  region: us-east-1
                  engine: aurora-postgresql
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer}
                timings: {globalFailover: 8m}
                """);
        assertThat(HelpDialogs.scenarioTimings(sc)).contains("This scenario runs Aurora PostgreSQL.")
                .contains("global failover, promoting the secondary 8m (model default 1m)");
        assertThat(HelpDialogs.scenarioTimings(dev.auroralab.scenario.BuiltInScenarios.load("healthy-cluster")))
                .contains("Aurora MySQL").contains("default timings");
    }
}

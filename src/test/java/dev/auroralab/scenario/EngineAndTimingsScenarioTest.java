package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.auroralab.engine.EngineFlavour;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.Timings.Timing;
import dev.auroralab.engine.command.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 items 4, 6 and 8 in the scenario format: {@code cluster: engine:}, the {@code timings:} block (each value
 * within its documented range, refused with file:line:column otherwise) and {@code crash-instance}; what is read is
 * written back by the window's save.
 */
class EngineAndTimingsScenarioTest {

    /** Lines 1-8: a single-region cluster, shared with the other scenario error tests. */
    private static final String CLUSTER = GlobalErrorCases.SINGLE;

    private static ScenarioError error(String text) {
        return catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read("t.yaml", text));
    }

    @Test
    void aScenarioWithoutEngineOrTimingsRunsAuroraMySqlWithTheModelDefaults() throws ScenarioError {
        Scenario s = ScenarioReader.read("t.yaml", CLUSTER);
        assertThat(s.cluster().engine()).isEqualTo(EngineFlavour.AURORA_MYSQL);
        assertThat(s.cluster().timings()).isEqualTo(Timings.DEFAULTS);
        assertThat(s.cluster().timings().describeOverrides()).isEmpty();
    }

    @Test
    void engineAndTimingsAreReadAndWrittenBack() throws ScenarioError {
        String text = CLUSTER.replace("  region: us-east-1\n", "  region: us-east-1\n  engine: aurora-postgresql\n")
                + "timings: {dnsTtl: 30s, globalFailover: 8m}\n"
                + "timeline:\n  - {at: 10s, do: crash-instance, target: writer-1}\n";
        Scenario s = ScenarioReader.read("t.yaml", text);
        assertThat(s.cluster().engine()).isEqualTo(EngineFlavour.AURORA_POSTGRESQL);
        assertThat(s.cluster().timings().dnsTtlMicros()).isEqualTo(30_000_000L);
        assertThat(s.cluster().timings().globalFailoverMicros()).isEqualTo(480_000_000L);
        assertThat(s.cluster().timings().overridden()).containsExactly(Timing.DNS_TTL, Timing.GLOBAL_FAILOVER);
        assertThat(s.cluster().timings().describeOverrides()).containsExactly(
                "cluster endpoint DNS TTL 30s (model default 5s)",
                "global failover, promoting the secondary 8m (model default 1m)");
        assertThat(s.timeline()).extracting(TimedCommand::command).containsExactly(new Command.CrashInstance("writer-1"));

        String yaml = ScenarioWriter.toYaml(s, List.of());
        assertThat(yaml).contains("  engine: aurora-postgresql\n").contains("timings: {dnsTtl: 30s, globalFailover: 8m}")
                .contains("do: crash-instance");
        Scenario again = ScenarioReader.read("again.yaml", yaml);
        assertThat(again.cluster()).isEqualTo(s.cluster());
        assertThat(again.timeline()).extracting(TimedCommand::command)
                .containsExactlyElementsOf(s.timeline().stream().map(TimedCommand::command).toList());
    }

    @Test
    void aTimingOutsideItsDocumentedRangeIsRefusedWhereItIsWritten() {
        ScenarioError e = error(CLUSTER + "timings: {recreate: 5s}\n");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.problem()).isEqualTo("recreate must be from 1m to 1h (recreating a lost instance on a new host),"
                + " got 5s");
        assertThat(e.fix()).contains("the model's default is 5m").contains("typically under 10 minutes");
    }

    @Test
    void anUnknownTimingIsRefusedWithTheKeysThatExist() {
        ScenarioError e = error(CLUSTER + "timings:\n  dnsTTL: 30s\n");
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.message()).contains("dnsTtl");
    }

    @Test
    void aTimingWithoutAUnitIsRefused() {
        ScenarioError e = error(CLUSTER + "timings: {dnsTtl: 30}\n");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.problem()).contains("no unit");
    }

    @Test
    void crashInstanceNeedsAnInstanceOfTheScenario() {
        ScenarioError e = error(CLUSTER + "timeline:\n  - {at: 10s, do: crash-instance, target: writer-9}\n");
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.problem()).contains("writer-9");
    }
}

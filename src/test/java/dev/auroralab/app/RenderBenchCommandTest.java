package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A smoke test of {@code bench-render}: a short run in this JVM prints the table; the figures are not judged. */
class RenderBenchCommandTest {

    private final InProcessCli cli = new InProcessCli();

    @BeforeAll
    static void toolkitRunning() {
        InProcessCli.startFxToolkit();
    }

    @Test
    @Timeout(60)
    void aShortRunPrintsFrameTimesForBothCasesAndSucceeds() {
        int code = cli.run("bench-render", "--seconds", "1", "--warmup", "250ms", "--width", "1024", "--height", "700");

        assertThat(code).as(cli.err()).isZero();
        String text = cli.out();
        assertThat(text).contains("healthy-cluster (default)", "largest topology", "prism.order=sw");
        assertThat(text).containsPattern("FX thread per frame p50 / p99 / max \\(ms\\) +[0-9.]+ / [0-9.]+ / [0-9.]+");
        assertThat(text).containsPattern("CSS \\+ layout pass p50 / p99 / max \\(ms\\) +[0-9.]+ / [0-9.]+");
        assertThat(text).containsPattern("target p99 <= 8 ms per frame +(PASS|MISS) +(PASS|MISS)");
        assertThat(text).containsPattern("effective speed \\(simulated / wall\\) +[0-9.]+x");
    }

    @Test
    @Timeout(60)
    void aGlobalScenarioCanBeMeasuredByItsBuiltInName() {
        int code = cli.run("bench-render", "global-switchover", "--seconds", "1", "--warmup", "250ms", "--width",
                "1024", "--height", "700");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("global-switchover").doesNotContain("largest topology");
        assertThat(cli.out()).containsPattern("target p99 <= 8 ms per frame +(PASS|MISS)");
    }

    @Test
    void badArgumentsAreAUsageError() {
        assertThat(cli.run("bench-render", "--seconds", "soon")).isEqualTo(2);
        assertThat(cli.err()).contains("--seconds takes a number");
        assertThat(cli.run("bench-render", "somefile.yaml")).isEqualTo(2);
        assertThat(cli.err()).contains("somefile.yaml");
        assertThat(cli.run("bench-render", "--warmup", "2")).isEqualTo(2);
        assertThat(cli.err()).contains("--warmup", "has no unit");
    }
}

package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A smoke test of {@code bench-render}: a short run in this JVM prints the table; the figures are not judged. */
class RenderBenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void toolkitRunning() {
        // started here so that the command joins it and leaves it running for the other UI tests in this JVM
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // fine
        }
        Platform.setImplicitExit(false);
    }

    private int cli(String... args) {
        return Commands.standard().dispatch(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(60)
    void aShortRunPrintsFrameTimesForBothCasesAndSucceeds() {
        int code = cli("bench-render", "--seconds", "1", "--warmup", "250ms", "--width", "1024", "--height", "700");

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("healthy-cluster (default)", "largest topology", "prism.order=sw");
        assertThat(text).containsPattern("FX thread per frame p50 / p99 / max \\(ms\\) +[0-9.]+ / [0-9.]+ / [0-9.]+");
        assertThat(text).containsPattern("CSS \\+ layout pass p50 / p99 / max \\(ms\\) +[0-9.]+ / [0-9.]+");
        assertThat(text).containsPattern("target p99 <= 8 ms per frame +(PASS|MISS) +(PASS|MISS)");
        assertThat(text).containsPattern("effective speed \\(simulated / wall\\) +[0-9.]+x");
    }

    @Test
    void badArgumentsAreAUsageError() {
        assertThat(cli("bench-render", "--seconds", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--seconds takes a number");
        assertThat(cli("bench-render", "somefile.yaml")).isEqualTo(2);
        assertThat(cli("bench-render", "--warmup", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup", "has no unit");
    }
}

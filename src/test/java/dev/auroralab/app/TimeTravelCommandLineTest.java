package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's way into time travel: bench --seek, and screenshot --compare's checks of its input. */
class TimeTravelCommandLineTest {

    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    @Test
    void benchSeekPrintsPercentilesAndWhatTheKeyframesCost() {
        assertThat(cli.run("bench", "--seek", "--scenario", "healthy-cluster", "--seeks", "5", "--minutes", "1"))
                .isZero();
        assertThat(cli.out()).contains("healthy-cluster", "p50 ms", "p99 ms", "keyframes", "all 5 seeks: p50 ",
                "(target: p99 <= 200 ms)");
    }

    @Test
    void benchSeekRefusesANumberOutOfRangeAndSaysWhichOption() {
        assertThat(cli.run("bench", "--seek", "--seeks", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--seeks takes a number from 1 up, got 0");
        assertThat(cli.run("bench", "--seek", "--minutes", "ten")).isEqualTo(2);
        assertThat(cli.err()).contains("--minutes takes a number of simulated minutes");
    }

    @Test
    void screenshotCompareNeedsTwoScenariosAndNoOther() {
        String out = dir.resolve("c.png").toString();
        assertThat(cli.run("screenshot", "--compare", "lose-an-az", "--out", out)).isEqualTo(2);
        assertThat(cli.err()).contains("--compare takes two scenarios, A,B");
        assertThat(cli.run("screenshot", "az-plus-one", "--compare", "lose-an-az,az-plus-one", "--out", out))
                .isEqualTo(2);
        assertThat(cli.err()).contains("with --compare A,B give no other scenario");
        assertThat(cli.run("screenshot", "--compare", "lose-an-az,no-such-scenario", "--out", out)).isEqualTo(2);
        assertThat(cli.err()).contains("no-such-scenario", "no built-in scenario by that name");
    }
}

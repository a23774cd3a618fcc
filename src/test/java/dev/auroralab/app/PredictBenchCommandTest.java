package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** bench --predict: predict-then-observe's look-ahead timed per scenario, from the command line. */
class PredictBenchCommandTest {

    private final InProcessCli cli = new InProcessCli();

    @Test
    void benchPredictPrintsOneRowPerScenarioWithItsLooksAndTimes() {
        assertThat(cli.run("bench", "--predict", "--scenario", "az-plus-one")).isZero();
        assertThat(cli.out()).contains("100 ms grid", "horizon 10 min", "at most 2 ms of a frame", "p50 ms",
                "ms/sim s");
        String row = cli.out().lines().filter(l -> l.startsWith("az-plus-one")).findFirst().orElseThrow();
        int looks = Integer.parseInt(row.trim().split("\\s+")[1]);
        assertThat(looks).as("the AZ, the copy, writes back, then the horizon").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theBudgetTheBenchPrintsIsTheWindows() {
        assertThat(PredictBench.WINDOW_SLICE_MILLIS * 1_000_000L)
                .isEqualTo(dev.auroralab.ui.predict.PredictModel.SLICE_NANOS);
    }

    @Test
    void benchPredictRefusesAnUnknownScenarioAndAStrayArgument() {
        assertThat(cli.run("bench", "--predict", "--scenario", "no-such-scenario")).isEqualTo(2);
        assertThat(cli.err()).contains("no-such-scenario");
        assertThat(cli.run("bench", "--predict", "extra")).isEqualTo(2);
        assertThat(cli.err()).contains("unexpected argument 'extra'").contains("bench --predict [--scenario NAME]");
    }
}

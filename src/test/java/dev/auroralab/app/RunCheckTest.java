package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroralab.engine.check.SafetyProperty;
import dev.auroralab.engine.check.SafetyWatch;
import dev.auroralab.engine.check.Violation;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.run.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code run --check}: the safety checker watches any scenario; violations are printed with their time and fail it. */
class RunCheckTest {

    private final InProcessCli cli = new InProcessCli();

    @Test
    void aCheckedRunOfAHealthyScenarioSaysWhatWasCheckedAndExitsZero() {
        assertThat(cli.run("run", "az-plus-one", "--check")).isZero();
        assertThat(cli.out()).contains("all 5 checked expectations held\n", "safety check: no violation ("
                + SafetyProperty.values().length + " safety properties, checked after every timeline command and every"
                + " 100 ms of simulated time)\n");
    }

    @Test
    void withoutCheckNothingIsSaidAboutSafety() {
        assertThat(cli.run("run", "az-plus-one")).isZero();
        assertThat(cli.out()).doesNotContain("safety check");
    }

    @Test
    void theCheckedRunPrintsExactlyWhatTheCheckerFindsAndExitsOneWhenItFindsAnything() throws Exception {
        // a Global Database detached while AZs and copies fail: whatever the engine does there, the command must say
        // what a checker watching the same run finds
        String name = "global-detach-and-promote";
        List<SafetyWatch> watch = new ArrayList<>();
        ScenarioRunner.run(BuiltInScenarios.load(name), null, null, SafetyWatch.DEFAULT_EVERY_MICROS, e -> {
            if (watch.isEmpty()) {
                watch.add(new SafetyWatch(e));
            }
            watch.get(0).check();
        });
        List<Violation> expected = watch.get(0).violations();
        int exit = cli.run("run", name, "--check");
        assertThat(exit).isEqualTo(expected.isEmpty() ? 0 : 1);
        for (Violation v : expected) {
            assertThat(cli.out()).contains("  VIOLATION at " + v.describe() + "\n");
        }
    }

    @Test
    void eachViolationIsPrintedWithItsSimulatedTimeThenACountAndItFailsTheRun() {
        List<Violation> two = List.of(
                new Violation(37_291_899, SafetyProperty.WRITABLE_NEEDS_WRITER_AND_QUORUMS,
                        "us-east-1 takes writes but pg-0 has 3 copies taking writes in its weakest term, needs 4"),
                new Violation(40_000_000, SafetyProperty.LOSS_IS_LOGGED, "the lost counter grew by 3"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunCommand.printViolations(two, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith(
                "  VIOLATION at 37.292 s WRITABLE_NEEDS_WRITER_AND_QUORUMS: us-east-1 takes writes but pg-0 has 3"
                        + " copies taking writes in its weakest term, needs 4\n"
                        + "  VIOLATION at 40.000 s LOSS_IS_LOGGED: the lost counter grew by 3\n"
                        + "safety check: 2 violations (");
        assertThat(RunCommand.exitCode(true, two)).isEqualTo(1);
        assertThat(RunCommand.exitCode(true, List.of())).isZero();
        assertThat(RunCommand.exitCode(false, List.of())).isEqualTo(1);
    }

    @Test
    void withTheReportOnStandardOutputTheCheckGoesToStandardErrorAndTheJsonStaysValid() throws Exception {
        assertThat(cli.run("run", "healthy-cluster", "--check", "--report", "-")).isZero();
        new ObjectMapper().readTree(cli.out());
        assertThat(cli.err()).contains("safety check: no violation");
    }

    @Test
    void theUsageTextOffersCheck() {
        cli.run("help");
        assertThat(cli.out() + cli.err())
                .contains("run FILE|LESSON [--seed N] [--duration D] [--report FILE|-] [--check]");
    }
}

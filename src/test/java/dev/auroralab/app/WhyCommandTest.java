package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code why SCENARIO --at D [--subject S]}: the window's "Why?" as plain text, one link per line, newest first, with
 * time and origin; a bad time, subject or file is a usage error (exit 2) that says what to type.
 */
class WhyCommandTest {

    private final InProcessCli cli = new InProcessCli();

    private List<String> lines() {
        return cli.out().lines().toList();
    }

    @Test
    void theVolumeAtThirteenSecondsOfAzPlusOneIsItsChainNewestFirst() {
        assertThat(cli.run("why", "az-plus-one", "--at", "13s")).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(lines()).containsExactly(
                "0:12.000 · Volume read-only: pg-0 reaches 3 of 6 copies; writes need 4 (engine)",
                "  ← 0:12.000 · pg-0 has 3 of 6 copies; writes need 4, so they stop (engine)",
                "  ← 0:12.000 · copy C of pg-0 down (scenario)",
                "  ← 0:10.000 · AZ us-east-1c out: copies E and F of pg-0 down (scenario)");
    }

    @Test
    void eachSubjectPrintsItsOwnTrace() {
        assertThat(cli.run("why", "writer-crash-failover-by-tier", "--at", "25s", "--subject", "writer")).isZero();
        assertThat(lines().get(0)).isEqualTo("0:20.000 · In-region failover under way: promoting (writer-1 → reader-3)"
                + " (engine)");
        assertThat(lines()).last().asString().isEqualTo("  ← 0:10.000 · writer writer-1 in us-east-1a lost (scenario)");

        InProcessCli az = new InProcessCli();
        assertThat(az.run("why", "az-plus-one", "--at", "13s", "--subject", "az:us-east-1c")).isZero();
        assertThat(az.out().lines()).containsExactly("0:10.000 · AZ us-east-1c is out, and with it its 4 storage nodes"
                + " and copies E and F of pg-0, pg-1 and pg-2 (engine)", "  ← 0:10.000 · AZ us-east-1c out (scenario)");

        InProcessCli node = new InProcessCli();
        assertThat(node.run("why", "az-plus-one", "--at", "13s", "--subject", "node:sn-us-east-1a-1")).isZero();
        assertThat(node.out().lines()).singleElement().asString().endsWith("nothing to explain (engine)");

        InProcessCli lost = new InProcessCli();
        assertThat(lost.run("why", "global-region-outage-failover", "--at", "100s", "--subject", "lost-writes"))
                .isZero();
        assertThat(lost.out().lines().findFirst()).get().asString().endsWith("acknowledged writes lost (engine)");

        InProcessCli instance = new InProcessCli();
        assertThat(instance.run("why", "writer-crash-failover-by-tier", "--at", "1m", "--subject", "instance:reader-3",
                "--seed", "7")).isZero();
        assertThat(instance.out().lines().findFirst()).get().asString()
                .endsWith("reader-3 is up as the writer: it took over the writes (engine)");
    }

    @Test
    void aScenarioFileWorksLikeABuiltIn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        try (var in = getClass().getResourceAsStream("/scenarios/az-plus-one.yaml")) {
            Files.copy(in, file);
        }
        assertThat(cli.run("why", file.toString(), "--at", "13s", "--subject", "pg:pg-0")).isZero();
        assertThat(lines().get(0)).startsWith("0:12.000 · pg-0 has 3 of 6 copies");
    }

    @Test
    void aBadSubjectSaysWhatToTypeWithExitCodeTwo() {
        assertThat(cli.run("why", "az-plus-one", "--at", "13s", "--subject", "copy:C")).isEqualTo(2);
        assertThat(cli.err()).startsWith("aurora-lab why: --subject 'copy:C' is not one of volume, writer, lost-writes,"
                + " pg:ID").doesNotContain("Exception");
        assertThat(cli.out()).isEmpty();

        InProcessCli missing = new InProcessCli();
        assertThat(missing.run("why", "az-plus-one", "--at", "13s", "--subject", "pg:pg-9")).isEqualTo(2);
        assertThat(missing.err()).startsWith("aurora-lab why: there is no protection group 'pg-9' at 0:13.000. There"
                + " are pg-0, pg-1, pg-2; e.g. --subject pg:pg-0");

        InProcessCli endpoint = new InProcessCli();
        assertThat(endpoint.run("why", "az-plus-one", "--at", "13s", "--subject", "endpoint:custom")).isEqualTo(2);
        assertThat(endpoint.err()).contains("is not one of");
    }

    @Test
    void aBadTimeOrAMissingOneOrABadFileIsAUsageError() {
        assertThat(cli.run("why", "az-plus-one", "--at", "13")).isEqualTo(2);
        assertThat(cli.err()).startsWith("aurora-lab why: --at '13' has no unit");

        InProcessCli none = new InProcessCli();
        assertThat(none.run("why", "az-plus-one")).isEqualTo(2);
        assertThat(none.err()).contains("give the moment to explain with --at, e.g. --at 13s")
                .contains("usage: why SCENARIO --at D");

        InProcessCli far = new InProcessCli();
        assertThat(far.run("why", "az-plus-one", "--at", "5h")).isEqualTo(2);
        assertThat(far.err()).contains("more than 10 minutes past the scenario's end");

        InProcessCli file = new InProcessCli();
        assertThat(file.run("why", "no-such-scenario", "--at", "1s")).isEqualTo(2);
        assertThat(file.err()).contains("no-such-scenario").doesNotContain("Exception");

        InProcessCli option = new InProcessCli();
        assertThat(option.run("why", "az-plus-one", "--at", "1s", "--json")).isEqualTo(2);
        assertThat(option.err()).contains("unknown option --json");
        assertThat(cli.out() + none.out() + far.out() + file.out() + option.out()).isEmpty();
    }

    @Test
    void theUsageTextListsTheWhyCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("why          why SCENARIO --at D [--subject volume|pg:ID|writer");
    }
}

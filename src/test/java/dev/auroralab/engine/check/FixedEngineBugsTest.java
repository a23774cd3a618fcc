package dev.auroralab.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seeds the VOPR sweep found engine bugs with (issue 11), replayed for good: each is safe and recovers once
 * everything is restored.
 */
class FixedEngineBugsTest {

    @ParameterizedTest(name = "seed {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "23  | an instance of the region a detach is promoting can no longer be removed, so the promotion finishes",
        "39  | the same for a switchover",
        "156 | a promotion target that dies is replaced, even when it was the writer the failover started from",
        "37  | a copy back up with nothing to catch up ends the degraded 3/4 model",
        "17  | an old primary below a write quorum is not writable, and is not counted for split brain",
        "244 | a replication batch lost with its region is sent again",
        "249 | the same, with no instance in the region"})
    void aSeedThatOnceShowedAnEngineBugIsSafeAndRecovers(long seed, String fixed) {
        VoprRun run = VoprRun.run(seed);
        assertThat(run.problems).as("seed=%d %s (%s)", seed, run.options.describe(), fixed).isEmpty();
    }
}

package dev.auroralab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.TimedCommand;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code engine.copy()} is what step-back, scrub and fork stand on: a copy taken at any instant carries on exactly as
 * the original would, and neither touches the other.
 */
class CopyTest {

    private static final long SECOND = 1_000_000;

    static List<String> builtIns() {
        return BuiltInScenarios.NAMES;
    }

    /** Runs the scenario's timeline on {@code e} from its clock up to {@code untilMicros}. */
    private static void play(AuroraEngine e, Scenario sc, long untilMicros) {
        for (TimedCommand tc : sc.timeline()) {
            if (tc.atMicros() > e.nowMicros() && tc.atMicros() <= untilMicros) {
                e.advanceTo(tc.atMicros());
                e.apply(tc.command());
            }
        }
        e.advanceTo(untilMicros);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void aCopyTakenMidRunCarriesOnExactlyAsTheOriginalAndAsAnUncopiedRun(String name) throws Exception {
        Scenario sc = BuiltInScenarios.load(name);
        long duration = sc.durationMicros();
        AuroraEngine untouched = new AuroraEngine(sc.cluster());
        play(untouched, sc, duration);
        EngineSnapshot expected = untouched.snapshot();
        // copy during the scenario's faults and after them; each copy runs at least 60 s (or to the end)
        for (long at : new long[] {duration / 3 + 1_234, duration / 2 + 999}) {
            AuroraEngine original = new AuroraEngine(sc.cluster());
            play(original, sc, at);
            AuroraEngine copy = original.copy();
            assertThat(copy.snapshot()).as("%s: a fresh copy at %d", name, at).isEqualTo(original.snapshot());
            long end = Math.max(duration, at + 60 * SECOND);
            play(original, sc, end);
            play(copy, sc, end);
            assertThat(copy.snapshot()).as("%s: copy at %d, snapshot at %d", name, at, end)
                    .isEqualTo(original.snapshot());
            assertThat(copy.events()).as("%s: copy at %d, events", name, at).isEqualTo(original.events());
            assertThat(copy.firedEventCount()).isEqualTo(original.firedEventCount());
            if (end == duration) {
                assertThat(original.snapshot()).as("%s: copying does not disturb the original", name)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void advancingAndCommandingTheCopyNeverTouchesTheOriginal() throws Exception {
        Scenario sc = BuiltInScenarios.load("healthy-cluster");
        AuroraEngine original = new AuroraEngine(sc.cluster());
        original.advanceTo(5 * SECOND);
        EngineSnapshot before = original.snapshot();
        int eventsBefore = original.events().size();
        AuroraEngine copy = original.copy();
        copy.apply(new Command.FailAvailabilityZone(sc.cluster().azs().get(0)));
        copy.apply(new Command.FailInstance("writer-1"));
        copy.advanceTo(70 * SECOND);
        assertThat(original.snapshot()).isEqualTo(before);
        assertThat(original.events()).hasSize(eventsBefore);
        assertThat(original.nowMicros()).isEqualTo(5 * SECOND);
    }

    @Test
    void changingOneCommandInTheCopyMakesTheTwoFuturesDiffer() throws Exception {
        Scenario sc = BuiltInScenarios.load("writer-crash-failover-by-tier");
        AuroraEngine original = new AuroraEngine(sc.cluster());
        original.advanceTo(5 * SECOND);
        AuroraEngine fork = original.copy();
        original.apply(new Command.FailInstance("writer-1"));
        fork.apply(new Command.FailSegment("pg-0/" + sc.cluster().azs().get(0) + "/1"));
        original.advanceTo(65 * SECOND);
        fork.advanceTo(65 * SECOND);
        assertThat(fork.events()).isNotEqualTo(original.events());
        assertThat(fork.snapshot().writerId()).isEqualTo("writer-1");
        assertThat(original.snapshot().writerId()).isNotEqualTo("writer-1");
    }

    @Test
    void aCopyOfACopyInTheMiddleOfAMembershipChangeStillMatches() throws Exception {
        Scenario sc = BuiltInScenarios.load("two-copies-destroyed");
        AuroraEngine original = new AuroraEngine(sc.cluster());
        play(original, sc, 20 * SECOND + 321);
        AuroraEngine second = original.copy().copy();
        play(original, sc, sc.durationMicros());
        play(second, sc, sc.durationMicros());
        assertThat(second.snapshot()).isEqualTo(original.snapshot());
        assertThat(second.events()).isEqualTo(original.events());
    }
}

package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's three verbs (AuroraEngine): time runs to exactly where it is asked, commands are logged when refused. */
class AuroraEngineTest {

    @Test
    void advancingFiresEverythingDueAtOrBeforeTheTimeAndLandsTheClockThere() {
        AuroraEngine e = light(1);
        assertThat(e.nowMicros()).isZero();
        // the first boxcar window and read tick are due at 0
        assertThat(e.nextEventMicros()).isZero();
        long fired = e.firedEventCount();
        assertThat(e.step()).isTrue();
        assertThat(e.firedEventCount()).isEqualTo(fired + 1);
        e.advanceTo(2_000);
        // the window due at exactly 2 ms has fired: the next one is 2 ms later
        assertThat(e.nowMicros()).isEqualTo(2_000);
        assertThat(e.nextEventMicros()).isGreaterThan(2_000);
        e.advanceTo(2_500);
        assertThat(e.nowMicros()).isEqualTo(2_500);
        assertThat(e.spec().seed()).isEqualTo(1);
    }

    @Test
    void aRefusedCommandIsLoggedWithWhatWasAskedAndWhy() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        Command c = new Command.FailInstance("nobody");
        e.apply(c);
        assertThat(e.events()).last().isInstanceOfSatisfying(AuroraEvent.CommandRejected.class, r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(1));
            assertThat(r.command()).isEqualTo(c.describe());
            assertThat(r.reason()).isEqualTo("no instance nobody");
        });
        int before = e.events().size();
        e.apply(new Command.SetPromotionTier("reader-1", 3));
        assertThat(e.events().subList(before, e.events().size())).noneMatch(AuroraEvent.CommandRejected.class::isInstance);
    }

    @Test
    void aListenerHearsEveryEventInLogOrder() {
        AuroraEngine e = light(1);
        List<AuroraEvent> heard = new ArrayList<>();
        e.addListener(heard::add);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(40));
        assertThat(heard).isEqualTo(e.events()).isNotEmpty();
    }
}

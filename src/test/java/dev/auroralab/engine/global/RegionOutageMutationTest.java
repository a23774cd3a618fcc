package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.Timings.Timing;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import org.junit.jupiter.api.Test;

/**
 * The end of a rebuild (global/RegionOutage), looked at the very instant the region rejoins: it holds the new
 * primary's durable LSN of that instant, at once, and serves reads. Short timings (global failover 10 s, rebuild
 * 60 s) keep the runs fast; the times are summed by hand from them.
 */
class RegionOutageMutationTest {

    private static final Timings SHORT = Timings.DEFAULTS.with(Timing.GLOBAL_FAILOVER, seconds(10))
            .with(Timing.SECONDARY_REBUILD, seconds(60));

    @Test
    void theOldPrimaryRejoinsHoldingTheNewPrimarysDurableLsnOfThatInstantAndServesReadsAtOnce() {
        AuroraEngine e = new AuroraEngine(global(500, 41, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")).withTimings(SHORT));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        long cut = events(e, AuroraEvent.GlobalPromotionStarted.class).get(0).keptLsn();
        // the old primary was up: rebuilt from 1 s to 1 s + 60 s; step up to the very event of its rejoin
        e.advanceTo(seconds(61) - 1);
        while (events(e, AuroraEvent.RegionRejoined.class).isEmpty()) {
            e.step();
        }
        assertThat(e.nowMicros()).isEqualTo(seconds(61));
        EngineSnapshot s = e.snapshot();
        long primaryVdl = s.volume().vdl();
        // the new primary has written for 50 s since its promotion: far above the cut
        assertThat(primaryVdl).isGreaterThan(cut);
        assertThat(events(e, AuroraEvent.RegionRejoined.class)).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo("us-east-1");
            assertThat(r.fromLsn()).isEqualTo(primaryVdl);
        });
        assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(s.regionSnapshot("us-east-1").resyncing()).isFalse();
        assertThat(s.regionSnapshot("us-east-1").durableLsn()).isEqualTo(primaryVdl);
        assertThat(s.regionSnapshot("us-east-1").readable()).isTrue();
        assertThat(s.regionSnapshot("us-east-1").rpoLagMicros()).isZero();
    }

    @Test
    void aSecondaryRebuiltAfterTheFailoverRejoinsHoldingTheNewPrimarysDurableLsnOfThatInstant() {
        AuroraEngine e = new AuroraEngine(global(500, 42, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")).withTimings(SHORT));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // promotion until 11 s, then eu-west-1 is rebuilt until 71 s
        e.advanceTo(seconds(71) - 1);
        assertThat(region(e, "eu-west-1").readable()).isFalse();
        while (events(e, AuroraEvent.RegionRejoined.class).stream().noneMatch(r -> r.region().equals("eu-west-1"))) {
            e.step();
        }
        assertThat(e.nowMicros()).isEqualTo(seconds(71));
        EngineSnapshot s = e.snapshot();
        assertThat(s.regionSnapshot("eu-west-1").durableLsn()).isEqualTo(s.volume().vdl());
        assertThat(s.regionSnapshot("eu-west-1").readable()).isTrue();
        assertThat(s.regionSnapshot("eu-west-1").instances()).allSatisfy(i -> {
            assertThat(i.appliedLsn()).isEqualTo(s.volume().vdl());
            assertThat(i.lagMicros()).isZero();
        });
    }
}

package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import org.junit.jupiter.api.Test;

/**
 * A secondary rebuilt after a global failover has no volume to serve from: the writes its sessions forward fail until
 * the rebuild is done, then they go through again. Times from Timings.DEFAULTS: failover 60 s, rebuild 600 s; one
 * forwarded write every 200 ms (ModelValues.FORWARDING_PROBE_INTERVAL_MICROS).
 */
class ForwardingWhileRebuildingTest {

    private static ForwardingSnapshot forwarding(AuroraEngine e, String region) {
        return region(e, region).forwarding();
    }

    @Test
    void writesForwardedFromARegionBeingRebuiltFailAndGoThroughOnceItIsDone() {
        AuroraEngine e = twoSecondaries(500, 31);
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        e.advanceTo(seconds(100)); // rebuilt from 61 s to 661 s
        assertThat(region(e, "eu-west-1").resyncing()).isTrue();
        long okBefore = forwarding(e, "eu-west-1").forwardedWrites();
        long failedBefore = forwarding(e, "eu-west-1").forwardedWritesFailed();
        e.advanceTo(seconds(110));
        // ten seconds at one forwarded write every 200 ms: about 50 tries, none through
        assertThat(forwarding(e, "eu-west-1").forwardedWrites()).isEqualTo(okBefore);
        assertThat(forwarding(e, "eu-west-1").forwardedWritesFailed() - failedBefore).isBetween(45L, 55L);

        e.advanceTo(seconds(670));
        long okAfterRebuild = forwarding(e, "eu-west-1").forwardedWrites();
        e.advanceTo(seconds(680));
        assertThat(forwarding(e, "eu-west-1").forwardedWrites() - okAfterRebuild).isGreaterThan(20L);
    }
}

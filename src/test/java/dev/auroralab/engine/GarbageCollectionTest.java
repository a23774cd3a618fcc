package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Garbage collection (storage/GarbageCollection, at every backup staging, every 10 s): the logs and the commit ledger
 * forget what nothing needs any more, and never what a copy that is down or a secondary that lags still needs.
 *
 * <p>Why the bound below is exact: a copy whose prefix ends at boxcar P has SCL = last LSN of P, the last boxcar
 * starting at or below that is P itself, and collection keeps from one boxcar below the one holding the mark; so with
 * the mark at or below that SCL the log keeps at least boxcars P - 1 on ({@code firstKept() <= P - 1}).
 */
class GarbageCollectionTest {

    @Test
    void aHealthyRunForgetsTheOldBoxcarsAndCommitWindows() {
        AuroraEngine e = light(6);
        e.advanceTo(seconds(10) - 1);
        for (ProtectionGroup pg : e.protectionGroups()) {
            assertThat(pg.log().firstKept()).isZero();
        }
        e.advanceTo(seconds(10));
        for (ProtectionGroup pg : e.protectionGroups()) {
            // every copy is up and holds (nearly) everything: only the last few ms are kept
            assertThat(pg.log().firstKept()).isGreaterThan(pg.log().size() - 20);
        }
        assertThat(e.ledger().firstKeptWindow()).isPositive();
        assertThat(e.ledger().forgottenThroughLsn()).isPositive().isLessThanOrEqualTo(e.vdl());
    }

    @Test
    void copiesInAnAzThatIsOutKeepEverythingTheyMissedUntilTheyAreBack() {
        AuroraEngine e = light(6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(35));
        List<Integer> prefixes = new ArrayList<>();
        for (ProtectionGroup pg : e.protectionGroups()) {
            for (Segment s : pg.allCopies()) {
                if (s.az().equals("az-c")) {
                    assertThat(s.prefix()).isPositive();
                    assertThat(pg.log().firstKept()).as(s.id()).isLessThanOrEqualTo(s.prefix() - 1);
                    prefixes.add(s.prefix());
                }
            }
        }
        assertThat(e.ledger().forgottenThroughLsn()).isLessThanOrEqualTo(minScl(e, "az-c"));
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        e.advanceTo(seconds(45));
        assertNoInvariantBroken(e);
        for (ProtectionGroup pg : e.protectionGroups()) {
            for (Segment s : pg.allCopies()) {
                assertThat(s.state().label()).isEqualTo("up");
            }
            // back and caught up: the hold is gone and collection moves on past what they missed
            assertThat(pg.log().firstKept()).isGreaterThan(prefixes.get(0) + 1);
        }
    }

    private static long minScl(AuroraEngine e, String az) {
        long min = Long.MAX_VALUE;
        for (ProtectionGroup pg : e.protectionGroups()) {
            for (Segment s : pg.allCopies()) {
                if (s.az().equals(az)) {
                    min = Math.min(min, s.scl());
                }
            }
        }
        return min;
    }

    @Test
    void aSecondaryRegionThatIsOutKeepsTheLedgerItWillBeShippedFrom() {
        AuroraEngine e = new AuroraEngine(GlobalDatabaseTest.global(500, 6,
                GlobalDatabaseTest.secondary("eu-west-1", 75, "eu-1")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(seconds(35));
        Region eu = e.regions().get(1);
        long held = Math.min(eu.durableLsn, Math.min(eu.receivedLsn, eu.shippedLsn));
        assertThat(held).isPositive().isLessThan(e.vdl());
        // shipping again asks the ledger how many commits lie above what the region holds: that must be exact
        assertThat(e.ledger().forgottenThroughLsn()).isLessThanOrEqualTo(held);
        for (ProtectionGroup pg : e.protectionGroups()) {
            assertThat(pg.log().lastIndexAtOrBelow(held) - 1).isGreaterThanOrEqualTo(pg.log().firstKept());
        }
        // the secondary's own copies are out with it, and keep what they held too
        for (ProtectionGroup pg : eu.pgs) {
            for (Segment s : pg.allCopies()) {
                assertThat(pg.log().firstKept()).isLessThanOrEqualTo(Math.max(0, s.prefix() - 1));
            }
        }
        e.apply(new Command.RestoreRegion("eu-west-1"));
        e.advanceTo(seconds(40));
        assertThat(eu.durableLsn).isGreaterThan(held);
        assertThat(e.snapshot().regionSnapshot("eu-west-1").rpoLagMicros()).isLessThan(seconds(1));
        assertNoInvariantBroken(e);
    }

    @Test
    void aHealthySecondaryLetsThePrimaryForgetAsItGoes() {
        AuroraEngine e = new AuroraEngine(GlobalDatabaseTest.global(500, 6,
                GlobalDatabaseTest.secondary("eu-west-1", 75, "eu-1")));
        e.advanceTo(seconds(20));
        Region eu = e.regions().get(1);
        // what the secondary holds is at most a second behind: the ledger forgets up to about there
        assertThat(e.ledger().forgottenThroughLsn()).isPositive().isLessThanOrEqualTo(eu.durableLsn);
        assertThat(e.ledger().forgottenThroughLsn()).isGreaterThan(e.vdl() - 500 * 2 * 2);
        for (ProtectionGroup pg : eu.pgs) {
            assertThat(pg.log().firstKept()).isPositive();
        }
    }
}

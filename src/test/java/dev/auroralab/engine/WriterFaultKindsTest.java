package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.FailoverPhase;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 4: two kinds of writer fault. crash-instance: the database process crashes and is restarted in place
 * (no failover, back in seconds); fail-instance: the instance or its host is lost (failover by tier, or recreate with
 * no replica), and a lost instance's host is replaced after the recreate time. Expected times are sums of the model's
 * timings, written out here, not read back from the engine's schedule.
 */
class WriterFaultKindsTest {

    private static final Timings T = Timings.DEFAULTS;

    @Test
    void aCrashedWriterRestartsInPlaceWithNoFailoverAndServesAgainAfterRestartPlusRecovery() {
        AuroraEngine e = light(5);
        e.advanceTo(seconds(1));
        assertThat(e.apply(new Command.CrashInstance("writer-1")).accepted()).isTrue();
        e.advanceTo(seconds(2));
        assertThat(e.snapshot().volume().writable()).isFalse();
        assertThat(e.snapshot().volume().readable()).as("the replica keeps serving reads").isTrue();
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.RESTARTING);
        assertThat(e.snapshot().volume().reason()).contains("restarting in place");

        long back = seconds(1) + T.restartMicros() + ModelValues.CRASH_RECOVERY_MICROS;
        e.advanceTo(back + seconds(1));
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertThat(e.snapshot().writerId()).isEqualTo("writer-1");
        assertThat(e.snapshot().instance("reader-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(events(e, AuroraEvent.FailoverStarted.class)).isEmpty();
        assertThat(events(e, AuroraEvent.WriterFailureDetected.class)).isEmpty();
        assertThat(events(e, AuroraEvent.ClusterEndpointMoved.class)).isEmpty();
        assertThat(e.snapshot().failovers()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailoverKind.RESTART_IN_PLACE);
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("writer-1");
            assertThat(f.completedAtMicros() - f.startedAtMicros()).isEqualTo(back - seconds(1));
        });
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
    }

    @Test
    void restartingInPlaceIsFasterThanFailingOverToAReplica() {
        AuroraEngine crash = light(6);
        AuroraEngine fail = light(6);
        crash.advanceTo(seconds(1));
        fail.advanceTo(seconds(1));
        crash.apply(new Command.CrashInstance("writer-1"));
        fail.apply(new Command.FailInstance("writer-1"));
        crash.advanceTo(seconds(60));
        fail.advanceTo(seconds(60));
        long restart = crash.snapshot().failovers().get(0).completedAtMicros() - seconds(1);
        long failover = fail.snapshot().failovers().get(0).completedAtMicros() - seconds(1);
        // detection + promotion restart + recovery + DNS TTL against restart + recovery
        assertThat(failover).isEqualTo(T.failureDetectionMicros() + T.restartMicros()
                + ModelValues.CRASH_RECOVERY_MICROS + T.dnsTtlMicros());
        assertThat(restart).isEqualTo(T.restartMicros() + ModelValues.CRASH_RECOVERY_MICROS);
        assertThat(fail.snapshot().failovers().get(0).kind()).isEqualTo(FailoverKind.IN_REGION);
        assertThat(fail.snapshot().writerId()).isEqualTo("reader-1");
    }

    @Test
    void theCrashEventSaysThePageCacheSurvivesOnAuroraMySqlOnly() {
        for (EngineFlavour flavour : EngineFlavour.values()) {
            AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 7, writer("writer-1", "az-a"),
                    reader("reader-1", "az-b", 0, "db.r6g.xlarge")).withEngine(flavour));
            e.advanceTo(seconds(1));
            e.apply(new Command.CrashInstance("reader-1"));
            assertThat(events(e, AuroraEvent.InstanceCrashed.class)).singleElement().satisfies(c -> {
                assertThat(c.pageCacheKept()).isEqualTo(flavour == EngineFlavour.AURORA_MYSQL);
                assertThat(c.role()).isEqualTo("replica");
            });
            // a crashed reader restarts in place too, and the writer is untouched
            e.advanceTo(seconds(1) + T.restartMicros() + 1);
            assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
            assertThat(e.snapshot().failovers()).isEmpty();
        }
    }

    @Test
    void aLostReaderGetsANewHostAfterTheRecreateTimeAndServesAgain() {
        AuroraEngine e = light(8);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("reader-1"));
        long replaced = seconds(1) + T.recreateMicros();
        e.advanceTo(replaced - 1);
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.DOWN);
        e.advanceTo(replaced);
        assertThat(events(e, AuroraEvent.InstanceReplaced.class)).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(replaced));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(e.snapshot().instance("reader-1").role()).isEqualTo(InstanceRole.READER);
    }

    @Test
    void aLostWriterComesBackAsAReaderOnANewHostAfterTheFailover() {
        AuroraEngine e = light(9);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(1) + T.recreateMicros() + 1);
        assertThat(e.snapshot().writerId()).isEqualTo("reader-1");
        assertThat(e.snapshot().instance("writer-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(e.snapshot().instance("writer-1").role()).isEqualTo(InstanceRole.READER);
    }

    @Test
    void anInstanceRestoredBeforeItsHostIsReplacedIsNotReplacedAgain() {
        AuroraEngine e = light(10);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("reader-1"));
        e.advanceTo(seconds(5));
        e.apply(new Command.RestoreInstance("reader-1"));
        e.advanceTo(seconds(1) + T.recreateMicros() + seconds(1));
        assertThat(events(e, AuroraEvent.InstanceReplaced.class)).isEmpty();
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
    }

    @Test
    void onlyARunningInstanceCanCrashAndNotAWriterInTheMiddleOfAFailover() {
        AuroraEngine e = light(11);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("reader-1"));
        assertThat(e.apply(new Command.CrashInstance("reader-1")).message())
                .isEqualTo("reader-1 is down: only a running instance's database process can crash");
        assertThat(e.apply(new Command.CrashInstance("nobody")).accepted()).isFalse();
        e.apply(new Command.CrashInstance("writer-1"));
        // restarting: the writer is not running, so it cannot crash again until it is back
        assertThat(e.apply(new Command.CrashInstance("writer-1")).message()).contains("starting");
        e.advanceTo(seconds(1) + T.restartMicros() + 1);
        // now recovering
        assertThat(e.apply(new Command.CrashInstance("writer-1")).accepted()).isFalse();
    }

    @Test
    void scenarioTimingsChangeHowLongDetectionAndTheDnsMoveTake() {
        Timings slow = T.with(Timings.Timing.FAILURE_DETECTION, seconds(30)).with(Timings.Timing.DNS_TTL, seconds(60));
        AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 12, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")).withTimings(slow));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(200));
        assertThat(events(e, AuroraEvent.WriterFailureDetected.class)).singleElement()
                .satisfies(d -> assertThat(d.atMicros()).isEqualTo(seconds(31)));
        assertThat(e.snapshot().failovers().get(0).completedAtMicros())
                .isEqualTo(seconds(1 + 30 + 60) + T.restartMicros() + ModelValues.CRASH_RECOVERY_MICROS);
    }

    @Test
    void aFaultStillUnderWayNamesWhatItsLedgerRowWillBe() {
        AuroraEngine crash = light(13);
        crash.advanceTo(seconds(1));
        crash.apply(new Command.CrashInstance("writer-1"));
        crash.advanceTo(seconds(2));
        assertThat(crash.snapshot().failoverInProgress().kind()).isEqualTo(FailoverKind.RESTART_IN_PLACE);
        // still a restart in place while it recovers after the restart
        crash.advanceTo(seconds(1) + T.restartMicros() + 1);
        assertThat(crash.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.RECOVERING);
        assertThat(crash.snapshot().failoverInProgress().kind()).isEqualTo(FailoverKind.RESTART_IN_PLACE);

        AuroraEngine fail = light(13);
        fail.advanceTo(seconds(1));
        fail.apply(new Command.FailInstance("writer-1"));
        fail.advanceTo(seconds(2));
        assertThat(fail.snapshot().failoverInProgress().kind()).isEqualTo(FailoverKind.IN_REGION);
    }
}

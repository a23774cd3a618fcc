package dev.auroralab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.engine.snapshot.Vitals.RegionVitals;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's cheap vitals say what the whole snapshot says at the same instant: the volume's status, the writer,
 * the failover phase, every region's role, writes and reads, the groups without a quorum, the AZs out, the reader
 * endpoint and the writes lost. Walked through every built-in scenario every half second.
 */
class VitalsTest {

    static List<String> scenarios() {
        return BuiltInScenarios.NAMES;
    }

    /** The vitals worked out the slow way, from a snapshot. */
    static Vitals fromSnapshot(EngineSnapshot s) {
        List<RegionVitals> regions = new ArrayList<>();
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            List<ProtectionGroupSnapshot> pgs = r.volume().protectionGroups();
            List<String> noWrite = pgs.stream().filter(p -> !p.writeQuorum()).map(ProtectionGroupSnapshot::id).toList();
            List<String> noRead = pgs.stream().filter(p -> !p.readQuorum()).map(ProtectionGroupSnapshot::id).toList();
            regions.add(new RegionVitals(r.region(), r.role(), r.writable(), r.readable(), r.downAzs(), noWrite.size(),
                    noWrite.isEmpty() ? null : noWrite.get(0), noRead.size(), noRead.isEmpty() ? null : noRead.get(0)));
        }
        return new Vitals(s.nowMicros(), s.volume().status(), s.volume().writable(), s.volume().readable(),
                s.writerId(), s.failoverInProgress() == null ? dev.auroralab.engine.snapshot.FailoverPhase.NONE
                        : s.failoverInProgress().phase(), s.writerRegion(), regions,
                s.endpoints().readerEndpoint(), s.counters().acknowledgedWritesLost());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theVitalsSayWhatTheSnapshotSaysAtEveryHalfSecond(String name) throws ScenarioError {
        Scenario s = BuiltInScenarios.load(name);
        Run run = Run.forwardOnly(s, s.seed());
        long end = Math.min(s.durationMicros(), 200_000_000L);
        int changes = 0;
        Vitals last = null;
        for (long t = 0; t <= end; t += 500_000) {
            run.playTo(t);
            Vitals v = run.engine().vitals();
            assertThat(v).as(name + " at " + ClockText.of(t)).isEqualTo(fromSnapshot(run.snapshot()));
            if (last != null && !last.equals(v.at(last.nowMicros()))) {
                changes++;
            }
            last = v;
        }
        // a sweep that never saw a change would prove little: these scenarios' faults all show in the vitals
        if (List.of("lose-an-az", "az-plus-one", "writer-crash-failover-by-tier", "global-switchover",
                "global-detach-and-promote").contains(name)) {
            assertThat(changes).as(name + ": the sweep saw the vitals change").isPositive();
        }
    }
}

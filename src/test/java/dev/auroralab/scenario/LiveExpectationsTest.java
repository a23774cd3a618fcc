package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.run.ScenarioRunner;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks on what moves while a run plays (replica lag, commit latency now, writes pending, the failover phase, a
 * membership change, the cluster endpoint's target), each written twice at one moment: first as it is (holds), then as it is not (fails with the
 * engine's value). The run: copy F of pg-0 fails at 1 s (its replacement begins 10 s later), an AZ and one more copy
 * of pg-1 fail at 25-26 s (every commit stalls), the writer is lost at 40 s.
 */
class LiveExpectationsTest {

    private static final String SCENARIO = """
            schemaVersion: 1
            name: Moving parts
            seed: 1
            duration: 50s
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 30
              instances:
                - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                - {id: reader-1, az: us-east-1b, tier: 0, instanceClass: db.r6g.large}
                - {id: reader-2, az: us-east-1c, tier: 1, instanceClass: db.r6g.large}
            workload: {writesPerSecond: 1000, readsPerSecond: 4000}
            timeline:
              - {at: 1s, do: fail-segment, target: pg-0/us-east-1c/2}
              - {at: 25s, do: fail-az, target: us-east-1c}
              - {at: 26s, do: fail-segment, target: pg-1/us-east-1a/1}
              - {at: 40s, do: fail-instance, target: writer-1}
            expect:
            """;

    private static List<ExpectationResult> results;

    @BeforeAll
    static void runOnce() throws ScenarioError {
        Scenario s = ScenarioReader.read("live.yaml", SCENARIO + """
                  - {at: 5s, replicaLagMillisAtMost: {reader-1: 100, reader-2: 100}}
                  - {at: 5s, replicaLagMillisAtMost: {reader-1: 1}}
                  - {at: 5s, replicaLagMillisAtLeast: {reader-1: 1}}
                  - {at: 5s, replicaLagMillisAtLeast: {reader-1: 100}}
                  - {at: 5s, replicaLagMillisAtMost: {reader-2: 1000}}
                  - {at: 5s, replicaLagMillisAtMost: {writer-1: 1000}}
                  - {at: 5s, commitLatencyMillisAtMost: 100}
                  - {at: 5s, commitLatencyMillisAtMost: 1}
                  - {at: 30s, commitLatencyMillisAtLeast: 1000}
                  - {at: 5s, commitLatencyMillisAtLeast: 1000}
                  - {at: 5s, writesPendingAtMost: 100}
                  - {at: 30s, writesPendingAtMost: 100}
                  - {at: 30s, writesPendingAtLeast: 1000}
                  - {at: 5s, writesPendingAtLeast: 1000}
                  - {at: 45s, failoverPhase: detecting}
                  - {at: 45s, failoverPhase: promoting}
                  - {at: 5s, failoverPhase: none}
                  - {at: 45s, failoverPhase: none}
                  - {at: 12s, pg: pg-0, membershipChanging: true}
                  - {at: 5s, pg: pg-0, membershipChanging: true}
                  - {at: 5s, pg: pg-0, membershipChanging: false}
                  - {at: 12s, pg: pg-0, membershipChanging: false}
                  - {at: 12s, pg: pg-0, membershipEpoch: 2}
                  - {at: 12s, pg: pg-0, membershipEpoch: 1}
                  - {at: 45s, clusterEndpoint: writer-1}
                  - {at: 45s, clusterEndpoint: reader-1}
                """);
        results = ScenarioRunner.run(s, null, null).expectations().stream()
                .sorted(Comparator.comparingInt(r -> r.expectation().line())).toList();
    }

    private static String message(int i) {
        return results.get(i).message();
    }

    @Test
    void eachCheckHoldsWhenTrueAndFailsWhenNot() {
        assertThat(results).hasSize(26);
        for (int i = 0; i < results.size(); i += 2) {
            assertThat(results.get(i).passed()).as(message(i)).isTrue();
            assertThat(results.get(i + 1).passed()).as(message(i + 1)).isFalse();
        }
    }

    @Test
    void replicaLagIsTheLagOnTheReplicasCardAndTheWriterHasNone() {
        assertThat(message(0)).contains("reader-1 replica lag 2.", "(at most 100 ms)");
        assertThat(message(1)).contains("reader-1 replica lag 2.", "expected at most 1 ms");
        assertThat(message(3)).contains("expected at least 100 ms");
        assertThat(message(5)).contains("writer-1 replica lag: writer-1 is the writer (it has no lag)");
    }

    @Test
    void commitLatencyNowIsTheLatestCommitsAndDuringAStallTheOldestWait() {
        assertThat(message(7)).contains("commit latency now", "the latest commits took that long",
                "expected at most 1 ms");
        // 4 s into the stall nothing is acknowledged: the oldest pending write has waited about that long
        assertThat(message(8)).contains("the oldest pending write has waited that long", "at least 1000 ms");
        assertThat(message(9)).contains("expected at least 1000 ms");
    }

    @Test
    void writesPendingRangesSayTheCount() {
        assertThat(message(11)).contains("writesPending", "expected at most 100");
        assertThat(message(13)).contains("expected at least 1000");
    }

    @Test
    void theFailoverPhaseIsTheEnginesWithBothEnds() {
        assertThat(message(14)).contains("failoverPhase detecting (writer-1 → not chosen yet)");
        assertThat(message(15)).contains("expected promoting");
        assertThat(message(17)).contains("failoverPhase detecting", "expected none");
    }

    @Test
    void aMembershipChangeShowsTheJoiningCopyTheTwoWriteSetsAndTheEpoch() {
        assertThat(message(18)).contains("pg-0 membershipChanging true (pg-0/us-east-1c/2#1 joining; writes need "
                + "4/6 of ABCDEF AND 4/6 of ABCDEG) at epoch 2");
        assertThat(message(19)).contains("pg-0 membershipChanging false at epoch 1");
        assertThat(message(23)).contains("pg-0 membershipEpoch 2, expected 1");
    }

    @Test
    void theClusterEndpointStaysOnTheLostWriterUntilTheFailoverMovesIt() {
        // 5 s after writer-1 is lost Aurora is still detecting it: the endpoint has nowhere else to go yet
        assertThat(message(24)).contains("clusterEndpoint writer-1");
        assertThat(message(25)).contains("clusterEndpoint writer-1 (failover detecting), expected reader-1");
    }
}

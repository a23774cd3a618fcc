package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import org.junit.jupiter.api.Test;

/**
 * Limits a learner meets in the User Guide and the FAQ (issue 12, item 7): with s secondary regions the primary holds
 * at most 15 − s read replicas; a volume grows to 256 TiB on current versions; a headless secondary (no instance)
 * cannot forward writes.
 */
class GlobalLimitsTest {

    /** A primary with {@code replicas} readers and {@code secondaries} secondary regions, the last one headless. */
    private static String yaml(int replicas, int secondaries, boolean lastHeadless, String timeline) {
        StringBuilder b = new StringBuilder("""
                schemaVersion: 1
                name: limits
                duration: 10s
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer}
                """);
        for (int i = 1; i <= replicas; i++) {
            b.append("    - {id: reader-").append(i).append(", az: us-east-1b}\n");
        }
        String[] regions = {"eu-west-1", "us-west-2", "ap-southeast-2"};
        b.append("secondaries:\n");
        for (int k = 0; k < secondaries; k++) {
            String r = regions[k];
            b.append("  - region: ").append(r).append("\n    azs: [").append(r).append("a, ").append(r).append("b, ")
                    .append(r).append("c]\n    latencyMs: 70\n");
            if (lastHeadless && k == secondaries - 1) {
                b.append("    instances: []\n");
            } else {
                b.append("    instances:\n      - {id: ").append(r).append("-reader-1, az: ").append(r).append("a}\n");
            }
        }
        return b + timeline;
    }

    @Test
    void withTwoSecondariesThePrimaryHoldsAtMostThirteenReplicasInTheFile() {
        assertThatThrownBy(() -> ScenarioReader.read("limits.yaml", yaml(14, 2, false, "")))
                .isInstanceOf(ScenarioError.class)
                .hasMessageContaining("a 2nd secondary region 'us-west-2' beside 14 read replicas in the primary")
                .hasMessageContaining("at most 15 − 2 = 13 read replicas");
    }

    @Test
    void thirteenReplicasBesideTwoSecondariesAreAcceptedAndTheFourteenthIsRefusedByTheEngine() throws Exception {
        Scenario s = ScenarioReader.read("limits.yaml", yaml(13, 2, false, ""));
        AuroraEngine e = new AuroraEngine(s.cluster());
        var r = e.apply(new Command.AddReplica("reader-14", "us-east-1c", 1, "db.r6g.large"));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).isEqualTo("with 2 secondary regions the primary cluster has at most 15 − 2 = 13 replicas");
        // a secondary region keeps its own limit of 16
        assertThat(e.apply(new Command.AddReplica("eu-2", "eu-west-1b", 1, "db.r6g.large")).accepted()).isTrue();
    }

    @Test
    void addingAFourteenthReplicaInTheTimelineBesideTwoSecondariesIsRefusedWithItsPlace() {
        String timeline = "timeline:\n  - {at: 2s, do: add-replica, id: reader-14, az: us-east-1c}\n";
        assertThatThrownBy(() -> ScenarioReader.read("limits.yaml", yaml(13, 2, false, timeline)))
                .isInstanceOf(ScenarioError.class)
                .hasMessageContaining("makes a 14th read replica")
                .hasMessageContaining("at most 15 − 2 = 13 replicas");
    }

    @Test
    void aHeadlessSecondaryCannotForwardWrites() throws Exception {
        String timeline = "timeline:\n  - {at: 2s, do: set-write-forwarding, target: us-west-2, consistency: session}\n";
        assertThatThrownBy(() -> ScenarioReader.read("limits.yaml", yaml(2, 2, true, timeline)))
                .isInstanceOf(ScenarioError.class)
                .hasMessageContaining("us-west-2 has no instance at 2s: a headless secondary cannot forward writes");

        AuroraEngine e = new AuroraEngine(ScenarioReader.read("limits.yaml", yaml(2, 2, true, "")).cluster());
        var r = e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).isEqualTo("us-west-2 has no instance: a headless secondary cannot forward writes (nor"
                + " serve reads)");
        // turning it off is always fine, and a secondary with a reader may forward
        assertThat(e.apply(new Command.SetWriteForwarding("us-west-2", null)).accepted()).isTrue();
        assertThat(e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.SESSION)).accepted()).isTrue();
    }

    @Test
    void aVolumeGrowsTo256TiBOnCurrentVersionsAndNoFurther() throws Exception {
        String ok = yaml(1, 0, false, "").replace("volumeGiB: 10", "volumeGiB: 262144").replace("secondaries:\n", "");
        assertThat(ScenarioReader.read("big.yaml", ok).cluster().volumeGiB()).isEqualTo(256 * 1024);
        String tooBig = ok.replace("volumeGiB: 262144", "volumeGiB: 262145");
        assertThatThrownBy(() -> ScenarioReader.read("big.yaml", tooBig)).isInstanceOf(ScenarioError.class)
                .hasMessageContaining("volumeGiB must be 1 to 262144")
                .hasMessageContaining("256 TiB on current Aurora versions (128 TiB on older ones)");
    }
}

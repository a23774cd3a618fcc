package dev.auroralab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.cluster.PromotionPolicy;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import java.util.List;
import dev.auroralab.engine.sim.SimRandom;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private static Instance replica(String id, int tier, String cls, int order) {
        return new Instance(id, "az-a", InstanceRole.READER, tier, cls, order);
    }

    @Test
    void theLowestTierWinsEvenOverALargerInstance() {
        Instance small = replica("small", 0, "db.r6g.large", 0);
        Instance big = replica("big", 1, "db.r6g.16xlarge", 1);
        assertThat(PromotionPolicy.choose(List.of(big, small), new SimRandom(1))).isSameAs(small);
    }

    @Test
    void withinATierTheLargestInstanceWins() {
        Instance a = replica("a", 1, "db.r6g.2xlarge", 0);
        Instance b = replica("b", 1, "db.r6g.8xlarge", 1);
        Instance c = replica("c", 1, "db.r6g.xlarge", 2);
        assertThat(PromotionPolicy.choose(List.of(a, b, c), new SimRandom(1))).isSameAs(b);
    }

    @Test
    void aFullTieIsBrokenBySeedAndTheSameSeedAlwaysPicksTheSameReplica() {
        List<Instance> tied = List.of(replica("a", 1, "db.r6g.large", 0), replica("b", 1, "db.r6g.large", 1),
                replica("c", 1, "db.r6g.large", 2));
        for (long seed = 0; seed < 20; seed++) {
            assertThat(PromotionPolicy.choose(tied, new SimRandom(seed)))
                    .isSameAs(PromotionPolicy.choose(tied, new SimRandom(seed)));
        }
        long distinct = java.util.stream.LongStream.range(0, 50)
                .mapToObj(s -> PromotionPolicy.choose(tied, new SimRandom(s)).id()).distinct().count();
        assertThat(distinct).isEqualTo(3);
    }

    @Test
    void instanceSizesAreOrderedLargeBelowXlargeBelow2xlarge() {
        assertThat(InstanceClassSize.rank("db.r6g.large")).isLessThan(InstanceClassSize.rank("db.r6g.xlarge"));
        assertThat(InstanceClassSize.rank("db.r6g.xlarge")).isLessThan(InstanceClassSize.rank("db.r6g.2xlarge"));
        assertThat(InstanceClassSize.rank("db.r6g.2xlarge")).isLessThan(InstanceClassSize.rank("db.r6g.4xlarge"));
        assertThat(InstanceClassSize.rank("db.t3.medium")).isLessThan(InstanceClassSize.rank("db.r6g.large"));
    }
}

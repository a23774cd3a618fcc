package dev.auroralab.engine.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.auroralab.engine.sim.SimRandom;

/**
 * Which replica Aurora promotes when the writer fails.
 *
 * <p>Aurora: the replica with the lowest promotion tier (0-15) wins; among equal tiers the largest instance; among
 * equal sizes an arbitrary one (UG Concepts.AuroraHighAvailability). Model: "arbitrary" is a seeded random choice from
 * the tie-break stream, so the same seed always picks the same replica.
 */
public final class PromotionPolicy {

    private PromotionPolicy() {
    }

    public static Instance choose(List<Instance> candidates, SimRandom tieBreaks) {
        if (candidates.isEmpty()) {
            return null;
        }
        List<Instance> sorted = new ArrayList<>(candidates);
        // creation order makes the list order independent of how the caller gathered it
        sorted.sort(Comparator.comparingInt(Instance::tier)
                .thenComparing(Comparator.comparingInt(Instance::sizeRank).reversed())
                .thenComparingInt(Instance::creationOrder));
        Instance best = sorted.get(0);
        List<Instance> tied = sorted.stream()
                .filter(i -> i.tier() == best.tier() && i.sizeRank() == best.sizeRank()).toList();
        return tied.size() == 1 ? best : tied.get(tieBreaks.nextInt(tied.size()));
    }
}

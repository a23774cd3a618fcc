package dev.auroralab.teach;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.exam.Domain;
import dev.auroralab.run.Branch;
import dev.auroralab.teach.PredictionChoice.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "What happens next?" before a significant change: what is about to be done (the lead), three or four choices of
 * which exactly one is true of the change, and the exam domain the moment exercises.
 *
 * <p>The right choice is {@link PredictionChoice#rightFor} (a fixed priority when several kinds are true). The
 * distractors are drawn from the kinds the engine can report that are false of this change and make sense now:
 * "writes stop" only while writes go on, "writes resume" only while they are stopped, "X becomes the writer" for the
 * instances of the write region in promotion-tier order (the best tiers first: the ones a learner would pick), "R
 * becomes the primary region" for the other regions, "acknowledged writes are lost", and "nothing the application
 * notices changes" (the misconception most worth testing, so it is offered first whenever it is false). Kinds of the
 * right answer's family (other writers, other regions, the other ways to stop) come before the rest. Which ones and
 * their order are drawn from a generator seeded by the run's seed and the stop moment: the same run shows the same
 * prompt.
 *
 * @param rightIndex the index of the right choice in {@code choices}
 */
public record PredictionPrompt(SignificantChange change, String lead, List<PredictionChoice> choices, int rightIndex,
        Domain domain) {

    /** At most this many choices (keys 1 to 4); fewer only when fewer false ones make sense. */
    public static final int MAX_CHOICES = 4;

    public PredictionPrompt {
        choices = List.copyOf(choices);
        if (rightIndex < 0 || rightIndex >= choices.size()) {
            throw new IllegalArgumentException("right choice " + rightIndex + " of " + choices.size());
        }
    }

    /** The question every prompt asks. */
    public String question() {
        return "What happens next?";
    }

    public PredictionChoice right() {
        return choices.get(rightIndex);
    }

    public boolean isRight(int index) {
        return index == rightIndex;
    }

    /** What the change turned out to be, one sentence per vital that changed (said after the answer). */
    public List<String> whatHappened() {
        return ChangeWords.whatHappened(change);
    }

    /**
     * The prompt for {@code c}, the run standing at its stop moment ({@code atStop}: the instances and their tiers, the
     * regions), with choices drawn by {@code seed} (the run's) and the moment.
     */
    public static PredictionPrompt of(SignificantChange c, EngineSnapshot atStop, long seed) {
        Vitals before = c.before();
        Vitals after = c.after();
        PredictionChoice right = PredictionChoice.rightFor(before, after);
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ c.stopMicros());
        List<PredictionChoice> distractors = distractors(right, candidates(before, atStop), before, after, rnd);
        List<PredictionChoice> all = new ArrayList<>(distractors);
        all.add(right);
        shuffle(all, rnd);
        return new PredictionPrompt(c, ChangeWords.lead(c), all, all.indexOf(right), domainOf(c, atStop));
    }

    /** Every choice that makes sense before the change, true or false, writers in tier order. */
    static List<PredictionChoice> candidates(Vitals before, EngineSnapshot atStop) {
        List<PredictionChoice> out = new ArrayList<>();
        out.add(PredictionChoice.of(Kind.NOTHING_NOTICED));
        if (before.writable() && before.readable()) {
            out.add(PredictionChoice.of(Kind.WRITES_AND_READS_STOP));
        }
        out.add(PredictionChoice.of(before.writable() ? Kind.WRITES_STOP : Kind.WRITES_RESUME));
        out.add(PredictionChoice.of(before.readable() ? Kind.READS_STOP : Kind.READS_RESUME));
        List<InstanceSnapshot> byTier = new ArrayList<>(atStop.instances());
        byTier.sort(Comparator.comparingInt(InstanceSnapshot::tier)); // stable: creation order within a tier
        for (InstanceSnapshot i : byTier) {
            if (!i.id().equals(before.writerId())) {
                out.add(PredictionChoice.writer(i.id()));
            }
        }
        for (Vitals.RegionVitals r : before.regions()) {
            if (before.regions().size() > 1 && !r.region().equals(before.writerRegion())) {
                out.add(PredictionChoice.primary(r.region()));
            }
        }
        out.add(PredictionChoice.of(Kind.WRITES_LOST));
        if (before.regions().size() > 1) {
            out.add(PredictionChoice.of(Kind.TWO_REGIONS_WRITE));
        }
        return out;
    }

    private static List<PredictionChoice> distractors(PredictionChoice right, List<PredictionChoice> candidates,
            Vitals before, Vitals after, SplittableRandom rnd) {
        boolean global = before.regions().size() > 1;
        List<List<PredictionChoice>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (PredictionChoice c : candidates) {
            if (c.holds(before, after)) {
                continue;
            }
            int rank = c.kind() == Kind.NOTHING_NOTICED || family(c.kind()) == family(right.kind()) ? 0
                    : c.kind() == Kind.WRITES_LOST && !global ? 2 : 1;
            ranks.get(rank).add(c);
        }
        List<PredictionChoice> out = new ArrayList<>();
        int writersLeft = right.kind() == Kind.BECOMES_WRITER ? 2 : 1;
        int regionsLeft = right.kind() == Kind.REGION_BECOMES_PRIMARY ? 2 : 1;
        for (List<PredictionChoice> pool : ranks) {
            // the writers stay in tier order: a random slot goes to the best-tier writer not yet offered
            List<PredictionChoice> writers = pool.stream().filter(c -> c.kind() == Kind.BECOMES_WRITER).toList();
            List<PredictionChoice> others = new ArrayList<>(pool.stream()
                    .filter(c -> c.kind() != Kind.BECOMES_WRITER).toList());
            PredictionChoice nothing = others.remove(PredictionChoice.of(Kind.NOTHING_NOTICED))
                    ? PredictionChoice.of(Kind.NOTHING_NOTICED) : null;
            shuffle(others, rnd);
            List<PredictionChoice> order = new ArrayList<>();
            if (nothing != null) {
                order.add(nothing);
            }
            int w = 0;
            int slots = others.size() + writers.size();
            for (int k = 0, o = 0; k < slots; k++) {
                boolean takeWriter = w < writers.size() && (o >= others.size()
                        || rnd.nextInt(others.size() - o + writers.size() - w) < writers.size() - w);
                order.add(takeWriter ? writers.get(w++) : others.get(o++));
            }
            for (PredictionChoice c : order) {
                if (out.size() == MAX_CHOICES - 1) {
                    return out;
                }
                if (c.kind() == Kind.BECOMES_WRITER && writersLeft-- <= 0
                        || c.kind() == Kind.REGION_BECOMES_PRIMARY && regionsLeft-- <= 0) {
                    continue;
                }
                out.add(c);
            }
        }
        return out;
    }

    /** Kinds that answer the same question: who writes now, which region leads, what stops, what resumes. */
    private static int family(Kind k) {
        return switch (k) {
            case BECOMES_WRITER -> 1;
            case REGION_BECOMES_PRIMARY -> 2;
            case WRITES_AND_READS_STOP, WRITES_STOP, READS_STOP -> 3;
            case WRITES_RESUME, READS_RESUME -> 4;
            case WRITES_LOST, TWO_REGIONS_WRITE -> 5;
            case NOTHING_NOTICED -> 6;
        };
    }

    /**
     * The exam domain a moment exercises: by what changes (a region's role or lost writes: Global Database; the writer
     * or the failover: high availability; a quorum or an AZ: storage; the reader endpoint alone: read scaling), so an
     * AZ outage that takes the writer is a failover question and one that takes two copies a storage question; when
     * none of those change, by the first command of the step (an AZ, a copy or a storage node: storage; an instance,
     * a failover or a tier: high availability; replicas or the workload: read scaling; a region, a switchover, write
     * forwarding or managed RPO: Global Database).
     */
    static Domain domainOf(SignificantChange c, EngineSnapshot atStop) {
        Domain byChange = domainOfChange(c.before(), c.after());
        if (byChange != null) {
            return byChange;
        }
        if (!c.commands().isEmpty()) {
            return domainOf(c.commands().get(0), atStop);
        }
        return c.after().regions().size() > 1 ? Domain.GLOBAL_DATABASE : Domain.STORAGE;
    }

    /** The domain of what changed between two moments, or null when nothing a domain is judged by changed. */
    private static Domain domainOfChange(Vitals a, Vitals b) {
        boolean roles = false;
        boolean quorums = false;
        for (Vitals.RegionVitals rb : b.regions()) {
            Vitals.RegionVitals ra = a.region(rb.region());
            // the write region's own writes and reads are the volume's: only another region's count as a role
            roles |= ra == null || ra.role() != rb.role() || !rb.region().equals(b.writerRegion())
                    && (ra.readable() != rb.readable() || ra.writable() != rb.writable());
            quorums |= ra != null && (ra.groupsWithoutWriteQuorum() != rb.groupsWithoutWriteQuorum()
                    || ra.groupsWithoutReadQuorum() != rb.groupsWithoutReadQuorum()
                    || !ra.downAzs().equals(rb.downAzs())
                    || !java.util.Objects.equals(ra.firstWithoutWriteQuorum(), rb.firstWithoutWriteQuorum())
                    || !java.util.Objects.equals(ra.firstWithoutReadQuorum(), rb.firstWithoutReadQuorum()));
        }
        boolean globalPhase = isGlobal(a.phase()) || isGlobal(b.phase());
        if (roles || !a.writerRegion().equals(b.writerRegion()) || a.acknowledgedWritesLost()
                != b.acknowledgedWritesLost() || globalPhase) {
            return Domain.GLOBAL_DATABASE;
        }
        if (a.phase() != b.phase() || !java.util.Objects.equals(a.writerId(), b.writerId())) {
            return Domain.HIGH_AVAILABILITY;
        }
        if (quorums) {
            return Domain.STORAGE;
        }
        if (!a.readerEndpoint().equals(b.readerEndpoint())) {
            return Domain.READ_SCALING;
        }
        return null;
    }

    private static boolean isGlobal(FailoverPhase p) {
        return p == FailoverPhase.GLOBAL_PROMOTING || p == FailoverPhase.SWITCHOVER_SYNC
                || p == FailoverPhase.SWITCHOVER_RECONFIGURING;
    }

    private static Domain domainOf(Branch.Entry e, EngineSnapshot atStop) {
        Command c = e.command().command();
        if (c instanceof Command.FailAvailabilityZone || c instanceof Command.RestoreAvailabilityZone
                || c instanceof Command.ReconfigureQuorum || c instanceof Command.FailSegment
                || c instanceof Command.RestoreSegment || c instanceof Command.DestroySegment
                || c instanceof Command.FailStorageNode || c instanceof Command.RestoreStorageNode) {
            return Domain.STORAGE;
        }
        if (c instanceof Command.FailInstance || c instanceof Command.CrashInstance
                || c instanceof Command.RestoreInstance || c instanceof Command.Failover
                || c instanceof Command.SetPromotionTier) {
            return Domain.HIGH_AVAILABILITY;
        }
        if (c instanceof Command.AddReplica || c instanceof Command.RemoveReplica) {
            return Domain.READ_SCALING;
        }
        if (c instanceof Command.SetWorkload) {
            // a burst of writes is a question of replica lag when there are replicas, of throughput when there are none
            return atStop.instances().size() > 1 ? Domain.READ_SCALING : Domain.PERFORMANCE;
        }
        return Domain.GLOBAL_DATABASE; // regions, switchover, global failover, detach, write forwarding, managed RPO
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}

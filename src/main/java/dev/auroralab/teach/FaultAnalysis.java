package dev.auroralab.teach;

import dev.auroralab.engine.ClusterFacts;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@link FailureDistance} is worked out from one snapshot: for each fault the engine would accept now, what it
 * takes down ({@link Down}), then what that does to the quorums ({@link QuorumAfterFault}), the reads (the reader
 * endpoint as the engine resolves it, a copy left to read from), the writer ({@link WriterChange}) and the managed
 * RPO. Kept apart from the result so the result reads as what a learner gets.
 *
 * <p>Fast enough for a frame on the largest volume (decision 0026): the protection groups are sorted by shape
 * ({@link GroupShapes}), and every question about a group is asked once per shape, of its first group, and counted
 * for all of its groups; a copy's fault is worked out once per shape and position, and each copy's own fault is made
 * from it when someone asks ({@link CopyFaults}). The answers are exactly those of judging every fault and every group
 * one by one, which a test keeps (the straightforward analysis, StraightforwardAnalysis, on every built-in scenario).
 */
final class FaultAnalysis {

    /**
     * What one fault takes down: copies, by shape of the region's groups (bit k of {@code masks[shape]}: the k-th copy
     * of every group of that shape, or with {@code oneGroup} of one group of it: a copy's own fault; null when it
     * takes no copy), and the instances, AZs and region ({@code lost}).
     */
    record Down(int[] masks, WriterChange.Lost lost, boolean oneGroup) {
        Down(int[] masks, WriterChange.Lost lost) {
            this(masks, lost, false);
        }

        /** How many groups of the shape the fault reaches. */
        int groups(GroupShapes.Shape sh) {
            return oneGroup ? 1 : sh.count;
        }

        Set<String> instances() {
            return lost.instances();
        }

        String region() {
            return lost.region();
        }

        int mask(GroupShapes.Shape sh) {
            return masks == null ? 0 : masks[sh.index];
        }
    }

    // ---- the analysis, one snapshot at a time --------------------------------------------------------------------

    private static final class Analysis {
        private final EngineSnapshot s;
        private final IndexedFacts facts;
        private final WriterChange writerChange;
        private final Map<String, GroupShapes> shapes = new HashMap<>();
        private final List<FailureDistance.RegionFaults> out = new ArrayList<>();

        /** Asked once, not once per fault: the writer, whether it takes writes, who could be promoted now. */
        private final String writerId;
        private final boolean writerAcceptsWrites;
        /** Whether the promotion coming without any fault (a lost writer being detected) takes the last reader. */
        private final String promotedLastReaderAlready;

        Analysis(EngineSnapshot s, WriterTimes times) {
            this.s = s;
            this.facts = new IndexedFacts(s);
            this.writerId = s.writerId();
            this.writerAcceptsWrites = facts.writerAcceptsWrites();
            this.writerChange = new WriterChange(s, facts, times);
            RegionSnapshot writeRegion = s.regionsOrPrimary().stream().filter(r -> r.region().equals(s.region()))
                    .findFirst().orElseThrow();
            this.promotedLastReaderAlready = promotedLastReader(writeRegion, WriterChange.Lost.NOTHING);
        }

        private GroupShapes shapes(RegionSnapshot r) {
            return shapes.computeIfAbsent(r.region(), k -> new GroupShapes(r));
        }

        FailureDistance run() {
            for (RegionSnapshot r : s.regionsOrPrimary()) {
                GroupShapes gs = shapes(r);
                CopyFaults copies = new CopyFaults(r.region(), gs, copyTemplates(r, gs));
                List<SingleFault> others = new ArrayList<>();
                for (StorageNodeSnapshot n : r.storageNodes()) {
                    consider(others, SingleFault.Kind.STORAGE_NODE, n.id(), r, new Command.FailStorageNode(n.id()),
                            new Down(gs.masksOfNode(n.id()), WriterChange.Lost.NOTHING), null);
                }
                for (String az : r.azs()) {
                    consider(others, SingleFault.Kind.AZ, az, r, new Command.FailAvailabilityZone(az),
                            new Down(gs.masksOfAz(az), new WriterChange.Lost(instancesIn(r, az), Set.of(az), null)),
                            null);
                }
                for (InstanceSnapshot i : r.instances()) {
                    consider(others, SingleFault.Kind.INSTANCE, i.id(), r, new Command.FailInstance(i.id()),
                            new Down(null, new WriterChange.Lost(Set.of(i.id()), Set.of(), null)), null);
                }
                if (s.isGlobal()) {
                    Set<String> all = new HashSet<>();
                    r.instances().forEach(i -> all.add(i.id()));
                    consider(others, SingleFault.Kind.REGION, r.region(), r, new Command.FailRegion(r.region()),
                            new Down(gs.masksOfAll(), new WriterChange.Lost(all, Set.copyOf(r.azs()), r.region())),
                            null);
                }
                out.add(new FailureDistance.RegionFaults(r.region(), copies, others));
            }
            return FailureDistance.ofRegions(s.nowMicros(), out);
        }

        /**
         * Each copy's fault, once per shape and position: the representative group's copy, with the group's name
         * left as {@link CopyFaults#GROUP} for each group's own. Null where the engine would refuse the fault.
         */
        private SingleFault[][] copyTemplates(RegionSnapshot r, GroupShapes gs) {
            SingleFault[][] t = new SingleFault[gs.shapes.size()][];
            for (GroupShapes.Shape sh : gs.shapes) {
                List<SegmentSnapshot> segs = sh.rep.segments();
                t[sh.index] = new SingleFault[segs.size()];
                for (int k = 0; k < segs.size(); k++) {
                    SegmentSnapshot seg = segs.get(k);
                    if (!seg.replacement()) {
                        // fail-segment names the copy position; the engine fails the copy holding it now
                        facts.know(seg);
                        List<SingleFault> one = new ArrayList<>(1);
                        consider(one, SingleFault.Kind.COPY, seg.id(), r, new Command.FailSegment(seg.address()),
                                new Down(gs.maskOfCopy(sh.index, k), WriterChange.Lost.NOTHING, true), sh);
                        t[sh.index][k] = one.isEmpty() ? null : one.get(0);
                    }
                }
            }
            return t;
        }

        private static Set<String> instancesIn(RegionSnapshot r, String az) {
            Set<String> instances = new HashSet<>();
            for (InstanceSnapshot i : r.instances()) {
                if (i.az().equals(az)) {
                    instances.add(i.id());
                }
            }
            return instances;
        }

        /**
         * Adds the fault when the engine would accept it now, with what it would do. {@code named}: the shape whose
         * groups are named {@link CopyFaults#GROUP} in the reasons (a copy's template), or null.
         */
        private void consider(List<SingleFault> to, SingleFault.Kind kind, String id, RegionSnapshot r, Command fault,
                Down d, GroupShapes.Shape named) {
            if (Preconditions.check(fault, facts) != null) {
                return; // already out, or destroyed: not a fault a learner can make now
            }
            Set<FaultEffect> effects = EnumSet.noneOf(FaultEffect.class);
            Map<FaultEffect, String> why = new EnumMap<>(FaultEffect.class);
            long writesBack = 0;
            boolean writeRegion = r.region().equals(s.region());
            quorums(r, d, writeRegion, effects, why, named);
            reads(r, d, writeRegion, effects, why, named);
            if (d.lost().any()) {
                WriterChange.Judged w = writerChange.judge(r, d.lost());
                if (w.effect() != null) {
                    effects.add(w.effect());
                    why.put(w.effect(), w.reason());
                    writesBack = w.writesBackMicros();
                }
            }
            commitsWait(r, d, effects, why);
            to.add(new SingleFault(kind, id, r.region(), fault, effects, List.copyOf(why.values()), writesBack));
        }

        private static String name(GroupShapes gs, GroupShapes.Shape sh, GroupShapes.Shape named) {
            return sh == named ? CopyFaults.GROUP : gs.pgs.get(sh.first).id();
        }

        /**
         * The quorums of the groups the fault takes copies from: the first group (in volume order) that loses one
         * names it, and the others are counted. A shape's groups all lose it or all keep it.
         */
        private void quorums(RegionSnapshot r, Down d, boolean writeRegion, Set<FaultEffect> effects,
                Map<FaultEffect, String> why, GroupShapes.Shape named) {
            if (d.masks() == null) {
                return;
            }
            FaultEffect writeEffect = writeRegion ? FaultEffect.WRITES_STOP : FaultEffect.REPLICATION_STALLS;
            GroupShapes gs = shapes(r);
            int writesLost = 0;
            int readsLost = 0;
            GroupShapes.Shape firstW = null;
            GroupShapes.Shape firstR = null;
            QuorumAfterFault.Count w1 = null;
            QuorumAfterFault.Count r1 = null;
            for (GroupShapes.Shape sh : gs.shapes) {
                int m = d.mask(sh);
                if (m == 0) {
                    continue;
                }
                Set<String> down = sh.ids(m);
                QuorumAfterFault.Count w = QuorumAfterFault.writes(sh.rep, down);
                if (!w.held() && QuorumAfterFault.writes(sh.rep, Set.of()).held()) {
                    writesLost += d.groups(sh);
                    if (firstW == null || sh.first < firstW.first) {
                        firstW = sh;
                        w1 = w;
                    }
                }
                QuorumAfterFault.Count rd = QuorumAfterFault.reads(sh.rep, down);
                if (!rd.held() && QuorumAfterFault.reads(sh.rep, Set.of()).held()) {
                    readsLost += d.groups(sh);
                    if (firstR == null || sh.first < firstR.first) {
                        firstR = sh;
                        r1 = rd;
                    }
                }
            }
            if (writesLost > 0) {
                effects.add(writeEffect);
                why.put(writeEffect, name(gs, firstW, named) + " would reach " + w1.copies() + " of " + w1.inModel()
                        + " copies; " + (writeRegion ? "writes" : "replicated writes") + " need " + w1.needed()
                        + more(writesLost));
            }
            if (readsLost > 0) {
                effects.add(FaultEffect.READ_QUORUM_LOST);
                why.put(FaultEffect.READ_QUORUM_LOST, name(gs, firstR, named) + " would reach " + r1.copies() + " of "
                        + r1.inModel() + " copies; a read quorum needs " + r1.needed()
                        + " (reads go on only from a copy that holds the read point; no new writer could recover)"
                        + more(readsLost));
            }
        }

        private static String more(int groups) {
            return groups <= 1 ? "" : " (and " + (groups - 1) + " more group" + (groups == 2 ? "" : "s") + ")";
        }

        /** Whether reads that work now would stop: no instance behind the endpoint, or no copy left to read from. */
        private void reads(RegionSnapshot r, Down d, boolean writeRegion, Set<FaultEffect> effects,
                Map<FaultEffect, String> why, GroupShapes.Shape named) {
            if (!r.readable()) {
                return; // they have stopped already: not this fault's doing
            }
            long readPoint;
            if (writeRegion) {
                List<InstanceSnapshot> targets = readerTargetsAfter(r, d.lost());
                if (targets.isEmpty()) {
                    effects.add(FaultEffect.READS_STOP);
                    why.put(FaultEffect.READS_STOP, "no instance would be left behind the reader endpoint");
                    return;
                }
                String promoted = promotedLastReader(r, d.lost());
                if (promoted != null && promotedLastReaderAlready == null) {
                    // the endpoint's one replica becomes the writer: while it is promoted and recovers, the endpoint
                    // has no instance to send reads to (ReadPath: the readers up, else a writer taking writes)
                    effects.add(FaultEffect.READS_STOP);
                    why.put(FaultEffect.READS_STOP, "reads stop while " + promoted + ", the one replica left, is"
                            + " promoted: the reader endpoint has no other instance until it takes writes");
                    return;
                }
                readPoint = targets.stream().mapToLong(InstanceSnapshot::appliedLsn).min().orElse(0);
            } else {
                boolean instanceUp = r.instances().stream()
                        .anyMatch(i -> i.status() == InstanceStatus.UP && !d.instances().contains(i.id()));
                if (d.region() != null || !instanceUp) {
                    effects.add(FaultEffect.READS_STOP);
                    why.put(FaultEffect.READS_STOP, d.region() != null ? r.region() + " would be out"
                            : "no instance would be left up in " + r.region() + " to read from");
                    return;
                }
                readPoint = r.durableLsn();
            }
            // a fault that takes no instance leaves the read point where it is: only its groups can change; one that
            // takes instances may move the read point (the endpoint's instances change), so every group is asked
            GroupShapes gs = shapes(r);
            GroupShapes.Shape first = null;
            for (GroupShapes.Shape sh : gs.shapes) {
                int m = d.mask(sh);
                if (m == 0 && d.instances().isEmpty()) {
                    continue;
                }
                if ((first == null || sh.first < first.first)
                        && !QuorumAfterFault.readableCopyLeft(sh.rep, sh.ids(m), readPoint)) {
                    first = sh;
                }
            }
            if (first != null) {
                effects.add(FaultEffect.READS_STOP);
                why.put(FaultEffect.READS_STOP, "no copy of " + name(gs, first, named)
                        + " that holds the read point would be left");
            }
        }

        /**
         * The reader endpoint after the fault, as the engine resolves it (ReadPath.readerEndpointTargets): the
         * region's readers that are up, or the writer when there is none and it takes writes.
         */
        private List<InstanceSnapshot> readerTargetsAfter(RegionSnapshot r, WriterChange.Lost d) {
            List<InstanceSnapshot> out = new ArrayList<>();
            for (InstanceSnapshot i : r.instances()) {
                if (i.role() == InstanceRole.READER && i.status() == InstanceStatus.UP
                        && !d.instances().contains(i.id())) {
                    out.add(i);
                }
            }
            if (out.isEmpty() && writerAcceptsWrites && !d.instances().contains(writerId)) {
                out.add(s.instance(writerId));
            }
            return out;
        }

        /**
         * The replica a promotion coming after the fault would take when it is also the one reader left up, so the
         * reader endpoint loses its last instance; null otherwise. A promotion comes when the fault takes the writer
         * (or, during a failover, the instance being promoted or the new writer: the engine chooses again at once),
         * or when a lost writer is still being detected ({@link WriterChange#promotionAfter}).
         */
        private String promotedLastReader(RegionSnapshot r, WriterChange.Lost d) {
            List<ClusterFacts.InstanceFact> from = writerChange.promotionAfter(d);
            if (from == null) {
                return null;
            }
            List<String> candidates = from.stream().map(ClusterFacts.InstanceFact::id).toList();
            List<String> readers = new ArrayList<>();
            for (InstanceSnapshot i : r.instances()) {
                if (i.role() == InstanceRole.READER && i.status() == InstanceStatus.UP
                        && !d.instances().contains(i.id())) {
                    readers.add(i.id());
                }
            }
            return candidates.size() == 1 && readers.equals(candidates) ? candidates.get(0) : null;
        }

        /**
         * Managed RPO (UG, Aurora PostgreSQL): commits on the primary wait while every secondary lags past it. A fault
         * that stops the replication of the last secondary still within it makes commits wait once its lag grows past
         * the limit. Only judged while a writer takes writes: with none, nothing commits anyway.
         */
        private void commitsWait(RegionSnapshot r, Down d, Set<FaultEffect> effects, Map<FaultEffect, String> why) {
            long rpo = s.global() == null ? 0 : s.global().managedRpoSeconds();
            RegionSnapshot primary = s.regionSnapshot(s.region());
            if (rpo <= 0 || s.global().commitsBlocked() || primary == null || primary.role() != RegionRole.PRIMARY
                    || !writerAcceptsWrites || effects.contains(FaultEffect.NO_WRITER)
                    || effects.contains(FaultEffect.FAILOVER) || effects.contains(FaultEffect.WRITES_STOP)) {
                return;
            }
            List<String> within = new ArrayList<>();
            List<String> withinAfter = new ArrayList<>();
            for (RegionSnapshot sec : s.regions()) {
                if (sec.role() != RegionRole.SECONDARY || sec.resyncing() || sec.rpoLagMicros() > rpo * 1_000_000) {
                    continue;
                }
                if (replicates(shapes(sec), null)) {
                    within.add(sec.region());
                    if (sec != r || d.region() == null && replicates(shapes(sec), d)) {
                        withinAfter.add(sec.region());
                    }
                }
            }
            if (!within.isEmpty() && withinAfter.isEmpty()) {
                effects.add(FaultEffect.COMMITS_WAIT);
                why.put(FaultEffect.COMMITS_WAIT, "replication to " + String.join(", ", within) + " would stop: once"
                        + " its lag passes the managed RPO of " + rpo + " s, commits on the primary wait");
            }
        }

        /**
         * Whether every group of a region keeps its write quorum (with none down: {@code d} null), or every group the
         * fault takes copies from does after it.
         */
        private static boolean replicates(GroupShapes gs, Down d) {
            for (GroupShapes.Shape sh : gs.shapes) {
                int m = d == null ? 0 : d.mask(sh);
                if ((d == null || m != 0) && !QuorumAfterFault.writes(sh.rep, sh.ids(m)).held()) {
                    return false;
                }
            }
            return true;
        }
    }

    private FaultAnalysis() {
    }

    /** The faults of {@code s}, the writer's times taken from {@code timings} (the scenario's). */
    static FailureDistance of(EngineSnapshot s, Timings timings) {
        return new Analysis(s, new WriterTimes(timings)).run();
    }
}

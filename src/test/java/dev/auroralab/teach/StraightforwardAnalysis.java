package dev.auroralab.teach;

import dev.auroralab.engine.ClusterFacts;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
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
 * The straightforward way to work out {@link FailureDistance}, kept as the reference the fast one
 * ({@code FaultAnalysis}, which judges each shape of protection group once: decision 0026) must match exactly: every
 * fault judged on its own, every group it reaches counted again. This is the analysis as decision 0020 first wrote
 * it, with the writer judged by the same {@link WriterChange}; FaultAnalysisByShapeTest compares the
 * two on every built-in scenario at several moments.
 */
final class StraightforwardAnalysis {

    /** What one fault takes down: copies (segment ids), instances, AZs, and the region when the whole region goes. */
    record Down(Set<String> copies, Set<String> instances, Set<String> azs, String region) {
        static Down copies(java.util.Collection<String> ids) {
            return new Down(Set.copyOf(ids), Set.of(), Set.of(), null);
        }

        static Down instance(String id) {
            return new Down(Set.of(), Set.of(id), Set.of(), null);
        }

        WriterChange.Lost lost() {
            return new WriterChange.Lost(instances, azs, region);
        }
    }

    // ---- the analysis, one snapshot at a time --------------------------------------------------------------------

    private static final class Analysis {
        private final EngineSnapshot s;
        private final ClusterFacts facts;
        private final WriterChange writerChange;
        private final List<SingleFault> out = new ArrayList<>();
        private final Map<String, Groups> groups = new HashMap<>();

        /**
         * A region's protection groups, which group each copy is in, and their quorums before any fault: a fault
         * changes only the groups it takes copies from, so only those are counted again (a 128 TiB volume has 13,108).
         */
        private static final class Groups {
            final List<ProtectionGroupSnapshot> pgs;
            final Map<String, Integer> pgOfCopy = new HashMap<>();
            final boolean[] writeNow;
            final boolean[] readNow;
            final boolean replicatesNow;

            Groups(RegionSnapshot r) {
                pgs = r.volume().protectionGroups();
                writeNow = new boolean[pgs.size()];
                readNow = new boolean[pgs.size()];
                boolean all = true;
                for (int g = 0; g < pgs.size(); g++) {
                    for (SegmentSnapshot seg : pgs.get(g).segments()) {
                        pgOfCopy.put(seg.id(), g);
                    }
                    writeNow[g] = QuorumAfterFault.writes(pgs.get(g), Set.of()).held();
                    readNow[g] = QuorumAfterFault.reads(pgs.get(g), Set.of()).held();
                    all &= writeNow[g];
                }
                replicatesNow = all;
            }

            /** The groups the fault takes copies from, in volume order, each once. */
            int[] affected(Down d) {
                int[] hit = new int[d.copies().size()];
                int n = 0;
                for (String copy : d.copies()) {
                    Integer g = pgOfCopy.get(copy);
                    if (g != null) {
                        hit[n++] = g;
                    }
                }
                java.util.Arrays.sort(hit, 0, n);
                int kept = 0;
                for (int k = 0; k < n; k++) {
                    if (kept == 0 || hit[kept - 1] != hit[k]) {
                        hit[kept++] = hit[k];
                    }
                }
                return kept == hit.length ? hit : java.util.Arrays.copyOf(hit, kept);
            }
        }

        private Groups groups(RegionSnapshot r) {
            return groups.computeIfAbsent(r.region(), k -> new Groups(r));
        }

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

        FailureDistance run() {
            for (RegionSnapshot r : s.regionsOrPrimary()) {
                for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                    for (SegmentSnapshot seg : pg.segments()) {
                        if (!seg.replacement()) {
                            // fail-segment names the copy position; the engine fails the copy holding it now
                            consider(SingleFault.Kind.COPY, seg.id(), r, new Command.FailSegment(seg.address()),
                                    Down.copies(Set.of(seg.id())));
                        }
                    }
                }
                for (StorageNodeSnapshot n : r.storageNodes()) {
                    consider(SingleFault.Kind.STORAGE_NODE, n.id(), r, new Command.FailStorageNode(n.id()),
                            Down.copies(n.segments()));
                }
                for (String az : r.azs()) {
                    consider(SingleFault.Kind.AZ, az, r, new Command.FailAvailabilityZone(az), azDown(r, az));
                }
                for (InstanceSnapshot i : r.instances()) {
                    consider(SingleFault.Kind.INSTANCE, i.id(), r, new Command.FailInstance(i.id()),
                            Down.instance(i.id()));
                }
                if (s.isGlobal()) {
                    consider(SingleFault.Kind.REGION, r.region(), r, new Command.FailRegion(r.region()), regionDown(r));
                }
            }
            return new FailureDistance(s.nowMicros(), out);
        }

        private static Down azDown(RegionSnapshot r, String az) {
            Set<String> copies = new HashSet<>();
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                for (SegmentSnapshot seg : pg.segments()) {
                    if (seg.az().equals(az)) {
                        copies.add(seg.id());
                    }
                }
            }
            Set<String> instances = new HashSet<>();
            for (InstanceSnapshot i : r.instances()) {
                if (i.az().equals(az)) {
                    instances.add(i.id());
                }
            }
            return new Down(copies, instances, Set.of(az), null);
        }

        private static Down regionDown(RegionSnapshot r) {
            Set<String> copies = new HashSet<>();
            r.volume().protectionGroups().forEach(pg -> pg.segments().forEach(seg -> copies.add(seg.id())));
            Set<String> instances = new HashSet<>();
            r.instances().forEach(i -> instances.add(i.id()));
            return new Down(copies, instances, Set.copyOf(r.azs()), r.region());
        }

        /** Adds the fault when the engine would accept it now, with what it would do. */
        private void consider(SingleFault.Kind kind, String id, RegionSnapshot r, Command fault, Down d) {
            if (Preconditions.check(fault, facts) != null) {
                return; // already out, or destroyed: not a fault a learner can make now
            }
            Set<FaultEffect> effects = EnumSet.noneOf(FaultEffect.class);
            Map<FaultEffect, String> why = new EnumMap<>(FaultEffect.class);
            long writesBack = 0;
            boolean writeRegion = r.region().equals(s.region());
            quorums(r, d, writeRegion, effects, why);
            reads(r, d, writeRegion, effects, why);
            if (!d.instances().isEmpty() || !d.azs().isEmpty()) {
                WriterChange.Judged w = writerChange.judge(r, d.lost());
                if (w.effect() != null) {
                    effects.add(w.effect());
                    why.put(w.effect(), w.reason());
                    writesBack = w.writesBackMicros();
                }
            }
            commitsWait(r, d, effects, why);
            out.add(new SingleFault(kind, id, r.region(), fault, effects, List.copyOf(why.values()), writesBack));
        }

        private void quorums(RegionSnapshot r, Down d, boolean writeRegion, Set<FaultEffect> effects,
                Map<FaultEffect, String> why) {
            FaultEffect writeEffect = writeRegion ? FaultEffect.WRITES_STOP : FaultEffect.REPLICATION_STALLS;
            Groups gs = groups(r);
            int writesLost = 0;
            int readsLost = 0;
            for (int g : gs.affected(d)) {
                ProtectionGroupSnapshot pg = gs.pgs.get(g);
                QuorumAfterFault.Count w = QuorumAfterFault.writes(pg, d.copies());
                if (gs.writeNow[g] && !w.held() && writesLost++ == 0) {
                    why.put(writeEffect, pg.id() + " would reach " + w.copies() + " of " + w.inModel() + " copies; "
                            + (writeRegion ? "writes" : "replicated writes") + " need " + w.needed());
                }
                QuorumAfterFault.Count rd = QuorumAfterFault.reads(pg, d.copies());
                if (gs.readNow[g] && !rd.held() && readsLost++ == 0) {
                    why.put(FaultEffect.READ_QUORUM_LOST, pg.id() + " would reach " + rd.copies() + " of "
                            + rd.inModel() + " copies; a read quorum needs " + rd.needed()
                            + " (reads go on only from a copy that holds the read point; no new writer could recover)");
                }
            }
            if (writesLost > 0) {
                effects.add(writeEffect);
                why.put(writeEffect, why.get(writeEffect) + more(writesLost));
            }
            if (readsLost > 0) {
                effects.add(FaultEffect.READ_QUORUM_LOST);
                why.put(FaultEffect.READ_QUORUM_LOST, why.get(FaultEffect.READ_QUORUM_LOST) + more(readsLost));
            }
        }

        private static String more(int groups) {
            return groups <= 1 ? "" : " (and " + (groups - 1) + " more group" + (groups == 2 ? "" : "s") + ")";
        }

        /** Whether reads that work now would stop: no instance behind the endpoint, or no copy left to read from. */
        private void reads(RegionSnapshot r, Down d, boolean writeRegion, Set<FaultEffect> effects,
                Map<FaultEffect, String> why) {
            if (!r.readable()) {
                return; // they have stopped already: not this fault's doing
            }
            long readPoint;
            if (writeRegion) {
                List<InstanceSnapshot> targets = readerTargetsAfter(r, d);
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
            Groups gs = groups(r);
            int[] which = d.instances().isEmpty() ? gs.affected(d) : java.util.stream.IntStream.range(0, gs.pgs.size())
                    .toArray();
            for (int g : which) {
                ProtectionGroupSnapshot pg = gs.pgs.get(g);
                if (!QuorumAfterFault.readableCopyLeft(pg, d.copies(), readPoint)) {
                    effects.add(FaultEffect.READS_STOP);
                    why.put(FaultEffect.READS_STOP, "no copy of " + pg.id() + " that holds the read point would be left");
                    return;
                }
            }
        }

        /**
         * The reader endpoint after the fault, as the engine resolves it (ReadPath.readerEndpointTargets): the
         * region's readers that are up, or the writer when there is none and it takes writes.
         */
        private List<InstanceSnapshot> readerTargetsAfter(RegionSnapshot r, Down d) {
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
                if (groups(sec).replicatesNow) {
                    within.add(sec.region());
                    if (sec != r || d.region() == null && stillReplicates(groups(sec), d)) {
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

        /** Whether every group of a secondary that replicates now keeps its write quorum after the fault. */
        private static boolean stillReplicates(Groups gs, Down d) {
            for (int g : gs.affected(d)) {
                if (!QuorumAfterFault.writes(gs.pgs.get(g), d.copies()).held()) {
                    return false;
                }
            }
            return true;
        }
    }

    private StraightforwardAnalysis() {
    }

    /** The faults of {@code s}, the writer's times taken from {@code timings} (the scenario's). */
    static FailureDistance of(EngineSnapshot s, Timings timings) {
        java.util.Objects.requireNonNull(timings);
        return new Analysis(s, new WriterTimes(timings)).run();
    }
}

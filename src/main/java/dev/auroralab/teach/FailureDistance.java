package dev.auroralab.teach;

import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Distance to failure: for every element a learner could fail with one command (each copy, storage node, AZ and
 * instance, and each region of a Global Database), what that one more fault would do next: stop the writes, lose the
 * read quorum, stop the reads, lose the writer (a failover, or minutes without one), stall a secondary's replication,
 * make commits wait for the managed RPO, or nothing a learner watches (safe). During a lost AZ, for instance, every
 * copy left of every group is "one more and writes stop".
 *
 * <p>Aurora: the write quorum is 4 of 6 and the read quorum 3 of 6 (P17 §2.1), AND / OR over the terms of a membership
 * change (P18 §4), 3 of 4 in the degraded model of a long AZ loss (P18 §4.1); "AZ+1" keeps reads and loses writes (P17
 * §2.1, FAQ). A lost writer fails over to the replica of the lowest tier, or with none is recreated in minutes (UG
 * high availability). Managed RPO holds commits when every secondary lags past it (UG, Aurora PostgreSQL).
 *
 * <p>A pure function of one {@link EngineSnapshot}: no engine, no clock, no randomness, so the window can draw it every
 * frame and a test can check each answer by forking the engine (FailureDistanceForkTest does, fault by fault). The
 * faults offered are those the engine would accept now ({@link Preconditions} asked through {@link dev.auroralab.engine.SnapshotFacts}, as
 * the menus ask); quorums are counted over the engine's own terms ({@link QuorumAfterFault}); the replicas a failover
 * could promote are the engine's own rule on the snapshot ({@link Preconditions#promotionCandidates}).
 *
 * <p>What the model simplifies: one fault per element (fail, not crash or destroy; a crash restarts in place and
 * destroying a copy has the same next effect on the quorum as failing it); the effects are what follows within the
 * failure-detection time (or the managed RPO, or the end of a writer change under way), not what repair does later;
 * while the writer changes (a failover, a restart in place, a recreate, a Global Database operation) an instance is
 * judged by what it does to that change ({@link WriterChange}); the old primary's own writer after a detach is not
 * judged (it comes back only with its region).
 */
public final class FailureDistance {

    /**
     * One region's faults: its copies' (kept by shape of group, made one by one when asked: {@link CopyFaults}; null
     * when they are among {@code others}), then the others in order (storage nodes, AZs, instances, the region).
     */
    record RegionFaults(String region, CopyFaults copies, List<SingleFault> others) {
        RegionFaults {
            others = List.copyOf(others);
        }
    }

    private final long nowMicros;
    private final List<RegionFaults> regions;
    /** Every fault but the copies kept by shape, by kind and id. */
    private final Map<String, SingleFault> byKey = new LinkedHashMap<>();
    private final int size;
    private volatile List<SingleFault> all;

    /** A distance from every fault, one by one (tests, and the straightforward analysis they compare with). */
    FailureDistance(long nowMicros, List<SingleFault> faults) {
        this(List.of(new RegionFaults(null, null, faults)), nowMicros);
    }

    /** A distance from each region's faults (the analysis). */
    static FailureDistance ofRegions(long nowMicros, List<RegionFaults> regions) {
        return new FailureDistance(regions, nowMicros);
    }

    private FailureDistance(List<RegionFaults> regions, long nowMicros) {
        this.nowMicros = nowMicros;
        this.regions = List.copyOf(regions);
        int n = 0;
        for (RegionFaults r : this.regions) {
            n += r.copies() == null ? 0 : r.copies().size();
            n += r.others().size();
            for (SingleFault f : r.others()) {
                byKey.put(key(f.kind(), f.id()), f);
            }
        }
        this.size = n;
    }

    /**
     * The analysis of {@code s}: every single fault the engine would accept now, and what it would do next; how long
     * a failover pauses the writes is worked out from {@code timings}, the scenario's own (its {@code timings:} block,
     * or the model's defaults: {@code scenario.cluster().timings()}, or the engine's {@code spec().timings()}).
     */
    public static FailureDistance of(EngineSnapshot s, Timings timings) {
        Objects.requireNonNull(s, "distance to failure needs a snapshot, got null");
        Objects.requireNonNull(timings, "distance to failure needs the scenario's timings, got null");
        if (s.volume() == null || s.regionsOrPrimary().isEmpty()) {
            throw new IllegalArgumentException("distance to failure needs a snapshot with a volume and a region");
        }
        return FaultAnalysis.of(s, timings);
    }

    /** The simulated time of the snapshot this was worked out from. */
    public long nowMicros() {
        return nowMicros;
    }

    /**
     * Every single fault, region by region: copies, storage nodes, AZs, instances, then the region itself. Made on the
     * first call (a 256 TiB volume has 157,290 copies; the window never asks for them all: {@link #fault} and
     * {@link #caption} do not need this).
     */
    public List<SingleFault> faults() {
        List<SingleFault> out = all;
        if (out == null) {
            List<SingleFault> made = new ArrayList<>(size);
            for (RegionFaults r : regions) {
                if (r.copies() != null) {
                    r.copies().addTo(made);
                }
                made.addAll(r.others());
            }
            out = List.copyOf(made);
            all = out;
        }
        return out;
    }

    /** How many single faults there are: {@code faults().size()}, without making them. */
    public int size() {
        return size;
    }

    /** The faults that are not safe: what the overlay marks. */
    public List<SingleFault> marked() {
        return faults().stream().filter(f -> !f.safe()).toList();
    }

    /** The fault of one element, or null when it cannot be failed now (already out) or there is no such element. */
    public SingleFault fault(SingleFault.Kind kind, String id) {
        SingleFault f = byKey.get(key(kind, id));
        if (f == null && kind == SingleFault.Kind.COPY) {
            for (RegionFaults r : regions) {
                f = r.copies() == null ? null : r.copies().find(id);
                if (f != null) {
                    break;
                }
            }
        }
        return f;
    }

    /** How many faults (of {@code region}, or of every region when null) have {@code effect}. */
    public long count(FaultEffect effect, String region) {
        return counts(region).getOrDefault(effect, 0L);
    }

    /** How many faults of {@code region} (every region when null) there are, are safe, and have each effect. */
    private Counted counted(String region) {
        Map<FaultEffect, Long> counts = new EnumMap<>(FaultEffect.class);
        long every = 0;
        long safe = 0;
        for (RegionFaults r : regions) {
            CopyFaults c = r.copies();
            if (c != null && (region == null || c.region().equals(region))) {
                every += c.size();
                safe += c.safe();
                c.counts().forEach((e, n) -> counts.merge(e, n, Long::sum));
            }
            for (SingleFault f : r.others()) {
                if (region != null && !f.region().equals(region)) {
                    continue;
                }
                every++;
                safe += f.safe() ? 1 : 0;
                for (FaultEffect e : f.effects()) {
                    counts.merge(e, 1L, Long::sum);
                }
            }
        }
        return new Counted(counts, every, safe);
    }

    private record Counted(Map<FaultEffect, Long> byEffect, long every, long safe) {
    }

    private Map<FaultEffect, Long> counts(String region) {
        return counted(region).byEffect();
    }

    /**
     * One line for the picture's caption: "Distance to failure: 4 single faults stop writes · 1 fails over · 37
     * safe", for {@code region} (every region when null).
     */
    public String caption(String region) {
        Counted counted = counted(region);
        Map<FaultEffect, Long> counts = counted.byEffect();
        long all = counted.every();
        long safe = counted.safe();
        StringBuilder b = new StringBuilder("Distance to failure: ");
        if (all == safe) {
            b.append("no single fault stops anything (").append(all).append(" checked)");
        } else {
            boolean first = true;
            for (Map.Entry<FaultEffect, Long> c : counts.entrySet()) {
                long n = c.getValue();
                b.append(first ? "" : " · ").append(n).append(first ? (n == 1 ? " single fault " : " single faults ")
                        : " ").append(verb(c.getKey(), n == 1));
                first = false;
            }
            b.append(" · ").append(safe).append(" safe");
        }
        return b.toString();
    }

    /** "stops writes" (one) or "stop writes" (more). */
    private static String verb(FaultEffect e, boolean one) {
        return switch (e) {
            case READS_STOP -> (one ? "stops" : "stop") + " reads";
            case READ_QUORUM_LOST -> (one ? "loses" : "lose") + " a read quorum";
            case WRITES_STOP -> (one ? "stops" : "stop") + " writes";
            case COMMITS_WAIT -> (one ? "makes" : "make") + " commits wait";
            case NO_WRITER -> (one ? "leaves" : "leave") + " no writer for minutes";
            case FAILOVER -> (one ? "fails" : "fail") + " over";
            case REPLICATION_STALLS -> (one ? "stalls" : "stall") + " replication";
        };
    }

    private static String key(SingleFault.Kind kind, String id) {
        return kind.name() + ":" + id;
    }

    @Override
    public String toString() {
        return caption(null);
    }
}

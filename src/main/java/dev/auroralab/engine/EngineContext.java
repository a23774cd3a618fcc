package dev.auroralab.engine;

import dev.auroralab.engine.cluster.AzOutage;
import dev.auroralab.engine.cluster.CrashRecovery;
import dev.auroralab.engine.cluster.Failover;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.cluster.Replicas;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.global.GlobalPromotion;
import dev.auroralab.engine.global.ManagedRpo;
import dev.auroralab.engine.global.RegionOutage;
import dev.auroralab.engine.global.Replication;
import dev.auroralab.engine.global.SplitBrain;
import dev.auroralab.engine.global.WriteForwarding;
import dev.auroralab.engine.storage.GarbageCollection;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.ReadPath;
import dev.auroralab.engine.storage.Repair;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.storage.WritePath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The wiring between the mechanisms: the one {@link EngineState} they all change, each mechanism by name, and the
 * few helpers every mechanism uses (the clock, the event log, network hops, lookups by name).
 *
 * <p>A context is built once per engine; {@code AuroraEngine.copy()} builds a new one around a copy of the state, so
 * the mechanisms never need copying: they hold nothing but these references.
 */
public final class EngineContext {

    public final EngineState st;
    final List<Consumer<AuroraEvent>> listeners = new ArrayList<>();

    public final WritePath writePath;
    public final ReadPath readPath;
    public final Repair repair;
    public final GarbageCollection garbageCollection;
    public final AzOutage azOutage;
    public final Failover failover;
    public final CrashRecovery crashRecovery;
    public final Replicas replicas;
    public final Replication replication;
    public final RegionOutage regionOutage;
    public final GlobalPromotion globalPromotion;
    public final ManagedRpo managedRpo;
    public final WriteForwarding writeForwarding;
    public final SplitBrain splitBrain;
    public final Availability availability;
    final SnapshotBuilder snapshots;

    EngineContext(EngineState st) {
        this.st = st;
        writePath = new WritePath(this);
        readPath = new ReadPath(this);
        repair = new Repair(this);
        garbageCollection = new GarbageCollection(this);
        azOutage = new AzOutage(this);
        failover = new Failover(this);
        crashRecovery = new CrashRecovery(this);
        replicas = new Replicas(this);
        replication = new Replication(this);
        regionOutage = new RegionOutage(this);
        globalPromotion = new GlobalPromotion(this);
        managedRpo = new ManagedRpo(this);
        writeForwarding = new WriteForwarding(this);
        splitBrain = new SplitBrain(this);
        availability = new Availability(this);
        snapshots = new SnapshotBuilder(this);
    }

    /** The cause record of item {@code id}: periodic clocks start a chain, other work points at what queued it. */
    Cause causeOf(long id, Scheduled item) {
        if (item instanceof Scheduled.Tick t) {
            return new Cause(id, -1, t.name());
        }
        if (item == null) {
            // a periodic clock's traffic whose clock was not kept: the chain starts here
            return new Cause(id, -1, "routine traffic");
        }
        return new Cause(id, st.queue.currentCause(), item.getClass().getSimpleName());
    }

    /** Exponential quantiles, precomputed with StrictMath so every JVM draws the same latencies. */
    private static final double[] EXP_QUANTILES = new double[4096];

    static {
        for (int i = 0; i < EXP_QUANTILES.length; i++) {
            EXP_QUANTILES[i] = -StrictMath.log(1.0 - (i + 0.5) / EXP_QUANTILES.length);
        }
    }

    /** The volume of the region the writes go to. */
    public List<ProtectionGroup> pgs() {
        return st.writeRegion.pgs;
    }

    public List<ProtectionGroup> allPgs() {
        if (st.regions.size() == 1) {
            return st.writeRegion.pgs;
        }
        List<ProtectionGroup> out = new ArrayList<>();
        for (Region r : st.regions) {
            out.addAll(r.pgs);
        }
        return out;
    }

    public Region regionOf(Instance i) {
        return st.regionByAz.get(i.az());
    }

    public Region regionOf(Segment s) {
        return st.regionByAz.get(s.az());
    }

    public Region regionOf(ProtectionGroup pg) {
        return st.regionByAz.get(pg.slot(0).az());
    }

    public String regionNames() {
        return st.regions.size() == 1 ? "this region" : "any region (" + String.join(", ", names()) + ")";
    }

    public String noRegion(String name) {
        return "no region " + name + "; regions: " + String.join(", ", names());
    }

    public Region region(String name) {
        for (Region r : st.regions) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        return null;
    }

    public boolean writerAcceptsWrites() {
        return st.writerServing && st.writer != null && st.writer.up();
    }

    public static int prefixOf(Segment s) {
        return s == null ? -1 : s.prefix();
    }

    public boolean reachable(Segment s) {
        return s.state() != SegmentState.DESTROYED && !s.failedByUser() && !s.node().failed()
                && !st.downAzs.contains(s.az());
    }

    public Instance instance(String id) {
        for (Instance i : st.instances) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        return null;
    }

    /** The copy a scheduled message names, retired ones included (a late message still finds its copy). */
    public Segment copy(Scheduled.CopyRef ref) {
        return st.regions.get(ref.region()).pgs.get(ref.pg()).segmentByLetter(ref.letter());
    }

    public Scheduled.CopyRef refOf(Segment s) {
        return s.ref();
    }

    public ProtectionGroup pg(int region, int pg) {
        return st.regions.get(region).pgs.get(pg);
    }

    public Instance instanceNumbered(int creationOrder) {
        return st.instancesEverCreated.get(creationOrder);
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Region r : st.regions) {
            out.add(r.name);
        }
        return out;
    }

    public long hop(String fromAz, String toAz) {
        boolean same = fromAz.equals(toAz);
        long base = same ? ModelValues.SAME_AZ_HOP_MICROS : ModelValues.CROSS_AZ_HOP_MICROS;
        long mean = same ? ModelValues.SAME_AZ_JITTER_MICROS : ModelValues.CROSS_AZ_JITTER_MICROS;
        return base + (long) (mean * EXP_QUANTILES[st.random.latency.nextInt(EXP_QUANTILES.length)]);
    }

    public long now() {
        return st.queue.nowMicros();
    }

    /** What is being processed now (null between items): named as the cause of the events it leads to. */
    Scheduled current;

    public void emit(AuroraEvent e) {
        long cause = st.queue.currentId();
        if (cause >= 0 && !st.causes.containsKey(cause)) {
            st.causes.put(cause, causeOf(cause, current));
        }
        st.events.add(e);
        st.eventCauses.add(cause);
        for (Consumer<AuroraEvent> l : listeners) {
            l.accept(e);
        }
    }
}

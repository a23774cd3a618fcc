package dev.auroralab.run;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Turns engine snapshots taken at irregular simulated times into {@link MetricSample}s on a fixed 250 ms grid, for
 * the three metric charts. Plain Java (no JavaFX), so it runs in tests without a toolkit.
 *
 * <p>Why a grid: the window feeds one snapshot per animation frame, whose simulated spacing depends on the speed
 * slider, and after a jump ahead one snapshot may come many simulated seconds after the last. Charts drawn straight
 * from such points would change shape with the playback speed; samples on a fixed grid of simulated time look the
 * same at any speed and for any way of getting there. The grid is anchored at simulated time 0, so every run puts
 * its sample edges at the same instants.
 *
 * <p>How a sample is made. Between two fed snapshots the sampler assumes the cumulative counters grew linearly, and
 * reads them off that line at each grid edge. Per-frame feeding makes this exact to within a frame; for a jump it
 * spreads the jump's writes evenly over the whole intervals it covers, so the totals are kept and every interval in
 * the jump shows the jump's average. The same rule gives each interval:
 * <ul>
 *   <li>acknowledged writes/s = Δ writesAcknowledged / interval;</li>
 *   <li>mean commit latency = Δ commitLatencySumMicros / Δ writesAcknowledged, NaN when no write was acknowledged
 *       (a gap in the chart, not a 0);</li>
 *   <li>replica lag = the largest lag among readers that are up, peak over the interval: the largest of the fed
 *       values inside it and of the values interpolated at its two edges. A peak, not an end value, because the lag
 *       is a sawtooth (it drops at each redo apply) and sampling its end would alias; NaN when no reader was up at any
 *       point seen, and interpolation never bridges a point where no reader was up;</li>
 *   <li>writes blocked and fault active = true when any snapshot seen in the interval, or either end of a stretch
 *       between two snapshots that overlaps it, shows it. Stricter than "at the interval's end": a 100 ms outage
 *       between two edges still shades its interval. Over a jump both ends count, so shading may cover the whole
 *       jump but never hides a fault that either end saw; a fault that begins and ends inside one jump is seen by
 *       no snapshot and cannot show. A caller that wants exact shading over a jump can advance the engine to each
 *       {@link #nextSampleEndMicros()} in turn and feed a snapshot at each.</li>
 * </ul>
 *
 * <p>The first snapshot is only a baseline: samples are whole grid intervals, so when it lies between grid edges
 * the part before the next edge (whose start is unknown) is not emitted. Snapshots at the same or an earlier time
 * than the last one are ignored (a redrawn frame, a paused clock). When the counters go backwards (a new engine fed
 * without {@link #reset()}), the sampler starts a new baseline instead of emitting negative rates.
 *
 * <p>Same feed, same samples: the sampler reads only the snapshots, in order, with no clock and no randomness.
 * Single-threaded: use it from one thread (the JavaFX application thread in the window).
 */
public final class MetricSampler {

    /** Width of one sample in simulated time. */
    public static final long INTERVAL_MICROS = 250_000L;

    /**
     * How many samples the ring keeps by default: 4,800 × 250 ms = 20 minutes of simulated time, twice the 10 minutes
     * a lesson may want to scroll back over; at about 80 bytes a sample that is under 0.5 MB, whatever the run length.
     */
    public static final int DEFAULT_CAPACITY = 4_800;

    private static final double MICROS_PER_SECOND = 1_000_000.0;

    // ---- the ring: oldest sample at head, size samples in order ---------------------------------------------------
    private final MetricSample[] ring;
    private int head;
    private int size;
    private long emittedCount;
    private final List<MetricSample> view = new RingView();

    // ---- the last snapshot fed --------------------------------------------------------------------------------------
    private boolean hasLast;
    private long lastMicros;
    private long lastAcks;
    private long lastLatencySum;
    private double lastLag;
    private boolean lastBlocked;
    private boolean lastFault;

    // ---- the open interval: started at a grid edge, closes at the next one ------------------------------------------
    private boolean open;
    private long openStartMicros;
    private double openAcks;
    private double openLatencySum;
    private double openLagPeak;
    private boolean openBlocked;
    private boolean openFault;

    /** A sampler keeping the last {@link #DEFAULT_CAPACITY} samples. */
    public MetricSampler() {
        this(DEFAULT_CAPACITY);
    }

    /** A sampler keeping the last {@code capacity} samples; older ones are dropped as new ones arrive. */
    public MetricSampler(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.ring = new MetricSample[capacity];
    }

    /**
     * Feeds the state at {@code snapshot.nowMicros()}. Returns how many samples this closed (0 when the snapshot was
     * ignored, was the baseline, or did not reach the next grid edge).
     */
    public int feed(EngineSnapshot snapshot) {
        return feed(snapshot.nowMicros(), snapshot.counters().writesAcknowledged(),
                snapshot.counters().commitLatencySumMicros(), maxReplicaLagMicros(snapshot), writesBlocked(snapshot),
                faultActive(snapshot));
    }

    /**
     * The core of {@link #feed(EngineSnapshot)}, on the extracted values, so tests can feed exact numbers.
     *
     * @param lagMicros the largest lag among readers that are up, NaN when none is
     */
    int feed(long nowMicros, long writesAcknowledged, long commitLatencySumMicros, double lagMicros, boolean blocked,
            boolean fault) {
        if (hasLast && nowMicros <= lastMicros) {
            return 0;
        }
        if (hasLast && (writesAcknowledged < lastAcks || commitLatencySumMicros < lastLatencySum)) {
            // counters never fall within one run: this is another run, so what lies between is no interval at all
            hasLast = false;
            open = false;
        }
        int closed = 0;
        if (!hasLast) {
            if (Math.floorMod(nowMicros, INTERVAL_MICROS) == 0) {
                openAt(nowMicros, writesAcknowledged, commitLatencySumMicros, lagMicros, blocked, fault);
            }
        } else {
            boolean spanBlocked = lastBlocked || blocked;
            boolean spanFault = lastFault || fault;
            long span = nowMicros - lastMicros;
            long ackGain = writesAcknowledged - lastAcks;
            long latencyGain = commitLatencySumMicros - lastLatencySum;
            long edge = (Math.floorDiv(lastMicros, INTERVAL_MICROS) + 1) * INTERVAL_MICROS;
            if (edge > nowMicros && open) {
                // no edge crossed: the whole stretch lies in the open interval
                openBlocked |= spanBlocked;
                openFault |= spanFault;
            }
            for (; edge <= nowMicros; edge += INTERVAL_MICROS) {
                // f is exactly 1 when the edge is the fed time, so counters there are exact, not interpolated
                double f = (double) (edge - lastMicros) / span;
                double acks = lastAcks + ackGain * f;
                double latencySum = lastLatencySum + latencyGain * f;
                double lag = edge == nowMicros ? lagMicros
                        : Double.isNaN(lastLag) || Double.isNaN(lagMicros) ? Double.NaN
                        : lastLag + (lagMicros - lastLag) * f;
                if (open) {
                    close(edge, acks, latencySum, peak(openLagPeak, lag), openBlocked || spanBlocked,
                            openFault || spanFault);
                    closed++;
                }
                // the next interval starts at this edge; the stretch to nowMicros overlaps it unless it ends here
                boolean stretchGoesOn = nowMicros > edge;
                openAt(edge, acks, latencySum, lag, stretchGoesOn ? spanBlocked : blocked,
                        stretchGoesOn ? spanFault : fault);
            }
            if (open) {
                // the line between the edge (or the last point) and this point peaks at one of its ends
                openLagPeak = peak(openLagPeak, lagMicros);
            }
        }
        hasLast = true;
        lastMicros = nowMicros;
        lastAcks = writesAcknowledged;
        lastLatencySum = commitLatencySumMicros;
        lastLag = lagMicros;
        lastBlocked = blocked;
        lastFault = fault;
        return closed;
    }

    private void openAt(long startMicros, double acks, double latencySum, double lag, boolean blocked, boolean fault) {
        open = true;
        openStartMicros = startMicros;
        openAcks = acks;
        openLatencySum = latencySum;
        openLagPeak = lag;
        openBlocked = blocked;
        openFault = fault;
    }

    private void close(long endMicros, double acks, double latencySum, double lagPeak, boolean blocked,
            boolean fault) {
        double ackGain = acks - openAcks;
        double rate = ackGain * MICROS_PER_SECOND / (endMicros - openStartMicros);
        double meanLatency = ackGain > 0 ? (latencySum - openLatencySum) / ackGain : Double.NaN;
        append(new MetricSample(openStartMicros, endMicros, rate, meanLatency, lagPeak, blocked, fault));
    }

    private void append(MetricSample sample) {
        if (size < ring.length) {
            ring[(head + size) % ring.length] = sample;
            size++;
        } else {
            ring[head] = sample;
            head = (head + 1) % ring.length;
        }
        emittedCount++;
    }

    /** The larger of two lags, where NaN means "no value" rather than "unknown". */
    private static double peak(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.max(a, b);
    }

    /**
     * An independent sampler in the same state (kept samples, baseline and open interval): what a keyframe of the
     * run keeps, so a replay from it closes the next samples exactly as the first play did.
     */
    public MetricSampler copy() {
        MetricSampler c = new MetricSampler(ring.length);
        System.arraycopy(ring, 0, c.ring, 0, ring.length);
        c.head = head;
        c.size = size;
        c.emittedCount = emittedCount;
        c.hasLast = hasLast;
        c.lastMicros = lastMicros;
        c.lastAcks = lastAcks;
        c.lastLatencySum = lastLatencySum;
        c.lastLag = lastLag;
        c.lastBlocked = lastBlocked;
        c.lastFault = lastFault;
        c.open = open;
        c.openStartMicros = openStartMicros;
        c.openAcks = openAcks;
        c.openLatencySum = openLatencySum;
        c.openLagPeak = openLagPeak;
        c.openBlocked = openBlocked;
        c.openFault = openFault;
        return c;
    }

    /** Forgets every sample and the baseline, for a restart or a jump back in time. */
    public void reset() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
        emittedCount = 0;
        hasLast = false;
        open = false;
    }

    /**
     * The kept samples, oldest first: a read-only view over the ring (no copy, so cheap to pass every frame), which
     * follows later feeds. Copy it ({@code List.copyOf}) to keep a fixed list.
     */
    public List<MetricSample> samples() {
        return view;
    }

    /** The newest sample, or null before the first one. */
    public MetricSample latest() {
        return size == 0 ? null : ring[(head + size - 1) % ring.length];
    }

    public int capacity() {
        return ring.length;
    }

    /** How many samples were made since construction or {@link #reset()}, dropped ones included. */
    public long emittedCount() {
        return emittedCount;
    }

    /** The simulated time of the last snapshot taken in, or {@link Long#MIN_VALUE} before the first. */
    public long lastFedMicros() {
        return hasLast ? lastMicros : Long.MIN_VALUE;
    }

    /**
     * The grid edge at which the next sample closes: the first edge after the last snapshot fed (0 before any). A
     * caller jumping far ahead may advance the engine to each of these and feed there, for exact per-interval
     * values instead of the jump's averages.
     */
    public long nextSampleEndMicros() {
        return hasLast ? (Math.floorDiv(lastMicros, INTERVAL_MICROS) + 1) * INTERVAL_MICROS : 0;
    }

    // ---- what one snapshot says --------------------------------------------------------------------------------------

    /** The largest lag among readers that are up, NaN when no reader is up. */
    public static double maxReplicaLagMicros(EngineSnapshot snapshot) {
        double max = Double.NaN;
        for (InstanceSnapshot i : snapshot.instances()) {
            if (i.role() == InstanceRole.READER && i.status() == InstanceStatus.UP
                    && (Double.isNaN(max) || i.lagMicros() > max)) {
                max = i.lagMicros();
            }
        }
        return max;
    }

    /** Whether the volume refuses writes now (read-only or unavailable), writer unavailability included. */
    public static boolean writesBlocked(EngineSnapshot snapshot) {
        return snapshot.volume().status() != VolumeStatus.WRITABLE;
    }

    /**
     * Whether a fault, or the recovery from one, is visible now: an AZ down, an instance not up (a new replica being
     * created aside), a storage node down, a copy not up (down, catching up, replacing, destroyed), or a failover in
     * progress. Recovery counts because the cluster is not yet back to normal, and a shaded period that ends when it
     * is reads right on a chart.
     *
     * <p>In a Global Database every region counts, not only the one the writes go to: a secondary region that is out
     * (or one of its AZs, instances, nodes or copies), and an old primary resyncing to rejoin. The charts measure the
     * writer's region, but a secondary that is out is what a managed RPO waits on and what a failover to it would
     * lose, so a learner must see the period it starts, not only the moment commits block.
     */
    public static boolean faultActive(EngineSnapshot snapshot) {
        if (snapshot.failoverInProgress() != null
                || anyOut(snapshot.downAzs(), snapshot.instances(), snapshot.storageNodes(), snapshot.volume())) {
            return true;
        }
        for (RegionSnapshot r : snapshot.regions()) {
            if (r.role() == RegionRole.DOWN || r.resyncing()) {
                return true;
            }
            // the writer's region is the snapshot's own fields, checked above
            if (!r.region().equals(snapshot.region())
                    && anyOut(r.downAzs(), r.instances(), r.storageNodes(), r.volume())) {
                return true;
            }
        }
        return false;
    }

    /** Whether one region shows an AZ, instance, storage node or copy that is not up. */
    private static boolean anyOut(List<String> downAzs, List<InstanceSnapshot> instances,
            List<StorageNodeSnapshot> storageNodes, VolumeSnapshot volume) {
        if (!downAzs.isEmpty()) {
            return true;
        }
        for (InstanceSnapshot i : instances) {
            // a replica being created is the learner adding capacity, not a fault
            if (i.status() != InstanceStatus.UP && i.status() != InstanceStatus.CREATING) {
                return true;
            }
        }
        for (StorageNodeSnapshot n : storageNodes) {
            if (!n.up()) {
                return true;
            }
        }
        for (ProtectionGroupSnapshot pg : volume.protectionGroups()) {
            for (SegmentSnapshot s : pg.segments()) {
                if (s.state() != SegmentState.UP) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The ring seen as a list, oldest first; RandomAccess so the renderer can binary-search it. */
    private final class RingView extends AbstractList<MetricSample> implements RandomAccess {
        @Override
        public MetricSample get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
            return ring[(head + index) % ring.length];
        }

        @Override
        public int size() {
            return size;
        }
    }
}

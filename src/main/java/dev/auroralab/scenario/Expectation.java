package dev.auroralab.scenario;

import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.RegionRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What must hold at a time of the run. Each null field is "not checked". {@code writer} is checked when
 * {@code writerSpecified}: an instance id, or null for "no writer". {@code pg} names the protection group that
 * {@code writeQuorum}, {@code readQuorum} and {@code segmentsUp} refer to.
 *
 * @param atMicros the time, or null for the end of the run
 * @param atText the time as written in the file ("11s", "end")
 * @param acknowledgedWritesLostAtLeast a lower bound on the acknowledged writes lost, for runs that lose some on
 *        purpose (a global failover) where the exact count is not the point
 * @param writesPending exactly this many writes issued and neither acknowledged nor failed (waiting for VDL or for
 *        an LSN); 0 says every commit has drained
 * @param writesFailed exactly this many writes failed (no writer took them)
 * @param global the Global Database checks; {@link GlobalChecks#NONE} when there are none
 * @param live the checks on what moves while a run plays (replica lag, commit latency, writes pending, the failover
 *        phase, a protection group's membership change); {@link LiveChecks#NONE} when there are none
 * @param line where the expectation starts in the file
 */
public record Expectation(Long atMicros, String atText, Boolean writable, Boolean readable,
        boolean writerSpecified, String writer, String pg, Boolean writeQuorum, Boolean readQuorum,
        Integer segmentsUp, Long acknowledgedWritesLost, Long acknowledgedWritesLostAtLeast, Long writesPending,
        Long writesFailed, GlobalChecks global, LiveChecks live, int line) {

    public Expectation {
        global = global == null ? GlobalChecks.NONE : global;
        live = live == null ? LiveChecks.NONE : live;
    }

    /** An expectation with none of the {@link LiveChecks}. */
    public Expectation(Long atMicros, String atText, Boolean writable, Boolean readable, boolean writerSpecified,
            String writer, String pg, Boolean writeQuorum, Boolean readQuorum, Integer segmentsUp,
            Long acknowledgedWritesLost, Long acknowledgedWritesLostAtLeast, Long writesPending, Long writesFailed,
            GlobalChecks global, int line) {
        this(atMicros, atText, writable, readable, writerSpecified, writer, pg, writeQuorum, readQuorum, segmentsUp,
                acknowledgedWritesLost, acknowledgedWritesLostAtLeast, writesPending, writesFailed, global,
                LiveChecks.NONE, line);
    }

    /** An expectation with no Global Database checks, as in the single-region format. */
    public Expectation(Long atMicros, String atText, Boolean writable, Boolean readable, boolean writerSpecified,
            String writer, String pg, Boolean writeQuorum, Boolean readQuorum, Integer segmentsUp,
            Long acknowledgedWritesLost, int line) {
        this(atMicros, atText, writable, readable, writerSpecified, writer, pg, writeQuorum, readQuorum, segmentsUp,
                acknowledgedWritesLost, null, null, null, GlobalChecks.NONE, LiveChecks.NONE, line);
    }

    public boolean atEnd() {
        return atMicros == null;
    }

    /** The same expectation at another line: where it came from, not what it says. */
    public Expectation atLine(int newLine) {
        return new Expectation(atMicros, atText, writable, readable, writerSpecified, writer, pg, writeQuorum,
                readQuorum, segmentsUp, acknowledgedWritesLost, acknowledgedWritesLostAtLeast, writesPending, writesFailed,
                global, live, newLine);
    }

    /**
     * What moves while a run plays (the cluster endpoint's target included), each null or empty when not checked. Replica lag is keyed by instance id in file
     * order: the lag on that replica's card, and the replica must be up. Commit latency is "now"
     * ({@link dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot#commitLatencyNowMicros()}): the latency of
     * the oldest commit of the latest acknowledgement, or the wait so far of the oldest write still pending when that
     * is longer. {@code membershipChanging} and {@code membershipEpoch} refer to the expectation's {@code pg}.
     *
     * @param failoverPhase the engine's phase ({@link FailoverPhase#NONE} when a writer is serving)
     * @param membershipChanging whether a copy of the group is being replaced (two write sets at once)
     * @param membershipEpoch the group's membership epoch, exactly
     * @param clusterEndpoint the instance the write region's cluster (writer) endpoint resolves to: it stays on the
     *        old writer until a failover's new writer is reachable through it
     */
    public record LiveChecks(Map<String, Long> replicaLagMillisAtMost, Map<String, Long> replicaLagMillisAtLeast,
            Long commitLatencyMillisAtMost, Long commitLatencyMillisAtLeast, Long writesPendingAtMost,
            Long writesPendingAtLeast, FailoverPhase failoverPhase, Boolean membershipChanging,
            Long membershipEpoch, String clusterEndpoint) {

        public static final LiveChecks NONE = new LiveChecks(Map.of(), Map.of(), null, null, null, null, null, null,
                null, null);

        public LiveChecks {
            replicaLagMillisAtMost = GlobalChecks.ordered(replicaLagMillisAtMost);
            replicaLagMillisAtLeast = GlobalChecks.ordered(replicaLagMillisAtLeast);
        }

        /** The checks without the cluster endpoint's. */
        public LiveChecks(Map<String, Long> replicaLagMillisAtMost, Map<String, Long> replicaLagMillisAtLeast,
                Long commitLatencyMillisAtMost, Long commitLatencyMillisAtLeast, Long writesPendingAtMost,
                Long writesPendingAtLeast, FailoverPhase failoverPhase, Boolean membershipChanging,
                Long membershipEpoch) {
            this(replicaLagMillisAtMost, replicaLagMillisAtLeast, commitLatencyMillisAtMost, commitLatencyMillisAtLeast,
                    writesPendingAtMost, writesPendingAtLeast, failoverPhase, membershipChanging, membershipEpoch,
                    null);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * Global Database checks, each keyed by region name in file order (empty or null: not checked).
     *
     * @param writerRegion the region the application's writes go to
     * @param regionRole each named region's role (a scenario file writes "primary", "secondary", "detached" or "down")
     * @param regionLagMillisAtMost an upper bound on each region's RPO lag in milliseconds
     * @param regionWritable whether the region takes writes
     * @param regionReadable whether the region serves reads
     * @param commitsBlocked whether the managed RPO holds commits on the primary
     * @param splitBrain whether two regions take writes
     * @param staleReadsSeen whether write forwarding from that region has read a stale value yet
     */
    public record GlobalChecks(String writerRegion, Map<String, RegionRole> regionRole,
            Map<String, Long> regionLagMillisAtMost, Map<String, Boolean> regionWritable,
            Map<String, Boolean> regionReadable, Boolean commitsBlocked, Boolean splitBrain,
            Map<String, Boolean> staleReadsSeen) {

        public static final GlobalChecks NONE = new GlobalChecks(null, Map.of(), Map.of(), Map.of(), Map.of(), null,
                null, Map.of());

        public GlobalChecks {
            regionRole = ordered(regionRole);
            regionLagMillisAtMost = ordered(regionLagMillisAtMost);
            regionWritable = ordered(regionWritable);
            regionReadable = ordered(regionReadable);
            staleReadsSeen = ordered(staleReadsSeen);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }

        private static <V> Map<String, V> ordered(Map<String, V> m) {
            return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
        }
    }
}

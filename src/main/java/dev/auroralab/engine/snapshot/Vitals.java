package dev.auroralab.engine.snapshot;

import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.List;

/**
 * The few facts a learner watches for a change, read from the engine in microseconds even on a 256 TiB volume of
 * 26,215 protection groups (a whole {@link EngineSnapshot} of it takes a quarter of a second): the volume's status, the
 * writer and the failover phase, each region's role and whether it takes writes and serves reads, how many groups
 * have lost their write or read quorum (and the first of them) and its AZs out, the instances behind the reader endpoint
 * and the acknowledged writes lost. Predict-then-observe compares two of these, taken a grid step apart, to find the
 * next significant change; every field says the same as the snapshot taken at the same instant (VitalsTest).
 *
 * @param writerId the writer of the write region when it is up or recovering, as {@link EngineSnapshot#writerId()}
 * @param writerRegion the region the writes go to
 * @param regions every region, the scenario's order (one for a single-region cluster)
 * @param readerEndpoint the instances the write region's reader endpoint sends reads to now (the writer when no
 *     replica is up), as the snapshot's endpoints list them
 */
public record Vitals(long nowMicros, VolumeStatus status, boolean writable, boolean readable, String writerId,
        FailoverPhase phase, String writerRegion, List<RegionVitals> regions, List<String> readerEndpoint,
        long acknowledgedWritesLost) {

    public Vitals {
        regions = List.copyOf(regions);
        readerEndpoint = List.copyOf(readerEndpoint);
    }

    /**
     * One region: its role (down when it is out), whether it takes writes and serves reads, its AZs out (in its
     * order), and its protection groups without a write quorum and without a read quorum (how many, and the first by
     * volume order, or null).
     */
    public record RegionVitals(String region, RegionRole role, boolean writable, boolean readable,
            List<String> downAzs, int groupsWithoutWriteQuorum, String firstWithoutWriteQuorum,
            int groupsWithoutReadQuorum, String firstWithoutReadQuorum) {
        public RegionVitals {
            downAzs = List.copyOf(downAzs);
        }
    }

    /** A region by name, or null. */
    public RegionVitals region(String name) {
        for (RegionVitals r : regions) {
            if (r.region().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The same facts at another instant: equal vitals taken at two moments mean nothing a learner watches changed. */
    public Vitals at(long micros) {
        return new Vitals(micros, status, writable, readable, writerId, phase, writerRegion, regions, readerEndpoint,
                acknowledgedWritesLost);
    }
}

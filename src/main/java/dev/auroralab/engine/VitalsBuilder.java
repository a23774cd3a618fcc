package dev.auroralab.engine;

import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.engine.snapshot.Vitals.RegionVitals;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link Vitals} from the engine's state without building a snapshot: the quorum counts come from the bit sets
 * {@link Availability} keeps of the groups without a quorum, so the cost does not grow with the volume (a secondary's
 * readability is the snapshot's own test, which walks its groups: secondaries are small in every scenario).
 */
final class VitalsBuilder {

    private VitalsBuilder() {
    }

    static Vitals of(EngineContext ctx) {
        EngineState st = ctx.st;
        boolean readable = ctx.readPath.readableNow();
        List<RegionVitals> regions = new ArrayList<>(st.regions.size());
        for (Region r : st.regions) {
            boolean isWrite = r == st.writeRegion;
            List<String> down = new ArrayList<>();
            for (String az : r.azs) {
                if (st.downAzs.contains(az)) {
                    down.add(az);
                }
            }
            regions.add(new RegionVitals(r.name, r.snapshotRole(),
                    isWrite ? st.writable : ctx.splitBrain.oldPrimaryWritable(r),
                    isWrite ? readable : ctx.snapshots.secondaryReadable(r), down,
                    r.pgsWithoutWriteQuorum.cardinality(), first(r, r.pgsWithoutWriteQuorum),
                    r.pgsWithoutReadQuorum.cardinality(), first(r, r.pgsWithoutReadQuorum)));
        }
        String writer = null;
        for (Instance i : st.instances) {
            if (writer == null && ctx.regionOf(i) == st.writeRegion && i.role() == InstanceRole.WRITER
                    && (i.status() == InstanceStatus.UP || i.status() == InstanceStatus.RECOVERING)) {
                writer = i.id();
            }
        }
        List<String> readers = new ArrayList<>();
        for (Instance t : ctx.readPath.readerEndpointTargets()) {
            readers.add(t.id());
        }
        return new Vitals(ctx.now(), Availability.statusOf(st.writable, readable), st.writable, readable, writer,
                st.phase, st.writeRegion.name, regions, readers, st.acknowledgedLost);
    }

    private static String first(Region r, java.util.BitSet without) {
        int g = without.nextSetBit(0);
        return g < 0 ? null : r.pgs.get(g).id();
    }
}

package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeSnapshot;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.storage.SegmentState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ClusterFacts} read from a snapshot: what the window asks {@link Preconditions} with, to grey out a menu item
 * with the engine's own reason. A snapshot does not show everything the engine knows (a region's role while it is
 * out, whether the writer's endpoint has moved yet), so in those corners the engine may still decide otherwise when
 * the command is applied; it always has the last word.
 */
public final class SnapshotFacts implements ClusterFacts {

    private final EngineSnapshot s;

    private SnapshotFacts(EngineSnapshot s) {
        this.s = s;
    }

    public static SnapshotFacts of(EngineSnapshot s) {
        return new SnapshotFacts(s);
    }

    private List<RegionSnapshot> regionSnapshots() {
        return s.isGlobal() ? s.regions() : List.of();
    }

    @Override
    public List<InstanceFact> instances() {
        List<InstanceFact> out = new ArrayList<>();
        List<InstanceSnapshot> all = new ArrayList<>();
        if (s.isGlobal()) {
            regionSnapshots().forEach(r -> all.addAll(r.instances()));
        } else {
            all.addAll(s.instances());
        }
        for (InstanceSnapshot i : all) {
            out.add(new InstanceFact(i.id(), i.region(), i.az(), i.role() == InstanceRole.WRITER, i.status()));
        }
        return out;
    }

    @Override
    public String writerId() {
        return s.writerId();
    }

    @Override
    public boolean writerAcceptsWrites() {
        InstanceFact w = writerId() == null ? null : instance(writerId());
        return w != null && w.up() && s.failoverInProgress() == null;
    }

    @Override
    public EngineFlavour engine() {
        return s.engine();
    }

    @Override
    public FailoverPhase phase() {
        return s.failoverInProgress() == null ? FailoverPhase.NONE : s.failoverInProgress().phase();
    }

    @Override
    public String promotionTarget() {
        return s.failoverInProgress() == null || s.failoverInProgress().globalOperation() != null ? null
                : s.failoverInProgress().to();
    }

    @Override
    public FailoverKind globalOperation() {
        return s.failoverInProgress() == null ? null : s.failoverInProgress().globalOperation();
    }

    @Override
    public String globalTarget() {
        return globalOperation() == null ? null : s.failoverInProgress().to();
    }

    @Override
    public List<RegionFact> regions() {
        if (!s.isGlobal()) {
            return List.of(new RegionFact(s.region(), Region.Role.PRIMARY, false, false));
        }
        List<RegionFact> out = new ArrayList<>();
        for (RegionSnapshot r : regionSnapshots()) {
            boolean down = r.role() == RegionRole.DOWN;
            Region.Role role = switch (r.role()) {
                case PRIMARY -> Region.Role.PRIMARY;
                case DETACHED -> Region.Role.DETACHED;
                case SECONDARY -> Region.Role.SECONDARY;
                // a region that is out does not show its role: the write region is the primary
                case DOWN -> r.region().equals(s.region()) ? Region.Role.PRIMARY : Region.Role.SECONDARY;
            };
            out.add(new RegionFact(r.region(), role, down, r.resyncing()));
        }
        return out;
    }

    @Override
    public String writeRegion() {
        return s.region();
    }

    @Override
    public String regionOfAz(String az) {
        if (!s.isGlobal()) {
            return s.azs().contains(az) ? s.region() : null;
        }
        for (RegionSnapshot r : regionSnapshots()) {
            if (r.azs().contains(az)) {
                return r.region();
            }
        }
        return null;
    }

    @Override
    public List<String> azsOf(String region) {
        if (!s.isGlobal()) {
            return region.equals(s.region()) ? s.azs() : List.of();
        }
        RegionSnapshot r = s.regionSnapshot(region);
        return r == null ? List.of() : r.azs();
    }

    @Override
    public boolean allGroupsLeaveOut(String az) {
        String region = regionOfAz(az);
        if (region == null) {
            return false;
        }
        VolumeSnapshot v = s.isGlobal() ? s.regionSnapshot(region).volume() : s.volume();
        return v.protectionGroups().stream().allMatch(pg -> az.equals(pg.degradedExcludedAz()));
    }

    @Override
    public boolean azDown(String az) {
        if (s.downAzs().contains(az)) {
            return true;
        }
        return regionSnapshots().stream().anyMatch(r -> r.downAzs().contains(az));
    }

    private SegmentSnapshot copyAt(String address) {
        List<VolumeSnapshot> volumes = new ArrayList<>();
        volumes.add(s.volume());
        regionSnapshots().forEach(r -> volumes.add(r.volume()));
        for (VolumeSnapshot v : volumes) {
            for (ProtectionGroupSnapshot pg : v.protectionGroups()) {
                for (SegmentSnapshot seg : pg.segments()) {
                    if (!seg.replacement() && seg.address().equals(address)) {
                        return seg;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public SegmentState segmentState(String address) {
        SegmentSnapshot seg = copyAt(address);
        return seg == null ? null : seg.state();
    }

    @Override
    public boolean segmentFailedByUser(String address) {
        SegmentSnapshot seg = copyAt(address);
        return seg != null && seg.failedByUser();
    }

    @Override
    public Boolean nodeFailed(String nodeId) {
        StorageNodeSnapshot n = s.storageNode(nodeId);
        if (n == null) {
            for (RegionSnapshot r : regionSnapshots()) {
                for (StorageNodeSnapshot o : r.storageNodes()) {
                    if (o.id().equals(nodeId)) {
                        n = o;
                    }
                }
            }
        }
        return n == null ? null : n.failed();
    }
}

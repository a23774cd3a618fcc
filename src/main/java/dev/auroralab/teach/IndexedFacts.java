package dev.auroralab.teach;

import dev.auroralab.engine.ClusterFacts;
import dev.auroralab.engine.EngineFlavour;
import dev.auroralab.engine.SnapshotFacts;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.SegmentState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SnapshotFacts} with its answers about copies looked up in a map, and the instance and region lists built
 * once. Why: distance to failure asks the engine's preconditions about copies of the volume, and the snapshot facts
 * find a copy by walking every volume, which a 256 TiB volume (157,290 copies) turns into billions of steps. The
 * copies asked about are made known one by one ({@link #know}: the fast analysis asks about one group of each shape);
 * a copy not made known is found in an index of every copy, built the first time one is asked for. Every rule is
 * still decided by {@code Preconditions}; this only answers its questions faster.
 */
final class IndexedFacts implements ClusterFacts {

    private final EngineSnapshot s;
    private final SnapshotFacts facts;
    private final Map<String, SegmentSnapshot> copyAt = new HashMap<>();
    private boolean everyCopyIndexed;
    private final List<InstanceFact> instances;
    private final List<RegionFact> regions;

    IndexedFacts(EngineSnapshot s) {
        this.s = s;
        this.facts = SnapshotFacts.of(s);
        this.instances = List.copyOf(facts.instances());
        this.regions = List.copyOf(facts.regions());
    }

    /** Makes a copy (not a replacement: those have no address of their own) known by its address. */
    void know(SegmentSnapshot seg) {
        if (!seg.replacement()) {
            copyAt.putIfAbsent(seg.address(), seg);
        }
    }

    private SegmentSnapshot copyAt(String address) {
        SegmentSnapshot seg = copyAt.get(address);
        if (seg == null && !everyCopyIndexed) {
            everyCopyIndexed = true;
            for (RegionSnapshot r : s.regionsOrPrimary()) {
                for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                    for (SegmentSnapshot each : pg.segments()) {
                        know(each);
                    }
                }
            }
            seg = copyAt.get(address);
        }
        return seg;
    }

    @Override
    public List<InstanceFact> instances() {
        return instances;
    }

    @Override
    public String writerId() {
        return facts.writerId();
    }

    @Override
    public boolean writerAcceptsWrites() {
        return facts.writerAcceptsWrites();
    }

    @Override
    public FailoverPhase phase() {
        return facts.phase();
    }

    @Override
    public EngineFlavour engine() {
        return facts.engine();
    }

    @Override
    public String promotionTarget() {
        return facts.promotionTarget();
    }

    @Override
    public FailoverKind globalOperation() {
        return facts.globalOperation();
    }

    @Override
    public String globalTarget() {
        return facts.globalTarget();
    }

    @Override
    public List<RegionFact> regions() {
        return regions;
    }

    @Override
    public String writeRegion() {
        return facts.writeRegion();
    }

    @Override
    public String regionOfAz(String az) {
        return facts.regionOfAz(az);
    }

    @Override
    public boolean azDown(String az) {
        return facts.azDown(az);
    }

    @Override
    public List<String> azsOf(String region) {
        return facts.azsOf(region);
    }

    @Override
    public boolean allGroupsLeaveOut(String az) {
        return facts.allGroupsLeaveOut(az);
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
        return facts.nodeFailed(nodeId);
    }
}

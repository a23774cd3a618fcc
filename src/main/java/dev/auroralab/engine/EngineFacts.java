package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.storage.StorageNode;
import java.util.ArrayList;
import java.util.List;

/** {@link ClusterFacts} read from the engine's own state: what the engine's preconditions decide from. */
final class EngineFacts implements ClusterFacts {

    private final EngineContext ctx;
    private final EngineState st;

    EngineFacts(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    @Override
    public List<InstanceFact> instances() {
        List<InstanceFact> out = new ArrayList<>(st.instances.size());
        for (Instance i : st.instances) {
            out.add(new InstanceFact(i.id(), ctx.regionOf(i).name, i.az(), i.role() == InstanceRole.WRITER,
                    i.status()));
        }
        return out;
    }

    @Override
    public String writerId() {
        return st.writer == null ? null : st.writer.id();
    }

    @Override
    public boolean writerAcceptsWrites() {
        return ctx.writerAcceptsWrites();
    }

    @Override
    public EngineFlavour engine() {
        return st.spec.engine();
    }

    @Override
    public FailoverPhase phase() {
        return st.phase;
    }

    @Override
    public String promotionTarget() {
        return st.failoverTo;
    }

    @Override
    public FailoverKind globalOperation() {
        return st.globalKind;
    }

    @Override
    public String globalTarget() {
        return st.globalTo;
    }

    @Override
    public List<RegionFact> regions() {
        List<RegionFact> out = new ArrayList<>(st.regions.size());
        for (Region r : st.regions) {
            out.add(new RegionFact(r.name, r.role, r.down, r.resyncing || r.rejoinPending));
        }
        return out;
    }

    @Override
    public String writeRegion() {
        return st.writeRegion.name;
    }

    @Override
    public String regionOfAz(String az) {
        Region r = st.regionByAz.get(az);
        return r == null ? null : r.name;
    }

    @Override
    public boolean azDown(String az) {
        return st.downAzs.contains(az);
    }

    @Override
    public List<String> azsOf(String region) {
        for (Region r : st.regions) {
            if (r.name.equals(region)) {
                return r.azs;
            }
        }
        return List.of();
    }

    @Override
    public boolean allGroupsLeaveOut(String az) {
        Region r = st.regionByAz.get(az);
        return r != null && r.pgs.stream().allMatch(pg -> az.equals(pg.degradedExcludedAz()));
    }

    @Override
    public SegmentState segmentState(String address) {
        Slot slot = st.slotByAddress.get(address);
        return slot == null ? null : slot.current().state();
    }

    @Override
    public boolean segmentFailedByUser(String address) {
        Slot slot = st.slotByAddress.get(address);
        return slot != null && slot.current().failedByUser();
    }

    @Override
    public Boolean nodeFailed(String nodeId) {
        StorageNode n = st.nodeById.get(nodeId);
        return n == null ? null : n.failed();
    }
}

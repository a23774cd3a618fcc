package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.SegmentState;
import java.util.List;

/**
 * The facts {@link Preconditions} decides from: read from the engine's own state when it applies a command, or from a
 * snapshot when the window greys out a menu item, so both say the same rule in the same words.
 */
public interface ClusterFacts {

    /** An instance: its region, AZ, whether it holds the writer role, and its status. */
    record InstanceFact(String id, String region, String az, boolean writerRole, InstanceStatus status) {
        public boolean up() {
            return status == InstanceStatus.UP;
        }
    }

    /** A region: its role in the Global Database, whether it is out, and whether it is resynchronising to rejoin. */
    record RegionFact(String name, Region.Role role, boolean down, boolean resyncing) {
    }

    /** Every instance, in every region. */
    List<InstanceFact> instances();

    /** The instance holding the writer role, or null. */
    String writerId();

    /** Whether the writer takes writes now (up, and reached through the cluster endpoint). */
    boolean writerAcceptsWrites();

    FailoverPhase phase();

    /** Aurora MySQL or Aurora PostgreSQL: a few rules differ (managed RPO is PostgreSQL only). */
    EngineFlavour engine();

    /** The instance being promoted or recovering as the new writer, or null. */
    String promotionTarget();

    /** The Global Database operation in progress (a switchover, a global failover, detach and promote), or null. */
    FailoverKind globalOperation();

    /** The region the Global Database operation in progress moves the writer to, or null. */
    String globalTarget();

    /** Every region, the scenario's primary first. */
    List<RegionFact> regions();

    /** The region the writes go to. */
    String writeRegion();

    /** The region an AZ belongs to, or null when no region has it. */
    String regionOfAz(String az);

    boolean azDown(String az);

    /** The AZs of region {@code region}, in order (empty when there is no such region). */
    List<String> azsOf(String region);

    /** Whether every protection group of the AZ's region already runs the degraded model that leaves {@code az} out. */
    boolean allGroupsLeaveOut(String az);

    /** The state of the copy at {@code address} (PG/AZ/COPY, or REGION/PG/AZ/COPY), or null when there is none. */
    SegmentState segmentState(String address);

    /** Whether the copy at {@code address} was failed by a user (as opposed to its node or AZ being out). */
    boolean segmentFailedByUser(String address);

    /** Whether the storage node is failed; null when there is no such node. */
    Boolean nodeFailed(String nodeId);

    default InstanceFact instance(String id) {
        for (InstanceFact i : instances()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        return null;
    }

    default RegionFact region(String name) {
        for (RegionFact r : regions()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}

package dev.auroralab.engine.cluster;

import dev.auroralab.engine.InstanceClassSize;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;

/**
 * A DB instance: the writer or a read replica. All instances share the cluster volume (P17 §4.2.4); a replica applies
 * the writer's redo stream to its cache, only records at or below VDL (P17 §4.2.4, P18 §3.3).
 */
public final class Instance {
    private final String id;
    /** Fixed, except that a writer recreated while its AZ is out is recreated in another AZ (FAQ). */
    private String az;
    private final String instanceClass;
    private final int sizeRank;
    private final int creationOrder;
    private InstanceRole role;
    private InstanceStatus status;
    private int tier;
    /** Failed by the user (as opposed to down because its AZ is out). */
    private boolean crashed;
    private long appliedLsn;
    private long lagMicros;
    /** Increments at every status change, so stale scheduled work (a restart finishing) can tell it is stale. */
    private int generation;

    public Instance(String id, String az, InstanceRole role, int tier, String instanceClass, int creationOrder) {
        this.id = id;
        this.az = az;
        this.role = role;
        this.tier = tier;
        this.instanceClass = instanceClass;
        this.sizeRank = InstanceClassSize.rank(instanceClass);
        this.creationOrder = creationOrder;
        this.status = InstanceStatus.UP;
    }

    /** An independent instance in the same state (for a copy of the engine). */
    public Instance copy() {
        Instance c = new Instance(id, az, role, tier, instanceClass, creationOrder);
        c.status = status;
        c.crashed = crashed;
        c.appliedLsn = appliedLsn;
        c.lagMicros = lagMicros;
        c.generation = generation;
        return c;
    }

    public String id() {
        return id;
    }

    public String az() {
        return az;
    }

    /** The instance is recreated in {@code az} (same id, new host): only for a writer whose AZ is out. */
    public void moveTo(String az) {
        this.az = az;
    }

    public String instanceClass() {
        return instanceClass;
    }

    public int sizeRank() {
        return sizeRank;
    }

    public int creationOrder() {
        return creationOrder;
    }

    public InstanceRole role() {
        return role;
    }

    public void setRole(InstanceRole role) {
        this.role = role;
    }

    public InstanceStatus status() {
        return status;
    }

    public void setStatus(InstanceStatus status) {
        this.status = status;
        generation++;
    }

    public int generation() {
        return generation;
    }

    public int tier() {
        return tier;
    }

    public void setTier(int tier) {
        this.tier = tier;
    }

    public boolean crashed() {
        return crashed;
    }

    public void setCrashed(boolean crashed) {
        this.crashed = crashed;
    }

    public long appliedLsn() {
        return appliedLsn;
    }

    public long lagMicros() {
        return lagMicros;
    }

    public void applied(long lsn, long lagMicros) {
        if (lsn >= appliedLsn) {
            this.appliedLsn = lsn;
            this.lagMicros = lagMicros;
        }
    }

    public void resetApplied(long lsn) {
        this.appliedLsn = lsn;
        this.lagMicros = 0;
    }

    public boolean up() {
        return status == InstanceStatus.UP;
    }
}

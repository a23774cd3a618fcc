package dev.auroralab.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.cluster.Replicas;
import dev.auroralab.engine.global.Replication;

/**
 * Read replicas: the writer streams its redo to every replica in the region, which applies records at or below VDL
 * to its cache; replicas are added, removed, restarted and given promotion tiers.
 *
 * <p>Source: P17 §4.2.4 (replicas), Table 4 (replica lag), UG "Replication with Amazon Aurora".
 * Model: the lag is a fit to P17 Table 4 (ModelValues.REPLICA_LAG_*); creating a replica takes a fixed time.
 */
public final class Replicas {

    private final EngineContext ctx;
    private final EngineState st;

    public Replicas(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public void sendRedo() {
        st.lastRedoVdl = st.vdl;
        long lag = replicaLagModelMicros();
        // replicas that apply at the same instant share one item, in the order they would have fired one by one
        java.util.Map<Long, List<Instance>> byInstant = new java.util.LinkedHashMap<>();
        for (Instance r : st.instances) {
            if (r.role() == InstanceRole.READER && r.up() && ctx.regionOf(r) == st.writeRegion) {
                long arrives = ctx.now() + ctx.hop(st.writer.az(), r.az());
                long applyAt = Math.max(arrives, st.vdlReachedMicros + lag);
                byInstant.computeIfAbsent(applyAt, t -> new ArrayList<>()).add(r);
            }
        }
        byInstant.forEach((applyAt, replicas) -> {
            List<Integer> ids = new ArrayList<>(replicas.size());
            List<Integer> generations = new ArrayList<>(replicas.size());
            for (Instance r : replicas) {
                ids.add(r.creationOrder());
                generations.add(r.generation());
            }
            st.queue.schedule(applyAt, new Scheduled.RedoApply(ids, generations, st.vdl, st.vdlReachedMicros,
                    ctx.now(), applyAt, st.writer.id()));
        });
    }

    /** P17 Table 4 fit: a few ms at 1-10K writes/s, growing with the write rate (see ModelValues). */
    public long replicaLagModelMicros() {
        return ModelValues.REPLICA_LAG_BASE_MICROS
                + Math.round(ModelValues.REPLICA_LAG_MICROS_PER_WRITE_PER_SECOND * st.writesPerSecond);
    }

    /** The writer's redo reaches a replica: it applies records up to the VDL the redo carried. */
    public void onRedoApplied(Scheduled.RedoApply r) {
        for (int k = 0; k < r.replicas().size(); k++) {
            Instance replica = ctx.instanceNumbered(r.replicas().get(k));
            if (replica.generation() == r.replicaGenerations().get(k) && replica.up()
                    && replica.role() == InstanceRole.READER && r.vdl() <= st.vdl) {
                replica.applied(r.vdl(), ctx.now() - r.vdlAtMicros());
            }
        }
    }

    public CommandResult restoreInstance(String id) {
        Instance i = ctx.instance(id);
        i.setCrashed(false);
        if (st.downAzs.contains(i.az())) {
            return CommandResult.ok(id + " will start when AZ " + i.az() + " returns");
        }
        restartInstance(i);
        return CommandResult.ok(id + " is restarting");
    }

    public void restartInstance(Instance i) {
        i.setStatus(InstanceStatus.STARTING);
        long ready = ctx.now() + st.spec.timings().restartMicros();
        ctx.emit(new InstanceRestarting(ctx.now(), i.id(), ready));
        int g = i.generation();
        st.queue.schedule(ready, new Scheduled.InstanceBooted(i.creationOrder(), g));
    }

    public void onInstanceBooted(Instance i, int generation) {
        if (i.generation() != generation || !st.instances.contains(i)) {
            return;
        }
        if (st.downAzs.contains(i.az())) {
            i.setStatus(InstanceStatus.DOWN);
            return;
        }
        if (i == st.writer) {
            // the writer came back before anyone was promoted: it recovers and keeps its role
            ctx.emit(new InstanceStarted(ctx.now(), i.id(), "writer (recovering)"));
            if (st.phase == FailoverPhase.NONE) {
                ctx.failover.startFailoverRecord(i.id());
            }
            ctx.crashRecovery.beginRecovery(i);
            return;
        }
        Region region = ctx.regionOf(i);
        if (region != st.writeRegion && region.role == Region.Role.PRIMARY && i.role() == InstanceRole.WRITER) {
            // the old primary after a detach: its writer comes back and takes writes of its own (split brain)
            i.setStatus(InstanceStatus.UP);
            ctx.emit(new InstanceStarted(ctx.now(), i.id(), "writer of the old global database"));
            ctx.availability.refreshAvailability();
            return;
        }
        i.setRole(InstanceRole.READER);
        i.setStatus(InstanceStatus.UP);
        i.resetApplied(region == st.writeRegion ? st.vdl : region.durableLsn);
        ctx.emit(new InstanceStarted(ctx.now(), i.id(), "reader"));
        if ((st.phase == FailoverPhase.WAITING_FOR_AZ || st.phase == FailoverPhase.RECREATING) && region == st.writeRegion) {
            ctx.failover.startPromotion(null, "a replica is available");
        }
        ctx.availability.refreshAvailability();
    }

    public CommandResult addReplica(Command.AddReplica c) {
        Instance i = new Instance(c.instanceId(), c.az(), InstanceRole.READER, c.tier(), c.instanceClass(),
                st.instancesCreated++);
        i.setStatus(InstanceStatus.CREATING);
        st.instances.add(i);
        st.instancesEverCreated.add(i);
        long ready = ctx.now() + ModelValues.REPLICA_CREATE_MICROS;
        ctx.emit(new ReplicaAdded(ctx.now(), i.id(), i.az(), i.tier(), i.instanceClass(), ready));
        int g = i.generation();
        st.queue.schedule(ready, new Scheduled.InstanceBooted(i.creationOrder(), g));
        return CommandResult.ok("creating " + i.id());
    }

    public CommandResult removeReplica(String id) {
        Instance i = ctx.instance(id);
        st.instances.remove(i);
        i.setStatus(InstanceStatus.DOWN);
        ctx.emit(new ReplicaRemoved(ctx.now(), id));
        return CommandResult.ok(id + " removed");
    }

    public CommandResult setTier(String id, int tier) {
        Instance i = ctx.instance(id);
        int from = i.tier();
        i.setTier(tier);
        ctx.emit(new PromotionTierChanged(ctx.now(), id, from, tier));
        return CommandResult.ok(id + " is now tier " + tier);
    }
}

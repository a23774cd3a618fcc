package dev.auroralab.engine.global;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.global.WriteForwarding;

/**
 * Write forwarding: a secondary region forwards one representative session's writes to the primary and reads its own
 * write back with the session's read consistency (eventual, session or global).
 *
 * <p>Source: UG "Using write forwarding in an Amazon Aurora global database". Model: one probe session per region,
 * a write every 200 ms (ModelValues.FORWARDING_PROBE_INTERVAL_MICROS).
 */
public final class WriteForwarding {

    private final EngineContext ctx;
    private final EngineState st;

    public WriteForwarding(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public CommandResult setWriteForwarding(String name, Command.ReadConsistency consistency) {
        Region r = ctx.region(name);
        r.forwarding = consistency;
        int generation = ++r.forwardingGeneration;
        r.probeWaitingForLsn = false;
        r.probeWaitingForAck = false;
        r.readStartedMicros = -1;
        ctx.emit(new WriteForwardingChanged(ctx.now(), name, consistency == null ? null : consistency.label()));
        if (consistency != null) {
            st.queue.scheduleAfter(0, new Scheduled.ProbeStart(r.index, generation));
        }
        return CommandResult.ok(consistency == null ? "write forwarding off in " + name
                : "write forwarding on in " + name + " (" + consistency.label() + ")");
    }

    /** The session forwards one write to the primary, then reads its own write back in its region. */
    public void startProbe(Region r, int generation) {
        if (generation != r.forwardingGeneration || r.forwarding == null) {
            return;
        }
        r.probeStartedMicros = ctx.now();
        // a secondary being rebuilt after a global failover has no volume to read the write back from
        if (r.down || r.resyncing || r.role != Region.Role.SECONDARY) {
            r.forwardedWritesFailed++;
            scheduleNextProbe(r, generation);
            return;
        }
        Region primary = st.writeRegion;
        st.queue.scheduleAfter(ctx.replication.latencyMicros(r, primary), new Scheduled.ProbeArrived(r.index, generation));
    }

    /** The forwarded write reached the primary region: it joins the next boxcar window, or fails with no writer. */
    public void onProbeArrived(Scheduled.ProbeArrived p) {
        Region r = st.regions.get(p.region());
        int generation = p.forwardingGeneration();
        if (generation != r.forwardingGeneration) {
            return;
        }
        if (!ctx.writerAcceptsWrites() || st.writeRegion.role != Region.Role.PRIMARY) {
            r.forwardedWritesFailed++;
            scheduleNextProbe(r, generation);
            return;
        }
        r.probeWaitingForLsn = true; // it joins the primary's next boxcar window
    }

    public int forwardedWritesWaiting() {
        int n = 0;
        if (st.regions.size() > 1) {
            for (Region r : st.regions) {
                if (r.probeWaitingForLsn) {
                    n++;
                }
            }
        }
        return n;
    }

    public void allocateForwardedWrites() {
        for (Region r : st.regions) {
            if (r.probeWaitingForLsn) {
                r.probeWaitingForLsn = false;
                r.probeLsn = st.ledger.maxAllocatedLsn();
                r.probeWaitingForAck = true;
            }
        }
    }

    public void failForwardedWrites() {
        for (Region r : st.regions) {
            if (r.probeWaitingForLsn) {
                r.probeWaitingForLsn = false;
                r.forwardedWritesFailed++;
                scheduleNextProbe(r, r.forwardingGeneration);
            }
        }
    }

    public void onForwardedWritesAcknowledged() {
        long acked = st.ledger.acknowledgedLsn();
        for (Region r : st.regions) {
            if (r.probeWaitingForAck && acked >= r.probeLsn) {
                r.probeWaitingForAck = false;
                int generation = r.forwardingGeneration;
                long lsn = r.probeLsn;
                st.queue.scheduleAfter(ctx.replication.latencyMicros(st.writeRegion, r),
                        new Scheduled.ForwardedAck(r.index, generation, lsn));
            }
        }
    }

    /** The commit came back to the session: it reads its own write with the region's read consistency. */
    public void onForwardedAck(Region r, int generation, long lsn) {
        if (generation != r.forwardingGeneration || r.forwarding == null) {
            return;
        }
        r.forwardedWrites++;
        r.forwardedWriteLatencyLastMicros = ctx.now() - r.probeStartedMicros;
        r.readStartedMicros = ctx.now();
        r.readNeedsLsn = switch (r.forwarding) {
            case EVENTUAL -> -1;
            case SESSION -> lsn;
            // GLOBAL: everything the primary had committed when the read started
            case GLOBAL -> Math.max(lsn, st.globalVdl);
        };
        if (r.readNeedsLsn < 0) {
            if (r.durableLsn < lsn) {
                r.staleReads++; // read-your-writes missed: the write has not replicated back yet
            }
            finishForwardedRead(r);
        } else if (r.durableLsn >= r.readNeedsLsn) {
            finishForwardedRead(r);
        }
    }

    public void onSecondaryAdvanced(Region r) {
        if (r.readStartedMicros >= 0 && r.readNeedsLsn >= 0 && r.durableLsn >= r.readNeedsLsn) {
            finishForwardedRead(r);
        }
    }

    public void finishForwardedRead(Region r) {
        long wait = ctx.now() - r.readStartedMicros;
        r.forwardedReads++;
        r.readWaitLastMicros = wait;
        r.readWaitMaxMicros = Math.max(r.readWaitMaxMicros, wait);
        r.readStartedMicros = -1;
        scheduleNextProbe(r, r.forwardingGeneration);
    }

    public void scheduleNextProbe(Region r, int generation) {
        long next = Math.max(ctx.now(), r.probeStartedMicros + ModelValues.FORWARDING_PROBE_INTERVAL_MICROS);
        st.queue.schedule(next, new Scheduled.ProbeStart(r.index, generation));
    }
}

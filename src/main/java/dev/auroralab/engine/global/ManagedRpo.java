package dev.auroralab.engine.global;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.global.ManagedRpo;

/**
 * Managed RPO (rds.global_db_rpo): commits on the primary wait while every secondary's RPO lag is over the limit.
 *
 * <p>Source: UG "Managing RPOs for Aurora PostgreSQL-based global databases". Model: checked once per boxcar window.
 */
public final class ManagedRpo {

    private final EngineContext ctx;
    private final EngineState st;

    public ManagedRpo(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public CommandResult setManagedRpo(Long seconds) {
        st.managedRpoSeconds = seconds == null ? 0 : seconds;
        ctx.emit(new ManagedRpoChanged(ctx.now(), st.managedRpoSeconds));
        refreshCommitsBlocked();
        return CommandResult.ok(seconds == null ? "managed RPO off" : "managed RPO " + seconds + " s");
    }

    /** UG-2023: commits on the primary block while every secondary's RPO lag is over the managed RPO. */
    public void refreshCommitsBlocked() {
        boolean block = false;
        long smallest = Long.MAX_VALUE;
        String within = null;
        if (st.managedRpoSeconds > 0 && st.writeRegion.role == Region.Role.PRIMARY) {
            long limit = st.managedRpoSeconds * 1_000_000;
            block = true;
            boolean any = false;
            for (Region r : st.regions) {
                if (r.role == Region.Role.SECONDARY) {
                    any = true;
                    long lag = ctx.replication.rpoLagMicros(r);
                    smallest = Math.min(smallest, lag);
                    if (lag <= limit) {
                        block = false;
                        within = within == null ? r.name : within;
                    }
                }
            }
            block &= any;
        }
        if (block == st.commitsBlocked) {
            return;
        }
        st.commitsBlocked = block;
        if (block) {
            ctx.emit(new CommitsBlocked(ctx.now(), st.managedRpoSeconds, smallest));
        } else {
            // within is null when the RPO was turned off or no secondary is left to hold commits for
            ctx.emit(new CommitsUnblocked(ctx.now(), within));
            ctx.writePath.acknowledgeCommits();
        }
        ctx.availability.refreshAvailability();
    }
}

package dev.auroralab.engine.global;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.global.SplitBrain;
import java.util.ArrayList;
import java.util.List;

/**
 * Split brain: after a detach, the old primary's writer can still take writes of its own, so two regions are
 * writable at once. The engine reports it rather than preventing it, as the real service does.
 *
 * <p>Source: UG "Detaching and promoting" (the detached cluster and the old global database diverge).
 */
public final class SplitBrain {

    private final EngineContext ctx;
    private final EngineState st;

    public SplitBrain(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    /** Regions that take writes now: the write region when writable, and an old primary whose writer is still up. */
    public List<String> writableRegions() {
        List<String> out = new ArrayList<>();
        for (Region r : st.regions) {
            if (r == st.writeRegion ? st.writable : oldPrimaryWritable(r)) {
                out.add(r.name);
            }
        }
        return out;
    }

    /** An old primary (after a detach) takes writes of its own: it is up, its writer is up, every PG has its quorum. */
    public boolean oldPrimaryWritable(Region r) {
        return r.role == Region.Role.PRIMARY && !r.down && oldWriterUp(r) && r.pgsWithoutWriteQuorum.isEmpty();
    }

    public boolean oldWriterUp(Region r) {
        for (Instance i : st.instances) {
            if (ctx.regionOf(i) == r && i.role() == InstanceRole.WRITER && i.status() == InstanceStatus.UP) {
                return true;
            }
        }
        return false;
    }

    public void refreshSplitBrain() {
        if (st.regions.size() == 1) {
            return;
        }
        List<String> w = writableRegions();
        boolean now = w.size() > 1;
        if (now != st.splitBrain) {
            st.splitBrain = now;
            ctx.emit(now ? new SplitBrainDetected(ctx.now(), w) : new SplitBrainEnded(ctx.now()));
        }
    }
}

package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Availability: the quorum gauges of every protection group, the volume status (writable, read-only, unavailable)
 * and the reason for it in words, with an event whenever one of them changes.
 *
 * <p>Source: P17 §2.1 (write 4/6, read 3/6), P18 §4 (quorum sets during membership changes). The reasons are the
 * engine's own sentences, built from the state that caused them.
 */
public final class Availability {

    private final EngineContext ctx;
    private final EngineState st;

    public Availability(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public void refreshAvailability() {
        refreshAvailability(ctx.readPath.readableNow());
    }

    /** {@code nowReadable}: whether reads through the reader endpoint succeed now, when the caller already knows. */
    public void refreshAvailability(boolean nowReadable) {
        for (Region region : st.regions) {
            // only the groups that changed since the last look, in index order: a loop over all, without the cost
            region.volume.drainQuorumChanges(g -> reportQuorum(region, region.pgs.get(g)));
        }
        Region wr = st.writeRegion;
        boolean allWrite = wr.pgsWithoutWriteQuorum.isEmpty();
        VolumeReason firstWriteBlock = null;
        if (!allWrite) {
            ProtectionGroup pg = wr.pgs.get(wr.pgsWithoutWriteQuorum.nextSetBit(0));
            firstWriteBlock = new VolumeReason.WriteQuorumMissing(pg.id(), pg.writableCopies(), pg.copiesInModel(),
                    pg.writeQuorumSize());
        }
        boolean writerOk = ctx.writerAcceptsWrites();
        boolean nowWritable = writerOk && allWrite && !st.lalReported && !st.commitsBlocked;
        VolumeReason reason;
        if (!writerOk) {
            reason = ctx.failover.writerReason();
        } else if (firstWriteBlock != null) {
            reason = firstWriteBlock;
        } else if (st.lalReported) {
            reason = new VolumeReason.AllocationLimitReached();
        } else if (st.commitsBlocked) {
            reason = new VolumeReason.CommitsHeldByManagedRpo(st.managedRpoSeconds);
        } else {
            reason = new VolumeReason.Writing(st.writer.id());
        }
        if (!nowReadable) {
            reason = ctx.readPath.readBlockReason(reason);
        } else {
            int g = wr.pgsWithoutReadQuorum.nextSetBit(0);
            if (g >= 0) {
                reason = new VolumeReason.ReadsFromOneCopy(reason, wr.pgs.get(g).id());
            }
        }
        VolumeStatus status = statusOf(nowWritable, nowReadable);
        st.writable = nowWritable;
        st.volumeReason = reason;
        ctx.splitBrain.refreshSplitBrain();
        if (status != st.volumeStatus) {
            ctx.emit(new VolumeStatusChanged(ctx.now(), st.volumeStatus.label(), status.label(), reason.sentence()));
            st.volumeStatus = status;
        }
    }

    /** Emits the quorum events of one group whose copies changed, if its write or read quorum flipped. */
    private void reportQuorum(Region region, ProtectionGroup pg) {
        int g = pg.index();
        boolean w = pg.writeQuorumHeld();
        boolean r = pg.readQuorumHeld();
        if (w != region.pgWriteQuorum[g]) {
            region.pgWriteQuorum[g] = w;
            region.pgsWithoutWriteQuorum.set(g, !w);
            ctx.emit(w ? new WriteQuorumRegained(ctx.now(), pg.id())
                    : new WriteQuorumLost(ctx.now(), pg.id(), pg.writableCopies(), pg.writeQuorumSize()));
        }
        if (r != region.pgReadQuorum[g]) {
            region.pgReadQuorum[g] = r;
            region.pgsWithoutReadQuorum.set(g, !r);
            ctx.emit(r ? new ReadQuorumRegained(ctx.now(), pg.id())
                    : new ReadQuorumLost(ctx.now(), pg.id(), pg.readableCopies(), pg.readQuorumSize()));
        }
    }

    public static VolumeStatus statusOf(boolean writable, boolean readable) {
        return writable ? VolumeStatus.WRITABLE : readable ? VolumeStatus.READ_ONLY : VolumeStatus.UNAVAILABLE;
    }

    public static String letters(List<Segment> term) {
        StringBuilder b = new StringBuilder();
        for (Segment s : term) {
            b.append(s.letter());
        }
        return b.toString();
    }

    /** The quorum terms in force, for writes or reads: 4/6 of ABCDEF, and 4/6 of ABCDEG during a change. */
    public static List<QuorumTerm> quorumSet(ProtectionGroup pg, boolean writes) {
        List<QuorumTerm> parts = new ArrayList<>();
        int needed = writes ? pg.writeQuorumSize() : pg.readQuorumSize();
        for (List<Segment> t : pg.quorumTerms()) {
            parts.add(new QuorumTerm(needed, letters(t)));
        }
        return parts;
    }
}

package dev.auroralab.engine;

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
        String firstWriteBlock = null;
        if (!allWrite) {
            ProtectionGroup pg = wr.pgs.get(wr.pgsWithoutWriteQuorum.nextSetBit(0));
            firstWriteBlock = pg.id() + " reaches " + pg.writableCopies() + " of " + pg.copiesInModel()
                    + " copies; writes need " + pg.writeQuorumSize();
        }
        boolean writerOk = ctx.writerAcceptsWrites();
        boolean nowWritable = writerOk && allWrite && !st.lalReported && !st.commitsBlocked;
        String reason;
        if (!writerOk) {
            reason = ctx.failover.writerReason();
        } else if (firstWriteBlock != null) {
            reason = firstWriteBlock;
        } else if (st.lalReported) {
            reason = "writes throttled: the next LSN would pass VDL + 10,000,000 (LAL)";
        } else if (st.commitsBlocked) {
            reason = "commits wait: every secondary's RPO lag is over the managed RPO of " + st.managedRpoSeconds
                    + " s (rds.global_db_rpo)";
        } else {
            reason = "every protection group has its write quorum; " + st.writer.id() + " is writing";
        }
        if (!nowReadable) {
            reason = reason + "; reads fail: " + ctx.readPath.readBlockReason();
        }
        VolumeStatus status = statusOf(nowWritable, nowReadable);
        st.writable = nowWritable;
        st.volumeReason = reason;
        ctx.splitBrain.refreshSplitBrain();
        if (status != st.volumeStatus) {
            ctx.emit(new VolumeStatusChanged(ctx.now(), st.volumeStatus.label(), status.label(), reason));
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

    /** The quorum terms in words, e.g. "4/6 of ABCDEF", "4/6 of ABCDEG": one per term, for writes or reads. */
    public static List<String> quorumSet(ProtectionGroup pg, boolean writes) {
        List<String> parts = new ArrayList<>();
        int needed = writes ? pg.writeQuorumSize() : pg.readQuorumSize();
        for (List<Segment> t : pg.quorumTerms()) {
            parts.add(needed + "/" + t.size() + " of " + letters(t));
        }
        return parts;
    }
}

package dev.auroralab.engine.storage;

import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.Availability;
import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.storage.StorageNode;
import dev.auroralab.engine.storage.Repair;

/**
 * Storage faults and repair: copies fail and return, whole storage nodes fail, a copy can be destroyed; a copy with
 * holes catches up by gossip from its peers; a copy gone longer than the detection time is replaced by a new copy on
 * another node of the same AZ through an epoch-numbered membership change (rolled back if the old copy returns first,
 * committed once the new copy is hydrated); continuous backup stages what is durable to S3.
 *
 * <p>Source: P17 §2.2 (10 GB segments repaired in seconds), §4.2.1 (gossip), P18 §4 (membership changes), P17 Fig. 4.
 * Model: hydration takes a fixed time per GiB (ModelValues.REPAIR_MICROS_PER_GIB); gossip moves up to 500 boxcars per
 * 50 ms round; boxcars that reached no copy still reachable (their copies down, not destroyed) are sent again by the
 * writer from a gossip round (see {@link WritePath#resendWhatNoCopyHolds}); a destroyed PG with no copy left is
 * restored from the staged backup, every acknowledged write above it is counted as lost, and the commits still pending
 * when it is restored fail.
 */
public final class Repair {

    private final EngineContext ctx;
    private final EngineState st;

    public Repair(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public CommandResult failSegment(String address) {
        Slot slot = st.slotByAddress.get(address);
        Segment s = slot.current();
        s.setFailedByUser(true);
        boolean changed = refreshSegment(s);
        if (changed) {
            ctx.emit(new SegmentFailed(ctx.now(), s.id(), s.pg().id()));
        }
        return CommandResult.ok(changed ? address + " is down" : address + " will stay down when its node returns");
    }

    public CommandResult restoreSegment(String address) {
        Slot slot = st.slotByAddress.get(address);
        Segment s = slot.current();
        s.setFailedByUser(false);
        boolean changed = refreshSegment(s);
        if (changed) {
            ctx.emit(new SegmentRestored(ctx.now(), s.id()));
        }
        return CommandResult.ok(changed ? address + " is back" : address + " stays down while its node or AZ is out");
    }

    public CommandResult destroySegment(String address) {
        Slot slot = st.slotByAddress.get(address);
        Segment s = slot.current();
        s.setState(SegmentState.DESTROYED);
        s.wipe();
        ctx.emit(new SegmentDestroyed(ctx.now(), s.id(), s.pg().id()));
        checkForDataLoss(s.pg());
        scheduleRepairCheck(s);
        return CommandResult.ok(address + " destroyed");
    }

    public CommandResult setNodeFailed(String nodeId, boolean failed) {
        StorageNode node = st.nodeById.get(nodeId);
        node.setFailed(failed);
        int changed = 0;
        for (ProtectionGroup pg : st.regionByAz.get(node.az()).pgs) {
            for (Segment s : pg.allCopies()) {
                if (s.node() == node && refreshSegment(s)) {
                    changed++;
                }
            }
        }
        ctx.emit(failed ? new StorageNodeFailed(ctx.now(), nodeId, changed) : new StorageNodeRestored(ctx.now(), nodeId));
        return CommandResult.ok(nodeId + (failed ? " failed" : " restored"));
    }

    /**
     * Brings a copy's state in line with its reachability. Returns whether it changed between down and up.
     */
    public boolean refreshSegment(Segment s) {
        if (s.state() == SegmentState.DESTROYED || s.retired()) {
            return false;
        }
        boolean r = ctx.reachable(s);
        Slot slot = s.pg().slot(s.slot());
        if (!r && s.state() != SegmentState.DOWN) {
            if (s.state() == SegmentState.REPLACING) {
                // a new copy that loses its node before it is filled is simply dropped
                dropReplacement(slot);
                return true;
            }
            s.setState(SegmentState.DOWN);
            scheduleRepairCheck(s);
            return true;
        }
        if (r && s.state() == SegmentState.DOWN) {
            s.applyTruncation();
            s.setCatchUpTarget(s.pg().log().size() - 1);
            s.setState(s.prefix() >= s.catchUpTarget() ? SegmentState.UP : SegmentState.CATCHING_UP);
            ctx.writePath.reportScl(s);
            if (slot.current() == s && slot.replacement() != null) {
                Segment g = s.pg().rollBackReplacement(slot);
                g.retire();
                ctx.emit(new MembershipChangeRolledBack(ctx.now(), s.pg().id(), s.id(), g.id(), s.pg().membershipEpoch()));
            }
            scheduleGossip(s.pg());
            if (s.state() == SegmentState.UP) {
                // back with nothing to catch up: the last copy of an excluded AZ may end the degraded model now
                ctx.azOutage.maybeLeaveDegradedModel(s.pg());
            }
            return true;
        }
        return false;
    }

    public void dropReplacement(Slot slot) {
        ProtectionGroup pg = slot.current().pg();
        Segment g = pg.rollBackReplacement(slot);
        g.setState(SegmentState.DOWN);
        g.retire();
        ctx.emit(new MembershipChangeRolledBack(ctx.now(), pg.id(), slot.current().id(), g.id(), pg.membershipEpoch()));
        scheduleRepairCheck(slot.current());
    }

    public void scheduleGossip(ProtectionGroup pg) {
        if (!pg.gossipScheduled()) {
            pg.setGossipScheduled(true);
            st.queue.scheduleAfter(ModelValues.GOSSIP_INTERVAL_MICROS,
                    new Scheduled.Gossip(ctx.regionOf(pg).index, pg.index()));
        }
    }

    /**
     * P18 §2.2: a copy with holes fetches the missing records from a peer that has them. A hole no reachable peer can
     * fill (every copy that took those boxcars was out when they came) is left to the writer, which sends it again.
     */
    public void onGossip(ProtectionGroup pg) {
        Region region = ctx.regionOf(pg);
        pg.setGossipScheduled(false);
        boolean stillBehind = false;
        for (Segment s : pg.allCopies()) {
            if (s.state() != SegmentState.CATCHING_UP || s.retired()) {
                continue;
            }
            Segment peer = pg.mostCompleteReadable(s);
            if (peer != null && peer.prefix() > s.prefix()) {
                int upTo = Math.min(peer.prefix(),
                        Math.min(s.catchUpTarget(), s.prefix() + ModelValues.GOSSIP_BATCHES_PER_ROUND));
                s.fillUpTo(upTo);
                ctx.writePath.reportScl(s);
            }
            if (s.prefix() >= s.catchUpTarget()) {
                s.setState(SegmentState.UP);
                ctx.emit(new SegmentCaughtUp(ctx.now(), s.id(), s.scl()));
                ctx.azOutage.maybeLeaveDegradedModel(pg);
            } else {
                stillBehind = true;
            }
        }
        if (stillBehind) {
            if (region == st.writeRegion) {
                // what no copy holds, gossip cannot bring: the writer still has it and sends it again
                ctx.writePath.resendWhatNoCopyHolds(pg, pg.sentWhenGossipScheduled() - 1);
            }
            scheduleGossip(pg);
        }
        if (region != st.writeRegion) {
            ctx.replication.onSecondaryPgChanged(region, pg);
        }
        ctx.availability.refreshAvailability();
    }

    public void scheduleRepairCheck(Segment s) {
        int generation = s.generation();
        st.queue.scheduleAfter(ModelValues.SEGMENT_FAILURE_DETECTION_MICROS,
                new Scheduled.RepairCheck(ctx.refOf(s), generation));
    }

    /**
     * After the detection delay, storage replaces a copy that is still gone with a new one on another node of the same
     * AZ (AZ-aware placement), through the membership change of P18 §4. Copies in an AZ that is out are not replaced:
     * a long AZ outage is met by the degraded quorum model when a teacher reconfigures it (AzOutage.reconfigureQuorum).
     */
    public void onRepairCheck(Segment s, int generation) {
        if (s.generation() != generation || s.retired()) {
            return;
        }
        if (s.state() != SegmentState.DOWN && s.state() != SegmentState.DESTROYED) {
            return;
        }
        Slot slot = s.pg().slot(s.slot());
        if (slot.current() != s || slot.replacement() != null || st.downAzs.contains(s.az())) {
            return;
        }
        StorageNode node = replacementNode(s.pg(), s.az());
        if (node == null) {
            scheduleRepairCheck(s); // no healthy node free in this AZ now: try again later
            return;
        }
        ProtectionGroup pg = s.pg();
        Segment g = pg.beginReplacement(slot, node, ++st.replacementsCreated);
        g.setVolumeEpoch(st.volumeEpoch);
        ctx.emit(new MembershipChangeStarted(ctx.now(), pg.id(), s.id(), g.id(), pg.membershipEpoch(),
                QuorumTerm.join(Availability.quorumSet(pg, true), " AND "), QuorumTerm.join(Availability.quorumSet(pg, false), " OR ")));
        long hydrate = pg.sizeGiB() * ModelValues.REPAIR_MICROS_PER_GIB;
        st.queue.scheduleAfter(hydrate, hydrated(pg, g));
        ctx.availability.refreshAvailability();
    }

    public StorageNode replacementNode(ProtectionGroup pg, String az) {
        StorageNode best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (StorageNode n : st.nodes) {
            if (!n.az().equals(az) || n.failed()) {
                continue;
            }
            boolean hostsCopy = false;
            for (Segment c : pg.allCopies()) {
                hostsCopy |= c.node() == n && !c.retired() && c.state() != SegmentState.DESTROYED;
            }
            if (hostsCopy) {
                continue;
            }
            int load = 0;
            for (ProtectionGroup other : st.regionByAz.get(az).pgs) {
                for (Segment c : other.allCopies()) {
                    if (c.node() == n && !c.retired()) {
                        load++;
                    }
                }
            }
            if (load < bestLoad) {
                best = n;
                bestLoad = load;
            }
        }
        return best;
    }

    private Scheduled.Hydrated hydrated(ProtectionGroup pg, Segment g) {
        return new Scheduled.Hydrated(ctx.regionOf(pg).index, pg.index(), g.slot(), g.letter());
    }

    public void onHydrated(Scheduled.Hydrated h) {
        ProtectionGroup pg = ctx.pg(h.region(), h.pg());
        onHydrated(pg, pg.slot(h.slot()), pg.segmentByLetter(h.letter()));
    }

    /** The new copy has been filled from a peer at the repair rate (P17 §2.2): the change commits if F is still gone. */
    private void onHydrated(ProtectionGroup pg, Slot slot, Segment g) {
        if (slot.replacement() != g) {
            return; // rolled back meanwhile
        }
        Segment source = pg.mostCompleteReadable(g);
        if (source != null && source.prefix() >= pg.pgclBoxcar()) {
            g.fillUpTo(source.prefix());
        } else if (pg.allCopies().stream().noneMatch(Segment::survives)) {
            if (ctx.regionOf(pg) == st.writeRegion) {
                restoreFromBackup(pg, g);
            } else {
                // a secondary's copy is sent again by the primary region instead
                g.fillUpTo(pg.log().size() - 1);
            }
        } else {
            // what is durable lives only on copies that are out: a new copy filled now would miss it, so wait
            st.queue.scheduleAfter(1_000_000, hydrated(pg, g));
            return;
        }
        g.setState(SegmentState.UP);
        ctx.writePath.reportScl(g);
        ctx.emit(new SegmentHydrated(ctx.now(), g.id(), g.scl()));
        Segment old = pg.commitReplacement(slot);
        old.retire();
        ctx.emit(new MembershipChangeCommitted(ctx.now(), pg.id(), old.id(), g.id(), pg.membershipEpoch()));
        ctx.azOutage.maybeLeaveDegradedModel(pg);
        if (ctx.regionOf(pg) != st.writeRegion) {
            ctx.replication.onSecondaryPgChanged(ctx.regionOf(pg), pg);
        }
        ctx.availability.refreshAvailability();
    }

    /**
     * Every copy is destroyed: the new copy is filled from the continuous backup in S3 (P17 Fig. 4 step 6), which holds
     * the group up to its staged point. Whatever the writer sent the group after that reached no copy that still
     * exists, so no copy will ever hold it and gossip has no peer to fetch it from: left alone, the group's PGCL, and
     * with it VCL and VDL, would wait on that hole for ever. As crash recovery does with what no read quorum holds
     * (P17 §4.3), the volume is cut back to the last consistency point the restored group is complete through (never
     * above VCL): the LSNs above are void, every pending commit fails (its data is gone; it must never be
     * acknowledged), an acknowledged one above the cut is counted as lost, and the writer goes on above the
     * truncation range.
     */
    private void restoreFromBackup(ProtectionGroup pg, Segment g) {
        g.fillUpTo(pg.stagedBoxcar());
        long failedBefore = st.writesFailed;
        boolean hole = pg.log().firstLiveLsnFrom(g.prefix() + 1) != Long.MAX_VALUE;
        if (hole) {
            long cut = st.ledger.highestCplAtOrBelow(Math.min(st.vcl, pg.log().completeThrough(g.prefix())));
            long lost = ctx.crashRecovery.truncateVolume(cut);
            if (lost > 0) {
                ctx.emit(new AcknowledgedWritesLost(ctx.now(), lost, pg.id()
                        + " was restored from a backup that does not hold them"));
            }
        }
        long truncatedThrough = hole ? st.ledger.truncationEnd() : st.vdl;
        ctx.emit(new ProtectionGroupRestoredFromBackup(ctx.now(), pg.id(), g.id(), g.scl(), st.vdl, truncatedThrough,
                st.writesFailed - failedBefore));
    }

    /** The longest complete prefix held by a copy that still exists (reachable or not). */
    public static int survivingPrefix(ProtectionGroup pg) {
        int best = -1;
        for (Segment s : pg.allCopies()) {
            if (s.survives()) {
                best = Math.max(best, s.prefix());
            }
        }
        return best;
    }

    /**
     * After a destroy: if no copy that still exists holds what the writer acknowledged, those writes are gone. The
     * volume is cut back to what survives (the most complete remaining copy, or the S3 backup) and every acknowledged
     * commit above is counted as lost: the model never hides a loss.
     */
    public void checkForDataLoss(ProtectionGroup pg) {
        if (ctx.regionOf(pg) != st.writeRegion) {
            return; // no acknowledged write depends on a secondary's copy: the primary sends it again
        }
        // everything at or below PGCL is durable (acknowledged or about to be): it must survive somewhere
        int needed = pg.pgclBoxcar();
        if (needed < 0) {
            return;
        }
        int available = Math.max(pg.stagedBoxcar(), survivingPrefix(pg));
        if (available >= needed) {
            return;
        }
        long cut = st.ledger.highestCplAtOrBelow(Math.min(st.vcl, pg.log().completeThrough(available)));
        long lost = ctx.crashRecovery.truncateVolume(cut);
        if (lost > 0) {
            ctx.emit(new AcknowledgedWritesLost(ctx.now(), lost, pg.id() + " has no copy left holding its acknowledged data"));
        }
    }

    public void onBackupStaging() {
        for (ProtectionGroup pg : ctx.pgs()) {
            // only what a surviving copy holds can be staged
            int stageable = Math.min(pg.pgclBoxcar(), survivingPrefix(pg));
            pg.setStagedBoxcar(Math.max(pg.stagedBoxcar(), stageable));
        }
        st.queue.scheduleAfter(ModelValues.BACKUP_STAGING_INTERVAL_MICROS, Scheduled.Tick.BACKUP_STAGING);
    }
}

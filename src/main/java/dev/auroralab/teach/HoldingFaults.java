package dev.auroralab.teach;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.event.CausedEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.storage.SegmentState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Every fault that holds an element down now, each with the event that started it: a copy's own failure, its storage
 * node's, its AZ's, its region's; an instance's loss, its AZ's, its region's. Whether a fault holds is read from the
 * snapshot (the copy's "failed by user" flag, the node's "failed", the region's down AZs and role), which is the
 * engine's truth; the log only says when it began. So a copy whose node failed at 0:08 and whose AZ went out at 0:10
 * is held by both: restoring either alone leaves it down.
 *
 * <p>One case the log cannot date: a copy failed while it was already down (its AZ out) logs no event, since nothing
 * changed then. The command itself, from the run's log, stands for it.
 */
final class HoldingFaults {

    /**
     * One fault holding something down: the event that started it, or (no event) the command, its moment and its
     * words.
     */
    record Held(CausedEvent event, long atMicros, String text, IssuedCommands.Issued command, String description) {

        static Held of(CausedEvent e) {
            return new Held(e, e.event().atMicros(), null, null, null);
        }

        /** The fault in a few words: the event's, or the command's when it logged none. */
        String words(WhyWords w) {
            return event != null ? w.of(event.event()) : text;
        }

        /** Later in the run than {@code o}: a later moment, or at the same one later in the log. */
        boolean after(Held o) {
            return atMicros != o.atMicros ? atMicros > o.atMicros : rank() > o.rank();
        }

        private double rank() {
            return event == null ? Double.MAX_VALUE / 2 : event.id();
        }
    }

    private final EngineSnapshot now;
    private final CausedLog log;
    private final LongFunction<Cause> causes;
    private final IssuedCommands issued;
    private final WhyWords words;

    HoldingFaults(EngineSnapshot now, CausedLog log, LongFunction<Cause> causes, IssuedCommands issued) {
        this.now = now;
        this.log = log;
        this.causes = causes;
        this.issued = issued;
        this.words = new WhyWords(now);
    }

    /** What holds copy {@code s} of group {@code pg} (in region {@code r}) down now; empty when it is not down. */
    List<Held> copy(SegmentSnapshot s, String pg, RegionSnapshot r) {
        List<Held> out = new ArrayList<>();
        if (s.state() == SegmentState.DESTROYED) {
            add(out, log.latest(SegmentDestroyed.class, e -> e.segment().equals(s.id())));
            return out; // nothing brings it back: other faults are beside the point
        }
        if (s.failedByUser()) {
            Held own = failedCopy(s, pg);
            if (own != null) {
                out.add(own);
            }
        }
        StorageNodeSnapshot n = node(r, s.nodeId());
        if (n != null && n.failed()) {
            add(out, log.latest(StorageNodeFailed.class, e -> e.nodeId().equals(n.id())));
        }
        out.addAll(az(s.az(), r));
        return out;
    }

    /** What holds storage node {@code n} (in region {@code r}) down now: its own failure, its AZ's, its region's. */
    List<Held> node(StorageNodeSnapshot n, RegionSnapshot r) {
        List<Held> out = new ArrayList<>();
        if (n.failed()) {
            add(out, log.latest(StorageNodeFailed.class, e -> e.nodeId().equals(n.id())));
        }
        out.addAll(az(n.az(), r));
        return out;
    }

    /**
     * What holds instance {@code i} (in region {@code r}) down now: its loss (fail-instance, not undone by a restart,
     * a new host or a restore), its AZ's outage, its region's. Empty unless it is down.
     */
    List<Held> instance(InstanceSnapshot i, RegionSnapshot r) {
        List<Held> out = new ArrayList<>();
        if (i.status() != InstanceStatus.DOWN) {
            return out;
        }
        CausedEvent lost = log.latest(InstanceFailed.class, e -> e.instanceId().equals(i.id()));
        if (lost != null && own(lost, new Command.FailInstance(i.id()).describe())
                && !undone(lost, new Command.RestoreInstance(i.id()).describe())) {
            // back since: restarted, started, or on a new host
            CausedEvent back = later(later(log.latest(InstanceRestarting.class, e -> e.instanceId().equals(i.id())),
                    log.latest(InstanceStarted.class, e -> e.instanceId().equals(i.id()))),
                    log.latest(InstanceReplaced.class, e -> e.instanceId().equals(i.id())));
            if (back == null || back.id() < lost.id()) {
                out.add(Held.of(lost));
            }
        }
        out.addAll(az(i.az(), r));
        return out;
    }

    /**
     * What holds AZ {@code az} of region {@code r} out now: its own outage (not followed by its restore or its
     * region's), its region's. Empty when it is in.
     */
    List<Held> az(String az, RegionSnapshot r) {
        List<Held> out = new ArrayList<>();
        if (r == null || !r.downAzs().contains(az)) {
            return out;
        }
        CausedEvent failed = log.latest(AvailabilityZoneFailed.class, e -> e.az().equals(az));
        if (failed != null) {
            CausedEvent restored = log.latest(AvailabilityZoneRestored.class, e -> e.az().equals(az));
            CausedEvent regionBack = log.latest(RegionRestored.class, e -> e.region().equals(r.region()));
            if ((restored == null || restored.id() < failed.id()) && (regionBack == null || regionBack.id() < failed.id())) {
                out.add(Held.of(failed));
            }
        }
        if (r.role() == RegionRole.DOWN) {
            add(out, log.latest(RegionFailed.class, e -> e.region().equals(r.region())));
        }
        return out;
    }

    /**
     * A copy's own failure: the event, or the command when the copy was already down and nothing was logged. The
     * command is the latest "fail segment" of its address; an event at or after it is that command's.
     */
    private Held failedCopy(SegmentSnapshot s, String pg) {
        CausedEvent ev = log.latest(SegmentFailed.class, e -> e.segment().equals(s.id()));
        String description = new Command.FailSegment(s.address()).describe();
        IssuedCommands.Issued by = issued.find(description, now.nowMicros());
        if (by != null && (ev == null || ev.event().atMicros() < by.atMicros())) {
            return new Held(null, by.atMicros(), words.copy(s.id(), pg) + " failed while it was already down", by,
                    description);
        }
        return ev == null ? null : Held.of(ev);
    }

    /** Whether {@code e} is what the command {@code description} did (not a side effect of an AZ or a region). */
    private boolean own(CausedEvent e, String description) {
        Cause k = causes.apply(e.causeId());
        return k != null && ("command: " + description).equals(k.what());
    }

    /** Whether the command {@code description} was applied after {@code e} (a restore that logged nothing). */
    private boolean undone(CausedEvent e, String description) {
        IssuedCommands.Issued by = issued.find(description, now.nowMicros());
        return by != null && by.atMicros() > e.event().atMicros();
    }

    private static CausedEvent later(CausedEvent a, CausedEvent b) {
        return a == null ? b : b == null || a.id() > b.id() ? a : b;
    }

    private static StorageNodeSnapshot node(RegionSnapshot r, String id) {
        for (StorageNodeSnapshot n : r.storageNodes()) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    private static void add(List<Held> out, CausedEvent e) {
        if (e != null) {
            out.add(Held.of(e));
        }
    }
}

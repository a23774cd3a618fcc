package dev.auroralab.teach;

import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.event.CausedEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.run.ClockText;
import dev.auroralab.teach.WhyChains.Headline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "why?" of the topology's elements (issue 14): an Availability Zone, a storage node, an instance and an endpoint.
 * Each says first how the element is now, then what holds it so ({@link HoldingFaults}: every fault not undone) or
 * the event that put it in its passing state (a restart, a promotion, a recreation, an endpoint's move), with their
 * causes. An element with nothing wrong is one sentence ending "nothing to explain".
 *
 * <p>What Aurora does: an AZ outage takes its instances and storage nodes, so two of each group's six copies (P17
 * §2.1); a lost writer is replaced by promoting a replica, or recreated when there is none, and the cluster endpoint
 * follows the new writer after the DNS TTL (UG "High availability for Aurora"); the reader endpoint spreads
 * connections over the replicas that are up (UG "Amazon Aurora endpoints").
 */
final class WhyElements {

    private final WhyChains c;
    private final WhyTrace trace;
    private final EngineSnapshot now;
    private final CausedLog log;
    private final WhyWords words;

    WhyElements(WhyChains c, WhyTrace trace) {
        this.c = c;
        this.trace = trace;
        this.now = c.now;
        this.log = c.log;
        this.words = c.words;
    }

    // =================================================================================================================
    // An Availability Zone
    // =================================================================================================================

    Headline az(String name) {
        RegionSnapshot r = null;
        for (RegionSnapshot x : now.regionsOrPrimary()) {
            if (x.azs().contains(name)) {
                r = x;
            }
        }
        if (r == null) {
            return Headline.fine("No AZ " + name + " in this cluster: nothing to explain");
        }
        if (!r.downAzs().contains(name)) {
            return Headline.fine("AZ " + name + " is up: nothing to explain");
        }
        List<String> down = new ArrayList<>();
        for (InstanceSnapshot i : r.instances()) {
            if (i.az().equals(name) && i.status() == InstanceStatus.DOWN) {
                down.add(i.id());
            }
        }
        long nodes = r.storageNodes().stream().filter(n -> n.az().equals(name)).count();
        if (nodes > 0) {
            down.add("its " + nodes + " storage node" + (nodes == 1 ? "" : "s"));
        }
        String copies = copiesDown(r, s -> s.az().equals(name));
        if (!copies.isEmpty()) {
            down.add(copies);
        }
        String text = "AZ " + name + " is out" + (r.role() == RegionRole.DOWN ? " with its region " + r.region() : "")
                + (down.isEmpty() ? "" : ", and with it " + WhyWords.and(down));
        return holding(text, c.holding.az(name, r));
    }

    // =================================================================================================================
    // A storage node
    // =================================================================================================================

    Headline storageNode(String id) {
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            for (StorageNodeSnapshot n : r.storageNodes()) {
                if (n.id().equals(id)) {
                    return storageNode(n, r);
                }
            }
        }
        return Headline.fine("No storage node " + id + " in this cluster: nothing to explain");
    }

    private Headline storageNode(StorageNodeSnapshot n, RegionSnapshot r) {
        String name = "Storage node " + n.id() + " in " + n.az();
        if (n.up()) {
            return Headline.fine(name + " is up, holding " + n.segments().size() + " cop"
                    + (n.segments().size() == 1 ? "y" : "ies") + ": nothing to explain");
        }
        String copies = copiesDown(r, s -> s.nodeId().equals(n.id()));
        return holding(name + " is down" + (copies.isEmpty() ? "" : ", and with it " + copies),
                c.holding.node(n, r));
    }

    // =================================================================================================================
    // An instance
    // =================================================================================================================

    Headline instance(String id) {
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            for (InstanceSnapshot i : r.instances()) {
                if (i.id().equals(id)) {
                    return instance(i, r);
                }
            }
        }
        return Headline.fine("No instance " + id + " in this cluster (a replica removed is gone): nothing to explain");
    }

    private Headline instance(InstanceSnapshot i, RegionSnapshot r) {
        String id = i.id();
        // by its id alone: the engine makes a lost writer a reader at once, so "reader writer-1" would mislead
        String name = id;
        return switch (i.status()) {
            case DOWN -> {
                FailoverSnapshot f = now.failoverInProgress();
                String text = name + " in " + i.az() + " is down" + (f != null && id.equals(f.from())
                        ? "; the failover that replaces it as the writer: " + f.describe() : "");
                List<HoldingFaults.Held> held = c.holding.instance(i, r);
                if (held.isEmpty()) {
                    CausedEvent lost = log.latest(InstanceFailed.class, e -> e.instanceId().equals(id));
                    c.chainOf(lost);
                    yield WhyChains.headline(text, lost);
                }
                yield holding(text, held);
            }
            case STARTING -> {
                CausedEvent e = log.latest(InstanceRestarting.class, x -> x.instanceId().equals(id));
                String ready = e == null ? "" : " (ready at "
                        + ClockText.of(((InstanceRestarting) e.event()).readyAtMicros()) + ")";
                yield anchored(name + " is restarting" + ready, e);
            }
            case PROMOTING -> {
                CausedEvent e = log.latest(FailoverStarted.class, x -> x.to().equals(id));
                String from = e == null ? null : ((FailoverStarted) e.event()).from();
                yield anchored(name + " is being promoted to writer" + (from == null ? "" : " (failover from "
                        + from + ")"), e);
            }
            case RECOVERING -> {
                CausedEvent e = later(log.latest(WriterPromoted.class, x -> x.instanceId().equals(id)),
                        log.latest(InstanceStarted.class, x -> x.instanceId().equals(id)));
                yield anchored(id + " is the writer and runs crash recovery before it takes writes", e);
            }
            case CREATING -> {
                CausedEvent e = later(log.latest(WriterRecreationStarted.class, x -> x.instanceId().equals(id)),
                        log.latest(ReplicaAdded.class, x -> x.instanceId().equals(id)));
                long ready = e == null ? -1 : e.event() instanceof WriterRecreationStarted w ? w.readyAtMicros()
                        : ((ReplicaAdded) e.event()).readyAtMicros();
                yield anchored(name + " is being " + (e != null && e.event() instanceof ReplicaAdded ? "created"
                        : "recreated on a new host") + " in " + i.az() + (ready < 0 ? "" : " (ready at "
                        + ClockText.of(ready) + ")"), e);
            }
            case UP -> i.role() == InstanceRole.WRITER ? writerUp(i) : readerUp(i, r);
        };
    }

    /** A writer that is up: the event that made it the writer, or nothing to explain if it always was. */
    private Headline writerUp(InstanceSnapshot i) {
        String id = i.id();
        CausedEvent made = later(later(log.latest(FailoverCompleted.class, e -> e.to().equals(id)),
                log.latest(GlobalPromotionCompleted.class, e -> e.writerId().equals(id))),
                log.latest(CrashRecoveryCompleted.class, e -> e.writer().equals(id)));
        if (made == null) {
            return Headline.fine(id + " is up and healthy, the writer from the start: nothing to explain");
        }
        c.chainOf(made);
        return WhyChains.headline(id + " is up as the writer" + (restartedInPlace(id)
                ? ": it recovered the volume after its restart in place" : ": it took over the writes"), made);
    }

    /**
     * A reader that is up: healthy, or the old writer back as a reader after an in-region failover, or an instance of a
     * region a Global Database operation made a secondary, restarted since.
     */
    private Headline readerUp(InstanceSnapshot i, RegionSnapshot r) {
        String id = i.id();
        CausedEvent started = log.latest(InstanceStarted.class, e -> e.instanceId().equals(id));
        CausedEvent replaced = log.latest(FailoverCompleted.class, e -> id.equals(e.from()) && !id.equals(e.to()));
        if (started != null && replaced != null && started.id() > replaced.id()) {
            c.chainOf(replaced);
            c.chain(started, false);
            return WhyChains.headline(id + " is up as a reader: it was the writer until "
                    + ((FailoverCompleted) replaced.event()).to() + " took over", started);
        }
        EngineSnapshot.FailoverRecord moved = null;
        for (EngineSnapshot.FailoverRecord f : now.failovers()) {
            if (f.kind().global() && r.region().equals(f.from())) {
                moved = f;
            }
        }
        if (started != null && moved != null && started.event().atMicros() >= moved.startedAtMicros()) {
            long from = moved.startedAtMicros();
            c.chainOf(log.latestOf(java.util.Set.of(GlobalSecondaryInSync.class, GlobalPromotionStarted.class),
                    from, moved.completedAtMicros()));
            c.chain(started, false);
            return WhyChains.headline(id + " is up as a reader: " + r.region() + " stopped taking the writes in the "
                    + moved.kind().label() + " to " + moved.to(), started);
        }
        return Headline.fine(id + " is up and healthy, serving reads: nothing to explain");
    }

    // =================================================================================================================
    // An endpoint
    // =================================================================================================================

    Headline endpoint(String which, String regionName) {
        RegionSnapshot r = null;
        for (RegionSnapshot x : now.regionsOrPrimary()) {
            if (regionName == null ? x.region().equals(now.writerRegion()) : x.region().equals(regionName)) {
                r = x;
            }
        }
        if (r == null) {
            return Headline.fine("No region " + regionName + " in this cluster: nothing to explain");
        }
        return WhySubject.Endpoint.CLUSTER.equals(which) ? clusterEndpoint(r) : readerEndpoint(r);
    }

    private Headline clusterEndpoint(RegionSnapshot r) {
        String target = r.endpoints().clusterEndpoint();
        String name = "The cluster (writer) endpoint" + (now.isGlobal() ? " of " + r.region() : "");
        if (target == null) {
            return Headline.fine(name + " leads nowhere: " + r.region() + " is a secondary and has no writer;"
                    + " nothing to explain");
        }
        FailoverSnapshot f = now.failoverInProgress();
        if (f != null && r.region().equals(now.writerRegion())) {
            // it moves only once the new writer has recovered: the failover under way is why it still points here
            c.nested(trace.writer());
            InstanceSnapshot t = instanceIn(r, target);
            return WhyChains.headline(name + " still points to " + target + (t != null && t.status()
                    == InstanceStatus.DOWN ? ", which is down" : "") + "; it moves to the new writer once that has"
                    + " recovered, and clients follow after the DNS TTL", null);
        }
        CausedEvent moved = later(log.latest(ClusterEndpointMoved.class, e -> e.to().equals(target)),
                log.latest(GlobalPromotionCompleted.class, e -> e.writerId().equals(target)));
        if (moved == null) {
            return Headline.fine(name + " points to " + target + ", the writer from the start: nothing to explain");
        }
        c.chainOf(moved);
        return WhyChains.headline(name + " points to " + target, moved);
    }

    private Headline readerEndpoint(RegionSnapshot r) {
        List<String> targets = r.endpoints().readerEndpoint();
        String name = "The reader endpoint" + (now.isGlobal() ? " of " + r.region() : "");
        // the replicas it leaves out; with no target at all, every instance that is not up (the writer too)
        List<InstanceSnapshot> missing = r.instances().stream().filter(i -> i.status() != InstanceStatus.UP
                && (targets.isEmpty() || i.role() == InstanceRole.READER)).toList();
        InstanceSnapshot only = targets.size() == 1 ? instanceIn(r, targets.get(0)) : null;
        String to = targets.isEmpty() ? "no instance, so reads fail"
                : only != null && only.role() == InstanceRole.WRITER ? "the writer " + only.id()
                        + " (no reader is up)" : WhyWords.and(targets);
        if (missing.isEmpty()) {
            return Headline.fine(name + " sends reads to " + to + ": nothing to explain");
        }
        List<String> out = new ArrayList<>();
        for (InstanceSnapshot m : missing) {
            out.add(m.id() + " (" + m.status().label() + ")");
            c.nested(instance(m, r));
        }
        return WhyChains.headline(name + " sends reads to " + to + "; not to " + WhyWords.and(out), null);
    }

    // =================================================================================================================
    // Helpers
    // =================================================================================================================

    /** The first link of something held by {@code held} (each linked, with its chain), at the latest of them. */
    private Headline holding(String text, List<HoldingFaults.Held> held) {
        Map<HoldingFaults.Held, String> faults = new LinkedHashMap<>();
        held.forEach(h -> faults.put(h, ""));
        HoldingFaults.Held latest = c.holdingLinks(faults);
        if (latest == null) {
            return WhyChains.headline(text, null);
        }
        // the state's latest change is that fault's, linked on its own
        return new Headline(text, latest.atMicros(), null, latest.event() == null ? Double.MAX_VALUE / 2 + 0.5
                : latest.event().id() + 0.5, false);
    }

    /** The first link, at the event that put the element in its passing state, whose causes follow. */
    private Headline anchored(String text, CausedEvent e) {
        if (e != null) {
            // the engine's own event restates the first link; a command's is kept, for who gave it (you, scenario)
            c.chain(e, c.origin(e) != WhyLink.Origin.ENGINE);
        }
        return WhyChains.headline(text, e);
    }

    /** "copies E and F of pg-0 and pg-1": the copies down in region {@code r} that {@code which} picks. */
    private String copiesDown(RegionSnapshot r, java.util.function.Predicate<SegmentSnapshot> which) {
        Map<String, List<SegmentSnapshot>> byGroup = new LinkedHashMap<>();
        for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
            for (SegmentSnapshot s : pg.segments()) {
                if (!s.replacement() && !s.state().accepting() && which.test(s)) {
                    byGroup.computeIfAbsent(pg.id(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        return WhyWords.copiesOfGroups(byGroup);
    }

    /** Whether the writer's latest change was a restart in place (a crash), not a promotion. */
    private boolean restartedInPlace(String id) {
        CausedEvent crash = log.latest(InstanceCrashed.class, x -> x.instanceId().equals(id));
        CausedEvent promoted = later(log.latest(WriterPromoted.class, x -> x.instanceId().equals(id)),
                log.latest(GlobalPromotionCompleted.class, x -> x.writerId().equals(id)));
        return crash != null && (promoted == null || crash.id() > promoted.id());
    }

    private static InstanceSnapshot instanceIn(RegionSnapshot r, String id) {
        return r.instances().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    private static CausedEvent later(CausedEvent a, CausedEvent b) {
        return a == null ? b : b == null || a.id() > b.id() ? a : b;
    }
}

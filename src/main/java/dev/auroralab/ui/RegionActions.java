package dev.auroralab.ui;

import dev.auroralab.engine.ClusterFacts;
import dev.auroralab.engine.SnapshotFacts;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a learner can do to a region of a Global Database, from the snapshot alone: fail or restore it, switch over or
 * fail over to it, detach it, set its write forwarding, and set the managed RPO (on the primary). As with
 * {@link TopologyActions}, what does not make sense for the region's role stays on the menu, disabled, with the reason.
 * The same list feeds the region card's context menu, the Global menu and the action bar over the strip.
 */
public final class RegionActions {

    /** Submenu of the forwarding choices. */
    public static final String FORWARDING = "Write forwarding";
    /** Submenu of the managed RPO choices. */
    public static final String MANAGED_RPO = "Managed RPO";
    /** The managed RPO targets offered, in seconds (the engine takes 20 s or more; 0 turns it off). */
    public static final List<Long> RPO_CHOICES = List.of(20L, 30L, 60L);

    private RegionActions() {
    }

    public static List<TopologyAction> forRegion(String name, EngineSnapshot s) {
        // a single-region cluster has no region actions: the window shows it exactly as before Global Database
        RegionSnapshot r = s == null || !s.isGlobal() ? null : s.regionSnapshot(name);
        if (r == null) {
            return List.of();
        }
        RegionSnapshot primary = primary(s);
        boolean isPrimary = r.primary();
        // every rule below that the engine also enforces is asked of the engine's Preconditions, so a disabled item
        // says the engine's own reason; what is left here is which region's menu offers a setting, and "already"
        ClusterFacts f = SnapshotFacts.of(s);

        List<TopologyAction> out = new ArrayList<>();
        out.add(TopologyActions.ask(TopologyAction.of("Fail region " + name, new Command.FailRegion(name),
                TopologyAction.Kind.FAIL), f));
        out.add(TopologyActions.ask(TopologyAction.of("Restore region " + name, new Command.RestoreRegion(name),
                TopologyAction.Kind.RESTORE), f));
        out.add(TopologyActions.ask(TopologyAction.of("Switch over to " + name + " (planned, no data loss)",
                new Command.Switchover(name), TopologyAction.Kind.OTHER), f));
        out.add(TopologyActions.ask(TopologyAction.of("Fail over to " + name + " (allow data loss)",
                new Command.FailoverGlobal(name), TopologyAction.Kind.OTHER), f));
        out.add(TopologyActions.ask(TopologyAction.of("Detach " + name + " and promote it (standalone)",
                new Command.DetachAndPromote(name), TopologyAction.Kind.OTHER), f));

        String forwardingNow = forwarding(r);
        List<String> choices = new ArrayList<>();
        choices.add(null);
        for (ReadConsistency c : ReadConsistency.values()) {
            choices.add(c.label());
        }
        for (String choice : choices) {
            ReadConsistency c = choice == null ? null : ReadConsistency.valueOf(choice.toUpperCase(Locale.ROOT));
            boolean now = choice == null ? forwardingNow == null : choice.equals(forwardingNow);
            TopologyAction a = TopologyAction.of((choice == null ? "Off" : "On, " + choice + " reads")
                    + (now ? " (now)" : ""), new Command.SetWriteForwarding(name, c), TopologyAction.Kind.OTHER)
                    .under(FORWARDING);
            TopologyAction asked = TopologyActions.ask(a, f);
            out.add(!asked.enabled() ? asked : now ? a.disabledBecause("already " + (choice == null ? "off" : choice))
                    : a);
        }

        if (!s.engine().hasManagedRpo()) {
            // rds.global_db_rpo is an Aurora PostgreSQL parameter: an Aurora MySQL cluster has no such setting
            return out;
        }
        long rpoNow = s.global() == null ? 0 : s.global().managedRpoSeconds();
        String noRpo = isPrimary ? null
                : primary == null ? "it is set on the primary, and there is none now"
                : "it is set on the primary, " + primary.region();
        for (long choice : prepend(0L, RPO_CHOICES)) {
            boolean now = choice == rpoNow;
            TopologyAction a = TopologyAction.of((choice == 0 ? "Off" : choice + " s") + (now ? " (now)" : ""),
                    new Command.SetManagedRpo(choice == 0 ? null : choice), TopologyAction.Kind.OTHER)
                    .under(MANAGED_RPO);
            TopologyAction asked = TopologyActions.ask(a, f);
            out.add(noRpo != null ? a.disabledBecause(noRpo) : !asked.enabled() ? asked
                    : now ? a.disabledBecause("already " + (choice == 0 ? "off" : choice + " s")) : a);
        }
        return out;
    }

    /**
     * A number that changes whenever what {@link #forRegion} offers for {@code region} may change: every region's
     * role and resync, its forwarding, the managed RPO, a failover running, and which region is asked about. Computed without allocating,
     * so the window can ask every frame and rebuild its buttons only on a change.
     */
    public static long stateKey(EngineSnapshot s, String region) {
        long h = region == null ? 0 : region.hashCode();
        h = 31 * h + s.engine().ordinal(); // the managed RPO is offered on Aurora PostgreSQL only
        for (RegionSnapshot r : s.regions()) {
            h = 31 * h + r.region().hashCode();
            h = 31 * h + r.role().ordinal();
            h = 31 * h + (r.resyncing() ? 1 : 2);
            String c = r.forwarding() == null ? null : r.forwarding().consistency();
            h = 31 * h + (c == null ? 0 : c.hashCode());
        }
        h = 31 * h + (s.global() == null ? -1 : s.global().managedRpoSeconds());
        h = 31 * h + (s.failoverInProgress() == null ? 0 : s.failoverInProgress().phase().ordinal());
        // the engine's rules also look at which instances are up (a region with none up cannot be promoted)
        for (RegionSnapshot r : s.regions()) {
            for (var i : r.instances()) {
                h = 31 * h + i.status().ordinal() * 2 + i.role().ordinal();
            }
        }
        return h;
    }

    /** The region that takes the global database's writes, or null while there is none (it is out). */
    public static RegionSnapshot primary(EngineSnapshot s) {
        for (RegionSnapshot r : s.regions()) {
            if (r.primary()) {
                return r;
            }
        }
        return null;
    }

    /** The read consistency of a region's write forwarding, or null when forwarding is off. */
    public static String forwarding(RegionSnapshot r) {
        if (r.forwarding() == null) {
            return null;
        }
        String c = r.forwarding().consistency();
        return c == null || c.isBlank() || "off".equalsIgnoreCase(c) ? null : c.toLowerCase(Locale.ROOT);
    }

    private static List<Long> prepend(long first, List<Long> rest) {
        List<Long> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}

package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Global Database snapshots made by hand from a real single-region one, for the layout, renderer and action tests
 * that need a given set of roles (a split brain, a region out, eleven regions) without running the engine to it. The
 * regions all share the base snapshot's volume; each has the base snapshot's instances, named and placed in it
 * (the primary keeps the base's names, another region's are "REGION/ID" readers in AZ "REGION/AZ", so an AZ out in
 * one region is not out in another), so the engine's rules, which look
 * at which instances a region has up, see a region as the engine would show it.
 */
public final class GlobalFixtures {

    private GlobalFixtures() {
    }

    /** One region to make: its name, role, RPO lag and write forwarding ("session", or null for off). */
    public record R(String name, String role, boolean resyncing, long rpoLagMicros, String forwarding) {
        public static R of(String name, String role) {
            return new R(name, role, false, "primary".equals(role) ? 0 : 142_000, null);
        }
    }

    /** The base snapshot with these regions; the first primary among them is where the writes go. */
    public static EngineSnapshot global(EngineSnapshot base, GlobalSnapshot g, List<R> regions) {
        List<RegionSnapshot> rs = new ArrayList<>();
        String writes = base.region();
        List<MessageSnapshot> messages = new ArrayList<>(base.messagesInFlight());
        for (R r : regions) {
            boolean primary = "primary".equals(r.role());
            boolean down = "down".equals(r.role());
            if (primary) {
                writes = r.name();
            }
            List<InstanceSnapshot> instances = new ArrayList<>();
            for (InstanceSnapshot i : base.instances()) {
                instances.add(primary ? new InstanceSnapshot(i.id(), r.name(), i.az(), i.role(), i.status(), i.tier(),
                        i.instanceClass(), i.appliedLsn(), i.lagMicros())
                        : new InstanceSnapshot(r.name() + "/" + i.id(), r.name(), r.name() + "/" + i.az(), InstanceRole.READER,
                                i.status(), i.tier(), i.instanceClass(), i.appliedLsn(), i.lagMicros()));
            }
            rs.add(new RegionSnapshot(r.name(), RegionRole.ofWord(r.role()), r.resyncing(), primary ? 0 : 70_000, base.azs(),
                    down ? base.azs() : List.of(), base.volume(), instances, base.storageNodes(),
                    base.endpoints(), base.volume().vdl() - (primary ? 0 : 40), r.rpoLagMicros(),
                    r.rpoLagMicros() / 2, primary || "detached".equals(r.role()), !down,
                    new ForwardingSnapshot(r.forwarding() == null ? "off" : r.forwarding(), 12, 0, 150_000, 40, 3,
                            80_000, 140_000)));
        }
        for (R r : regions) {
            if (!"primary".equals(r.role()) && !"detached".equals(r.role()) && !writes.equals(r.name())) {
                messages.add(new MessageSnapshot(dev.auroralab.engine.snapshot.MessageKind.REPLICATION, writes, r.name(), base.nowMicros() - 30_000,
                        base.nowMicros() + 40_000, null, base.volume().vdl()));
            }
        }
        return new EngineSnapshot(base.nowMicros(), base.seed(), writes, base.azs(), base.downAzs(), base.volume(),
                base.instances(), base.endpoints(), base.writesPerSecond(), base.readsPerSecond(), base.counters(),
                base.failoverInProgress(), base.failovers(), base.storageNodes(), messages, rs, g, base.engine());
    }

    public static EngineSnapshot global(EngineSnapshot base, List<R> regions) {
        return global(base, new GlobalSnapshot(0, false, false, List.of(regions.get(0).name())), regions);
    }

    /** The usual teaching picture: us-east-1 primary, eu-west-1 and ap-southeast-2 secondaries. */
    public static EngineSnapshot threeRegions(EngineSnapshot base) {
        return global(base, List.of(R.of("us-east-1", "primary"), R.of("eu-west-1", "secondary"),
                R.of("ap-southeast-2", "secondary")));
    }

    /** The same snapshot on another engine flavour (managed RPO exists on Aurora PostgreSQL only). */
    public static EngineSnapshot withEngine(EngineSnapshot s, dev.auroralab.engine.EngineFlavour engine) {
        return new EngineSnapshot(s.nowMicros(), s.seed(), s.region(), s.azs(), s.downAzs(), s.volume(), s.instances(),
                s.endpoints(), s.writesPerSecond(), s.readsPerSecond(), s.counters(), s.failoverInProgress(),
                s.failovers(), s.storageNodes(), s.messagesInFlight(), s.regions(), s.global(), engine);
    }
}

package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every engine field of the selected element, as name/value rows for the inspector, straight from the snapshot. When
 * nothing is selected it shows the volume and the counters, so the panel is never empty.
 */
public final class InspectorModel {

    /** One row; a row with a null value is a section heading. */
    public record Field(String name, String value) {
        public boolean heading() {
            return value == null;
        }
    }

    /** The volume's row for the failover under way: a click on it asks why (the writer's trace). */
    public static final String FAILOVER_FIELD = "failover";
    /** The volume's row for the acknowledged writes lost: a click on it asks why (the lost writes' trace). */
    public static final String LOST_WRITES_FIELD = "acked writes lost";

    private InspectorModel() {
    }

    public static List<Field> fields(Selection sel, EngineSnapshot s) {
        return fields(sel, s, List.of());
    }

    /**
     * {@code first} (the distance overlay's rows: what failing the selection next would do, on top while the overlay
     * is on, where a small inspector shows them without scrolling), then the selection's fields, then the volume's.
     */
    public static List<Field> fields(Selection sel, EngineSnapshot s, List<Field> first) {
        List<Field> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        out.addAll(first);
        if (sel != null) {
            switch (sel.kind()) {
                case INSTANCE -> instance(out, s.instance(sel.id()), s);
                case SEGMENT -> segment(out, s.segment(sel.id()), s);
                case STORAGE_NODE -> node(out, sel.id(), s);
                case PROTECTION_GROUP -> pg(out, s.pg(sel.id()));
                case AVAILABILITY_ZONE -> az(out, sel.id(), s);
                case ENDPOINT -> endpoint(out, sel.id(), s);
                case REGION -> region(out, s.regionSnapshot(sel.id()), s);
                default -> {
                }
            }
        }
        volume(out, s);
        return out;
    }

    private static void instance(List<Field> out, InstanceSnapshot i, EngineSnapshot s) {
        if (i == null) {
            return;
        }
        out.add(new Field("Instance " + i.id(), null));
        out.add(new Field("role", i.role().name().toLowerCase(Locale.ROOT)));
        out.add(new Field("status", i.status().label()));
        out.add(new Field("AZ", i.az()));
        out.add(new Field("region", i.region()));
        out.add(new Field("instance class", i.instanceClass()));
        out.add(new Field("promotion tier", String.valueOf(i.tier())));
        out.add(new Field(i.role() == EngineSnapshot.InstanceRole.WRITER ? "VDL (durable)" : "applied LSN",
                grouped(i.appliedLsn())));
        out.add(new Field("replica lag", i.role() == EngineSnapshot.InstanceRole.WRITER ? "- (writer)"
                : i.status() != EngineSnapshot.InstanceStatus.UP ? "- (not serving)" : millis(i.lagMicros())));
        out.add(new Field("cluster endpoint", String.valueOf(i.id().equals(s.endpoints().clusterEndpoint()))));
        out.add(new Field("reader endpoint", String.valueOf(s.endpoints().readerEndpoint().contains(i.id()))));
    }

    private static void segment(List<Field> out, SegmentSnapshot seg, EngineSnapshot s) {
        if (seg == null) {
            return;
        }
        out.add(new Field("Copy " + seg.letter() + " of " + pgOf(seg.id()), null));
        out.add(new Field("id", seg.id()));
        out.add(new Field("address", seg.address()));
        out.add(new Field("state", seg.state().label()));
        out.add(new Field("SCL (complete up to)", grouped(seg.scl())));
        out.add(new Field("AZ", seg.az()));
        out.add(new Field("storage node", seg.nodeId()));
        out.add(new Field("replacement", String.valueOf(seg.replacement())));
        out.add(new Field("in the quorum", String.valueOf(seg.inQuorumModel())));
        ProtectionGroupSnapshot pg = s.pg(pgOf(seg.id()));
        if (pg != null) {
            out.add(new Field("behind PGCL by", grouped(Math.max(0, pg.pgcl() - seg.scl())) + " LSNs"));
        }
    }

    private static void node(List<Field> out, String id, EngineSnapshot s) {
        StorageNodeSnapshot n = s.storageNode(id);
        if (n == null) {
            return;
        }
        out.add(new Field("Storage node " + n.id(), null));
        out.add(new Field("AZ", n.az()));
        out.add(new Field("reachable", String.valueOf(n.up())));
        out.add(new Field("copies held", n.segments().size() + ": " + String.join(", ", n.segments())));
    }

    private static void pg(List<Field> out, ProtectionGroupSnapshot pg) {
        if (pg == null) {
            return;
        }
        out.add(new Field("Protection group " + pg.id(), null));
        out.add(new Field("size", pg.sizeGiB() + " GiB"));
        out.add(new Field("copies up", copiesUp(pg)));
        out.add(new Field("write quorum", (pg.writeQuorum() ? "held" : "LOST") + ": " + pg.writableCopies() + " of "
                + pg.copiesInModel() + ", need " + pg.writeQuorumNeeded()));
        out.add(new Field("read quorum", (pg.readQuorum() ? "held" : "LOST") + ": " + pg.readableCopies() + " of "
                + pg.copiesInModel() + ", need " + pg.readQuorumNeeded()));
        out.add(new Field("write set", QuorumTerm.join(pg.writeSet(), " ∧ ")));
        out.add(new Field("read set", QuorumTerm.join(pg.readSet(), " ∨ ")));
        out.add(new Field("membership epoch", String.valueOf(pg.membershipEpoch())));
        out.add(new Field("PGCL", grouped(pg.pgcl())));
        out.add(new Field("degraded (3 of 4)", pg.degradedExcludedAz() == null ? "no"
                : "yes, without " + pg.degradedExcludedAz()));
        for (SegmentSnapshot seg : pg.segments()) {
            out.add(new Field("copy " + seg.letter(), seg.state().label() + ", SCL " + grouped(seg.scl()) + ", " + seg.az()
                    + (seg.replacement() ? ", replaces " + replacedCopy(pg, seg) : "")
                    + (seg.inQuorumModel() ? "" : ", left out of the 3-of-4 model")));
        }
    }

    /**
     * "3 of 6 (+1 replacement being filled: G)": the gauge's numbers (copies accepting writes in the weakest quorum
     * term, of the copies in the model in force), then the copies the PG also has beyond them: replacements joining
     * through a membership change, and the copies of the AZ the degraded 3-of-4 model leaves out.
     */
    static String copiesUp(ProtectionGroupSnapshot pg) {
        List<String> filling = new ArrayList<>();
        List<String> otherReplacements = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (SegmentSnapshot seg : pg.segments()) {
            if (!seg.inQuorumModel()) {
                leftOut.add(String.valueOf(seg.letter()));
            } else if (seg.replacement() && seg.state() == SegmentState.REPLACING) {
                filling.add(String.valueOf(seg.letter()));
            } else if (seg.replacement()) {
                // a replacement whose own node failed: it is not being filled
                otherReplacements.add(seg.letter() + " " + seg.state().label());
            }
        }
        List<String> extra = new ArrayList<>();
        if (!filling.isEmpty()) {
            extra.add("+" + filling.size() + (filling.size() == 1 ? " replacement" : " replacements")
                    + " being filled: " + String.join(", ", filling));
        }
        if (!otherReplacements.isEmpty()) {
            extra.add("+" + otherReplacements.size() + (otherReplacements.size() == 1 ? " replacement" : " replacements")
                    + ": " + String.join(", ", otherReplacements));
        }
        if (!leftOut.isEmpty()) {
            extra.add("+" + leftOut.size() + " in " + pg.degradedExcludedAz() + ", left out of the 3-of-4 model: "
                    + String.join(", ", leftOut));
        }
        return pg.writableCopies() + " of " + pg.copiesInModel()
                + (extra.isEmpty() ? "" : " (" + String.join("; ", extra) + ")");
    }

    /** The letter of the copy a replacement takes the place of: the current copy at the same address. */
    private static String replacedCopy(ProtectionGroupSnapshot pg, SegmentSnapshot replacement) {
        for (SegmentSnapshot seg : pg.segments()) {
            if (!seg.replacement() && seg.address().equals(replacement.address())) {
                return String.valueOf(seg.letter());
            }
        }
        return "a lost copy";
    }

    private static void az(List<Field> out, String az, EngineSnapshot s) {
        out.add(new Field("AZ " + az, null));
        out.add(new Field("status", s.downAzs().contains(az) ? "out" : "up"));
        out.add(new Field("instances", String.join(", ", s.instances().stream().filter(i -> i.az().equals(az))
                .map(InstanceSnapshot::id).toList())));
        out.add(new Field("storage nodes", String.valueOf(s.storageNodes().stream().filter(n -> n.az().equals(az))
                .count())));
    }

    private static void endpoint(List<Field> out, String which, EngineSnapshot s) {
        boolean cluster = "cluster".equals(which);
        out.add(new Field(cluster ? "Cluster endpoint" : "Reader endpoint", null));
        String reaches = cluster ? s.endpoints().clusterEndpoint() : String.join(", ", s.endpoints().readerEndpoint());
        out.add(new Field("reaches", reaches == null || reaches.isEmpty() ? "nowhere" : reaches));
        out.add(new Field("note", cluster ? "a DNS name: after a failover it moves when the TTL runs out"
                : "spreads reads over the replicas, or the writer if there are none"));
    }

    /** Every field of a Global Database region, its write forwarding, and the global settings and alarms. */
    private static void region(List<Field> out, EngineSnapshot.RegionSnapshot r, EngineSnapshot s) {
        if (r == null) {
            return;
        }
        out.add(new Field("Region " + r.region(), null));
        out.add(new Field("role", r.role() + (r.resyncing() ? " (rebuilding" + dev.auroralab.ui.topology.GlobalStripRenderer.until(r) + ")" : "")));
        out.add(new Field("takes writes", yesNo(r.writable())));
        out.add(new Field("serves reads", yesNo(r.readable())));
        out.add(new Field("network latency", r.latencyMicros() == 0 ? "0 (this is the scenario's primary region)"
                : millis(r.latencyMicros()) + " one way, from the scenario's primary region"));
        out.add(new Field("AZs", String.join(", ", r.azs()) + (r.downAzs().isEmpty() ? ""
                : " (out: " + String.join(", ", r.downAzs()) + ")")));
        long up = r.instances().stream().filter(i -> i.status() == EngineSnapshot.InstanceStatus.UP).count();
        out.add(new Field("instances", up + " of " + r.instances().size() + " up: " + String.join(", ",
                r.instances().stream().map(EngineSnapshot.InstanceSnapshot::id).toList())));
        out.add(new Field("volume", r.volume() == null ? "-" : r.volume().status().label()));
        out.add(new Field("durable LSN", grouped(r.durableLsn())));
        if (!r.primary()) {
            out.add(new Field("RPO lag", seconds(r.rpoLagMicros())
                    + ": age of the newest write it holds durably (lost if it were promoted now)"));
            out.add(new Field("durability lag", seconds(r.durabilityLagMicros())
                    + ": the same, for the newest write any of its copies holds"));
        }
        var f = r.forwarding();
        String consistency = RegionActions.forwarding(r);
        out.add(new Field("write forwarding", consistency == null ? "off" : "on, " + consistency + " reads"));
        if (f != null && consistency != null) {
            out.add(new Field("forwarded writes", grouped(f.forwardedWrites()) + " ("
                    + grouped(f.forwardedWritesFailed()) + " failed)"));
            out.add(new Field("last forwarded write", millis(f.forwardedWriteLatencyLastMicros())));
            out.add(new Field("reads", grouped(f.reads()) + ", " + grouped(f.staleReads())
                    + " stale (missed the session's own write)"));
            out.add(new Field("read wait", "last " + millis(f.readWaitLastMicros()) + ", max "
                    + millis(f.readWaitMaxMicros())));
        }
        var g = s.global();
        if (g != null) {
            out.add(new Field("Global database", null));
            out.add(new Field("writes go to", s.writerRegion()));
            out.add(new Field("managed RPO", g.managedRpoSeconds() == 0 ? "off" : g.managedRpoSeconds() + " s"));
            out.add(new Field("commits blocked", g.commitsBlocked()
                    ? "YES: every secondary is further behind than the managed RPO" : "no"));
            out.add(new Field("split brain", g.splitBrain() ? "YES: " + String.join(" and ", g.writableRegions())
                    + " both take writes" : "no"));
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String seconds(long micros) {
        return micros < 1_000_000 ? millis(micros) : String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }

    private static void volume(List<Field> out, EngineSnapshot s) {
        var v = s.volume();
        var c = s.counters();
        out.add(new Field(s.isGlobal() ? "Volume of " + s.region() : "Volume", null));
        out.add(new Field("status", v.status().label()));
        out.add(new Field("why", v.reason()));
        out.add(new Field("VCL (complete)", grouped(v.vcl())));
        out.add(new Field("VDL (durable)", grouped(v.vdl())));
        out.add(new Field("next LSN", grouped(v.nextLsn())));
        out.add(new Field("LSN limit (LAL)", grouped(v.allocationLimitLsn())));
        out.add(new Field("volume epoch", String.valueOf(v.volumeEpoch())));
        out.add(new Field("writer", s.writerId() == null ? "none" : s.writerId()));
        out.add(new Field(FAILOVER_FIELD, s.failoverInProgress() == null ? "none" : s.failoverInProgress().describe()));
        out.add(new Field("workload", String.format(Locale.ROOT, "%,.0f writes/s, %,.0f reads/s",
                s.writesPerSecond(), s.readsPerSecond())));
        out.add(new Field("writes acked", grouped(c.writesAcknowledged()) + " of " + grouped(c.writesIssued())
                + " issued (" + grouped(c.writesPending()) + " waiting)"));
        out.add(new Field(LOST_WRITES_FIELD, grouped(c.acknowledgedWritesLost())));
        out.add(new Field("commit latency", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms",
                c.commitLatencyP50Micros() / 1e3, c.commitLatencyP99Micros() / 1e3)));
        out.add(new Field("write downtime", String.format(Locale.ROOT, "%.1f s", c.writeDowntimeMicros() / 1e6)));
        out.add(new Field("read downtime", String.format(Locale.ROOT, "%.1f s", c.readDowntimeMicros() / 1e6)));
        out.add(new Field("seed", String.valueOf(s.seed())));
    }

    /**
     * The group of a copy: its id less "/AZ/copy" at the end, as in "pg-0/us-east-1a/1" or a secondary region's
     * "eu-west-1/pg-0/eu-west-1a/1#2".
     */
    static String pgOf(String segmentId) {
        int last = segmentId.lastIndexOf('/');
        int before = last <= 0 ? -1 : segmentId.lastIndexOf('/', last - 1);
        return before < 0 ? segmentId : segmentId.substring(0, before);
    }

    static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
    }
}

package dev.auroralab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.scenario.ExpectationResult;
import dev.auroralab.scenario.RunResult;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The JSON report of a run: a contract read by tools outside the project (keys may be added, never renamed). Numbers
 * are rounded to fixed decimals so the same run always prints the same bytes.
 */
public final class RunReport {

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private RunReport() {
    }

    public static String toJson(RunResult r) {
        try {
            return JSON.writeValueAsString(toTree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written", e);
        }
    }

    public static ObjectNode toTree(RunResult r) {
        EngineSnapshot s = r.finalSnapshot();
        var c = s.counters();
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("scenario", r.scenario().name());
        root.put("seed", r.seed());
        root.put("engine", r.scenario().cluster().engine().key());
        var timings = r.scenario().cluster().timings();
        if (!timings.overridden().isEmpty()) {
            // the model values this scenario set (issue 12): a reader of the report sees the run was not on defaults
            ObjectNode set = root.putObject("timings");
            for (var t : timings.overridden()) {
                set.put(t.key(), Durations.format(timings.micros(t)));
            }
        }
        root.put("simulatedSeconds", seconds(r.durationMicros()));
        ObjectNode writes = root.putObject("writes");
        writes.put("issued", c.writesIssued());
        writes.put("acknowledged", c.writesAcknowledged());
        writes.put("failed", c.writesFailed());
        writes.put("acknowledgedLost", c.acknowledgedWritesLost());
        writes.put("pending", c.writesPending());
        ObjectNode latency = writes.putObject("commitLatencyMillis");
        latency.put("p50", millis(c.commitLatencyP50Micros()));
        latency.put("p99", millis(c.commitLatencyP99Micros()));
        latency.put("max", millis(c.commitLatencyMaxMicros()));
        ObjectNode reads = root.putObject("reads");
        reads.put("issued", c.readsIssued());
        reads.put("served", c.readsServed());
        reads.put("failed", c.readsFailed());
        ObjectNode downtime = root.putObject("downtime");
        downtime.put("writeSeconds", seconds(c.writeDowntimeMicros()));
        downtime.put("readSeconds", seconds(c.readDowntimeMicros()));
        ArrayNode failovers = root.putArray("failovers");
        for (var f : s.failovers()) {
            ObjectNode o = failovers.addObject();
            o.put("kind", f.kind().word());
            o.put("from", f.from());
            o.put("to", f.to());
            o.put("startedAtSeconds", seconds(f.startedAtMicros()));
            o.put("completedAtSeconds", seconds(f.completedAtMicros()));
            o.put("acknowledgedWritesLost", f.acknowledgedWritesLost());
            o.put("rpoSeconds", seconds(f.rpoMicros()));
            o.put("rtoSeconds", seconds(f.rtoMicros()));
            o.put("writeDowntimeSeconds", seconds(f.writeDowntimeMicros()));
            if (f.recoverySnapshot() != null) {
                // after a global failover: the old primary's snapshot that holds the lost writes
                o.put("recoverySnapshot", f.recoverySnapshot());
            }
        }
        if (s.failoverInProgress() != null) {
            var f = s.failoverInProgress();
            ObjectNode o = failovers.addObject();
            o.put("kind", f.kind().word());
            o.put("from", f.from());
            o.put("to", f.to());
            o.put("startedAtSeconds", seconds(f.startedAtMicros()));
            o.putNull("completedAtSeconds");
            o.put("acknowledgedWritesLost", 0);
            o.putNull("rpoSeconds");
            o.putNull("rtoSeconds");
            o.putNull("writeDowntimeSeconds");
            o.put("phase", f.phase().label());
        }
        ObjectNode fin = root.putObject("final");
        fin.put("writer", s.writerId());
        fin.put("writerRegion", s.writerRegion());
        fin.put("writable", s.volume().writable());
        fin.put("readable", s.volume().readable());
        fin.put("status", s.volume().status().label());
        fin.put("reason", s.volume().reason());
        fin.put("vcl", s.volume().vcl());
        fin.put("vdl", s.volume().vdl());
        fin.put("volumeEpoch", s.volume().volumeEpoch());
        ArrayNode pgs = fin.putArray("protectionGroups");
        for (var pg : s.volume().protectionGroups()) {
            ObjectNode o = pgs.addObject();
            o.put("id", pg.id());
            o.put("segmentsUp", pg.segmentsUp());
            o.put("writeQuorum", pg.writeQuorum());
            o.put("readQuorum", pg.readQuorum());
            o.put("membershipEpoch", pg.membershipEpoch());
            ArrayNode ws = o.putArray("writeSet");
            pg.writeSet().forEach(t -> ws.add(t.describe()));
        }
        ArrayNode instances = fin.putArray("instances");
        for (var i : s.instances()) {
            ObjectNode o = instances.addObject();
            o.put("id", i.id());
            o.put("region", i.region());
            o.put("az", i.az());
            o.put("role", i.status() == InstanceStatus.DOWN ? "down"
                    : i.role() == InstanceRole.WRITER ? "writer" : "reader");
            o.put("status", i.status().label());
            o.put("tier", i.tier());
            o.put("instanceClass", i.instanceClass());
            o.put("lagMillis", millis(i.lagMicros()));
        }
        ArrayNode regions = fin.putArray("regions");
        for (RegionSnapshot region : regions(s)) {
            ObjectNode o = regions.addObject();
            o.put("region", region.region());
            o.put("role", region.role().word());
            o.put("lagMillis", millis(region.rpoLagMicros()));
            o.put("writable", region.writable());
            o.put("readable", region.readable());
            o.put("resyncing", region.resyncing());
            o.put("latencyMillis", millis(region.latencyMicros()));
            o.put("durabilityLagMillis", millis(region.durabilityLagMicros()));
            ForwardingSnapshot f = region.forwarding();
            if (f != null) {
                ObjectNode fw = o.putObject("writeForwarding");
                fw.put("consistency", f.consistency());
                fw.put("forwardedWrites", f.forwardedWrites());
                fw.put("forwardedWritesFailed", f.forwardedWritesFailed());
                fw.put("reads", f.reads());
                fw.put("staleReads", f.staleReads());
                fw.put("readWaitMaxMillis", millis(f.readWaitMaxMicros()));
            }
        }
        ObjectNode global = fin.putObject("global");
        global.put("managedRpoSeconds", s.global().managedRpoSeconds());
        global.put("commitsBlocked", s.global().commitsBlocked());
        global.put("splitBrain", s.global().splitBrain());
        ArrayNode writableRegions = global.putArray("writableRegions");
        s.global().writableRegions().forEach(writableRegions::add);
        ArrayNode expectations = root.putArray("expectations");
        for (ExpectationResult e : r.expectations()) {
            ObjectNode o = expectations.addObject();
            o.put("at", e.expectation().atText());
            if (e.skipped()) {
                o.putNull("passed");
                o.put("skipped", true);
            } else {
                o.put("passed", e.passed());
            }
            o.put("message", e.message());
        }
        ArrayNode events = root.putArray("events");
        for (AuroraEvent e : r.events()) {
            ObjectNode o = events.addObject();
            o.put("atSeconds", seconds(e.atMicros()));
            o.put("type", e.type());
            o.put("detail", e.detail());
        }
        return root;
    }

    /** Every region, in the scenario's order; a single-region run has its one region, as the primary. */
    static java.util.List<RegionSnapshot> regions(EngineSnapshot s) {
        return s.regionsOrPrimary();
    }

    static BigDecimal seconds(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static BigDecimal millis(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(3).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}

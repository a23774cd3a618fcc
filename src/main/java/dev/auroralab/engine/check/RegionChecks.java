package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Who may write and read, region by region: writers, writable regions, split brain, instances in AZs that are out. */
final class RegionChecks {

    private RegionChecks() {
    }

    static void check(Observation o, CheckerMemory m) {
        List<String> writable = new ArrayList<>();
        for (RegionSnapshot r : o.regionsNow()) {
            if (r.writable()) {
                writable.add(r.region());
            }
            writers(o, r);
            if (r.writable()) {
                writableNeedsWriterAndQuorums(o, r);
            }
            if (r.readable()) {
                readableNeedsACopy(o, r);
            }
            for (InstanceSnapshot i : r.instances()) {
                // an AZ that is out takes its instances with it; only one being created may wait there
                if (r.downAzs().contains(i.az()) && i.status() != InstanceStatus.DOWN
                        && i.status() != InstanceStatus.CREATING) {
                    o.fail(SafetyProperty.DOWN_MEANS_UNREACHABLE, r.region() + ": instance " + i.id() + " is "
                            + i.status().label() + " though AZ " + i.az() + " is out");
                }
            }
        }
        if (writable.size() > 1 && !m.splitBrainInForce) {
            o.fail(SafetyProperty.ONE_WRITABLE_REGION, writable.size() + " regions take writes (" + writable
                    + ") and no split brain is logged");
        }
        if (o.now.isGlobal() && o.now.global() != null) {
            if (o.now.global().splitBrain() != m.splitBrainInForce) {
                o.fail(SafetyProperty.ONE_WRITABLE_REGION, "the split-brain flag says " + o.now.global().splitBrain()
                        + " but the log says " + (m.splitBrainInForce ? "it is in force" : "it is not"));
            }
            if (!o.now.global().writableRegions().equals(writable)) {
                o.fail(SafetyProperty.ONE_WRITABLE_REGION, "the writable regions are listed as "
                        + o.now.global().writableRegions() + " but the regions' own flags say " + writable);
            }
        }
    }

    private static void writers(Observation o, RegionSnapshot r) {
        List<String> writers = new ArrayList<>();
        for (InstanceSnapshot i : r.instances()) {
            if (i.role() == InstanceRole.WRITER
                    && (i.status() == InstanceStatus.UP || i.status() == InstanceStatus.RECOVERING)) {
                writers.add(i.id());
            }
        }
        if (writers.size() > 1) {
            o.fail(SafetyProperty.ONE_WRITER_PER_REGION, r.region() + " has " + writers.size()
                    + " writers up or recovering: " + writers);
        }
    }

    private static void writableNeedsWriterAndQuorums(Observation o, RegionSnapshot r) {
        // a region other than the one the writes go to: an old primary whose writer kept its role after a detach
        String name = r.region().equals(o.now.region()) ? r.region()
                : r.region() + " (" + r.role() + "; the writes go to " + o.now.region() + ")";
        boolean writerUp = r.instances().stream()
                .anyMatch(i -> i.role() == InstanceRole.WRITER && i.status() == InstanceStatus.UP);
        if (!writerUp) {
            o.fail(SafetyProperty.WRITABLE_NEEDS_WRITER_AND_QUORUMS, name + " takes writes with no writer up ("
                    + r.instances().stream().map(i -> i.id() + " " + i.role().name().toLowerCase(java.util.Locale.ROOT)
                            + " " + i.status().label()).toList() + ")");
        }
        for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
            if (!QuorumRecount.writeQuorumHeld(pg)) {
                o.fail(SafetyProperty.WRITABLE_NEEDS_WRITER_AND_QUORUMS, name + " takes writes but " + pg.id()
                        + " has " + QuorumRecount.writableCopies(QuorumRecount.terms(pg)) + " copies taking writes in"
                        + " its weakest term, needs " + QuorumRecount.writeQuorum(pg));
            }
        }
        if (r.region().equals(o.now.region()) && o.now.global() != null && o.now.global().commitsBlocked()) {
            o.fail(SafetyProperty.WRITABLE_NEEDS_WRITER_AND_QUORUMS, r.region()
                    + " takes writes while the managed RPO blocks commits");
        }
    }

    private static void readableNeedsACopy(Observation o, RegionSnapshot r) {
        if (r.instances().stream().noneMatch(i -> i.status() == InstanceStatus.UP)) {
            o.fail(SafetyProperty.READABLE_NEEDS_A_COPY, r.region() + " is readable with no instance up");
        }
        for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
            boolean serving = false;
            for (SegmentSnapshot s : pg.segments()) {
                serving |= QuorumRecount.servesReads(s);
            }
            if (!serving) {
                o.fail(SafetyProperty.READABLE_NEEDS_A_COPY, r.region() + " is readable but no copy of " + pg.id()
                        + " serves reads");
            }
        }
    }
}

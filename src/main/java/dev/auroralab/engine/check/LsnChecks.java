package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeSnapshot;
import java.util.Map;

/**
 * VDL, VCL, PGCL and the epochs of every region, checked against each other, against the last look and against the
 * write counters.
 */
final class LsnChecks {

    /** LAL: no LSN above VDL + 10,000,000 (P17 §4.2.1), Aurora's number, not read from the model. */
    static final long LSN_ALLOCATION_LIMIT = 10_000_000L;

    private LsnChecks() {
    }

    static void check(Observation o, CheckerMemory m) {
        Map<String, ProtectionGroupSnapshot> pgsBefore = o.pgsBefore();
        RegionSnapshot primary = null;
        for (RegionSnapshot r : o.regionsNow()) {
            perRegion(o, m, r, pgsBefore);
            if (r.role() == RegionRole.PRIMARY) {
                primary = r;
            }
        }
        writeRegion(o, m);
        if (primary != null) {
            for (RegionSnapshot r : o.regionsNow()) {
                if (r.role() == RegionRole.SECONDARY && r.volume().vdl() > primary.volume().vdl()) {
                    o.fail(SafetyProperty.SECONDARY_BEHIND_PRIMARY, "secondary " + r.region() + " holds VDL "
                            + r.volume().vdl() + (r.resyncing() ? " (resyncing)" : "") + ", above primary "
                            + primary.region() + "'s VDL " + primary.volume().vdl());
                }
            }
        }
    }

    private static void perRegion(Observation o, CheckerMemory m, RegionSnapshot r,
            Map<String, ProtectionGroupSnapshot> pgsBefore) {
        VolumeSnapshot v = r.volume();
        String where = r.region() + " (" + r.role() + ")";
        if (v.vdl() > v.vcl()) {
            o.fail(SafetyProperty.VDL_AT_MOST_VCL, where + ": VDL " + v.vdl() + " > VCL " + v.vcl());
        }
        if (v.vcl() > v.nextLsn() - 1) {
            o.fail(SafetyProperty.LSN_ALLOCATION_LIMIT, where + ": VCL " + v.vcl() + " is above the last LSN"
                    + " allocated, " + (v.nextLsn() - 1));
        }
        if (v.volumeEpoch() < m.lastRecoveryEpoch) {
            o.fail(SafetyProperty.EPOCHS_ONLY_GROW, where + ": volume epoch " + v.volumeEpoch()
                    + " is below the " + m.lastRecoveryEpoch + " the last crash recovery claimed");
        }
        RegionSnapshot b = o.regionBefore(r.region());
        boolean cut = o.truncationLogged() || o.rejoined(r.region());
        if (b != null) {
            if (!cut && v.vdl() < b.volume().vdl()) {
                o.fail(SafetyProperty.LSNS_NEVER_GO_BACK, where + ": VDL went back from " + b.volume().vdl()
                        + " to " + v.vdl() + " with no truncation logged");
            }
            if (!cut && v.vcl() < b.volume().vcl()) {
                o.fail(SafetyProperty.LSNS_NEVER_GO_BACK, where + ": VCL went back from " + b.volume().vcl()
                        + " to " + v.vcl() + " with no truncation logged");
            }
            if (v.volumeEpoch() < b.volume().volumeEpoch()) {
                o.fail(SafetyProperty.EPOCHS_ONLY_GROW, where + ": volume epoch went back from "
                        + b.volume().volumeEpoch() + " to " + v.volumeEpoch());
            }
        }
        for (ProtectionGroupSnapshot pg : v.protectionGroups()) {
            ProtectionGroupSnapshot pb = pgsBefore.get(pg.id());
            if (pb != null && !cut && pg.pgcl() < pb.pgcl()) {
                o.fail(SafetyProperty.LSNS_NEVER_GO_BACK, where + " " + pg.id() + ": PGCL went back from " + pb.pgcl()
                        + " to " + pg.pgcl() + " with no truncation logged");
            }
            if (pb != null && pg.membershipEpoch() < pb.membershipEpoch()) {
                o.fail(SafetyProperty.EPOCHS_ONLY_GROW, where + " " + pg.id() + ": membership epoch went back from "
                        + pb.membershipEpoch() + " to " + pg.membershipEpoch());
            }
            Long logged = m.membershipEpochByPg.get(pg.id());
            if (logged != null && pg.membershipEpoch() < logged) {
                o.fail(SafetyProperty.EPOCHS_ONLY_GROW, where + " " + pg.id() + ": membership epoch "
                        + pg.membershipEpoch() + " is below the " + logged + " its last logged change gave");
            }
        }
        for (InstanceSnapshot i : r.instances()) {
            // a replica applies only records at or below VDL (P17 §4.2.4); a stopped one may hold a stale number
            if (i.status() == InstanceStatus.UP && i.appliedLsn() > v.vdl()) {
                o.fail(SafetyProperty.REPLICAS_BEHIND_VDL, where + ": " + i.role().name().toLowerCase(
                        java.util.Locale.ROOT) + " " + i.id() + " applied LSN " + i.appliedLsn() + ", above VDL "
                        + v.vdl());
            }
        }
    }

    /** The region the writes go to: the allocation limit, and the acknowledged commits against its VDL. */
    private static void writeRegion(Observation o, CheckerMemory m) {
        VolumeSnapshot v = o.now.volume();
        if (v.nextLsn() - 1 > v.allocationLimitLsn()) {
            o.fail(SafetyProperty.LSN_ALLOCATION_LIMIT, o.now.region() + ": LSN " + (v.nextLsn() - 1)
                    + " was allocated above the limit " + v.allocationLimitLsn());
        }
        if (v.allocationLimitLsn() < v.vdl() + LSN_ALLOCATION_LIMIT) {
            o.fail(SafetyProperty.LSN_ALLOCATION_LIMIT, o.now.region() + ": the allocation limit "
                    + v.allocationLimitLsn() + " is below VDL " + v.vdl() + " + LAL " + LSN_ALLOCATION_LIMIT);
        }
        // every commit takes RECORDS_PER_WRITE LSNs of its own, so the commits at or below VDL fit in the LSNs there
        // that no truncation voided; an acknowledged commit that survives must be one of them (P17 §4.2.2)
        CountersSnapshot c = o.now.counters();
        long surviving = c.writesAcknowledged() - c.acknowledgedWritesLost();
        long live = v.vdl() - m.voidAtOrBelow(v.vdl());
        long fit = live / ModelValues.RECORDS_PER_WRITE;
        if (surviving > fit) {
            o.fail(SafetyProperty.ACKNOWLEDGED_WITHIN_VDL, o.now.region() + ": " + surviving
                    + " acknowledged commits survive (" + c.writesAcknowledged() + " acknowledged - "
                    + c.acknowledgedWritesLost() + " lost) but only " + fit + " fit at or below VDL " + v.vdl()
                    + " (" + live + " live LSNs, " + ModelValues.RECORDS_PER_WRITE + " per commit)");
        }
    }
}

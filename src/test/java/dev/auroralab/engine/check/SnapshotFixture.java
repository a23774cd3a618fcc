package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.EndpointsSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine snapshots built by hand, healthy unless a test changes a field: us-east-1 (az-a, az-b, az-c) with writer-1
 * and reader-1 over one PG whose six copies A-F all hold LSN 101; VDL 100, VCL 101; 50 writes acknowledged of 60
 * issued. {@link #withSecondary()} adds eu-west-1 with its own PG and reader, behind the primary. Fields are public
 * and mutable: each test sets what it breaks, then {@link #build()}.
 */
final class SnapshotFixture {

    long nowMicros = 1_000_000;
    final List<Region> regions = new ArrayList<>();
    long writesIssued = 60;
    long writesAcknowledged = 50;
    long writesFailed = 5;
    long writesPending = 5;
    long acknowledgedWritesLost;
    long readsIssued = 200;
    long readsServed = 190;
    long readsFailed = 10;
    long writeDowntimeMicros;
    long readDowntimeMicros;
    final List<FailoverRecord> failovers = new ArrayList<>();
    long managedRpoSeconds;
    boolean commitsBlocked;
    boolean splitBrain;

    static final class Region {
        String name;
        String role;
        List<String> azs;
        final List<String> downAzs = new ArrayList<>();
        long vdl = 100;
        long vcl = 101;
        long volumeEpoch = 1;
        long nextLsn = 102;
        long allocationLimitLsn = 100 + 10_000_000L;
        boolean writable;
        boolean readable = true;
        final List<Pg> pgs = new ArrayList<>();
        final List<InstanceSnapshot> instances = new ArrayList<>();
        final List<StorageNodeSnapshot> nodes = new ArrayList<>();

        Pg pg(int i) {
            return pgs.get(i);
        }

        void replaceInstance(String id, InstanceStatus status, InstanceRole role, long appliedLsn) {
            for (int k = 0; k < instances.size(); k++) {
                InstanceSnapshot i = instances.get(k);
                if (i.id().equals(id)) {
                    instances.set(k, new InstanceSnapshot(i.id(), i.region(), i.az(), role, status, i.tier(),
                            i.instanceClass(), appliedLsn, i.lagMicros()));
                }
            }
        }

        void failNode(String id) {
            for (int k = 0; k < nodes.size(); k++) {
                StorageNodeSnapshot n = nodes.get(k);
                if (n.id().equals(id)) {
                    nodes.set(k, new StorageNodeSnapshot(n.id(), n.az(), false, true, n.segments()));
                }
            }
        }
    }

    static final class Pg {
        String id;
        long membershipEpoch = 1;
        long pgcl = 101;
        String degradedExcludedAz;
        boolean writeQuorum = true;
        boolean readQuorum = true;
        int writableCopies = 6;
        int readableCopies = 6;
        int copiesInModel = 6;
        int writeQuorumNeeded = 4;
        int readQuorumNeeded = 3;
        List<QuorumTerm> writeSet = List.of(new QuorumTerm(4, "ABCDEF"));
        List<QuorumTerm> readSet = List.of(new QuorumTerm(3, "ABCDEF"));
        final List<Copy> copies = new ArrayList<>();

        /** A copy by its letter, A-F for the first six. */
        Copy copy(char letter) {
            return copies.stream().filter(c -> c.letter == letter).findFirst().orElseThrow();
        }
    }

    static final class Copy {
        String id;
        String address;
        char letter;
        String az;
        String nodeId;
        String state = "up";
        long scl = 101;
        boolean replacement;
        boolean inQuorumModel = true;
    }

    SnapshotFixture() {
        Region r = region("us-east-1", "primary", "", List.of("az-a", "az-b", "az-c"));
        r.writable = true;
        r.instances.add(new InstanceSnapshot("writer-1", "us-east-1", "az-a", InstanceRole.WRITER, InstanceStatus.UP,
                1, "db.r6g.large", 100, 0));
        r.instances.add(new InstanceSnapshot("reader-1", "us-east-1", "az-b", InstanceRole.READER, InstanceStatus.UP,
                0, "db.r6g.large", 96, 3_000));
    }

    /** Adds eu-west-1 (euw-a, euw-b, euw-c), a secondary holding up to LSN 80, with reader eu-1. */
    SnapshotFixture withSecondary() {
        Region r = region("eu-west-1", "secondary", "eu-west-1/", List.of("euw-a", "euw-b", "euw-c"));
        r.vdl = 80;
        r.vcl = 81;
        r.pg(0).pgcl = 81;
        r.pg(0).copies.forEach(c -> c.scl = 81);
        r.instances.add(new InstanceSnapshot("eu-1", "eu-west-1", "euw-a", InstanceRole.READER, InstanceStatus.UP,
                1, "db.r6g.large", 80, 20_000));
        return this;
    }

    Region primary() {
        return regions.get(0);
    }

    Region secondary() {
        return regions.get(1);
    }

    private Region region(String name, String role, String pgPrefix, List<String> azs) {
        Region r = new Region();
        r.name = name;
        r.role = role;
        r.azs = azs;
        Pg pg = new Pg();
        pg.id = pgPrefix + "pg-0";
        char letter = 'A';
        for (String az : azs) {
            for (int k = 1; k <= 2; k++) {
                Copy c = new Copy();
                c.address = pg.id + "/" + az + "/" + k;
                c.id = c.address;
                c.letter = letter++;
                c.az = az;
                c.nodeId = "sn-" + az + "-" + k;
                pg.copies.add(c);
            }
            for (int k = 1; k <= 4; k++) {
                String node = "sn-" + az + "-" + k;
                List<String> held = k <= 2 ? List.of(pg.id + "/" + az + "/" + k) : List.of();
                r.nodes.add(new StorageNodeSnapshot(node, az, true, false, held));
            }
        }
        r.pgs.add(pg);
        regions.add(r);
        return r;
    }

    /** The copy state a fixture names in words ("catching up"), as the snapshot types it. */
    static dev.auroralab.engine.storage.SegmentState stateOf(String label) {
        for (dev.auroralab.engine.storage.SegmentState st : dev.auroralab.engine.storage.SegmentState.values()) {
            if (st.label().equals(label)) {
                return st;
            }
        }
        throw new IllegalArgumentException("no copy state '" + label + "'");
    }

    EngineSnapshot build() {
        List<RegionSnapshot> built = new ArrayList<>();
        for (Region r : regions) {
            List<ProtectionGroupSnapshot> pgs = new ArrayList<>();
            for (Pg pg : r.pgs) {
                List<SegmentSnapshot> segs = new ArrayList<>();
                for (Copy c : pg.copies) {
                    segs.add(new SegmentSnapshot(c.id, c.address, c.letter, c.az, c.nodeId, stateOf(c.state), c.scl,
                            c.replacement, c.inQuorumModel, false));
                }
                int up = (int) pg.copies.stream().filter(c -> !c.replacement && !c.state.equals("down")
                        && !c.state.equals("destroyed")).count();
                pgs.add(new ProtectionGroupSnapshot(pg.id, 10, pg.membershipEpoch, up, pg.writableCopies,
                        pg.readableCopies, pg.copiesInModel, pg.writeQuorumNeeded, pg.readQuorumNeeded,
                        pg.writeQuorum, pg.readQuorum, pg.pgcl, pg.degradedExcludedAz, pg.writeSet, pg.readSet, segs));
            }
            VolumeStatus status = r.writable ? VolumeStatus.WRITABLE
                    : r.readable ? VolumeStatus.READ_ONLY : VolumeStatus.UNAVAILABLE;
            VolumeSnapshot volume = new VolumeSnapshot(status, r.writable, r.readable, null, r.vcl, r.vdl,
                    r.volumeEpoch, r.nextLsn, r.allocationLimitLsn, pgs);
            built.add(new RegionSnapshot(r.name, RegionRole.ofWord(r.role), false, 0, r.azs, r.downAzs, volume, r.instances, r.nodes,
                    new EndpointsSnapshot(r.role.equals("primary") ? "writer-1" : null, List.of()), r.vdl, 0, 0,
                    r.writable, r.readable, null));
        }
        RegionSnapshot main = built.get(0);
        CountersSnapshot counters = new CountersSnapshot(writesIssued, writesAcknowledged, writesFailed,
                acknowledgedWritesLost, writesPending, readsIssued, readsServed, readsFailed, writeDowntimeMicros,
                readDowntimeMicros, 3_000, 5_000, 9_000, 150_000);
        List<String> writableRegions = built.size() == 1 ? List.of()
                : built.stream().filter(RegionSnapshot::writable).map(RegionSnapshot::region).toList();
        GlobalSnapshot global = new GlobalSnapshot(managedRpoSeconds, commitsBlocked, splitBrain, writableRegions);
        return new EngineSnapshot(nowMicros, 1, main.region(), main.azs(), main.downAzs(), main.volume(),
                main.instances(), main.endpoints(), 1000, 4000, counters, null, failovers, main.storageNodes(),
                List.of(), built, global, dev.auroralab.engine.EngineFlavour.AURORA_MYSQL);
    }
}

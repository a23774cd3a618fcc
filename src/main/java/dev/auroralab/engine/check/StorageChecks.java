package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.QuorumTerm;
import static dev.auroralab.engine.check.QuorumRecount.DESTROYED;
import static dev.auroralab.engine.check.QuorumRecount.REPLACING;

import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protection groups of every region: their shape, their quorums counted again from the copies, where their
 * durable data lives, and that copies which cannot be reached do not count.
 */
final class StorageChecks {

    private StorageChecks() {
    }

    static void check(Observation o) {
        for (RegionSnapshot r : o.regionsNow()) {
            Map<String, Boolean> nodeUp = new HashMap<>();
            for (StorageNodeSnapshot n : r.storageNodes()) {
                nodeUp.put(n.id(), n.up());
            }
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                String where = r.region() + " " + pg.id();
                if (!shapeHolds(o, r, pg, where)) {
                    continue; // the quorum arithmetic below needs six positions
                }
                quorums(o, pg, where);
                durable(o, pg, where);
                unreachable(o, r, pg, nodeUp, where);
            }
        }
    }

    /** Six positions, two per AZ of the region, one current copy each and at most one replacement. */
    private static boolean shapeHolds(Observation o, RegionSnapshot r, ProtectionGroupSnapshot pg, String where) {
        int before = o.found.size();
        Map<String, List<SegmentSnapshot>> positions = QuorumRecount.positions(pg);
        if (positions.size() != QuorumRecount.COPIES) {
            o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " has " + positions.size() + " copy positions, not "
                    + QuorumRecount.COPIES + ": " + positions.keySet());
        }
        Map<String, Integer> perAz = new HashMap<>();
        for (Map.Entry<String, List<SegmentSnapshot>> e : positions.entrySet()) {
            List<SegmentSnapshot> copies = e.getValue();
            long current = copies.stream().filter(s -> !s.replacement()).count();
            if (current != 1 || copies.size() > 2) {
                o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " position " + e.getKey() + " has " + current
                        + " current copies and " + (copies.size() - current) + " replacements (one and at most one)");
            }
            String az = copies.get(0).az();
            perAz.merge(az, 1, Integer::sum);
            for (SegmentSnapshot s : copies) {
                if (!s.az().equals(az) || !r.azs().contains(s.az())) {
                    o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " copy " + s.id() + " is in " + s.az()
                            + ": its position is in " + az + " and the region's AZs are " + r.azs());
                }
                if (!QuorumRecount.STATES.contains(s.state().label())) {
                    o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " copy " + s.id() + " is in no known state: '"
                            + s.state().label() + "'");
                }
                if (s.replacement() != s.state().label().equals(REPLACING)) {
                    o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " copy " + s.id() + " is "
                            + (s.replacement() ? "a replacement" : "a current copy") + " in state " + s.state().label()
                            + " (only a replacement being filled is 'replacing')");
                }
                boolean expectedIn = pg.degradedExcludedAz() == null || !pg.degradedExcludedAz().equals(s.az());
                if (s.inQuorumModel() != expectedIn) {
                    o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " copy " + s.id() + " in " + s.az() + " is "
                            + (s.inQuorumModel() ? "in" : "out of") + " the quorum model, but the model leaves out "
                            + (pg.degradedExcludedAz() == null ? "no AZ" : pg.degradedExcludedAz()));
                }
            }
        }
        for (String az : r.azs()) {
            if (perAz.getOrDefault(az, 0) != 2) {
                o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " has " + perAz.getOrDefault(az, 0)
                        + " copy positions in " + az + ", not 2");
            }
        }
        if (pg.degradedExcludedAz() != null && !r.azs().contains(pg.degradedExcludedAz())) {
            o.fail(SafetyProperty.SIX_COPIES_TWO_PER_AZ, where + " leaves out AZ " + pg.degradedExcludedAz()
                    + ", which is not one of " + r.azs());
        }
        return o.found.size() == before;
    }

    private static void quorums(Observation o, ProtectionGroupSnapshot pg, String where) {
        List<List<SegmentSnapshot>> terms = QuorumRecount.terms(pg);
        int w = QuorumRecount.writeQuorum(pg);
        int rq = QuorumRecount.readQuorum(pg);
        List<String> writeTerms = new ArrayList<>();
        List<String> readTerms = new ArrayList<>();
        for (List<SegmentSnapshot> t : terms) {
            writeTerms.add(QuorumRecount.describe(t, w));
            readTerms.add(QuorumRecount.describe(t, rq));
        }
        if (!sameTerms(writeTerms, pg.writeSet()) || !sameTerms(readTerms, pg.readSet())) {
            o.fail(SafetyProperty.QUORUM_TERMS_MATCH_COPIES, where + " lists write set " + pg.writeSet()
                    + " and read set " + pg.readSet() + "; its copies give " + writeTerms + " and " + readTerms);
        }
        if (pg.copiesInModel() != QuorumRecount.copiesInModel(pg) || pg.writeQuorumNeeded() != w
                || pg.readQuorumNeeded() != rq) {
            o.fail(SafetyProperty.QUORUM_TERMS_MATCH_COPIES, where + " says " + pg.writeQuorumNeeded() + " of "
                    + pg.copiesInModel() + " for writes and " + pg.readQuorumNeeded() + " for reads; "
                    + (pg.degradedExcludedAz() == null ? "the 4/6 model" : "the degraded model") + " is " + w + " of "
                    + QuorumRecount.copiesInModel(pg) + " and " + rq);
        }
        int writable = QuorumRecount.writableCopies(terms);
        boolean write = writable >= w;
        if (write != pg.writeQuorum() || writable != pg.writableCopies()) {
            o.fail(SafetyProperty.WRITE_QUORUM_RECOUNTED, where + " says write quorum " + pg.writeQuorum() + " with "
                    + pg.writableCopies() + " copies taking writes; recounted, the weakest of " + terms.size()
                    + " term(s) has " + writable + " of the " + w + " needed (" + states(pg) + ")");
        }
        int readable = QuorumRecount.readableCopies(terms);
        boolean read = readable >= rq;
        if (read != pg.readQuorum() || readable != pg.readableCopies()) {
            o.fail(SafetyProperty.READ_QUORUM_RECOUNTED, where + " says read quorum " + pg.readQuorum() + " with "
                    + pg.readableCopies() + " copies serving reads; recounted, the best of " + terms.size()
                    + " term(s) has " + readable + " of the " + rq + " needed (" + states(pg) + ")");
        }
    }

    /** The same terms, whatever their order. */
    private static boolean sameTerms(List<String> a, List<QuorumTerm> b) {
        List<String> x = new ArrayList<>(a);
        List<String> y = new ArrayList<>();
        for (QuorumTerm t : b) {
            // written out here rather than with QuorumTerm.describe: the checker keeps its own words
            y.add(t.needed() + "/" + t.copies().length() + " of " + t.copies());
        }
        x.sort(null);
        y.sort(null);
        return x.equals(y);
    }

    /**
     * PGCL is where 4 of 6 copies acknowledged every record (P18 §2.3): at least that many copies still hold it, less
     * the copies destroyed since (their loss is a separate story, told by AcknowledgedWritesLost).
     */
    private static void durable(Observation o, ProtectionGroupSnapshot pg, String where) {
        int holders = 0;
        int destroyed = 0;
        List<String> lacking = new ArrayList<>();
        for (SegmentSnapshot s : pg.segments()) {
            if (s.state().label().equals(DESTROYED)) {
                destroyed++;
            } else if (s.scl() >= pg.pgcl()) {
                holders++;
            } else {
                lacking.add(s.id() + " (" + s.letter() + ", " + s.state().label() + ") SCL " + s.scl());
            }
        }
        int needed = Math.max(0, QuorumRecount.writeQuorum(pg) - destroyed);
        if (holders < needed) {
            o.fail(SafetyProperty.PGCL_ON_A_WRITE_QUORUM, where + " PGCL " + pg.pgcl() + " is held by " + holders
                    + " copies, needs " + needed + " (" + destroyed + " destroyed); below it: "
                    + String.join(", ", lacking));
        }
    }

    private static void unreachable(Observation o, RegionSnapshot r, ProtectionGroupSnapshot pg,
            Map<String, Boolean> nodeUp, String where) {
        for (SegmentSnapshot s : pg.segments()) {
            if (!QuorumRecount.takesWrites(s)) {
                continue;
            }
            if (r.downAzs().contains(s.az())) {
                o.fail(SafetyProperty.DOWN_MEANS_UNREACHABLE, where + " copy " + s.id() + " is " + s.state().label()
                        + " though AZ " + s.az() + " is out");
            } else if (Boolean.FALSE.equals(nodeUp.get(s.nodeId()))) {
                o.fail(SafetyProperty.DOWN_MEANS_UNREACHABLE, where + " copy " + s.id() + " is " + s.state().label()
                        + " though its storage node " + s.nodeId() + " has failed");
            }
        }
    }

    private static String states(ProtectionGroupSnapshot pg) {
        List<String> out = new ArrayList<>();
        for (SegmentSnapshot s : pg.segments()) {
            out.add(s.letter() + (s.inQuorumModel() ? "" : "*") + " " + s.state().label());
        }
        return String.join(", ", out);
    }
}

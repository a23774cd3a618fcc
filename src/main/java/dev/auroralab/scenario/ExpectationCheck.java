package dev.auroralab.scenario;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Checks a scenario's expectations against an engine snapshot: what was expected, what the engine says, and its
 * reason when they differ. Used by every driver of a run (the command line, the tests, the window's checks).
 */
public final class ExpectationCheck {

    private ExpectationCheck() {
    }

    /** A protection group of any region: the writer region's view first, then each region's volume. */
    private static ProtectionGroupSnapshot pg(EngineSnapshot s, String id) {
        ProtectionGroupSnapshot pg = s.pg(id);
        if (pg != null) {
            return pg;
        }
        for (RegionSnapshot r : s.regions()) {
            for (ProtectionGroupSnapshot candidate : r.volume().protectionGroups()) {
                if (candidate.id().equals(id)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * The region's snapshot; a single-region engine lists no regions, and then its one region is the snapshot
     * itself, as the primary.
     */
    public static RegionSnapshot region(EngineSnapshot s, String name) {
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            if (r.region().equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static void checkGlobal(Expectation.GlobalChecks g, EngineSnapshot s, List<String> ok,
            List<String> wrong) {
        if (g.writerRegion() != null) {
            boolean same = g.writerRegion().equals(s.writerRegion());
            (same ? ok : wrong).add("writerRegion " + s.writerRegion() + (same ? "" : ", expected " + g.writerRegion()));
        }
        g.regionRole().forEach((name, role) -> {
            RegionSnapshot r = region(s, name);
            String actual = r == null ? "absent" : r.role() + (r.resyncing() ? " (rebuilding)" : "");
            boolean same = r != null && r.role() == role;
            (same ? ok : wrong).add(name + " role " + actual + (same ? "" : ", expected " + role));
        });
        g.regionLagMillisAtMost().forEach((name, most) -> {
            RegionSnapshot r = region(s, name);
            if (r == null) {
                wrong.add("no region " + name);
                return;
            }
            boolean within = r.rpoLagMicros() <= most * 1000;
            (within ? ok : wrong).add(String.format(Locale.ROOT, "%s RPO lag %.2f ms%s", name, r.rpoLagMicros() / 1e3,
                    within ? " (at most " + most + ")" : ", expected at most " + most + " ms (" + r.role() + ")"));
        });
        g.regionWritable().forEach((name, expected) -> {
            RegionSnapshot r = region(s, name);
            boolean same = r != null && r.writable() == expected;
            (same ? ok : wrong).add(name + " writable " + (r == null ? "absent" : r.writable())
                    + (same ? "" : " (" + (r == null ? "no such region" : r.role()) + ")"));
        });
        g.regionReadable().forEach((name, expected) -> {
            RegionSnapshot r = region(s, name);
            boolean same = r != null && r.readable() == expected;
            (same ? ok : wrong).add(name + " readable " + (r == null ? "absent" : r.readable())
                    + (same ? "" : " (" + (r == null ? "no such region" : r.role()) + ")"));
        });
        if (g.commitsBlocked() != null) {
            boolean actual = s.global().commitsBlocked();
            (actual == g.commitsBlocked() ? ok : wrong).add("commitsBlocked " + actual
                    + (s.global().managedRpoSeconds() > 0 ? " (managed RPO " + s.global().managedRpoSeconds() + " s)"
                            : " (managed RPO off)"));
        }
        if (g.splitBrain() != null) {
            boolean actual = s.global().splitBrain();
            (actual == g.splitBrain() ? ok : wrong).add("splitBrain " + actual + " (writable regions: "
                    + (s.global().writableRegions().isEmpty() ? "none" : String.join(", ",
                            s.global().writableRegions())) + ")");
        }
        g.staleReadsSeen().forEach((name, expected) -> {
            RegionSnapshot r = region(s, name);
            ForwardingSnapshot f = r == null ? null : r.forwarding();
            long stale = f == null ? 0 : f.staleReads();
            boolean same = (stale > 0) == expected;
            (same ? ok : wrong).add(name + " stale reads " + stale + (f == null ? " (write forwarding off)"
                    : " of " + f.reads() + " (" + f.consistency() + ")"));
        });
    }

    /** A protection group's membership change: copies being replaced, the write set in force and the epoch. */
    private static void checkMembership(Expectation.LiveChecks live, ProtectionGroupSnapshot pg, List<String> ok,
            List<String> wrong) {
        if (live.membershipChanging() != null) {
            List<String> joining = pg.segments().stream().filter(SegmentSnapshot::replacement)
                    .map(SegmentSnapshot::id).toList();
            boolean changing = !joining.isEmpty();
            (changing == live.membershipChanging() ? ok : wrong).add(pg.id() + " membershipChanging " + changing
                    + (changing ? " (" + String.join(", ", joining) + " joining; writes need "
                            + QuorumTerm.join(pg.writeSet(), " AND ") + ")" : "") + " at epoch "
                    + pg.membershipEpoch());
        }
        if (live.membershipEpoch() != null) {
            boolean same = pg.membershipEpoch() == live.membershipEpoch();
            (same ? ok : wrong).add(pg.id() + " membershipEpoch " + pg.membershipEpoch()
                    + (same ? "" : ", expected " + live.membershipEpoch()));
        }
    }

    /** A replica by id in any region, or null. */
    private static InstanceSnapshot instance(EngineSnapshot s, String id) {
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            for (InstanceSnapshot i : r.instances()) {
                if (i.id().equals(id)) {
                    return i;
                }
            }
        }
        return null;
    }

    /**
     * A replica's lag against a bound ({@code atMost}: at most, else at least). A lag is a replica's: the writer, a
     * replica that is not up, or an instance not there fails the check, saying which.
     */
    private static void checkLag(EngineSnapshot s, String id, long boundMillis, boolean atMost, List<String> ok,
            List<String> wrong) {
        InstanceSnapshot i = instance(s, id);
        String bound = (atMost ? "at most " : "at least ") + boundMillis + " ms";
        if (i == null) {
            wrong.add(id + " replica lag: no such instance now, expected " + bound);
            return;
        }
        if (i.role() == InstanceRole.WRITER) {
            wrong.add(id + " replica lag: " + id + " is the writer (it has no lag), expected " + bound);
            return;
        }
        if (i.status() != InstanceStatus.UP) {
            wrong.add(id + " replica lag: " + id + " is " + i.status().label() + ", expected " + bound);
            return;
        }
        boolean holds = atMost ? i.lagMicros() <= boundMillis * 1000 : i.lagMicros() >= boundMillis * 1000;
        (holds ? ok : wrong).add(String.format(Locale.ROOT, "%s replica lag %.2f ms%s", id, i.lagMicros() / 1e3,
                holds ? " (" + bound + ")" : ", expected " + bound));
    }

    private static void checkRange(String what, long actual, Long atMost, Long atLeast, List<String> ok,
            List<String> wrong) {
        if (atMost != null) {
            boolean holds = actual <= atMost;
            (holds ? ok : wrong).add(what + " " + actual + (holds ? " (at most " : ", expected at most ") + atMost
                    + (holds ? ")" : ""));
        }
        if (atLeast != null) {
            boolean holds = actual >= atLeast;
            (holds ? ok : wrong).add(what + " " + actual + (holds ? " (at least " : ", expected at least ") + atLeast
                    + (holds ? ")" : ""));
        }
    }

    private static void checkLive(Expectation.LiveChecks live, EngineSnapshot s, List<String> ok,
            List<String> wrong) {
        live.replicaLagMillisAtMost().forEach((id, most) -> checkLag(s, id, most, true, ok, wrong));
        live.replicaLagMillisAtLeast().forEach((id, least) -> checkLag(s, id, least, false, ok, wrong));
        if (live.commitLatencyMillisAtMost() != null || live.commitLatencyMillisAtLeast() != null) {
            var c = s.counters();
            long now = c.commitLatencyNowMicros();
            String shown = String.format(Locale.ROOT, "commit latency now %.2f ms (%s)", now / 1e3,
                    c.oldestPendingWriteAgeMicros() > c.latestCommitLatencyMicros()
                            ? "the oldest pending write has waited that long"
                            : "the latest commits took that long");
            // bounds are whole milliseconds, compared in microseconds: at most 5 holds for 5.000 ms, not for 5.001
            if (live.commitLatencyMillisAtMost() != null) {
                boolean holds = now <= live.commitLatencyMillisAtMost() * 1000;
                (holds ? ok : wrong).add(shown + (holds ? ", at most " : ", expected at most ")
                        + live.commitLatencyMillisAtMost() + " ms");
            }
            if (live.commitLatencyMillisAtLeast() != null) {
                boolean holds = now >= live.commitLatencyMillisAtLeast() * 1000;
                (holds ? ok : wrong).add(shown + (holds ? ", at least " : ", expected at least ")
                        + live.commitLatencyMillisAtLeast() + " ms");
            }
        }
        checkRange("writesPending", s.counters().writesPending(), live.writesPendingAtMost(),
                live.writesPendingAtLeast(), ok, wrong);
        if (live.failoverPhase() != null) {
            FailoverPhase actual = s.failoverInProgress() == null ? FailoverPhase.NONE
                    : s.failoverInProgress().phase();
            boolean same = actual == live.failoverPhase();
            // describe() reads "detecting (writer-1 → not chosen yet)": keep its two ends after the file's word
            (same ? ok : wrong).add("failoverPhase " + ExpectationMapper.phaseWord(actual)
                    + (s.failoverInProgress() == null ? ""
                            : s.failoverInProgress().describe().substring(actual.label().length()))
                    + (same ? "" : ", expected " + ExpectationMapper.phaseWord(live.failoverPhase())));
        }
        if (live.clusterEndpoint() != null) {
            String actual = s.endpoints() == null ? null : s.endpoints().clusterEndpoint();
            boolean same = live.clusterEndpoint().equals(actual);
            (same ? ok : wrong).add("clusterEndpoint " + (actual == null ? "none" : actual)
                    + (same || s.failoverInProgress() == null ? ""
                            : " (failover " + s.failoverInProgress().phase().label() + ")")
                    + (same ? "" : ", expected " + live.clusterEndpoint()));
        }
    }

    /** Checks one expectation; a failure says what was expected and what the engine says, with its reason. */
    public static ExpectationResult check(Expectation e, EngineSnapshot s) {
        List<String> wrong = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        var v = s.volume();
        if (e.writable() != null) {
            (e.writable() == v.writable() ? ok : wrong).add("writable " + v.writable()
                    + (e.writable() == v.writable() ? "" : " (volume " + v.status().label() + ": " + v.reason() + ")"));
        }
        if (e.readable() != null) {
            (e.readable() == v.readable() ? ok : wrong).add("readable " + v.readable()
                    + (e.readable() == v.readable() ? "" : " (" + v.reason() + ")"));
        }
        if (e.writerSpecified()) {
            String actual = s.writerId();
            boolean same = Objects.equals(e.writer(), actual);
            (same ? ok : wrong).add("writer " + (actual == null ? "none" : actual)
                    + (same || s.failoverInProgress() == null ? ""
                            : " (failover " + s.failoverInProgress().phase().label() + ")")
                    + (same ? "" : ", expected " + (e.writer() == null ? "none" : e.writer())));
        }
        if (e.pg() != null) {
            ProtectionGroupSnapshot pg = pg(s, e.pg());
            if (pg == null) {
                wrong.add("no protection group " + e.pg());
            } else {
                if (e.writeQuorum() != null) {
                    (e.writeQuorum() == pg.writeQuorum() ? ok : wrong).add(pg.id() + " writeQuorum " + pg.writeQuorum()
                            + " (" + pg.writableCopies() + " of " + pg.copiesInModel() + ", need "
                            + pg.writeQuorumNeeded() + ")");
                }
                if (e.readQuorum() != null) {
                    (e.readQuorum() == pg.readQuorum() ? ok : wrong).add(pg.id() + " readQuorum " + pg.readQuorum()
                            + " (" + pg.readableCopies() + " of " + pg.copiesInModel() + ", need "
                            + pg.readQuorumNeeded() + ")");
                }
                if (e.segmentsUp() != null) {
                    (e.segmentsUp() == pg.segmentsUp() ? ok : wrong).add(pg.id() + " segmentsUp " + pg.segmentsUp()
                            + (e.segmentsUp() == pg.segmentsUp() ? "" : ", expected " + e.segmentsUp()));
                }
                checkMembership(e.live(), pg, ok, wrong);
            }
        }
        if (e.acknowledgedWritesLost() != null) {
            long lost = s.counters().acknowledgedWritesLost();
            (lost == e.acknowledgedWritesLost() ? ok : wrong).add("acknowledgedWritesLost " + lost
                    + (lost == e.acknowledgedWritesLost() ? "" : ", expected " + e.acknowledgedWritesLost()));
        }
        if (e.acknowledgedWritesLostAtLeast() != null) {
            long lost = s.counters().acknowledgedWritesLost();
            boolean enough = lost >= e.acknowledgedWritesLostAtLeast();
            (enough ? ok : wrong).add("acknowledgedWritesLost " + lost
                    + (enough ? " (at least " : ", expected at least ") + e.acknowledgedWritesLostAtLeast()
                    + (enough ? ")" : ""));
        }
        if (e.writesPending() != null) {
            long pending = s.counters().writesPending();
            (pending == e.writesPending() ? ok : wrong).add("writesPending " + pending
                    + (pending == e.writesPending() ? "" : ", expected " + e.writesPending()));
        }
        if (e.writesFailed() != null) {
            long failed = s.counters().writesFailed();
            (failed == e.writesFailed() ? ok : wrong).add("writesFailed " + failed
                    + (failed == e.writesFailed() ? "" : ", expected " + e.writesFailed()));
        }
        checkGlobal(e.global(), s, ok, wrong);
        checkLive(e.live(), s, ok, wrong);
        boolean passed = wrong.isEmpty();
        String at = "at " + e.atText() + " (line " + e.line() + "): ";
        String message = passed ? at + String.join(", ", ok) : at + "expected otherwise: " + String.join("; ", wrong);
        return new ExpectationResult(e, passed, false, message);
    }
}

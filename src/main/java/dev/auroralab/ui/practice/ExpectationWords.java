package dev.auroralab.ui.practice;

import dev.auroralab.scenario.Expectation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demonstration's {@code shows:} in words a learner reads beside the picture: "the volume takes writes · pg-0 has 4
 * of its copies up, a write quorum · the writer is reader-3". Each part names the file's key it comes from only where
 * the words alone could be read two ways; nothing here is a number of its own (the values are the bank's).
 */
final class ExpectationWords {

    private ExpectationWords() {
    }

    /** Every condition of {@code e}, in the order a learner checks them in the picture: volume, writer, group, counts. */
    static List<String> parts(Expectation e) {
        List<String> out = new ArrayList<>();
        if (e.writable() != null) {
            out.add(e.writable() ? "the volume takes writes" : "writes stop (the volume is not writable)");
        }
        if (e.readable() != null) {
            out.add(e.readable() ? "reads go on" : "reads stop (the volume is not readable)");
        }
        if (e.writerSpecified()) {
            out.add(e.writer() == null ? "there is no writer" : "the writer is " + e.writer());
        }
        if (e.pg() != null) {
            List<String> pg = new ArrayList<>();
            if (e.segmentsUp() != null) {
                pg.add(e.segmentsUp() + " copies up");
            }
            if (e.writeQuorum() != null) {
                pg.add(e.writeQuorum() ? "a write quorum" : "no write quorum");
            }
            if (e.readQuorum() != null) {
                pg.add(e.readQuorum() ? "a read quorum" : "no read quorum");
            }
            if (e.live().membershipChanging() != null) {
                pg.add(e.live().membershipChanging() ? "a copy being replaced" : "no copy being replaced");
            }
            if (e.live().membershipEpoch() != null) {
                pg.add("membership epoch " + e.live().membershipEpoch());
            }
            if (!pg.isEmpty()) {
                out.add(e.pg() + " has " + String.join(", ", pg));
            }
        }
        if (e.acknowledgedWritesLost() != null) {
            out.add(e.acknowledgedWritesLost() == 0 ? "no acknowledged write is lost"
                    : e.acknowledgedWritesLost() + " acknowledged writes are lost");
        }
        if (e.acknowledgedWritesLostAtLeast() != null) {
            out.add("at least " + e.acknowledgedWritesLostAtLeast() + " acknowledged writes are lost");
        }
        if (e.writesPending() != null) {
            out.add(e.writesPending() == 0 ? "no write is waiting" : e.writesPending() + " writes are waiting");
        }
        if (e.writesFailed() != null) {
            out.add(e.writesFailed() == 0 ? "no write has failed" : e.writesFailed() + " writes have failed");
        }
        live(e.live(), out);
        global(e.global(), out);
        return out;
    }

    /** What moves: the cluster endpoint, the failover phase, replica lag, commit latency, writes waiting. */
    private static void live(Expectation.LiveChecks live, List<String> out) {
        if (live.clusterEndpoint() != null) {
            out.add("the cluster endpoint resolves to " + live.clusterEndpoint());
        }
        if (live.failoverPhase() != null) {
            out.add(live.failoverPhase() == dev.auroralab.engine.snapshot.FailoverPhase.NONE
                    ? "no failover is under way" : "the failover is " + live.failoverPhase().label());
        }
        // replicas with the same bounds share one part: "the lag of reader-1 and reader-2 is 5 to 20 ms"
        Map<String, List<String>> byBounds = new LinkedHashMap<>();
        List<String> replicas = new ArrayList<>(live.replicaLagMillisAtLeast().keySet());
        live.replicaLagMillisAtMost().keySet().stream().filter(id -> !replicas.contains(id)).forEach(replicas::add);
        for (String id : replicas) {
            byBounds.computeIfAbsent(range(live.replicaLagMillisAtLeast().get(id),
                    live.replicaLagMillisAtMost().get(id), " ms"), k -> new ArrayList<>()).add(id);
        }
        byBounds.forEach((bounds, ids) -> out.add("the lag of " + joined(ids) + " is " + bounds));
        if (live.commitLatencyMillisAtLeast() != null || live.commitLatencyMillisAtMost() != null) {
            out.add("commits take " + range(live.commitLatencyMillisAtLeast(), live.commitLatencyMillisAtMost(),
                    " ms"));
        }
        if (live.writesPendingAtLeast() != null || live.writesPendingAtMost() != null) {
            out.add(range(live.writesPendingAtLeast(), live.writesPendingAtMost(), "") + " writes are waiting");
        }
    }

    /** "5 to 20 ms", "at most 20 ms", "at least 5 ms". */
    private static String range(Long atLeast, Long atMost, String unit) {
        if (atLeast != null && atMost != null) {
            return atLeast + " to " + atMost + unit;
        }
        return atMost != null ? "at most " + atMost + unit : "at least " + atLeast + unit;
    }

    private static String joined(List<String> ids) {
        return ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    private static void global(Expectation.GlobalChecks g, List<String> out) {
        if (g.writerRegion() != null) {
            out.add("writes go to " + g.writerRegion());
        }
        g.regionRole().forEach((region, role) -> out.add(region + " is " + switch (role) {
            case PRIMARY -> "the primary";
            case SECONDARY -> "a secondary";
            case DETACHED -> "detached (a standalone cluster)";
            case DOWN -> "down";
        }));
        g.regionWritable().forEach((region, on) -> out.add(region + (on ? " takes writes" : " takes no writes")));
        g.regionReadable().forEach((region, on) -> out.add(region + (on ? " serves reads" : " serves no reads")));
        g.regionLagMillisAtMost().forEach((region, ms) -> out.add(region + "'s replication lag is at most " + ms
                + " ms"));
        if (g.commitsBlocked() != null) {
            out.add(g.commitsBlocked() ? "commits are blocked (managed RPO)" : "commits are not blocked");
        }
        if (g.splitBrain() != null) {
            out.add(g.splitBrain() ? "two regions take writes (split brain)" : "one region takes writes");
        }
        g.staleReadsSeen().forEach((region, seen) -> out.add(region + (seen ? " has read a stale value"
                : " has read no stale value")));
    }

    /** "the volume takes writes · pg-0 has 4 copies up": the parts joined; "" when nothing is checked. */
    static String sentence(Expectation e) {
        return String.join(" · ", parts(e));
    }
}

package dev.auroralab.teach;

import dev.auroralab.engine.ClusterFacts;
import dev.auroralab.engine.ClusterFacts.InstanceFact;
import dev.auroralab.engine.InstanceClassSize;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.FailoverPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What one fault (an instance, an AZ, a region) would do to the writer, whatever the writer is doing now: taking
 * writes, or in the middle of a change (a failover, a restart in place, a recreate, a Global Database operation).
 * The answer is a failover (a replica is promoted: writes pause, or pause longer, for a promotion), no writer for
 * minutes (a recreate, or a wait for an instance or an AZ), or nothing: the change goes on as it would have.
 *
 * <p>The engine's rules (cluster/Failover, cluster/CrashRecovery, global/GlobalPromotion), followed here by hand
 * because a snapshot holds no timers, each where it is used:
 * <ul>
 * <li>a writer lost while it takes writes, restarts in place, recovers (its own restart or recreate), waits for a
 * read quorum, waits for its endpoint to move or is being recreated, is detected after the detection time, then a
 * replica is promoted, or with none the writer is recreated (in its own AZ, or another one of its region that is
 * up), or with no AZ up nobody is ({@code Failover.markInstanceDown, onWriterLost, startPromotion});</li>
 * <li>the replica being promoted, or a promoted one still recovering, lost: the engine chooses again at once, and
 * with no replica up it waits for an instance ({@code markInstanceDown}: the writer is already cleared);</li>
 * <li>while the loss of the writer is being detected, a fault changes only who is left to choose from then;</li>
 * <li>a switchover waiting for its secondary is cancelled when the writer is lost, and the primary fails over in its
 * region ({@code cancelSwitchoverWaitingOnTheWriter}); a Global Database operation ends by promoting an instance up
 * in the new write region, and waits (a second at a time) while there is none ({@code finishGlobalPromotion}).</li>
 * </ul>
 * Who may be promoted is the engine's own rule on the snapshot ({@link Preconditions#promotionCandidates}).
 */
final class WriterChange {

    /**
     * The effect on the writer ({@link FaultEffect#FAILOVER} or {@link FaultEffect#NO_WRITER}) and why; or none. A
     * failover says how long until writes are back ({@code writesBackMicros}, a model value; 0 otherwise).
     */
    record Judged(FaultEffect effect, String reason, long writesBackMicros) {
        static final Judged NOTHING = new Judged(null, null, 0);

        Judged(FaultEffect effect, String reason) {
            this(effect, reason, 0);
        }
    }

    /**
     * What one fault takes that the writer's change can stand on: instances (by id), AZs (their instances with them,
     * and nobody in them can be promoted), and the region when the whole region goes (else null).
     */
    record Lost(Set<String> instances, Set<String> azs, String region) {
        static final Lost NOTHING = new Lost(Set.of(), Set.of(), null);

        boolean any() {
            return !instances.isEmpty() || !azs.isEmpty();
        }
    }

    /** How the engine goes on when a fault takes the instance the writer (or its change) stands on. */
    private enum Next {
        /** Nothing the change stands on is taken. */
        UNTOUCHED,
        /** The writer is lost: detected after the detection time, then a promotion or a recreate. */
        AFTER_DETECTION,
        /** The promotion's target or the new writer is lost: the engine chooses again at once. */
        AT_ONCE,
        /** The writer is lost while a switchover waits for its secondary: cancelled, then as AFTER_DETECTION. */
        SWITCHOVER_CANCELLED
    }

    private final EngineSnapshot s;
    private final ClusterFacts facts;
    private final WriterTimes times;
    private final FailoverSnapshot fo;
    private final FailoverPhase phase;
    /** The write region's instance holding the writer role and not down (serving, recovering, restarting...). */
    private final InstanceSnapshot writerRole;
    /** Who could be promoted in the write region now. */
    private final List<InstanceFact> candidates;

    WriterChange(EngineSnapshot s, ClusterFacts facts, WriterTimes times) {
        this.s = s;
        this.facts = facts;
        this.times = times;
        this.fo = s.failoverInProgress();
        this.phase = fo == null ? FailoverPhase.NONE : fo.phase();
        InstanceSnapshot w = null;
        for (InstanceSnapshot i : s.instances()) {
            if (i.role() == InstanceRole.WRITER && i.status() != InstanceStatus.DOWN) {
                w = i;
                break;
            }
        }
        this.writerRole = w;
        this.candidates = Preconditions.promotionCandidates(s.region(), facts);
    }

    /** What taking {@code d} (all of it in region {@code r}) would do to the writer. */
    Judged judge(RegionSnapshot r, Lost d) {
        if (!r.region().equals(s.region())) {
            return judgeSwitchoverTarget(r, d);
        }
        Next next = next(d);
        List<InstanceFact> left = left(candidates, d);
        if (next == Next.UNTOUCHED) {
            return judgeUntouched(r, d, left);
        }
        String lost = lostWords(d);
        if (!left.isEmpty()) {
            boolean detected = next != Next.AT_ONCE;
            boolean endpointMoves = s.endpoints() == null || !best(left).id().equals(s.endpoints().clusterEndpoint());
            long back = times.failoverMicros(detected, endpointMoves);
            String then = detected ? "after the failure detection Aurora promotes " + likelyTarget(left)
                    : "Aurora promotes " + likelyTarget(left) + " instead, and the failover starts again";
            return new Judged(FaultEffect.FAILOVER, lost + ": " + then + "; writes are back in about "
                    + WriterTimes.words(back) + " (model value: " + times.failoverParts(detected, endpointMoves) + ")",
                    back);
        }
        if (d.region() != null) {
            return new Judged(FaultEffect.NO_WRITER, lost + ": no writer until " + r.region() + " returns or the"
                    + " global database fails over to a secondary");
        }
        if (next == Next.AT_ONCE) {
            return new Judged(FaultEffect.NO_WRITER, lost + " with no other replica up to promote: no writer until an"
                    + " instance is back (a lost host is replaced in about " + times.recreate() + ", model value)");
        }
        return new Judged(FaultEffect.NO_WRITER, lost + " with no replica up to promote: " + recreate(r, d));
    }

    /** What follows a lost writer with nobody to promote: a recreate in an AZ that is up, or a wait for one. */
    private String recreate(RegionSnapshot r, Lost d) {
        boolean anAzLeft = r.azs().stream().anyMatch(az -> !r.downAzs().contains(az) && !d.azs().contains(az));
        if (!anAzLeft) {
            return "no AZ of " + r.region() + " would be up to recreate " + writerName() + " in";
        }
        return phase == FailoverPhase.RECREATING ? "the recreate starts over (about " + times.recreate()
                + " more without a writer, model value)"
                : "Aurora recreates " + writerName() + " (about " + times.recreate() + ", model value)";
    }

    /**
     * Who the engine would choose from in a promotion starting within the failure-detection time after the fault,
     * or null when no promotion comes: a lost writer (or promotion target), or a detection under way.
     */
    List<InstanceFact> promotionAfter(Lost d) {
        Next next = next(d);
        if (next == Next.UNTOUCHED && phase != FailoverPhase.DETECTING) {
            return null;
        }
        List<InstanceFact> left = left(candidates, d);
        return left.isEmpty() ? null : left;
    }

    /** The change goes on: only who is left to choose from at its end can change. */
    private Judged judgeUntouched(RegionSnapshot r, Lost d, List<InstanceFact> left) {
        if (candidates.isEmpty() || !left.isEmpty()) {
            return Judged.NOTHING;
        }
        return switch (phase) {
            case DETECTING -> new Judged(FaultEffect.NO_WRITER, names(candidates) + " would be lost: the failover"
                    + " would find no replica to promote, so " + recreate(r, d));
            case SWITCHOVER_RECONFIGURING, GLOBAL_PROMOTING -> new Judged(FaultEffect.NO_WRITER, names(candidates)
                    + " would be lost: no instance would be up in " + r.region() + " to take the writer role when the "
                    + fo.kind().label() + " ends, which waits for one (a lost host is replaced in about "
                    + times.recreate() + ", model value)");
            default -> Judged.NOTHING;
        };
    }

    /** While a switchover waits for its secondary, the secondary must keep an instance to take the writer role. */
    private Judged judgeSwitchoverTarget(RegionSnapshot r, Lost d) {
        if (phase != FailoverPhase.SWITCHOVER_SYNC || !r.region().equals(fo.to())) {
            return Judged.NOTHING;
        }
        List<InstanceFact> now = Preconditions.promotionCandidates(r.region(), facts);
        if (now.isEmpty() || !left(now, d).isEmpty()) {
            return Judged.NOTHING;
        }
        return new Judged(FaultEffect.NO_WRITER, names(now) + " would be lost: no instance would be up in "
                + r.region() + " to take the writer role when the switchover ends, which waits for one (a lost host is"
                + " replaced in about " + times.recreate() + ", model value)");
    }

    private Next next(Lost d) {
        return switch (phase) {
            case NONE -> writerRole != null && writerRole.status() == InstanceStatus.UP && takes(d, writerRole)
                    ? Next.AFTER_DETECTION : Next.UNTOUCHED;
            case PROMOTING -> fo.to() != null && takes(d, fo.to()) ? Next.AT_ONCE : Next.UNTOUCHED;
            case RECOVERING -> fo.to() == null || !takes(d, fo.to()) ? Next.UNTOUCHED
                    : fo.to().equals(fo.from()) ? Next.AFTER_DETECTION : Next.AT_ONCE;
            case WAITING_FOR_QUORUM, ENDPOINT_MOVING, RESTARTING, RECREATING ->
                    writerRole != null && takes(d, writerRole) ? Next.AFTER_DETECTION : Next.UNTOUCHED;
            case SWITCHOVER_SYNC -> writerRole != null && takes(d, writerRole) ? Next.SWITCHOVER_CANCELLED
                    : Next.UNTOUCHED;
            default -> Next.UNTOUCHED;
        };
    }

    private static boolean takes(Lost d, InstanceSnapshot i) {
        return d.instances().contains(i.id()) || d.azs().contains(i.az());
    }

    private boolean takes(Lost d, String id) {
        InstanceSnapshot i = s.instance(id);
        return i != null ? takes(d, i) : d.instances().contains(id);
    }

    private static List<InstanceFact> left(List<InstanceFact> from, Lost d) {
        List<InstanceFact> out = new ArrayList<>();
        for (InstanceFact c : from) {
            if (!d.instances().contains(c.id()) && !d.azs().contains(c.az())) {
                out.add(c);
            }
        }
        return out;
    }

    /** "writer-1 would be lost", "reader-3, being promoted, would be lost", ... */
    private String lostWords(Lost d) {
        return switch (phase) {
            case PROMOTING -> fo.to() + ", being promoted, would be lost";
            case RECOVERING -> fo.to().equals(fo.from()) ? fo.to() + ", recovering, would be lost"
                    : fo.to() + ", the new writer still recovering, would be lost";
            case WAITING_FOR_QUORUM -> writerRole.id() + ", waiting for a read quorum to recover, would be lost";
            case ENDPOINT_MOVING -> writerRole.id() + ", the new writer while its endpoint moves, would be lost";
            case RESTARTING -> writerRole.id() + ", restarting in place, would be lost";
            case RECREATING -> writerRole.id() + ", being recreated, would be lost";
            case SWITCHOVER_SYNC -> writerRole.id() + " would be lost before " + fo.to() + " is in sync, which"
                    + " cancels the switchover";
            default -> writerRole.id() + " would be lost";
        };
    }

    /** The writer the change is about: the one lost or being brought back. */
    private String writerName() {
        if (writerRole != null) {
            return writerRole.id();
        }
        return fo != null && fo.from() != null ? fo.from() : "the writer";
    }

    private static String names(List<InstanceFact> is) {
        List<String> ids = is.stream().map(InstanceFact::id).toList();
        return ids.size() == 1 ? ids.get(0) : String.join(" and ", ids);
    }

    /** The engine's promotion order (PromotionPolicy): the lowest tier, then the largest class. */
    private static final Comparator<InstanceSnapshot> ORDER = Comparator.comparingInt(InstanceSnapshot::tier)
            .thenComparing(i -> -InstanceClassSize.rank(i.instanceClass()));

    /** The first in promotion order (one of the tied, when several tie: the engine draws among them). */
    private InstanceSnapshot best(List<InstanceFact> from) {
        return from.stream().map(c -> s.instance(c.id())).min(ORDER).orElseThrow();
    }

    /** "reader-3 (tier 0)", or "reader-1 or reader-2 (tier 1, the same size: chosen at random)". */
    String likelyTarget(List<InstanceFact> from) {
        List<InstanceSnapshot> all = from.stream().map(c -> s.instance(c.id())).toList();
        InstanceSnapshot best = best(from);
        List<String> tied = all.stream().filter(i -> ORDER.compare(i, best) == 0).map(InstanceSnapshot::id)
                .sorted().toList();
        return tied.size() == 1 ? best.id() + " (tier " + best.tier() + ")"
                : String.join(" or ", tied) + " (tier " + best.tier() + ", the same size: chosen at random)";
    }
}

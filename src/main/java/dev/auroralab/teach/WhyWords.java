package dev.auroralab.teach;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.run.ClockText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a "why?" link: an event said short, with copies named as the topology draws them ("copy C of pg-0",
 * the PG's copies lettered A to F, two per AZ in the AZs' order, replacements G, H, ... as they join), every kind of
 * event in the same plain style ({@link #of}), and a command in the words of what it did ({@link #command}).
 */
final class WhyWords {

    /** Every copy the snapshot shows (replacements included), by id, over every region. */
    private final Map<String, SegmentSnapshot> copies = new HashMap<>();
    private final List<RegionSnapshot> regions;

    WhyWords(EngineSnapshot now) {
        regions = now.regionsOrPrimary();
        for (RegionSnapshot r : regions) {
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                for (SegmentSnapshot s : pg.segments()) {
                    copies.put(s.id(), s);
                }
            }
        }
    }

    /** "copy C of pg-0": by the letter the snapshot gives it, or for a copy since retired, the letter of its place. */
    String copy(String segmentId, String pg) {
        char letter = letter(segmentId);
        return letter == 0 ? "copy " + segmentId : "copy " + letter + " of " + pg;
    }

    /** "copies E and F of pg-0" (one PG's copies, in letter order). */
    static String copies(List<SegmentSnapshot> segs, String pg) {
        List<String> letters = new ArrayList<>();
        segs.stream().map(SegmentSnapshot::letter).sorted().forEach(c -> letters.add(String.valueOf(c)));
        if (letters.size() == 1) {
            return "copy " + letters.get(0) + " of " + pg;
        }
        return "copies " + String.join(", ", letters.subList(0, letters.size() - 1)) + " and "
                + letters.get(letters.size() - 1) + " of " + pg;
    }

    /**
     * The copies of several groups: "copies E and F of pg-0, pg-1 and pg-2" when each group lost the same letters
     * ("copies E and F of 10 protection groups" past four), else group by group ("copy A of pg-0 and copies A and B
     * of pg-1"); empty for none.
     */
    static String copiesOfGroups(Map<String, List<SegmentSnapshot>> byGroup) {
        if (byGroup.isEmpty()) {
            return "";
        }
        List<String> letterSets = new ArrayList<>();
        byGroup.values().forEach(segs -> letterSets.add(lettersOf(segs)));
        boolean same = letterSets.stream().distinct().count() == 1;
        if (same && byGroup.size() > 1) {
            List<SegmentSnapshot> first = byGroup.values().iterator().next();
            String groups = byGroup.size() > 4 ? byGroup.size() + " protection groups"
                    : and(new ArrayList<>(byGroup.keySet()));
            return (first.size() == 1 ? "copy " : "copies ") + letterSets.get(0) + " of " + groups;
        }
        List<String> each = new ArrayList<>();
        byGroup.forEach((pg, segs) -> each.add(copies(segs, pg)));
        return and(each);
    }

    /** "E and F": the copies' letters in order. */
    private static String lettersOf(List<SegmentSnapshot> segs) {
        List<String> letters = new ArrayList<>();
        segs.stream().map(SegmentSnapshot::letter).sorted().forEach(c -> letters.add(String.valueOf(c)));
        return and(letters);
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A copy's letter: the snapshot's, or for an original copy no longer shown, its place's: the AZ's position in the
     * region's list times two plus its slot ("pg-0/us-east-1b/1" is C). 0 when neither says.
     */
    char letter(String segmentId) {
        SegmentSnapshot s = copies.get(segmentId);
        if (s != null) {
            return s.letter();
        }
        if (segmentId.contains("#")) {
            return 0; // a replacement since retired: its letter is not in its name
        }
        String[] parts = segmentId.split("/");
        if (parts.length < 3) {
            return 0;
        }
        String az = parts[parts.length - 2];
        String slot = parts[parts.length - 1];
        for (RegionSnapshot r : regions) {
            int i = r.azs().indexOf(az);
            if (i >= 0 && (slot.equals("1") || slot.equals("2"))) {
                return (char) ('A' + 2 * i + (slot.charAt(0) - '1'));
            }
        }
        return 0;
    }

    /**
     * The event in the learner's words, the same style for every kind: what happened to what, named as the window
     * names it (copies by their letter, "AZ us-east-1c", instances by id), times as the clock shows them, seconds not
     * milliseconds, and no engine bookkeeping (LSN numbers, "(s)", "->", kind codes such as "global-failover"). The
     * engine's own {@code detail()} is the event log's, which keeps those for whoever reads the log.
     */
    String of(AuroraEvent e) {
        // ---- faults and their repair
        if (e instanceof SegmentFailed x) {
            return copy(x.segment(), x.pg()) + " down";
        } else if (e instanceof SegmentDestroyed x) {
            return copy(x.segment(), x.pg()) + " destroyed with its data";
        } else if (e instanceof SegmentRestored x) {
            return copy(x.segment(), pgOf(x.segment())) + " back, catching up by gossip";
        } else if (e instanceof AvailabilityZoneFailed x) {
            return "AZ " + x.az() + " out";
        } else if (e instanceof AvailabilityZoneRestored x) {
            return "AZ " + x.az() + " back";
        } else if (e instanceof StorageNodeFailed x) {
            return "storage node " + x.nodeId() + " failed";
        } else if (e instanceof StorageNodeRestored x) {
            return "storage node " + x.nodeId() + " back";
        } else if (e instanceof RegionFailed x) {
            return "region " + x.region() + " out";
        } else if (e instanceof RegionRestored x) {
            return "region " + x.region() + " back";
        } else if (e instanceof InstanceFailed x) {
            return x.role() + " " + x.instanceId() + " in " + x.az() + " lost";
        } else if (e instanceof InstanceCrashed x) {
            return "the database process of " + x.role() + " " + x.instanceId() + " crashed; it restarts in place"
                    + (x.pageCacheKept() ? ", keeping its page cache" : ", losing its page cache");
        } else if (e instanceof InstanceReplaced x) {
            return x.instanceId() + " is on a new host in " + x.az();
        } else if (e instanceof InstanceRestarting x) {
            return x.instanceId() + " restarting (ready at " + ClockText.of(x.readyAtMicros()) + ")";
        } else if (e instanceof InstanceStarted x) {
            return x.role().startsWith("writer (") ? x.instanceId() + " is up again and recovers as the writer"
                    : x.role().startsWith("writer of the old") ? x.instanceId() + " is up and writes in the old"
                            + " primary, on its own" : x.instanceId() + " is up as a " + x.role();
        } else if (e instanceof ReplicaAdded x) {
            return "replica " + x.instanceId() + " being created in " + x.az() + " (tier " + x.tier() + ", ready at "
                    + ClockText.of(x.readyAtMicros()) + ")";
        } else if (e instanceof ReplicaRemoved x) {
            return "replica " + x.instanceId() + " removed";
        } else if (e instanceof PromotionTierChanged x) {
            return x.instanceId() + "'s promotion tier " + x.from() + " → " + x.to();
        }
        // ---- storage: repair and quorums
        if (e instanceof MembershipChangeStarted x) {
            return x.pg() + ": new copy " + name(x.replacement()) + " replaces " + name(x.suspect())
                    + ", filled from its peers";
        } else if (e instanceof MembershipChangeCommitted x) {
            return x.pg() + ": new copy " + name(x.added()) + " replaces " + name(x.removed()) + " for good";
        } else if (e instanceof MembershipChangeRolledBack x) {
            return x.pg() + ": " + name(x.returned()) + " came back first, so " + name(x.dropped()) + " is dropped";
        } else if (e instanceof SegmentCaughtUp x) {
            return copy(x.segment(), pgOf(x.segment())) + " has filled its holes";
        } else if (e instanceof SegmentHydrated x) {
            return "new " + copy(x.segment(), pgOf(x.segment())) + " is filled from its peers";
        } else if (e instanceof ProtectionGroupRestoredFromBackup x) {
            return x.pg() + " had no copy left: " + copy(x.segment(), x.pg()) + " restored from the S3 backup"
                    + (x.truncatedThroughLsn() <= x.vdl() ? "" : "; what was written to it since is on no copy, so"
                            + " the volume is cut back and " + writes(x.writesFailed(), "pending write") + " fail");
        } else if (e instanceof BoxcarsResent x) {
            return x.writer() + " sends " + x.pg() + " again what no copy it reaches holds (" + x.boxcars() + " boxcar"
                    + (x.boxcars() == 1 ? "" : "s") + ")";
        } else if (e instanceof DegradedQuorumEntered x) {
            return "quorum changed to leave AZ " + x.az() + " out: " + x.protectionGroups() + " protection group"
                    + (x.protectionGroups() == 1 ? " writes" : "s write") + " with 3 of the 4 copies left";
        } else if (e instanceof DegradedQuorumLeft x) {
            return "copies in AZ " + x.az() + " caught up: back to 4 of 6 for writes, 3 of 6 for reads";
        } else if (e instanceof WriteQuorumLost x) {
            return x.pg() + " reaches " + x.reachable() + " copies; writes need " + x.needed();
        } else if (e instanceof WriteQuorumRegained x) {
            return x.pg() + " has its write quorum again";
        } else if (e instanceof ReadQuorumLost x) {
            return x.pg() + " reaches " + x.reachable() + " copies; a read needs " + x.needed();
        } else if (e instanceof ReadQuorumRegained x) {
            return x.pg() + " has its read quorum again";
        } else if (e instanceof VolumeStatusChanged x) {
            return "volume " + x.from().toLowerCase(Locale.ROOT) + " → " + x.to().toLowerCase(Locale.ROOT);
        } else if (e instanceof StaleWriteRejected x) {
            return copy(x.segment(), pgOf(x.segment())) + " refuses a boxcar from " + x.fromInstance()
                    + ": its volume epoch is old (" + x.staleEpoch() + ", now " + x.currentEpoch() + ")";
        } else if (e instanceof LsnAllocationLimitReached) {
            return "writes throttled: the next LSN would pass VDL + LAL";
        } else if (e instanceof AcknowledgedWritesLost x) {
            return writes(x.count(), "acknowledged write") + " lost: " + x.reason();
        }
        // ---- writer and failover
        if (e instanceof WriterFailureDetected x) {
            return "health checks find writer " + x.writer() + " gone";
        } else if (e instanceof FailoverStarted x) {
            return "failover from " + x.from() + " to " + x.to() + " (" + x.why() + ")";
        } else if (e instanceof WriterRecreationStarted x) {
            return "no replica to promote: writer " + x.instanceId() + " is recreated "
                    + (x.az().equals(x.fromAz()) ? "in its AZ" : "in " + x.az() + " (its AZ " + x.fromAz() + " is out)")
                    + ", ready at " + ClockText.of(x.readyAtMicros());
        } else if (e instanceof NoWriterAvailable x) {
            return "no writer: " + x.reason();
        } else if (e instanceof WriterPromoted x) {
            return x.instanceId() + " restarted as the writer and starts crash recovery";
        } else if (e instanceof CrashRecoveryCompleted x) {
            return x.writer() + " recovered the volume: what no write quorum held is dropped, and volume epoch "
                    + x.volumeEpoch() + " fences the old writer";
        } else if (e instanceof ClusterEndpointMoved x) {
            return "the cluster endpoint's DNS now points to " + x.to() + (x.from() == null ? "" : " (was " + x.from()
                    + ")");
        } else if (e instanceof FailoverCompleted x) {
            return "writes resume on " + x.to() + " after " + seconds(x.durationMicros());
        } else if (e instanceof WorkloadChanged x) {
            return String.format(Locale.ROOT, "workload set to %,.0f writes/s and %,.0f reads/s", x.writesPerSecond(),
                    x.readsPerSecond());
        } else if (e instanceof CommandRejected x) {
            return "cannot " + x.command() + ": " + x.reason();
        }
        return global(e);
    }

    /** A Global Database event in the learner's words. */
    private String global(AuroraEvent e) {
        if (e instanceof GlobalSwitchoverStarted x) {
            return "switchover from " + x.from() + " to " + x.to() + " started: writes stop until " + x.to()
                    + " is in sync";
        } else if (e instanceof GlobalSecondaryInSync x) {
            return x.region() + " holds every acknowledged write: the regions swap roles";
        } else if (e instanceof GlobalPromotionStarted x) {
            String what = x.kind() == FailoverKind.DETACH_AND_PROMOTE ? "detach and promote " + x.to()
                    : "global failover from " + x.from() + " to " + x.to();
            return what + " started: " + (x.acknowledgedWritesLost() == 0 ? "no acknowledged write is lost"
                    : writes(x.acknowledgedWritesLost(), "acknowledged write") + " not yet in " + x.to()
                            + " are lost (RPO " + seconds(x.rpoMicros()) + ")");
        } else if (e instanceof GlobalPromotionCompleted x) {
            return x.kind().label() + " done: " + x.writerId() + " in " + x.to() + " takes writes, "
                    + seconds(x.rtoMicros()) + " after it was asked for";
        } else if (e instanceof GlobalOperationCancelled x) {
            return x.kind().label() + " to " + x.region() + " cancelled: " + x.reason();
        } else if (e instanceof RegionRebuildStarted x) {
            return (x.oldPrimary() ? "old primary " : "secondary ") + x.region() + " is being rebuilt from "
                    + x.fromRegion() + " after the global failover; no reads until " + ClockText.of(x.readyAtMicros());
        } else if (e instanceof RegionRejoined x) {
            return x.region() + " rejoined as a secondary, rebuilt from the primary; replication goes on from there";
        } else if (e instanceof OldPrimarySnapshotTaken x) {
            return "snapshot " + x.snapshotName() + " of old primary " + x.region() + " taken: the "
                    + writes(x.writesOnlyInSnapshot(), "acknowledged write") + " the failover lost are only there,"
                    + " to recover by hand";
        } else if (e instanceof SplitBrainDetected x) {
            return "split brain: " + and(x.writableRegions()) + " both take writes";
        } else if (e instanceof SplitBrainEnded) {
            return "split brain over: one region takes writes";
        } else if (e instanceof ManagedRpoChanged x) {
            return x.seconds() == 0 ? "managed RPO off" : "managed RPO set to " + x.seconds() + " s";
        } else if (e instanceof CommitsBlocked x) {
            return "commits on the primary wait: every secondary lags more than the managed RPO of "
                    + x.managedRpoSeconds() + " s";
        } else if (e instanceof CommitsUnblocked x) {
            return x.region() == null ? "commits resume: the managed RPO no longer holds them"
                    : "commits resume: " + x.region() + " is within the managed RPO again";
        } else if (e instanceof WriteForwardingChanged x) {
            return x.consistency() == null ? "write forwarding off in " + x.region()
                    : "write forwarding on in " + x.region() + " (" + x.consistency() + " reads)";
        }
        return e.detail();
    }

    /**
     * A command in the learner's words, for a link that stands for the command itself (its effects came later, by
     * timers): the same words its event would have ("AZ us-east-1c back"), or what was asked for.
     */
    String command(String description) {
        String[] verbs = {"fail instance ", "crash instance ", "restore instance ", "fail AZ ", "restore AZ ",
            "fail storage node ", "restore storage node ", "fail segment ", "restore segment ", "destroy segment ",
            "fail region ", "restore region ", "fail over to ", "switch over to ", "detach and promote ",
            "fail over the global database to "};
        for (String verb : verbs) {
            if (!description.startsWith(verb)) {
                continue;
            }
            String what = description.substring(verb.length());
            return switch (verb) {
                case "fail instance " -> what + " lost";
                case "crash instance " -> "the database process of " + what + " crashed";
                case "restore instance " -> what + " restored";
                case "fail AZ " -> "AZ " + what + " out";
                case "restore AZ " -> "AZ " + what + " back";
                case "fail storage node " -> "storage node " + what + " failed";
                case "restore storage node " -> "storage node " + what + " back";
                case "fail segment " -> copy(what, pgOf(what)) + " down";
                case "restore segment " -> copy(what, pgOf(what)) + " restored";
                case "destroy segment " -> copy(what, pgOf(what)) + " destroyed with its data";
                case "fail region " -> "region " + what + " out";
                case "restore region " -> "region " + what + " back";
                case "fail over to " -> "failover to " + what + " asked for";
                case "switch over to " -> "switchover to " + what + " asked for";
                case "detach and promote " -> "detach and promote " + what + " asked for";
                default -> "global failover to " + what.replace(" (allow data loss)", "") + " asked for, data loss"
                        + " allowed";
            };
        }
        return description.equals("fail over") ? "failover asked for" : description;
    }

    /** The group of a copy: its id less "/AZ/copy" ("pg-0/us-east-1b/1", "eu-west-1/pg-0/eu-west-1a/1#2"). */
    static String pgOf(String segmentId) {
        int last = segmentId.lastIndexOf('/');
        int before = last <= 0 ? -1 : segmentId.lastIndexOf('/', last - 1);
        return before < 0 ? segmentId : segmentId.substring(0, before);
    }

    /** "1 acknowledged write", "160 acknowledged writes". */
    private static String writes(long n, String what) {
        return String.format(Locale.ROOT, "%,d", n) + " " + what + (n == 1 ? "" : "s");
    }

    /** "27.0 s", "0.039 s" under a second. */
    static String seconds(long micros) {
        return micros < 1_000_000 && micros > 0 ? String.format(Locale.ROOT, "%.3f s", micros / 1e6)
                : String.format(Locale.ROOT, "%.1f s", micros / 1e6);
    }

    /** "C", or the id when the letter is unknown. */
    private String name(String segmentId) {
        char c = letter(segmentId);
        return c == 0 ? segmentId : String.valueOf(c);
    }
}

package dev.auroralab.teach;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a "why?" link: an event said short, with copies named as the topology draws them ("copy C of pg-0",
 * the PG's copies lettered A to F, two per AZ in the AZs' order, replacements G, H, ... as they join). The engine's
 * own {@code detail()} is kept for everything that needs no shortening.
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

    /** The event in a few plain words: faults name what went; the rest say what the engine's detail says. */
    String of(AuroraEvent e) {
        if (e instanceof SegmentFailed x) {
            return copy(x.segment(), x.pg()) + " down";
        } else if (e instanceof SegmentDestroyed x) {
            return copy(x.segment(), x.pg()) + " destroyed with its data";
        } else if (e instanceof AvailabilityZoneFailed x) {
            return "AZ " + x.az() + " out";
        } else if (e instanceof StorageNodeFailed x) {
            return "storage node " + x.nodeId() + " failed";
        } else if (e instanceof RegionFailed x) {
            return "region " + x.region() + " out";
        } else if (e instanceof InstanceFailed x) {
            return x.role() + " " + x.instanceId() + " in " + x.az() + " lost";
        } else if (e instanceof MembershipChangeStarted x) {
            return x.pg() + ": new copy " + name(x.replacement()) + " replaces " + name(x.suspect())
                    + ", filled from its peers";
        } else if (e instanceof MembershipChangeCommitted x) {
            return x.pg() + ": new copy " + name(x.added()) + " replaces " + name(x.removed()) + " for good";
        } else if (e instanceof MembershipChangeRolledBack x) {
            return x.pg() + ": " + name(x.returned()) + " came back first, so " + name(x.dropped()) + " is dropped";
        } else if (e instanceof SegmentRestored x) {
            return "copy " + name(x.segment()) + " reachable again, catching up";
        } else if (e instanceof SegmentCaughtUp x) {
            return "copy " + name(x.segment()) + " has filled its holes";
        } else if (e instanceof SegmentHydrated x) {
            return "new copy " + name(x.segment()) + " is filled from its peers";
        } else if (e instanceof WriteQuorumLost x) {
            return x.pg() + " reaches " + x.reachable() + " copies; writes need " + x.needed();
        } else if (e instanceof VolumeStatusChanged x) {
            return "volume " + x.from().toLowerCase(java.util.Locale.ROOT) + " → " + x.to().toLowerCase(java.util.Locale.ROOT);
        }
        return e.detail();
    }

    /** "C", or the id when the letter is unknown. */
    private String name(String segmentId) {
        char c = letter(segmentId);
        return c == 0 ? segmentId : String.valueOf(c);
    }
}

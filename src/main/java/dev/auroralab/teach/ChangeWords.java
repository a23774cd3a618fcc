package dev.auroralab.teach;

import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.engine.snapshot.Vitals.RegionVitals;
import dev.auroralab.run.Branch;
import dev.auroralab.run.ClockText;
import java.util.ArrayList;
import java.util.List;

/**
 * A significant change in words: what is about to be done to the cluster (the prompt's lead), and what happened
 * (after the answer), one short sentence per vital that changed, in the order a learner checks them: writes, reads,
 * the writer, the failover, the regions, the quorums, the AZs, the reader endpoint, the lost writes.
 */
final class ChangeWords {

    private ChangeWords() {
    }

    /**
     * "At 0:10.000 the scenario will: fail AZ us-east-1c." (the learner's own actions say "you will"), or, with no
     * command in the step, that the engine carries on by itself (and the failover's phase, when one is under way).
     */
    static String lead(SignificantChange c) {
        if (c.commands().isEmpty()) {
            FailoverPhase p = c.before().phase();
            return "Nothing more is done to the cluster: the engine carries on by itself"
                    + (p == FailoverPhase.NONE ? "." : " (failover: " + p.label() + ").");
        }
        StringBuilder b = new StringBuilder("At " + ClockText.of(c.commands().get(0).atMicros()));
        Boolean learner = null;
        for (Branch.Entry e : c.commands()) {
            if (learner == null || learner != e.learner()) {
                b.append(learner == null ? " " : "; then ").append(e.learner() ? "you will: " : "the scenario will: ");
                learner = e.learner();
            } else {
                b.append(", then ");
            }
            b.append(e.command().command().describe());
        }
        return b.append('.').toString();
    }

    /** What changed, in sentences; "Nothing the application notices changes." leads when it is the case. */
    static List<String> whatHappened(SignificantChange c) {
        Vitals a = c.before();
        Vitals b = c.after();
        List<String> out = new ArrayList<>();
        if (PredictionChoice.of(PredictionChoice.Kind.NOTHING_NOTICED).holds(a, b)) {
            out.add("Nothing the application notices changes: writes " + (b.writable() ? "go on" : "stay stopped")
                    + ", reads " + (b.readable() ? "go on" : "stay stopped") + ".");
        } else {
            if (a.writable() != b.writable()) {
                out.add(b.writable() ? "Writes resume." : "Writes stop.");
            }
            if (a.readable() != b.readable()) {
                out.add(b.readable() ? "Reads resume." : "Reads stop.");
            }
        }
        if (!same(a.writerId(), b.writerId())) {
            out.add(b.writerId() == null ? a.writerId() + " is no longer the writer: there is no writer."
                    : b.writerId() + " becomes the writer.");
        }
        if (a.phase() != b.phase()) {
            out.add(b.phase() == FailoverPhase.NONE ? "The failover is over."
                    : "Failover: " + b.phase().label() + ".");
        }
        if (!a.writerRegion().equals(b.writerRegion())) {
            out.add(b.writerRegion() + " becomes the primary region.");
        }
        for (RegionVitals rb : b.regions()) {
            RegionVitals ra = a.region(rb.region());
            if (ra == null) {
                continue;
            }
            regionWords(ra, rb, b.regions().size() > 1, b.writerRegion(), out);
        }
        if (!a.readerEndpoint().equals(b.readerEndpoint())) {
            out.add(b.readerEndpoint().isEmpty() ? "The reader endpoint has no instance to send reads to."
                    : "The reader endpoint sends reads to " + String.join(", ", b.readerEndpoint()) + ".");
        }
        long lost = b.acknowledgedWritesLost() - a.acknowledgedWritesLost();
        if (lost > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%,d acknowledged writes are lost.", lost));
        }
        return out;
    }

    private static void regionWords(RegionVitals a, RegionVitals b, boolean global, String writerRegion,
            List<String> out) {
        String in = global ? " in " + b.region() : "";
        boolean outOrBack = a.role() != b.role() && (a.role() == RegionRole.DOWN || b.role() == RegionRole.DOWN);
        if (global && a.role() != b.role()) {
            out.add(b.region() + " is " + (b.role() == RegionRole.DOWN ? "out"
                    : a.role() == RegionRole.DOWN ? "back, as " + b.role().word() : "now " + b.role().word()) + ".");
        }
        if (outOrBack) {
            return; // a region out or back: its AZs, quorums and service go with it, and saying each is noise
        }
        if (global && !b.region().equals(writerRegion)) {
            if (a.readable() != b.readable()) {
                out.add(b.region() + (b.readable() ? " serves reads again." : " stops serving reads."));
            }
            if (a.writable() != b.writable()) {
                out.add(b.region() + (b.writable() ? " takes writes of its own." : " no longer takes writes."));
            }
        }
        for (String az : b.downAzs()) {
            if (!a.downAzs().contains(az)) {
                out.add("AZ " + az + " is out.");
            }
        }
        for (String az : a.downAzs()) {
            if (!b.downAzs().contains(az)) {
                out.add("AZ " + az + " is back.");
            }
        }
        quorumWords("write", a.groupsWithoutWriteQuorum(), a.firstWithoutWriteQuorum(), b.groupsWithoutWriteQuorum(),
                b.firstWithoutWriteQuorum(), in, out);
        quorumWords("read", a.groupsWithoutReadQuorum(), a.firstWithoutReadQuorum(), b.groupsWithoutReadQuorum(),
                b.firstWithoutReadQuorum(), in, out);
    }

    private static void quorumWords(String which, int countA, String firstA, int countB, String firstB, String in,
            List<String> out) {
        if (countA == countB && same(firstA, firstB)) {
            return;
        }
        if (countB == 0) {
            out.add("Every protection group" + in + " has its " + which + " quorum again.");
        } else if (countB == 1) {
            out.add(firstB + in + " is without its " + which + " quorum.");
        } else {
            out.add(String.format(java.util.Locale.ROOT, "%,d protection groups%s are without their %s quorum"
                    + " (the first: %s).", countB, in, which, firstB));
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}

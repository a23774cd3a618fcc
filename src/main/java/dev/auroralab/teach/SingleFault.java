package dev.auroralab.teach;

import dev.auroralab.engine.command.Command;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One element a learner could fail with one command, the command, and what that fault would do next: its effects
 * (empty when it is safe) and one line of why ("pg-0 would reach 3 of 6 copies; writes need 4").
 *
 * @param kind what the element is
 * @param id the element's id as the snapshot names it (a copy's segment id, a node, an AZ, an instance, a region)
 * @param region the region the element belongs to
 * @param fault the one command that fails it
 * @param effects what the fault would do next; empty when it is safe
 * @param reasons one sentence per effect, in the order of {@link FaultEffect}; empty when safe
 */
public record SingleFault(Kind kind, String id, String region, Command fault, Set<FaultEffect> effects,
        List<String> reasons) {

    /** The elements a learner can fail with one command, with the word a learner reads for each. */
    public enum Kind {
        COPY("copy"), STORAGE_NODE("storage node"), AZ("AZ"), INSTANCE("instance"), REGION("region");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public SingleFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(fault, "fault");
        effects = effects.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(effects));
        reasons = List.copyOf(reasons);
        if (effects.isEmpty() != reasons.isEmpty()) {
            throw new IllegalArgumentException("a fault with effects says why, a safe one says nothing: " + effects
                    + " / " + reasons);
        }
    }

    /** Whether the fault changes nothing a learner watches (writes, reads, the read quorum, the writer). */
    public boolean safe() {
        return effects.isEmpty();
    }

    /** The worst effect (the first in {@link FaultEffect}'s order), or null when safe. */
    public FaultEffect worst() {
        for (FaultEffect e : FaultEffect.values()) {
            if (effects.contains(e)) {
                return e;
            }
        }
        return null;
    }

    /** "writes stop", "no writer for minutes · reads stop", or "safe": the effects' short words, worst first. */
    public String label() {
        if (safe()) {
            return "safe";
        }
        StringBuilder b = new StringBuilder();
        for (FaultEffect e : FaultEffect.values()) {
            if (effects.contains(e)) {
                b.append(b.isEmpty() ? "" : " · ").append(e.shortLabel());
            }
        }
        return b.toString();
    }

    /** "failover (writes pause ~30 s) · reads stop", or "safe": the effects' full words, for the inspector. */
    public String labelInFull() {
        if (safe()) {
            return "safe";
        }
        StringBuilder b = new StringBuilder();
        for (FaultEffect e : FaultEffect.values()) {
            if (effects.contains(e)) {
                b.append(b.isEmpty() ? "" : " · ").append(e.label());
            }
        }
        return b.toString();
    }

    /** The reasons as one line, or "nothing a learner watches changes" when safe. */
    public String reason() {
        return safe() ? "nothing a learner watches changes (writes, reads, quorums, the writer)"
                : String.join("; ", reasons);
    }

    /** "fail segment pg-0/us-east-1b/1 → writes stop: pg-0 would reach 3 of 6 copies; writes need 4". */
    public String describe() {
        return fault.describe() + " → " + labelInFull() + (safe() ? "" : ": " + reason());
    }
}
